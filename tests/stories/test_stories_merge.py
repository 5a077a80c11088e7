"""Story-level facts on the two language versions of seed 000/001."""

from __future__ import annotations

import dataclasses

import pytest

from marsad.stories.embed import Embedder
from marsad.stories.merge import independent_sources, merge_events, merge_quotes, story_date
from marsad.types import Article, Event


@pytest.fixture
def pair(seeds: dict[str, Article]) -> list[Article]:
    return [seeds["000"], seeds["001"]]


def test_merge_the_visit_is_one_event_with_two_reports(pair: list[Article]) -> None:
    visits = [e for e in merge_events(pair) if e.type == "CONSULT" and e.mode == "visit"]
    assert len(visits) == 1
    visit = visits[0]
    assert {r.lang for r in visit.reports} == {"en", "ar"}
    assert visit.place_entity_id == "marsad:place/qamishli"
    assert visit.date == "2022-04-08"  # only the Arabic report dates it
    for report, article in zip(visit.reports, pair, strict=True):
        assert article.text[report.start : report.end] == report.text


def test_merge_events_of_one_article_never_merge_with_each_other(pair: list[Article]) -> None:
    for event in merge_events(pair):
        ids = [r.article_id for r in event.reports]
        assert len(ids) == len(set(ids))


def test_merge_conflicting_places_stay_apart() -> None:
    a = Article(id="a", source="t", raw=b"", raw_text="", text="x" * 20, lang="en")
    b = dataclasses.replace(a, id="b", lang="ar")
    a.events = [
        Event(
            "ASSAULT",
            0,
            5,
            source_entity_id="marsad:org/isis",
            place_entity_id="marsad:place/raqqa",
        )
    ]
    b.events = [
        Event(
            "ASSAULT",
            0,
            5,
            source_entity_id="marsad:org/isis",
            place_entity_id="marsad:place/kobani",
        )
    ]
    assert len(merge_events([a, b])) == 2
    b.events[0].place_entity_id = None
    assert len(merge_events([a, b])) == 1


def test_merge_quotes_pair_each_quote_with_its_translation(
    pair: list[Article], e5: Embedder
) -> None:
    quotes = merge_quotes(pair, e5)
    assert len(quotes) == 6
    for q in quotes:
        assert sorted(r.lang or "" for r in q.reports) == ["ar", "en"]
    zabidov = [q for q in quotes if q.speaker_entity_id and q.speaker_entity_id.startswith("L-PER")]
    assert any("prisons and camps" in r.text for q in zabidov for r in q.reports)
    prisons = next(q for q in zabidov if any("prisons and camps" in r.text for r in q.reports))
    assert any("المعتقلات والمخيمات" in r.text for r in prisons.reports)


def test_merge_story_date_comes_from_any_article(pair: list[Article]) -> None:
    assert pair[0].published is None
    assert story_date(pair) == "2022-04-08"
    assert story_date(pair[:1]) is None


def test_merge_copies_of_one_text_count_as_one_source(pair: list[Article]) -> None:
    en, ar = pair
    copy = dataclasses.replace(en, id="copy", outlet="Copycat", duplicate_of=en.id)
    same_outlet = dataclasses.replace(en, id="again", outlet="anha")
    assert independent_sources([en, ar]) == 2  # ANHA, and an Arabic page with no outlet
    assert independent_sources([en, ar, copy, same_outlet]) == 2
