"""MetadataStage: hints over text, relative dates resolved, golden values on the seeds."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.meta.stage import MetadataStage
from marsad.pipeline import Pipeline, registered
from marsad.types import Article, Removed, SourceHints

MakeArticle = Callable[..., Article]  # the make_article fixture of conftest.py

NAV = "جيمي هاميل: السبيل الوحيد\n2022-04-05\nممثلية الإدارة الذاتية\n2022-04-10"


def _run(article: Article) -> Article:
    MetadataStage()(article)
    return article


def _dates(article: Article) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.value, d.relative) for d in article.dates]


def test_stage_is_registered_after_clean() -> None:
    assert "metadata" in registered()
    stages = Pipeline.from_names(["clean", "metadata"]).stages
    assert [s.name for s in stages] == ["clean", "metadata"]


# Golden values on the seeds as cleaning should leave them (see conftest.seed_articles).
SEEDS = {
    "000": ("ANHA", None, None, None, [("2019", "2019", None)]),
    "001": (
        None,
        None,
        None,
        "2022-04-08",
        [
            ("اليوم", "2022-04-08", "0d"),
            ("الجمعة 8 نيسان", "2022-04-08", "day-month:04-08;weekday:FRI"),
            ("العام 2019", "2019", None),
        ],
    ),
    "002": ("North Press", "Adnan Hamo", "Hasakah", None, [("Tuesday", None, "weekday:TUE")]),
    "003": (None, None, None, None, [("أول أمس", None, "-2d")]),
    "004": (None, None, None, None, [("2013", "2013", None)]),
}


@pytest.mark.parametrize("number", sorted(SEEDS))
def test_stage_seeds_golden(seed_articles: dict[str, Article], number: str) -> None:
    article = _run(seed_articles[number])
    outlet, byline, place, published, dates = SEEDS[number]
    assert article.outlet == outlet
    assert article.byline == byline
    assert article.dateline_place == place
    assert article.published == published
    assert _dates(article) == dates


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("عنوان", ["قامشلو - هاوار", "عُقد اجتماع دولي أول أمس في قامشلو."]),
        (
            "Title",
            ["QAMISHLO (ANHA) – An international meeting was held the day before yesterday."],
        ),
    ],
)
def test_stage_hints_win_over_the_text(
    make_article: MakeArticle, title: str, body: list[str]
) -> None:
    hints = SourceHints(
        published="Fri, 08 Apr 2022 10:00:00 GMT", outlet="npasyria", byline=" Jane Doe "
    )
    article = _run(make_article(title, body, hints=hints))
    assert article.outlet == "npasyria"  # unknown to the list: kept as stated
    assert article.byline == "Jane Doe"
    assert article.published == "2022-04-08"
    # "the day before yesterday" counts from the stated publication day
    assert [d.value for d in article.dates] == ["2022-04-06"]


@pytest.mark.parametrize("outlet", ["hawar news", "وكالة هاوار"])
def test_stage_hint_outlet_normalised(make_article: MakeArticle, outlet: str) -> None:
    article = _run(make_article("Title", ["Body."], hints=SourceHints(outlet=outlet)))
    assert article.outlet == "ANHA"


@pytest.mark.parametrize(
    "body",
    [["عُقد اجتماع دولي، أول أمس، في قامشلو."], ["A meeting was held on Tuesday in Qamishlo."]],
)
def test_stage_navigation_bounds_but_never_anchors(
    make_article: MakeArticle, body: list[str]
) -> None:
    article = _run(make_article("Title", body, [Removed("navigation", NAV)]))
    assert article.published is None
    assert article.dates[0].value is None  # a sidebar date says nothing about "yesterday"


@pytest.mark.parametrize(
    "body",
    [["عُقد اجتماع دولي، أول أمس، في قامشلو."], ["A meeting was held on Tuesday in Qamishlo."]],
)
def test_stage_reference_date_hint_anchors(make_article: MakeArticle, body: list[str]) -> None:
    hints = SourceHints(reference_date="2022-04-08")
    article = _run(make_article("Title", body, hints=hints))
    assert article.dates[0].value in {"2022-04-06", "2022-04-05"}


@pytest.mark.parametrize(
    ("suffix", "url", "outlet"),
    [
        (None, "https://www.npasyria.com/en/1/", "North Press"),
        ("Foo Gazette", "https://www.npasyria.com/en/1/", "Foo Gazette"),
        ("HAWARNEWS", None, "ANHA"),
    ],
)
def test_stage_outlet_order(
    make_article: MakeArticle, suffix: str | None, url: str | None, outlet: str
) -> None:
    removed = [Removed("title_suffix", suffix)] if suffix else []
    article = _run(make_article("Title", ["Body text."], removed, url=url))
    assert article.outlet == outlet


@pytest.mark.parametrize("text", ["", "\n\n", "9" * 10_000, "عنوان\n\nنص 8 نيسان April 2022 ٢٠٢٢"])
def test_stage_odd_articles_never_crash(text: str) -> None:
    article = Article(id="x", source="x", raw=b"", raw_text=text, text=text)
    _run(article)  # no paragraphs given: the stage splits the text itself
    for d in article.dates:
        assert text[d.start : d.end] == d.text
