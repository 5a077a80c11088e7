"""Joining title and paragraphs into ``Article.text``, and finding paragraphs in given text.

Offsets are Python string indices into the text, end exclusive.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.types import Paragraph

PARAGRAPH_BREAK = "\n\n"

_LINE = re.compile(r"[^\n]+")


def assemble(title: str | None, paragraphs: Sequence[str]) -> tuple[str, list[Paragraph]]:
    """``title + "\\n\\n" + paragraphs joined by "\\n\\n"``, with one span per part."""
    parts = [title, *paragraphs] if title else list(paragraphs)
    spans: list[Paragraph] = []
    pos = 0
    for part in parts:
        spans.append(Paragraph(pos, pos + len(part)))
        pos += len(part) + len(PARAGRAPH_BREAK)
    return PARAGRAPH_BREAK.join(parts), spans


def split_paragraphs(text: str) -> list[Paragraph]:
    """One span per non-blank line of ``text``, without its surrounding white space.

    For text that is already clean and must not move: the spans point into it as given.
    """
    spans: list[Paragraph] = []
    for match in _LINE.finditer(text):
        line = match.group()
        start = match.start() + len(line) - len(line.lstrip())
        end = match.end() - (len(line) - len(line.rstrip()))
        if start < end:
            spans.append(Paragraph(start, end))
    return spans
