"""Articles shaped as the clean stage leaves them, built by hand so the metadata tests do
not depend on how cleaning evolves: ``text`` is the title, a blank line, then the body
paragraphs joined by blank lines; ``paragraphs`` point into it, the title first."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from article_builder import article_from_paragraphs

from marsad.types import Article, Removed, SourceHints

MakeArticle = Callable[..., Article]


def build_article(
    title: str | None,
    body: Sequence[str],
    removed: Sequence[Removed] = (),
    hints: SourceHints | None = None,
    url: str | None = None,
) -> Article:
    parts = ([title] if title else []) + [p.strip() for p in body if p.strip()]
    hints = hints or SourceHints()
    return article_from_paragraphs(
        parts, id="test", format="text", url=url, hints=hints, title=title, removed=list(removed)
    )


@pytest.fixture
def make_article() -> MakeArticle:
    return build_article


def _blocks(text: str) -> list[str]:
    return [b.strip() for b in text.split("\n\n") if b.strip()]


@pytest.fixture
def seed_articles(seed_texts: dict[str, str]) -> dict[str, Article]:
    """The five seeds as cleaning should leave them: 000's outlet suffix cut from its title,
    001's sidebar of other headlines and their dates (its first eight lines) removed as
    navigation, 003's page widgets dropped."""
    out: dict[str, Article] = {}
    for number, raw in seed_texts.items():
        lines = raw.split("\n")
        title: str | None = lines[0].strip()
        rest = "\n".join(lines[1:])
        removed: list[Removed] = []
        if number == "000":
            assert title is not None
            title, suffix = title.rsplit(" – ", 1)
            removed.append(Removed("title_suffix", suffix))
        elif number == "001":
            title = None
            removed.append(Removed("navigation", "\n".join(lines[:8])))
            rest = "\n".join(lines[8:])
        body = _blocks(rest)
        if number == "003":
            body = body[:-1]  # "اظهر المزيد / زر الذهاب إلى الأعلى"
            removed.append(Removed("widget", "اظهر المزيد\nزر الذهاب إلى الأعلى"))
        out[number] = build_article(title, body, removed)
    return out
