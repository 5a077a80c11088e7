"""Fixtures of the quote tests: one pipeline for the session, and the seeds run through it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import marsad
from marsad.pipeline import Pipeline
from marsad.quotes import find_quotes
from marsad.types import Article


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return marsad.load_pipeline()


@pytest.fixture(scope="session")
def annotate(pipeline: Pipeline) -> Callable[[str], Article]:
    """``annotate(text)`` -> the article with its mentions and its quotes."""

    def run(text: str) -> Article:
        article = pipeline(text)
        article.quotes = find_quotes(article)
        return article

    return run


@pytest.fixture(scope="session")
def seed_articles(
    seed_texts: dict[str, str], annotate: Callable[[str], Article]
) -> dict[str, Article]:
    return {number: annotate(text) for number, text in seed_texts.items()}
