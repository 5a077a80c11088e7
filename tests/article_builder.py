"""Articles as the clean stage leaves them, built from paragraphs, for stage tests.

Importable from any test (pytest puts ``tests/`` on the path for ``tests/conftest.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from marsad.types import Article, Paragraph


def article_from_paragraphs(
    paragraphs: Sequence[str], langs: Sequence[str | None] | None = None, **fields: Any
) -> Article:
    """Paragraphs joined by blank lines, with their offsets (and languages when given);
    ``fields`` sets any other Article field (title, hints, removed, url …)."""
    text = "\n\n".join(paragraphs)
    spans, pos = [], 0
    for i, paragraph in enumerate(paragraphs):
        spans.append(Paragraph(pos, pos + len(paragraph), langs[i] if langs else None))
        pos += len(paragraph) + 2
    values: dict[str, Any] = {"id": "t", "source": "test", "format": "clean"} | fields
    return Article(raw=text.encode(), raw_text=text, text=text, paragraphs=spans, **values)
