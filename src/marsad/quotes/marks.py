"""Direct speech: pair quote marks into spans, paragraph by paragraph.

News sites mix styles: “…”, "…", «…», ‘…’, and Arabic sites often open with ” as well
as close with it (``وأضاف” … ”.``). Marks are paired with a stack, so a quoted name
inside a quote pairs with itself and stays inside the outer one. A quote left open ends
where the paragraph ends, or where the next quote opens after a speech cue, or carries
on into the next paragraph when that one opens with a quote mark (the print convention
for a quote that runs over several paragraphs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.types import Paragraph, Sentence

_MARK = re.compile(r"[“”\"«»‘’]")
_CLOSER_OF = {"“": "”", "«": "»", "‘": "’", '"': '"', "”": "”"}
# Characters after which ” closes rather than opens (punctuation or the end of a line).
_AFTER_CLOSER = re.compile(r"[\s]*(?:$|[.,;:!?،؛؟)\]\n])")


@dataclass(frozen=True, slots=True)
class Span:
    """Inside of a pair of quote marks: ``start``..``end`` excludes the marks."""

    open_at: int  # offset of the opening mark
    start: int
    end: int
    closed: bool


def quoted_spans(
    text: str,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[Sentence],
    opens_after_cue: re.Pattern[str] | None,
) -> list[Span]:
    """Outermost quoted spans of ``text`` (nested ones are dropped: they are inside)."""
    spans: list[Span] = []
    carry: Span | None = None  # an open quote that may continue in the next paragraph
    for paragraph in paragraphs:
        found = _pair(text, paragraph.start, paragraph.end, sentences, opens_after_cue)
        if carry is not None:
            if found and found[0].open_at == _first_char(text, paragraph.start):
                first = found.pop(0)
                carry = Span(carry.open_at, carry.start, first.end, first.closed)
            spans.append(carry)
            carry = None
        if found and not found[-1].closed:
            carry = found.pop()
        spans += found
    if carry is not None:
        spans.append(carry)
    return spans


def _first_char(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _pair(
    text: str,
    start: int,
    end: int,
    sentences: Sequence[Sentence],
    opens_after_cue: re.Pattern[str] | None,
) -> list[Span]:
    stack: list[tuple[str, int]] = []  # (mark, offset)
    spans: list[Span] = []

    def close(depth: int, at: int, closed: bool) -> None:
        opened = stack[depth][1]
        del stack[depth:]
        if depth == 0:  # only outermost quotes are speech candidates
            spans.append(Span(opened, opened + 1, at, closed))

    for match in _MARK.finditer(text, start, end):
        mark, at = match.group(), match.start()
        before = text[at - 1] if at > start else " "
        if mark in "«“":
            stack.append((mark, at))
        elif mark == "‘":
            # An opening single quote follows a space or bracket; elsewhere it is a typo.
            if before.isspace() or before in "([":
                stack.append((mark, at))
        elif mark in "»’":
            depth = _find(stack, "«" if mark == "»" else "‘")
            if depth is not None:  # a ’ with no ‘ open is an apostrophe (Sina’a)
                close(depth, at, True)
        elif mark == '"':
            depth = _find(stack, '"')
            if depth is not None:
                close(depth, at, True)
            else:
                stack.append((mark, at))
        else:  # ”: a closer, or an opener the Arabic way
            depth = _find_any(stack, "“”")
            opener = _opens(text, at, end, opens_after_cue)
            if depth is not None and opener and stack[depth][1] < _sentence_start(sentences, at):
                # A new quote after a speech cue ends the one left open before it, at the
                # end of the sentence before the new one.
                close(depth, _sentence_before(text, sentences, at, start), False)
                stack.append((mark, at))
            elif depth is not None:
                close(depth, at, True)
            elif not _AFTER_CLOSER.match(text, at + 1, end):
                stack.append((mark, at))
    if stack:
        opened = stack[0][1]
        spans.append(Span(opened, opened + 1, end, False))
    return spans


def _find(stack: list[tuple[str, int]], mark: str) -> int | None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == mark:
            return depth
    return None


def _find_any(stack: list[tuple[str, int]], marks: str) -> int | None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] in marks:
            return depth
    return None


def _opens(text: str, at: int, end: int, cue: re.Pattern[str] | None) -> bool:
    """Whether ” at ``at`` opens a quote: text follows it and a speech cue precedes it."""
    if _AFTER_CLOSER.match(text, at + 1, end):
        return False
    head = text[max(0, at - 40) : at].rstrip()
    return head.endswith(":") or (cue is not None and cue.search(head) is not None)


def _sentence_start(sentences: Sequence[Sentence], at: int) -> int:
    for sentence in sentences:
        if sentence.start <= at < sentence.end:
            return sentence.start
    return at


def _sentence_before(text: str, sentences: Sequence[Sentence], at: int, floor: int) -> int:
    """End of the last sentence that ends before ``at`` (whitespace trimmed)."""
    best = floor
    for sentence in sentences:
        if sentence.end <= at and sentence.end > best:
            best = sentence.end
    if best == floor:  # no sentence boundary: stop at the line break or before the cue
        best = at
    return best
