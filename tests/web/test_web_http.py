"""The pages over plain HTTP against the real server: status codes, 404 pages, escaping,
security headers, facets and the Arabic interface."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from web_paths import fill

pytestmark = pytest.mark.network


@pytest.fixture
def http(server: str) -> Iterator[httpx.Client]:
    """A fresh client per test, so a cookie one test gets (``?ui=ar``) stays there."""
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?q=Qamishli",
        "/?q=قامشلو&lang=ar",
        "/stories/{000}",
        "/stories/{001}",
        "/articles/{001}",
        "/articles/{002}",
        "/entities/marsad:org/isis",
        "/map",
        "/timeline",
        "/?ui=ar",
        "/static/marsad.css",
        "/static/marsad.js",
    ],
)
def test_routes_pages_answer_with_security_headers(
    http: httpx.Client, web_store, path: str
) -> None:
    response = http.get(fill(path, web_store.ids))
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/articles/0000000000000000",
        "/stories/ffffffffffffffff",
        "/entities/marsad:per/nobody",
        "/entities/L-PER-قامشلو",
        "/static/..%2Froutes.py",
        "/static/routes.py",
        "/static/.hidden.css",
        "/no/such/page",
    ],
)
def test_routes_unknown_things_get_an_html_404(http: httpx.Client, path: str) -> None:
    response = http.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Not found" in response.text


@pytest.mark.parametrize("path", ["/articles/{xss}", "/stories/{xss}", "/?q=Protest"])
def test_routes_escape_article_text(http: httpx.Client, web_store, path: str) -> None:
    html = http.get(fill(path, web_store.ids)).text
    assert "<script>window.__xss" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html


def test_routes_escape_the_query_echoed_back(http: httpx.Client) -> None:
    html = http.get("/", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


@pytest.mark.parametrize(("lang", "query"), [("ar", "قامشلو"), ("en", "Qamishli")])
def test_routes_language_facet_keeps_one_language(
    http: httpx.Client, lang: str, query: str
) -> None:
    html = http.get("/", params={"q": query, "lang": lang}).text
    other = "en" if lang == "ar" else "ar"
    assert f'class="hit" lang="{lang}"' in html
    assert f'class="hit" lang="{other}"' not in html


@pytest.mark.parametrize(
    ("ui", "dir_", "heading"), [("ar", "rtl", "القصص"), ("en", "ltr", "Stories")]
)
def test_routes_interface_language_follows_ui(
    server: str, ui: str, dir_: str, heading: str
) -> None:
    # A client of its own: the cookie it gets back must not change the other tests' pages.
    with httpx.Client(base_url=server, timeout=30) as client:
        response = client.get("/", params={"ui": ui})
        assert f'<html lang="{ui}" dir="{dir_}">' in response.text
        assert f"<h1>{heading}" in response.text
        assert response.cookies.get("marsad_ui") == ui
        # The cookie keeps the choice on the next page, without the parameter.
        assert f'<html lang="{ui}"' in client.get("/map").text


@pytest.mark.parametrize(("seed", "label"), [("001", "الأحداث"), ("000", "Events")])
def test_routes_article_panel_labels_follow_its_language(
    http: httpx.Client, web_store, seed: str, label: str
) -> None:
    html = http.get(f"/articles/{web_store.ids[seed]}").text
    lang = "ar" if seed == "001" else "en"
    assert f'lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}"' in html
    assert f'class="label">{label}' in html


def test_routes_entity_page_shows_names_in_both_scripts(http: httpx.Client, web_store) -> None:
    html = http.get("/entities/marsad:per/abdul-karim-omar").text
    assert "Abdul Karim Omar" in html and "عبد الكريم عمر" in html
    for seed in ("000", "001"):
        assert f'href="/articles/{web_store.ids[seed]}"' in html
    assert 'class="co-link"' in html


def test_routes_map_plots_seed_places_on_outlines(http: httpx.Client) -> None:
    html = http.get("/map").text
    assert html.count('class="country"') > 3
    assert 'href="/entities/marsad:place/qamishli"' in html


def test_routes_timeline_draws_a_bar_per_event_type(http: httpx.Client) -> None:
    html = http.get("/timeline").text
    assert 'class="bar ev-CONSULT"' in html and 'class="bar ev-ASSAULT"' in html


@pytest.mark.parametrize(
    ("country", "inside", "outside"), [("SY", "qamishli", "Q863"), ("TJ", "Q863", "qamishli")]
)
def test_routes_map_zooms_to_one_country(
    http: httpx.Client, country: str, inside: str, outside: str
) -> None:
    html = http.get("/map", params={"country": country}).text
    assert f'href="/entities/{inside}"' in html or f'href="/entities/marsad:place/{inside}"' in html
    assert f"/entities/marsad:place/{outside}" not in html and f'"/entities/{outside}"' not in html


@pytest.mark.parametrize("seed", ["000", "001"])
def test_routes_story_by_article_id_shows_the_whole_story(
    http: httpx.Client, web_store, seed: str
) -> None:
    html = http.get(f"/stories/{web_store.ids[seed]}").text
    for member in ("000", "001"):
        assert f'data-article="{web_store.ids[member]}"' in html
    assert 'class="merged-events"' in html and 'class="hl hl-trigger' in html
