"""Fixtures of the language tests: articles built from paragraphs, as the clean stage
would leave them (paragraphs joined by a blank line, offsets set)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from marsad.lang.stage import LangStage
from marsad.types import Article, Paragraph, SourceHints


def build_article(paragraphs: list[str], hint: str | None = None) -> Article:
    text = "\n\n".join(paragraphs)
    spans, pos = [], 0
    for paragraph in paragraphs:
        spans.append(Paragraph(pos, pos + len(paragraph)))
        pos += len(paragraph) + 2
    return Article(
        id="t",
        source="test",
        raw=text.encode(),
        raw_text=text,
        format="clean",
        text=text,
        paragraphs=spans,
        hints=SourceHints(lang=hint),
    )


def blocks(text: str) -> list[str]:
    """The blank-line blocks of a seed file: its paragraphs, navigation lines included."""
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


@pytest.fixture(scope="session")
def make_article() -> Callable[..., Article]:
    """``make_article(["para", ...], hint=None)`` -> an Article ready for the lang stage."""
    return build_article


@pytest.fixture(scope="session")
def lang_stage() -> LangStage:
    return LangStage()


@pytest.fixture(scope="session")
def seed_article(seed_texts: dict[str, str]) -> Callable[[str], Article]:
    """``seed_article("001")`` -> that seed as an Article, one paragraph per block."""
    return lambda number: build_article(blocks(seed_texts[number]))
