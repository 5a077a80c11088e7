"""The same-story pair model: its features, probability, file format and the shipped one."""

from __future__ import annotations

import json

import pytest

from marsad.stories.features import Shared
from marsad.stories.pair_model import (
    FEATURES,
    MODEL_FILE,
    PairModel,
    pair_features,
    shipped_pair_model,
)


def _shared(cosine: float, *, entities: int = 0, numbers: int = 0, days: int | None = 0) -> Shared:
    return Shared(
        entities=entities,
        entity_jaccard=entities / 10,
        places=0,
        dates=(),
        numbers=numbers,
        speakers=0,
        overlap=0.0,
        cosine=cosine,
        days_apart=days,
    )


def test_pair_features_follow_the_names_and_caps() -> None:
    row = dict(
        zip(
            FEATURES,
            pair_features(_shared(0.8, entities=20, numbers=9, days=None), True),
            strict=True,
        )
    )
    assert row["cosine"] == row["cross_language_cosine"] == 0.8
    assert row["cross_language"] == 1.0
    assert row["entities"] == 8.0 and row["numbers"] == 3.0  # capped
    assert row["undated"] == 1.0 and row["days_apart"] == 0.0
    same = dict(zip(FEATURES, pair_features(_shared(0.8, days=2), False), strict=True))
    assert same["cross_language_cosine"] == 0.0 and same["days_apart"] == 2.0


def test_shipped_model_is_monotone_in_what_pairs_share() -> None:
    model = shipped_pair_model()
    assert 0.0 < model.join <= model.merge <= 1.0
    for cross in (False, True):
        p = [model.probability(_shared(c), cross) for c in (0.70, 0.80, 0.90, 0.95)]
        assert p == sorted(p) and p[0] < model.join < p[-1]
        assert model.probability(_shared(0.9, entities=6), cross) >= model.probability(
            _shared(0.9), cross
        )
        assert model.probability(_shared(0.9, days=3), cross) < model.probability(
            _shared(0.9), cross
        )
        assert model.probability(_shared(0.9, days=None), cross) < model.probability(
            _shared(0.9), cross
        )
    trained = json.loads(MODEL_FILE.read_text(encoding="utf-8"))["trained"]
    assert "tune part" in trained["data"] and trained["same_story_pairs"] > 100


def test_pair_model_round_trips_and_refuses_other_features(tmp_path) -> None:
    model = PairModel(tuple(float(i) for i in range(len(FEATURES))), -3.0, 0.6, 0.7, {"C": 1})
    path = tmp_path / "m.json"
    model.save(path)
    assert PairModel.from_json(path.read_text(encoding="utf-8")) == model
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"] = ["cosine"]
    with pytest.raises(ValueError, match="marsad train stories"):
        PairModel.from_json(json.dumps(data))
    with pytest.raises(ValueError, match="weights"):
        PairModel((1.0,), 0.0, 0.5, 0.6)
