"""Fixtures of the sentence tests: a splitter returning strings, and seed paragraphs."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from article_builder import article_from_paragraphs

from marsad.segment.splitter import split_sentences
from marsad.types import Article

_BLOCK = re.compile(r"\S(?:(?!\n[ \t]*\n).)*", re.S)


@pytest.fixture(scope="session")
def sentences() -> Callable[[str, str | None], list[str]]:
    """``sentences(text, lang)`` -> the sentences of ``text`` as one paragraph, as strings."""

    def run(text: str, lang: str | None) -> list[str]:
        return [text[s.start : s.end] for s in split_sentences(text, 0, len(text), lang)]

    return run


@pytest.fixture(scope="session")
def seed_paragraphs(seed_texts: dict[str, str]) -> Callable[[str], list[tuple[int, int]]]:
    """``seed_paragraphs("001")`` -> (start, end) of each blank-line block of that seed."""
    return lambda number: [(m.start(), m.end()) for m in _BLOCK.finditer(seed_texts[number])]


@pytest.fixture(scope="session")
def make_article() -> Callable[..., Article]:
    """``make_article(["para", ...], langs=None)``: paragraphs joined by blank lines."""

    def build(paragraphs: list[str], langs: list[str | None] | None = None) -> Article:
        return article_from_paragraphs(paragraphs, langs)

    return build
