"""Story-level facts from the articles of one story: events merged across reports, quotes
matched across translations, the story's date and its count of independent sources.

Computed when a story is shown, from its stored articles (a story has a handful), so the
facts follow improvements of the stages without rewriting stored stories.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from marsad.stories.embed import Embedder
from marsad.stories.features import numbers_in
from marsad.stories.memo import quote_embedder
from marsad.types import Article, Event

QUOTE_COSINE = 0.85  # a quote and its translation; different sentences of one speaker score lower


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of a story fact: ``text`` is ``article.text[start:end]``."""

    article_id: str
    lang: str | None
    start: int
    end: int
    text: str


@dataclass(slots=True)
class StoryEvent:
    type: str
    mode: str | None = None
    source: str | None = None
    source_entity_id: str | None = None
    target: str | None = None
    target_entity_id: str | None = None
    place: str | None = None
    place_entity_id: str | None = None
    date: str | None = None
    reports: list[Report] = field(default_factory=list)


@dataclass(slots=True)
class StoryQuote:
    speaker: str | None
    speaker_entity_id: str | None
    reports: list[Report] = field(default_factory=list)


def story_date(articles: Sequence[Article]) -> str | None:
    """The earliest publication day any article of the story states."""
    days = [a.published[:10] for a in articles if a.published]
    return min(days) if days else None


def independent_sources(articles: Sequence[Article]) -> int:
    """Distinct outlets; copies of one text (``duplicate_of``) count once, and an article
    whose outlet is unknown counts as its own source."""
    sources = set()
    for a in articles:
        if a.duplicate_of:
            continue
        sources.add(f"outlet:{a.outlet.casefold()}" if a.outlet else f"article:{a.id}")
    return len(sources)


def merge_events(articles: Sequence[Article]) -> list[StoryEvent]:
    """Events of one type whose actors, place and date agree become one story event with
    a report per article; one article contributes at most one report to each."""
    merged: list[tuple[StoryEvent, set[str]]] = []  # with the articles already reporting
    for article in articles:
        for event in article.events:
            best, best_score = None, 0
            for story_event, seen in merged:
                if article.id in seen:
                    continue
                score = _agreement(story_event, event)
                if score > best_score:
                    best, best_score = (story_event, seen), score
            if best is None:
                best = (_story_event(event), set())
                merged.append(best)
            else:
                _fill(best[0], event)
            best[0].reports.append(_report(article, event.start, event.end))
            best[1].add(article.id)
    return [e for e, _ in merged]


def _agreement(s: StoryEvent, e: Event) -> int:
    """How much ``e`` agrees with ``s``: 0 when it cannot be the same event."""
    if e.type != s.type or (e.mode and s.mode and e.mode != s.mode):
        return 0
    if e.date and s.date and e.date != s.date:
        return 0
    if _conflict(e.place_entity_id, s.place_entity_id):
        return 0
    mine = {x for x in (e.source_entity_id, e.target_entity_id) if x}
    theirs = {x for x in (s.source_entity_id, s.target_entity_id) if x}
    same_place = bool(e.place_entity_id) and e.place_entity_id == s.place_entity_id
    if not mine & theirs and not (same_place and not mine and not theirs):
        return 0
    return len(mine & theirs) + same_place + (bool(e.date) and e.date == s.date)


def _conflict(a: str | None, b: str | None) -> bool:
    # Local ids (L-…) of one name can differ between scripts; only two KB ids disagree.
    return bool(a and b and a != b and not a.startswith("L-") and not b.startswith("L-"))


def _story_event(e: Event) -> StoryEvent:
    return StoryEvent(e.type, e.mode, e.source, e.source_entity_id, e.target,
                      e.target_entity_id, e.place, e.place_entity_id, e.date)  # fmt: skip


def _fill(s: StoryEvent, e: Event) -> None:
    # What one report leaves open another may state (000 has no date; 001 has it).
    s.mode = s.mode or e.mode
    s.date = s.date or e.date
    if not s.place_entity_id:
        s.place, s.place_entity_id = e.place, e.place_entity_id


def merge_quotes(articles: Sequence[Article], embedder: Embedder | None = None) -> list[StoryQuote]:
    """Quotes of one speaker entity matched across the story's articles by embedding (a
    quote and its translation score high across languages; shared numbers add to it).

    Each article's quotes are matched to the story's quotes best pair first, so a speaker's
    two similar sentences go to their own translations rather than the first that passes.
    """
    attributed = [(a, q) for a in articles for q in a.quotes if q.speaker_entity_id]
    texts = [a.text[q.start : q.end] for a, q in attributed]
    vectors = (embedder or quote_embedder()).embed(texts) if texts else np.zeros((0, 1))
    vector_of = {(a.id, q.start): v for (a, q), v in zip(attributed, vectors, strict=True)}
    merged: list[_Open] = []
    for article in articles:
        pairs = []
        for i, quote in enumerate(article.quotes):
            vec = vector_of.get((article.id, quote.start))
            nums = numbers_in(article.text[quote.start : quote.end])
            for j, open_ in enumerate(merged):
                if vec is None or open_.vector is None:
                    continue
                if open_.quote.speaker_entity_id != quote.speaker_entity_id:
                    continue
                score = float(vec @ open_.vector) + (0.05 if nums and nums == open_.numbers else 0)
                if score >= QUOTE_COSINE:
                    pairs.append((score, i, j))
        taken_quotes: set[int] = set()
        taken_open: set[int] = set()
        target: dict[int, int] = {}
        for _, i, j in sorted(pairs, reverse=True):
            if i not in taken_quotes and j not in taken_open:
                target[i] = j
                taken_quotes.add(i)
                taken_open.add(j)
        for i, quote in enumerate(article.quotes):
            if i in target:
                open_ = merged[target[i]]
            else:
                open_ = _Open(
                    StoryQuote(quote.speaker, quote.speaker_entity_id),
                    vector_of.get((article.id, quote.start)),
                    numbers_in(article.text[quote.start : quote.end]),
                )
                merged.append(open_)
            open_.quote.reports.append(_report(article, quote.start, quote.end))
    return [o.quote for o in merged]


@dataclass(slots=True)
class _Open:
    """A story quote while matching: its first report's vector and numbers."""

    quote: StoryQuote
    vector: np.ndarray | None
    numbers: frozenset[str]


def _report(article: Article, start: int, end: int) -> Report:
    return Report(article.id, article.lang, start, end, article.text[start:end])
