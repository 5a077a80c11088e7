"""Fixtures of the geocoding tests: one geocoder over the shipped KB, and articles whose
place mentions are found by their surface (the recogniser is another stage's business)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import pytest

from marsad.geo import Geocoder
from marsad.kb import load_kb
from marsad.types import Article, Mention

MakeArticle = Callable[..., Article]


@pytest.fixture(scope="session")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    """The shipped KB only, whatever the machine's ~/.marsad holds; tables loaded once."""
    geocoder = Geocoder(load_kb(user_dir=tmp_path_factory.mktemp("no-user-kb")))
    geocoder.warm()
    return geocoder


def mentions_of(text: str, surfaces: Iterable[str], label: str = "GPE") -> list[Mention]:
    """A mention for every occurrence of each surface in ``text``."""
    found: list[Mention] = []
    for surface in surfaces:
        at = text.find(surface)
        assert at != -1, f"{surface!r} is not in the text"
        while at != -1:
            found.append(Mention(at, at + len(surface), label))
            at = text.find(surface, at + len(surface))
    return sorted(found, key=lambda m: m.start)


@pytest.fixture(scope="session")
def make_article() -> MakeArticle:
    """``make_article(text, places, norp=(), linked={surface: entity_id})``."""

    def build(
        text: str,
        places: Iterable[str],
        norp: Iterable[str] = (),
        linked: Mapping[str, str] | None = None,
    ) -> Article:
        article = Article(id="t", source="t", raw=text.encode(), raw_text=text, text=text)
        article.mentions = mentions_of(text, places) + mentions_of(text, norp, "NORP")
        for mention in article.mentions:
            entity = (linked or {}).get(text[mention.start : mention.end])
            mention.entity_id = entity
        return article

    return build
