"""published_in_text and reference_from_navigation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from marsad.meta.dates import find_dates
from marsad.meta.published import published_in_text, reference_from_navigation
from marsad.types import Article, Removed

MakeArticle = Callable[..., Article]  # the make_article fixture of conftest.py

NAV_AR = "جيمي هاميل: السبيل الوحيد\n2022-04-05\nممثلية الإدارة الذاتية\n2022-04-10"
NAV_EN = "Hamill: the only way\nApril 5, 2022\nThe representation receives\nApril 10, 2022"


def _published(article: Article, reference: dt.date | None = None) -> str | None:
    mentions = find_dates(article.text, reference)
    body = article.paragraphs[1:] if article.title else article.paragraphs
    return published_in_text(article.text, article.paragraphs, body, mentions)


@pytest.mark.parametrize("nav", [NAV_AR, NAV_EN])
def test_published_reference_is_the_latest_navigation_date(nav: str) -> None:
    removed = [Removed("navigation", nav), Removed("widget", "2030-01-01")]
    assert reference_from_navigation(removed) == dt.date(2022, 4, 10)


@pytest.mark.parametrize(
    ("title", "line"),
    [
        ("وفد طاجيكي يزور قامشلو", "2022-04-08"),
        ("وفد طاجيكي يزور قامشلو", "تاريخ النشر: الجمعة 8 نيسان 2022 - 10:30 صباحاً"),
        ("A Tajik delegation visits Qamishlo", "Published: Friday, April 8, 2022 10:30 am GMT"),
        ("A Tajik delegation visits Qamishlo", "08/04/2022"),
    ],
)
def test_published_from_a_date_line_under_the_title(
    make_article: MakeArticle, title: str, line: str
) -> None:
    article = make_article(title, [line, "The delegation was received by the co-chair."])
    assert _published(article) == "2022-04-08"


@pytest.mark.parametrize(
    "body",
    [
        ["وصل اليوم الجمعة 8 نيسان، وفد طاجاكستاني إلى قامشلو. وفي 2 نيسان كان"],
        ["A delegation arrived today, Friday, 8 April, in Qamishlo. On 2 April it had"],
        ["وصل اليوم ٨ نيسان ٢٠٢٢ وفد طاجاكستاني إلى قامشلو."],
    ],
)
def test_published_from_a_day_marked_today_in_the_lead(
    make_article: MakeArticle, body: list[str]
) -> None:
    article = make_article("Title", body)
    assert _published(article, reference=dt.date(2022, 4, 10)) == "2022-04-08"


@pytest.mark.parametrize(
    "body",
    [
        # the dated day is in the second sentence, "today" in the first
        ["وصل اليوم وفد إلى قامشلو. وكان قد زار الحسكة الجمعة 8 نيسان 2022."],
        ["A delegation arrived today in Qamishlo. It had visited Hasakah on 8 April 2022."],
        # a date with no "today"
        ["A delegation arrived on 8 April 2022 in Qamishlo."],
        # a line that holds a date and words is not a date line
        ["Talks resumed on 8 April 2022", "The delegation was received."],
    ],
)
def test_published_needs_today_and_a_day_together(
    make_article: MakeArticle, body: list[str]
) -> None:
    assert _published(make_article("Title", body)) is None


@pytest.mark.parametrize("nav", [NAV_AR, NAV_EN])
def test_published_never_from_navigation(make_article: MakeArticle, nav: str) -> None:
    # Navigation text stays in Removed; even if cleaning missed it, a date line that is
    # not directly under the title is no publication date.
    article = make_article(
        "Title", ["وصل وفد إلى قامشلو.", "ثم غادر."], [Removed("navigation", nav)]
    )
    assert _published(article) is None


@pytest.mark.parametrize("lead", ["وصل اليوم الجمعة 8 نيسان وفد", "arrived today, Friday, 8 April"])
def test_published_without_a_year_bound_is_unknown(make_article: MakeArticle, lead: str) -> None:
    assert _published(make_article("Title", [lead]), reference=None) is None
