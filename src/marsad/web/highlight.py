"""Highlighted HTML built from offsets: every piece of article text is escaped on its own.

Facts overlap (a mention inside a quote inside an event's evidence), so the text is cut at
every span boundary and each piece is wrapped in the spans that cover it, outermost kind
first. The result is ``Markup`` only because each text piece went through ``escape``;
templates never mark article text safe themselves.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from marsad.types import Article

# Outer to inner: evidence spans sentences, a quote sits inside it, a cue or trigger is a
# word or two (focus: the name a page is about; match: a search hit),
# and a mention is innermost because it is the only one that is a link.
KIND_ORDER = ("event", "quote", "cue", "trigger", "focus", "match", "mention")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # one of KIND_ORDER
    label: str = ""  # mention label (PER ORG …) or event type: a CSS class suffix
    href: str | None = None
    title: str | None = None


def highlight(text: str, spans: Iterable[Span], start: int = 0, end: int | None = None) -> Markup:
    """``text[start:end]`` as HTML with each span wrapped in a tag of its kind."""
    end = len(text) if end is None else end
    inside = [s for s in spans if s.start < end and s.end > start and s.start < s.end]
    cuts = {start, end}
    for s in inside:
        cuts.add(max(s.start, start))
        cuts.add(min(s.end, end))
    bounds = sorted(cuts)
    rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        piece = str(escape(text[a:b]))
        covering = sorted(
            (s for s in inside if s.start <= a and s.end >= b), key=lambda s: -rank[s.kind]
        )
        for s in covering:  # innermost first, so the outermost tag ends up outside
            piece = f"{_open(s)}{piece}{'</a>' if s.href else '</span>'}"
        out.append(piece)
    return Markup("".join(out))


def _open(s: Span) -> str:
    classes = f"hl hl-{s.kind}" + (f" lbl-{_css(s.label)}" if s.label else "")
    title = f' title="{escape(s.title)}"' if s.title else ""
    if s.href:
        return f'<a class="{classes}" href="{escape(s.href)}"{title}>'
    return f'<span class="{classes}"{title}>'


def _css(label: str) -> str:
    # Labels come from our own stages, but they end up in a class attribute: keep letters.
    return "".join(ch for ch in label if ch.isalnum()) or "x"


def entity_href(entity_id: str | None) -> str | None:
    # Ids keep their ':' and '/' (marsad:org/isis); anything else odd is percent-encoded.
    return f"/entities/{quote(entity_id, safe=':/')}" if entity_id else None


def mention_spans(article: Article) -> list[Span]:
    return [
        Span(m.start, m.end, "mention", m.label, entity_href(m.entity_id), m.name)
        for m in article.mentions
    ]


def article_spans(article: Article) -> list[Span]:
    """Every fact of the article: mentions, quotes with their cues, event evidence and triggers."""
    spans = mention_spans(article)
    for q in article.quotes:
        spans.append(
            Span(q.start, q.end, "quote", "direct" if q.direct else "reported", title=q.speaker)
        )
        if q.cue_start is not None and q.cue_end is not None:
            spans.append(Span(q.cue_start, q.cue_end, "cue"))
    for e in article.events:
        spans.append(Span(e.start, e.end, "event", e.type, title=e.type))
        if e.trigger_start is not None and e.trigger_end is not None:
            spans.append(Span(e.trigger_start, e.trigger_end, "trigger", e.type, title=e.type))
    return spans


def sentence_window(article: Article, start: int, end: int) -> tuple[int, int]:
    """The sentences that hold ``[start, end)``; the span itself when there are none."""
    covering = [s for s in article.sentences if s.start < end and s.end > start]
    if not covering:
        return start, end
    return min(s.start for s in covering), max(s.end for s in covering)


def spans_within(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    return [s for s in spans if s.start < end and s.end > start]
