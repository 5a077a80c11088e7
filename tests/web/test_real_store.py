"""Every page on a store of more than 1,000 real articles, in a real chromium, at laptop
(1,400 px) and phone (375 px) widths, in both interfaces: nothing wider than the window,
no clipped or letter-per-line text, under 2 MB and 10,000 px each, axis labels that do
not collide, and a map that pans and zooms without leaving the page.

The store is built with the real ingest (``real_store.py``: ~1,300 articles; the time it
took is printed), once, and reused by later sessions on the same code. Screenshots of
every page are kept under the session's temporary folder (the path is printed), or
``MARSAD_SCREENSHOTS``.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from live_server import live_server
from real_store import MIN_ARTICLES, cached_real_store, shared_data_present

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.network,
    pytest.mark.skipif(not shared_data_present(), reason="needs ../shared/data (real articles)"),
]

WIDTHS = {"laptop": 1400, "phone": 375}
MAX_BYTES = 2_000_000
MAX_HEIGHT = 10_000


@dataclass(frozen=True)
class RealSite:
    url: str
    paths: dict[str, str]  # page name -> path
    shots: Path


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealSite]:
    from marsad.api.app import create_app
    from marsad.entities.views import list_entities
    from marsad.store import open_store
    from marsad.web.stories import listed_stories

    # Beside pytest's numbered session folders, so a later session on the same code reuses it.
    built = cached_real_store(tmp_path_factory.getbasetemp().parent)
    how = f"built in {built.build_s} s" if built.build_s is not None else "reused"
    print(f"\nreal store: {built.articles} articles, {how} ({built.db})")
    assert built.articles >= MIN_ARTICLES
    with open_store(built.db) as store:
        top = list_entities(store, limit=1)[0]  # the most mentioned: the longest entity page
        stories, _ = listed_stories(store, 2000, 0)
        biggest = max(stories, key=lambda s: len(s.headlines))
        longest = {"en": ("", 0), "ar": ("", 0)}
        for article in store.iter_articles():
            lang = article.lang if article.lang in longest else None
            if lang and len(article.text) > longest[lang][1]:
                longest[lang] = (article.id, len(article.text))
    paths = {
        "home": "/",
        "search": "/?q=Syria",
        "story": f"/stories/{biggest.id}",
        "article-en": f"/articles/{longest['en'][0]}",
        "article-ar": f"/articles/{longest['ar'][0]}",
        "entity": f"/entities/{top.id}",
        "timeline": "/timeline",
        "map": "/map",
    }
    shots = Path(os.environ.get("MARSAD_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    print(f"screenshots: {shots}")
    with live_server(create_app(str(built.db))) as url:
        yield RealSite(url, paths, shots)


# What is wider than the window, clipped or squeezed text, the page's height and bytes.
MEASURE = (Path(__file__).parent / "measure.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tabs(browser: Any) -> Iterator[dict[str, Any]]:
    contexts = {
        name: browser.new_context(viewport={"width": width, "height": 900})
        for name, width in WIDTHS.items()
    }
    opened = {name: c.new_page() for name, c in contexts.items()}
    for tab in opened.values():
        tab.set_default_timeout(30_000)
    yield opened
    for c in contexts.values():
        c.close()


PAGES = ["home", "search", "story", "article-en", "article-ar", "entity", "timeline", "map"]


@pytest.mark.parametrize("ui", ["en", "ar"])
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", PAGES)
def test_real_store_page_fits(
    real_site: RealSite, tabs: dict[str, Any], name: str, width: str, ui: str
) -> None:
    tab = tabs[width]
    path = real_site.paths[name]
    problems: list[str] = []
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    started = time.perf_counter()
    response = tab.goto(real_site.url + path + ("&" if "?" in path else "?") + f"ui={ui}")
    seconds = time.perf_counter() - started
    assert response is not None and response.status == 200
    m = tab.evaluate(MEASURE)
    tab.screenshot(path=str(real_site.shots / f"{name}-{ui}-{width}.png"), full_page=True)
    print(f"{name} {ui} {width}: {m['height']} px, {m['bytes']} bytes, {seconds:.2f} s")
    assert problems == []
    assert m["scrollWidth"] <= m["vw"], m["wide"][:10]
    assert m["wide"] == [], m["wide"][:10]
    assert m["clipped"] == [], m["clipped"][:10]
    assert m["squeezed"] == [], m["squeezed"][:10]
    assert m["svgText"] == [], m["svgText"][:10]
    assert m["bytes"] < MAX_BYTES
    assert m["height"] < MAX_HEIGHT
    assert tab.locator("html").get_attribute("dir") == ("rtl" if ui == "ar" else "ltr")


def test_real_store_timeline_labels_sit_under_their_bars_and_do_not_collide(
    real_site: RealSite, tabs: dict[str, Any]
) -> None:
    tab = tabs["laptop"]
    for ui in ("en", "ar"):
        tab.goto(f"{real_site.url}/timeline?ui={ui}")
        boxes = tab.evaluate(
            """() => Array.from(document.querySelectorAll('.timeline-svg text.axis'))
                .map(t => { const b = t.getBoundingClientRect(); return [b.left, b.right]; })"""
        )
        assert len(boxes) >= 2
        boxes.sort()
        for (_, right), (left, _) in itertools.pairwise(boxes):
            assert right <= left, boxes
        # Totals are centred on their bars: in Arabic too (the axis runs left to right).
        offsets = tab.evaluate(
            """() => Array.from(document.querySelectorAll('.timeline-svg .column')).flatMap(g => {
                const bar = g.querySelector('rect'), total = g.querySelector('.total');
                if (!bar || !total) return [];
                const a = bar.getBoundingClientRect(), b = total.getBoundingClientRect();
                return [Math.abs((a.left + a.right) / 2 - (b.left + b.right) / 2)]; })"""
        )
        assert offsets and max(offsets) < 2, offsets


def test_real_store_map_zooms_and_pans_in_the_page(
    real_site: RealSite, tabs: dict[str, Any]
) -> None:
    tab = tabs["laptop"]
    tab.goto(real_site.url + "/map")
    svg = tab.locator("svg.map-svg")
    clusters = tab.locator(".layer.clusters:not(.off) .cluster:not(.single)")
    assert clusters.count() >= 1  # nearby places are grouped at the first zoom
    shown_before = tab.locator(".layer:not(.off)").first.get_attribute("data-from")
    svg.hover()
    for _ in range(8):
        tab.mouse.wheel(0, -300)
    tab.wait_for_function("() => parseFloat(document.querySelector('.map-svg').dataset.zoom) > 4")
    transform = tab.locator(".viewport").get_attribute("transform")
    assert transform and "scale(" in transform
    assert tab.locator(".layer:not(.off)").count() == 1
    assert tab.locator(".layer:not(.off)").first.get_attribute("data-from") != shown_before
    box = svg.bounding_box()
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tab.mouse.down()
    tab.mouse.move(box["x"] + box["width"] / 2 + 120, box["y"] + box["height"] / 2 + 40)
    tab.mouse.up()
    assert tab.locator(".viewport").get_attribute("transform") != transform
    assert tab.url.endswith("/map")  # still the same page: nothing navigated


def test_real_store_map_table_and_entity_page_are_paged(
    real_site: RealSite, tabs: dict[str, Any]
) -> None:
    tab = tabs["laptop"]
    for path in ("/map", real_site.paths["entity"], "/?q=Syria"):
        tab.goto(real_site.url + path)
        pager = tab.locator("nav.pager")
        assert pager.count() == 1, path
        tab.locator("nav.pager a[rel=next]").click()
        tab.wait_for_url("**page=2*")
        assert "2 /" in tab.locator("nav.pager span").inner_text()


def test_real_store_arabic_interface_names_entities_in_arabic(
    real_site: RealSite, tabs: dict[str, Any]
) -> None:
    tab = tabs["laptop"]
    tab.goto(f"{real_site.url}{real_site.paths['entity']}?ui=ar")
    name = tab.locator("h1.entity-name").inner_text()
    assert any("\u0600" <= ch <= "\u06ff" for ch in name), name
    linked = tab.locator(".co-link").all_inner_texts()
    arabic = [t for t in linked if any("\u0600" <= ch <= "\u06ff" for ch in t)]
    assert linked and arabic, linked
