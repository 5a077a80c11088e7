"""The web UI in a real headless chromium against a real server on loopback."""

from __future__ import annotations

from typing import Any

import pytest
from web_paths import fill

pytestmark = [pytest.mark.browser, pytest.mark.network]

# (language, what an analyst types, seed whose story it finds, an entity to follow)
JOURNEYS = [
    ("en", "Tajik delegation", "000", "marsad:per/abdul-karim-omar"),
    ("ar", "طاجيكستان", "001", "marsad:per/abdul-karim-omar"),
]


@pytest.mark.parametrize(("lang", "query", "seed", "entity"), JOURNEYS, ids=["en", "ar"])
def test_browser_search_leads_to_story_then_entity(
    page: Any, server: str, web_store: Any, lang: str, query: str, seed: str, entity: str
) -> None:
    page.goto(server + "/")
    page.fill("#f-q", query)
    page.select_option("#f-lang", lang)  # submits through marsad.js; the button does too
    page.wait_for_url("**/?*lang=" + lang + "*")
    hit = page.locator(f'.hit[lang="{lang}"] a.story-link').first
    hit.click()
    page.wait_for_url("**/stories/*")
    panel = page.locator(f'.panel[data-article="{web_store.ids[seed]}"]')
    assert panel.count() == 1
    panel.locator(f'a.chip[href="/entities/{entity}"]').click()
    page.wait_for_url(f"**/entities/{entity}")
    assert "Abdul Karim Omar" in page.locator("h1.entity-name").inner_text()
    assert "عبد الكريم عمر" in page.locator(".names-by-lang").inner_text()


@pytest.mark.parametrize(("seed", "direction"), [("001", "rtl"), ("000", "ltr")], ids=["ar", "en"])
def test_browser_panels_follow_their_script_direction(
    page: Any, server: str, web_store: Any, seed: str, direction: str
) -> None:
    page.goto(f"{server}/articles/{web_store.ids[seed]}")
    panel = page.locator(".panel").first
    assert panel.evaluate("el => getComputedStyle(el).direction") == direction
    # A short heading's text box sits against the start edge: right in Arabic, left in English.
    box = page.locator(".panel .body > .label").evaluate(
        """h => { const r = document.createRange(); r.selectNodeContents(h);
                  const t = r.getBoundingClientRect(), c = h.getBoundingClientRect();
                  return {left: t.left - c.left, right: c.right - t.right}; }"""
    )
    start, end = (box["right"], box["left"]) if direction == "rtl" else (box["left"], box["right"])
    assert start < 2 < end, box


def test_browser_story_of_two_languages_shows_arabic_panel_rtl(
    page: Any, server: str, web_store: Any
) -> None:
    page.goto(f"{server}/articles/{web_store.ids['001']}")
    page.click("a.story-link")
    page.wait_for_url("**/stories/*")
    # Seeds 000 and 001 report one visit in two languages: one story, two columns.
    for seed in ("000", "001"):
        assert page.locator(f'.panel[data-article="{web_store.ids[seed]}"]').count() == 1
    arabic = page.locator('.panel[lang="ar"]').first
    english = page.locator('.panel[lang="en"]').first
    assert arabic.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert english.evaluate("el => getComputedStyle(el).direction") == "ltr"
    # Side by side at laptop width: the Arabic column is to the right of the English one.
    assert arabic.bounding_box()["x"] > english.bounding_box()["x"]
    assert arabic.locator(".body > .label").inner_text() == "النص"


@pytest.mark.parametrize("path", ["/articles/{xss}", "/stories/{xss}", "/?q=Protest", "/"])
def test_browser_xss_payload_stays_inert(
    page: Any, server: str, web_store: Any, hostile: dict[str, str], path: str
) -> None:
    page.goto(server + fill(path, web_store.ids))
    assert page.evaluate("() => window.__xss === undefined")
    assert page.locator("img").count() == 0
    assert hostile["title"] in page.locator("main").inner_text()
    if path.startswith("/articles"):
        assert hostile["img"] in page.locator(".text").inner_text()


PAGES = ["/", "/?q=Qamishli", "/stories/{001}", "/articles/{000}", "/articles/{003}",
         "/entities/marsad:per/abdul-karim-omar", "/map", "/timeline", "/?ui=ar"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_browser_phone_width_has_no_horizontal_overflow(
    phone: Any, server: str, web_store: Any, path: str
) -> None:
    phone.goto(server + fill(path, web_store.ids))
    widths = phone.evaluate(
        "() => [document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]"
    )
    assert max(widths[:2]) <= widths[2] == 375, widths


@pytest.mark.parametrize("path", PAGES)
def test_browser_pages_raise_no_policy_violations(
    page: Any, server: str, web_store: Any, path: str
) -> None:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    response = page.goto(server + fill(path, web_store.ids))
    assert response.status == 200
    assert problems == []


@pytest.mark.parametrize(("query", "direction"), [("قامشلو", "rtl"), ("Qamishli", "ltr")])
def test_browser_search_box_turns_right_to_left_for_arabic(
    page: Any, server: str, query: str, direction: str
) -> None:
    page.goto(server + "/?ui=en")
    for box in ("#f-q", ".quick input"):
        page.fill(box, query)
        assert page.locator(box).evaluate(f"el => el.matches(':dir({direction})')"), box
