"""The HTML path: trafilatura's main text and metadata, then the same line filter."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.clean.html import extract_html, visible_text
from marsad.types import Article

EXPECTED = {
    "en": {
        "title": "Water station in Hasakah back in service after repairs",
        "first": "HASAKAH, Syria – Technicians restarted the main water pumping station",
        "last": "when demand usually doubles.",
        "chrome": [
            "Contact us",
            "Fuel prices rise",
            "Finally some good news",
            "All rights reserved",
        ],
        "widget": "Read also: Fuel prices rise again in Qamishli markets",
        "byline": "Rana Example",
        "outlet": "Example Valley News",
    },
    "ar": {
        "title": "عودة محطة مياه الحسكة إلى العمل بعد إصلاح المولدات",
        "first": "أعاد فنيون يوم الإثنين تشغيل محطة ضخ المياه الرئيسية",
        "last": "حين يتضاعف الطلب عادة.",
        "chrome": ["اتصل بنا", "مزارعو ديريك", "أخيراً خبر جيد", "جميع الحقوق محفوظة"],
        "widget": "اقرأ أيضاً: ارتفاع جديد في أسعار المحروقات في أسواق قامشلو",
        "byline": "رنا المثال",
        "outlet": "وكالة المثال للأنباء",
    },
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_html_page_gives_main_text_and_fills_hints(
    lang: str, html_fixture: Callable[[str], str], cleaned: Callable[..., Article]
) -> None:
    want = EXPECTED[lang]
    article = cleaned(html_fixture(lang), format="html")
    body = [article.text[p.start : p.end] for p in article.paragraphs]
    assert article.title == want["title"] == body[0]
    assert body[1].startswith(want["first"]) and body[-1].endswith(want["last"])
    assert len(body) == 6  # title + five paragraphs
    for chrome in want["chrome"]:
        assert chrome not in article.text
    assert (article.hints.byline, article.hints.outlet) == (want["byline"], want["outlet"])
    assert article.hints.published == "2023-03-14"
    kinds = [(r.kind, r.text) for r in article.removed]
    assert kinds[0][0] == "html_chrome" and "visible words outside the main text" in kinds[0][1]
    assert ("widget", want["widget"]) in kinds  # the line filter ran over the main text


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_html_hints_from_the_container_win(
    lang: str, html_fixture: Callable[[str], str], cleaned: Callable[..., Article]
) -> None:
    article = cleaned(html_fixture(lang), format="html", title="Container title")
    assert article.title == article.hints.title == "Container title"
    # The page's own headline differs, so it is not taken for the title line: it stays.
    second = article.paragraphs[1]
    assert article.text[second.start : second.end] == EXPECTED[lang]["title"]


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (
            "<p>Unclosed <b>paragraph <div>Second block <script>var x=1</script>of text",
            "Second block",
        ),
        ("<p>خبر قصير</p>", "خبر قصير"),  # too short for trafilatura: all visible text
        ("<html><body><p>بلا إغلاق <i>للوسوم<div>فقرة ثانية", "فقرة ثانية"),
    ],
)
def test_html_malformed_pages_degrade_to_visible_text(
    html: str, text: str, cleaned: Callable[..., Article]
) -> None:
    article = cleaned(html, format="html")
    assert text in article.text
    assert "var x" not in article.text


@pytest.mark.parametrize(
    "html", ["", "<!-- nothing -->", "<html><head><style>p{}</style></head><body></body></html>"]
)
def test_html_page_without_text_raises_value_error(html: str) -> None:
    with pytest.raises(ValueError, match="no readable text"):
        extract_html(html)


def test_html_fallback_is_reported() -> None:
    result = extract_html("<p>خبر قصير جداً</p>")
    assert result.fallback and "no main text found" in result.chrome_summary()


def test_html_visible_text_skips_scripts_and_breaks_blocks() -> None:
    page = (
        "<html><head><title>T</title></head><body><h1>Head</h1>tail<p>Para <i>it</i> on"
        "<!-- note --> more</p><script>x()</script>after<ul><li>a</li><li>ب</li></ul></body></html>"
    )
    assert visible_text(page) == "Head\ntail\nPara it on more\nafter\na\nب"
