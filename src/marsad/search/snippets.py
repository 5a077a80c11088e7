"""Highlighted snippets, built from offsets into the original text.

The words the query matched are found by tokenizing the article again with the index's
own key rules (so token ``i`` is the ``i``-th key FTS5 matched), plus the mentions of the
entities the query named. The snippet is the window of text holding most of them, cut at
word boundaries and, when one is near, at a sentence start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.search.model import Clause, Segment, Snippet, Span
from marsad.search.tokens import Token, tokenize
from marsad.types import Article

WINDOW = 240  # characters of text in a snippet
_LEAD = 60  # characters of context before the first highlight
_SENTENCE_REACH = 100  # snap to a sentence start this far before the first highlight


@dataclass(frozen=True, slots=True)
class Matcher:
    """What counts as a match in a hit's text: the clauses' phrases (sequences of keys, the
    last one a prefix for ``word*``) and the entity ids the query named."""

    phrases: dict[str, list[tuple[str, ...]]]  # first key -> phrases starting with it
    prefix_phrases: tuple[tuple[str, ...], ...]
    entity_ids: frozenset[str]

    @classmethod
    def for_clauses(
        cls, clauses: Sequence[Clause], entity_names: Sequence[tuple[str, ...]] = ()
    ) -> Matcher:
        """``entity_names``: the names of the query's entities, as keys, so a title that
        says "قامشلو" is marked for "Qamishli" although titles carry no mentions."""
        phrases: dict[str, list[tuple[str, ...]]] = {}
        for name in entity_names:
            if name:
                phrases.setdefault(name[0], []).append(name)
        prefixed: list[tuple[str, ...]] = []
        for clause in clauses:
            for phrase in clause.phrases:
                if clause.prefix:
                    prefixed.append(phrase)
                else:
                    phrases.setdefault(phrase[0], []).append(phrase)
        ids = frozenset(i for c in clauses for i in c.entity_ids)
        return cls(phrases, tuple(prefixed), ids)

    def spans(self, tokens: Sequence[Token]) -> list[Span]:
        """Where a phrase of the query runs through ``tokens``, as text offsets."""
        found: list[Span] = []
        for i, token in enumerate(tokens):
            for phrase in self.phrases.get(token.key, ()):
                n = len(phrase)
                if tuple(t.key for t in tokens[i : i + n]) == phrase:
                    found.append(Span(token.start, tokens[i + n - 1].end))
            for phrase in self.prefix_phrases:
                n = len(phrase)
                keys = [t.key for t in tokens[i : i + n]]
                if (
                    len(keys) == n
                    and keys[:-1] == list(phrase[:-1])
                    and keys[-1].startswith(phrase[-1])
                ):
                    found.append(Span(token.start, tokens[i + n - 1].end))
        return found


def highlights(text: str, matcher: Matcher) -> list[Span]:
    return matcher.spans(tokenize(text))


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start <= merged[-1].end:
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
            continue
        merged.append(span)
    return merged


def _window_start(article: Article, anchor: int) -> int:
    starts = [s.start for s in article.sentences if anchor - _SENTENCE_REACH <= s.start <= anchor]
    if starts:
        return starts[-1]
    start = max(0, anchor - _LEAD)
    if start > 0:
        space = article.text.find(" ", start, anchor)
        start = space + 1 if space != -1 else start
    return start


def _window_end(text: str, start: int) -> int:
    end = min(len(text), start + WINDOW)
    if end < len(text):
        space = text.rfind(" ", start + WINDOW // 2, end)
        end = space if space != -1 else end
    return end


def segments(text: str, start: int, end: int, spans: Sequence[Span]) -> list[Segment]:
    """``text[start:end]`` cut into plain and hit pieces."""
    out: list[Segment] = []
    pos = start
    for span in spans:
        if span.start > pos:
            out.append(Segment(text[pos : span.start], False))
        out.append(Segment(text[span.start : span.end], True))
        pos = span.end
    if pos < end:
        out.append(Segment(text[pos:end], False))
    return out


def make_snippet(article: Article, matcher: Matcher) -> Snippet:
    """The window of the article's text with most matches, and where they are in it."""
    text = article.text
    # A query of filters only has nothing to mark: skip tokenizing the article.
    spans = highlights(text, matcher) if matcher.phrases or matcher.prefix_phrases else []
    spans += [Span(m.start, m.end) for m in article.mentions if m.entity_id in matcher.entity_ids]
    spans = _merge(spans)
    anchor = 0
    if spans:
        best = max(
            range(len(spans)),
            key=lambda i: (
                sum(
                    1 for s in spans if spans[i].start <= s.start < spans[i].start + WINDOW - _LEAD
                ),
                -i,
            ),
        )
        anchor = spans[best].start
    start = _window_start(article, anchor) if spans else 0
    end = _window_end(text, start)
    inside = [s for s in spans if s.start >= start and s.end <= end]
    return Snippet(
        start=start,
        end=end,
        highlights=inside,
        segments=segments(text, start, end, inside),
        truncated_start=start > 0,
        truncated_end=end < len(text),
    )


def title_highlights(title: str | None, matcher: Matcher) -> list[Span]:
    return _merge(highlights(title, matcher)) if title else []
