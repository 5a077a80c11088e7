from __future__ import annotations

import numpy as np
import pytest

from marsad.stories.features import ArticleFeatures, article_features, compare, numbers_in
from marsad.types import Article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل ١٢ شخصاً في عام ٢٠١٩ و3 آخرون", {"12", "2019"}),
        ("12 killed in 2019, 1,500 fled", {"12", "2019", "1500"}),
    ],
    ids=["ar", "en"],
)
def test_features_numbers_read_arabic_indic_digits(text: str, expected: set[str]) -> None:
    assert numbers_in(text) == expected


@pytest.mark.parametrize("seed", ["001", "000"], ids=["ar", "en"])
def test_features_hold_entities_dates_and_speakers(seeds: dict[str, Article], seed: str) -> None:
    f = article_features(seeds[seed])
    assert "marsad:per/abdul-karim-omar" in f.entities
    assert "marsad:place/qamishli" in f.places
    assert "marsad:per/abdul-karim-omar" in f.speakers
    assert f.embedding is None  # embedded only when a candidate pair needs it
    assert f.lead.startswith((seeds[seed].title or "")[:20])
    assert f.has_entities


def test_features_two_versions_of_one_story_share_more_than_two_stories(
    seeds: dict[str, Article],
) -> None:
    en, ar, other = (article_features(seeds[n]) for n in ("000", "001", "003"))
    same, different = compare(ar, en), compare(ar, other)
    assert same.entities >= 10 and same.entity_jaccard > 0.5
    assert different.entity_jaccard < 0.35
    assert same.cosine is None  # no embeddings yet


@pytest.mark.parametrize("seed", ["001", "000"], ids=["ar", "en"])
def test_features_round_trip_through_storage(seeds: dict[str, Article], seed: str) -> None:
    f = article_features(seeds[seed])
    f.embedding = np.full(4, 0.5, dtype=np.float32)
    back = ArticleFeatures.from_stored(
        f.article_id, f.lang, f.outlet, f.date, f.to_json(), f.signature.tobytes(), f.lead,
        f.embedding.astype(np.float16).tobytes(),
    )  # fmt: skip
    assert (back.entities, back.dates, back.numbers) == (f.entities, f.dates, f.numbers)
    assert np.array_equal(back.signature, f.signature)
    assert back.bands == []  # a stored article is compared with, never looked up by bands
    assert back.embedding is not None and np.allclose(back.embedding, f.embedding)
