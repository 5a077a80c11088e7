"""Quotes and events as the pages show them: each with its evidence sentence highlighted,
and merged across the articles of a story when they say the same thing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from markupsafe import Markup

from marsad.types import Article, Event, Quote
from marsad.web.highlight import (
    Span,
    entity_href,
    highlight,
    mention_spans,
    sentence_window,
    spans_within,
)
from marsad.web.labels import text_dir


@dataclass(slots=True)
class Link:
    name: str
    href: str | None
    entity_id: str | None = None
    role: str = ""  # source | target | place | speaker: how a localized detail is rebuilt


@dataclass(slots=True)
class Fact:
    """One quote or event of one article, ready to show."""

    kind: str  # quote | event
    key: tuple[str, ...]  # what makes two facts "the same" across articles
    heading: str
    detail: str
    evidence: Markup
    article_id: str
    lang: str | None
    dir: str
    date: str | None = None
    links: list[Link] = field(default_factory=list)


@dataclass(slots=True)
class MergedFact:
    key: tuple[str, ...]
    heading: str
    detail: str
    facts: list[Fact]
    links: list[Link] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return len({f.article_id for f in self.facts})


def quote_facts(
    article: Article,
    mentions: Sequence[Span] | None = None,
    quotes: Sequence[Quote] | None = None,
) -> list[Fact]:
    """Facts of ``quotes`` (default: all the article's), evidence highlighted."""
    mentions = mention_spans(article) if mentions is None else mentions
    chosen = article.quotes if quotes is None else quotes
    return [_quote_fact(article, q, mentions) for q in chosen]


def event_facts(
    article: Article,
    mentions: Sequence[Span] | None = None,
    events: Sequence[Event] | None = None,
) -> list[Fact]:
    """Facts of ``events`` (default: all the article's), evidence highlighted."""
    mentions = mention_spans(article) if mentions is None else mentions
    chosen = article.events if events is None else events
    return [_event_fact(article, e, mentions) for e in chosen]


def _quote_fact(article: Article, q: Quote, mentions: Sequence[Span]) -> Fact:
    starts = [x for x in (q.start, q.cue_start, q.speaker_start) if x is not None]
    ends = [x for x in (q.end, q.cue_end, q.speaker_end) if x is not None]
    start, end = sentence_window(article, min(starts), max(ends))
    spans = [
        *spans_within(mentions, start, end),
        Span(q.start, q.end, "quote", "direct" if q.direct else "reported"),
    ]
    if q.cue_start is not None and q.cue_end is not None:
        spans.append(Span(q.cue_start, q.cue_end, "cue"))
    return Fact(
        kind="quote",
        key=(q.speaker_entity_id or q.speaker or "",),
        heading=q.speaker or "",
        detail="direct" if q.direct else "reported",
        evidence=highlight(article.text, spans, start, end),
        article_id=article.id,
        lang=article.lang,
        dir=text_dir(article.lang),
        date=article.published,
        links=speaker_links(q.speaker, q.speaker_entity_id),
    )


def _event_fact(article: Article, e: Event, mentions: Sequence[Span]) -> Fact:
    start, end = sentence_window(article, e.start, e.end)
    spans = [*spans_within(mentions, start, end), Span(e.start, e.end, "event", e.type)]
    if e.trigger_start is not None and e.trigger_end is not None:
        spans.append(Span(e.trigger_start, e.trigger_end, "trigger", e.type))
    links = event_links(e)
    return Fact(
        kind="event",
        key=(
            e.type,
            e.source_entity_id or e.source or "",
            e.target_entity_id or e.target or "",
            e.place_entity_id or "",
        ),
        heading=e.type + (f" / {e.mode}" if e.mode else "") + "".join(f" [{a}]" for a in e.aux),
        detail=event_detail(e),
        evidence=highlight(article.text, spans, start, end),
        article_id=article.id,
        lang=article.lang,
        dir=text_dir(article.lang),
        date=e.date or article.published,
        links=links,
    )


class _Roles(Protocol):
    source: str | None
    source_entity_id: str | None
    target: str | None
    target_entity_id: str | None
    place: str | None
    place_entity_id: str | None


def event_links(e: _Roles) -> list[Link]:
    """The named actors and place of an event (an article's or a story's), in that order."""
    return [
        Link(name, entity_href(entity_id), entity_id, role)
        for role, name, entity_id in (
            ("source", e.source, e.source_entity_id),
            ("target", e.target, e.target_entity_id),
            ("place", e.place, e.place_entity_id),
        )
        if name
    ]


def speaker_links(speaker: str | None, entity_id: str | None) -> list[Link]:
    return [Link(speaker, entity_href(entity_id), entity_id, "speaker")] if speaker else []


def event_detail(e: _Roles) -> str:
    return detail_of(event_links(e))


def detail_of(links: Sequence[Link]) -> str:
    """ "source → target @ place" from an event's links ('?' for a role not given)."""
    by_role = {link.role: link.name for link in links}
    who = f"{by_role.get('source') or '?'} → {by_role.get('target') or '?'}"
    return who + (f" @ {by_role['place']}" if by_role.get("place") else "")


def merge(facts: Iterable[Fact]) -> list[MergedFact]:
    """Facts with the same key, in order of first appearance; the ones told by the most
    articles first, because those are what the story agrees on."""
    groups: dict[tuple[str, ...], MergedFact] = {}
    for fact in facts:
        group = groups.get(fact.key)
        if group is None:
            groups[fact.key] = MergedFact(fact.key, fact.heading, fact.detail, [fact])
        else:
            group.facts.append(fact)
    return sorted(groups.values(), key=lambda g: -g.articles)
