"""Fixtures of the clean-stage tests: the stage, and articles built from text or files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.clean.stage import CleanStage
from marsad.types import Article, Format, SourceHints

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def clean_stage() -> CleanStage:
    return CleanStage()


@pytest.fixture(scope="session")
def cleaned(clean_stage: CleanStage) -> Callable[..., Article]:
    """``cleaned(raw, format="text", title=None)`` -> the Article after the clean stage."""

    def run(raw: str, format: Format = "text", title: str | None = None) -> Article:
        article = Article(
            id="t",
            source="test",
            raw=raw.encode(),
            raw_text=raw,
            format=format,
            hints=SourceHints(title=title),
        )
        clean_stage(article)
        return article

    return run


@pytest.fixture(scope="session")
def html_fixture() -> Callable[[str], str]:
    """The HTML page written for these tests, by language ("en", "ar")."""
    return lambda lang: (FIXTURES / f"page_{lang}.html").read_text(encoding="utf-8")
