"""Training the same-story pair model: sign-constrained fit, and a whole run on a small
dev file of real reports (tuning records only)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from marsad.eval.stories import DEV_FILE, held_out
from marsad.stories.pair_model import FEATURES, PairModel
from marsad.train.stories import SIGNS, _fit, pick_floors, train_stories


def test_fit_keeps_the_signs_it_is_given() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, len(FEATURES)))
    # The label follows the cosine column up and, against sense, the entity Jaccard down:
    # unconstrained, that weight would come out negative; constrained, it stays at 0.
    cos, ent = FEATURES.index("cosine"), FEATURES.index("entity_jaccard")
    y = (2 * x[:, cos] - 1.5 * x[:, ent] + rng.normal(scale=0.3, size=400)) > 0
    w, _ = _fit(x, y, 10.0)
    assert w[cos] > 1.0
    assert w[ent] == 0.0
    for name, weight in zip(FEATURES, w, strict=True):
        assert weight * SIGNS[name] >= 0.0


@pytest.mark.slow
def test_train_stories_on_a_small_dev_file(tmp_path: Path) -> None:
    lines = DEV_FILE.read_text(encoding="utf-8").splitlines()
    wanted = {"lebanon-pagers-2024-09-17", "lebanon-walkietalkies-2024-09-18"}
    picked = [
        line
        for line in lines
        if json.loads(line)["story"] in wanted and not held_out(json.loads(line)["id"])
    ]
    assert len(picked) >= 8
    dev = tmp_path / "dev.jsonl"
    dev.write_text("\n".join(picked) + "\n", encoding="utf-8")
    out = tmp_path / "pair_model.json"
    report = train_stories(out=out, path=dev, progress=lambda _: None)
    model = PairModel.from_json(out.read_text(encoding="utf-8"))
    assert model.trained["records"] == len(picked) == report["records"]
    assert 0.0 < model.join <= model.merge <= 1.0
    for name, weight in zip(FEATURES, model.weights, strict=True):
        assert weight * SIGNS[name] >= 0.0
    assert report["tune_pairwise"]["true_pairs"] > 0


def test_floors_give_the_most_recall_at_the_precision_goal() -> None:
    figures = {
        (0.5, 0.6): {"precision": 0.80, "recall": 0.95},  # recall bought with precision
        (0.65, 0.85): {"precision": 0.93, "recall": 0.79},
        (0.7, 0.8): {"precision": 0.94, "recall": 0.75},
        (0.8, 0.9): {"precision": 0.96, "recall": 0.79},  # same recall, higher floors
    }
    assert pick_floors(figures) == (0.8, 0.9)
    del figures[(0.8, 0.9)]
    assert pick_floors(figures) == (0.65, 0.85)
    below = {pt: f | {"precision": f["precision"] - 0.2} for pt, f in figures.items()}
    assert pick_floors(below) == (0.7, 0.8)  # none reaches the goal: the most precise
