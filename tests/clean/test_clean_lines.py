"""Each rule of the line filter, in Arabic and English."""

from __future__ import annotations

import pytest

from marsad.clean.lines import clean_lines

BODY = {
    "en": [
        "The delegation met officials of the Autonomous Administration in Qamishli on Friday"
        " and discussed the situation in the camps.",
        "Officials said the international community must repatriate its nationals held"
        " in the region.",
    ],
    "ar": [
        "التقى الوفد يوم الجمعة مسؤولين في الإدارة الذاتية في قامشلو وبحث معهم أوضاع المخيمات.",
        "وقال المسؤولون إن على المجتمع الدولي استعادة رعاياه المحتجزين في المنطقة.",
    ],
}
TITLE = {
    "en": "Foreign delegation visits Qamishli",
    "ar": "وفد أجنبي يزور قامشلو",
}
NAV = {
    "en": [
        "Water returns to Hasakah after repairs",
        "2022-04-05",
        "Farmers count losses after storm",
        "April 10, 2022",
    ],
    "ar": [
        "عودة المياه إلى الحسكة بعد الإصلاح",
        "2022-04-05",
        "مزارعون يحصون خسائرهم بعد العاصفة",
        "10 نيسان 2022",
    ],
}
LANGS = ("en", "ar")


def _page(*lines: str) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize("lang", LANGS)
def test_lines_navigation_pairs_go_anywhere_with_their_dates(lang: str) -> None:
    result = clean_lines(_page(TITLE[lang], BODY[lang][0], *NAV[lang], BODY[lang][1]))
    assert result.title == TITLE[lang]
    assert result.paragraphs == BODY[lang]
    assert [(r.kind, r.text) for r in result.removed] == [("navigation", "\n".join(NAV[lang]))]


@pytest.mark.parametrize("lang", LANGS)
def test_lines_navigation_above_the_article_leaves_no_title(lang: str) -> None:
    """Like seed 001: the page opens with other stories, then a long lead paragraph."""
    result = clean_lines(_page(*NAV[lang], *NAV[lang], "", *BODY[lang]))
    assert result.title is None
    assert result.paragraphs == BODY[lang]
    assert [r.kind for r in result.removed] == ["navigation"]


@pytest.mark.parametrize("lang", LANGS)
def test_lines_single_headline_and_date_between_paragraphs_stay(lang: str) -> None:
    """Between paragraphs, a short line and a date are the article's own (an event)."""
    event = NAV[lang][:2]
    result = clean_lines(_page(TITLE[lang], BODY[lang][0], *event, BODY[lang][1]))
    assert result.paragraphs == [BODY[lang][0], *event, BODY[lang][1]]
    assert result.removed == []


@pytest.mark.parametrize("lang", LANGS)
def test_lines_date_under_the_title_is_the_page_date(lang: str) -> None:
    date = NAV[lang][3]
    result = clean_lines(_page(TITLE[lang], date, *BODY[lang]))
    assert result.title == TITLE[lang]
    assert result.paragraphs == BODY[lang]
    assert [(r.kind, r.text) for r in result.removed] == [("page_date", date)]


@pytest.mark.parametrize(
    ("lang", "widgets"),
    [
        ("en", ["Share", "Print", "Tags: ISIS, Hasakah", "Read more »"]),
        ("ar", ["شارك", "طباعة", "الوسوم: داعش، الحسكة", "اظهر المزيد", "زر الذهاب إلى الأعلى"]),
    ],
)
def test_lines_widget_lines_go(lang: str, widgets: list[str]) -> None:
    result = clean_lines(_page(TITLE[lang], BODY[lang][0], *widgets, BODY[lang][1]))
    assert result.paragraphs == BODY[lang]
    assert [(r.kind, r.text) for r in result.removed] == [("widget", w) for w in widgets]


@pytest.mark.parametrize(("lang", "header"), [("en", "Other news"), ("ar", "أخبار ذات صلة")])
def test_lines_trailing_story_list_goes_with_its_header(lang: str, header: str) -> None:
    headlines = [NAV[lang][0], NAV[lang][2]]
    result = clean_lines(_page(TITLE[lang], *BODY[lang], header, *headlines))
    assert result.paragraphs == BODY[lang]
    assert [(r.kind, r.text) for r in result.removed] == [
        ("widget", "\n".join([header, *headlines]))
    ]


