"""Fixtures of the language tests: articles built from paragraphs, as the clean stage
would leave them (paragraphs joined by a blank line, offsets set)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from article_builder import article_from_paragraphs

from marsad.lang.stage import LangStage
from marsad.types import Article, SourceHints


def build_article(paragraphs: list[str], hint: str | None = None) -> Article:
    return article_from_paragraphs(paragraphs, hints=SourceHints(lang=hint))


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