@pytest.mark.parametrize(("lang", "lead_in"), [("en", "Read also"), ("ar", "اقرأ أيضاً")])
def test_lines_story_list_stops_at_prose(lang: str, lead_in: str) -> None:
    result = clean_lines(_page(TITLE[lang], BODY[lang][0], lead_in, NAV[lang][0], BODY[lang][1]))
    assert result.paragraphs == BODY[lang]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Related to the attack, officials said three people were detained in Hasakah."),
        ("ar", "شارك في الاجتماع ممثلون عن منظمات دولية وأحزاب سياسية من المنطقة."),
    ],
)
def test_lines_sentence_starting_with_a_widget_word_stays(lang: str, sentence: str) -> None:
    result = clean_lines(_page(TITLE[lang], sentence, *BODY[lang]))
    assert result.paragraphs == [sentence, *BODY[lang]]


@pytest.mark.parametrize("lang", LANGS)
def test_lines_repeated_paragraph_keeps_the_first(lang: str) -> None:
    long_paragraph = " ".join([BODY[lang][0]] * 3)
    result = clean_lines(_page(TITLE[lang], long_paragraph, BODY[lang][1], long_paragraph))
    assert result.paragraphs == [long_paragraph, BODY[lang][1]]
    assert [(r.kind, r.text) for r in result.removed] == [("repeated", long_paragraph)]


@pytest.mark.parametrize("lang", LANGS)
def test_lines_repeated_run_of_blocks_goes(lang: str) -> None:
    result = clean_lines(_page(TITLE[lang], *BODY[lang], *BODY[lang]))
    assert result.paragraphs == BODY[lang]
    assert [r.kind for r in result.removed] == ["repeated", "repeated"]


@pytest.mark.parametrize(
    ("lang", "question"), [("en", "What inspired you?"), ("ar", "ما الذي ألهمك؟")]
)
def test_lines_short_line_recurring_alone_stays(lang: str, question: str) -> None:
    """Interview questions recur on purpose, each before a different answer."""
    a, b = BODY[lang]
    result = clean_lines(_page(TITLE[lang], question, a, question, b))
    assert result.paragraphs == [question, a, question, b]


@pytest.mark.parametrize("lang", LANGS)
def test_lines_title_repeated_in_body_goes(lang: str) -> None:
    result = clean_lines(_page(TITLE[lang], BODY[lang][0], TITLE[lang], BODY[lang][1]))
    assert result.paragraphs == BODY[lang]
    assert [(r.kind, r.text) for r in result.removed] == [("repeated", TITLE[lang])]


@pytest.mark.parametrize(
    ("lang", "subheading"),
    [("en", "A support message for ISIS mercenaries"), ("ar", "رسالة دعم لمرتزقة داعش")],
)
def test_lines_stray_marks_are_stripped_from_paragraph_edges(lang: str, subheading: str) -> None:
    result = clean_lines(
        _page(TITLE[lang], BODY[lang][0], f"\u05f3 {subheading} \u05f3", f"• {BODY[lang][1]}")
    )
    assert result.paragraphs == [BODY[lang][0], subheading, BODY[lang][1]]
    assert [(r.kind, r.text) for r in result.removed] == [
        ("stray_mark", "\u05f3"),
        ("stray_mark", "\u05f3"),
        ("stray_mark", "•"),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_lines_title_hint_wins_and_consumes_the_matching_line(lang: str) -> None:
    result = clean_lines(_page(TITLE[lang], *BODY[lang]), title_hint=f"  {TITLE[lang]} ")
    assert result.title == TITLE[lang]
    assert result.paragraphs == BODY[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_lines_title_hint_keeps_a_different_first_line(lang: str) -> None:
    result = clean_lines(_page(TITLE[lang], *BODY[lang]), title_hint="Publisher title")
    assert result.title == "Publisher title"
    assert result.paragraphs == [TITLE[lang], *BODY[lang]]


@pytest.mark.parametrize("lang", LANGS)
def test_lines_lead_paragraph_is_no_title(lang: str) -> None:
    result = clean_lines(_page(*BODY[lang]))
    assert result.title is None
    assert result.paragraphs == BODY[lang]


def test_lines_empty_page_gives_nothing() -> None:
    result = clean_lines(" \n\n\u200b\n")
    assert (result.title, result.paragraphs, result.removed) == (None, [], [])
