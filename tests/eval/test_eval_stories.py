"""Same-story grouping on the dev set of real reports: the scorer on a hand-made case, and
floors on the held-out part (measured 2026-12-06; they only move down on purpose)."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.eval.stories import DevRecord, evaluate_stories, held_out, load, score, split

# Held-out figures measured with the pair model retrained on the grown set (336 records,
# 118 held out, numpy E5 engine, floors by cross-validation for recall at precision 0.92;
# 2026-12-06): B-cubed F1 0.899 (every article alone: 0.62); ar-en pairwise precision
# 0.828 at recall 0.787; all pairs 0.827 / 0.798. On the first set (230 records, 85 held
# out) they were 0.953, 0.930 / 0.909 and 0.919 / 0.908: the 106 added reports are
# neighbouring stories of the same actors, harder by design. Floors just under them.
HELD_OUT_BCUBED_F1 = 0.87
HELD_OUT_CROSS_RECALL = 0.75
HELD_OUT_CROSS_PRECISION = 0.8
HELD_OUT_PRECISION = 0.8


def _rec(ident: str, story: str, lang: str) -> DevRecord:
    return DevRecord(ident, story, lang, "")


def test_eval_stories_scores_pairs_and_bcubed_per_language_pair() -> None:
    records = [_rec("e1", "s", "en"), _rec("a1", "s", "ar"), _rec("a2", "s", "ar"),
               _rec("e2", "t", "en")]  # fmt: skip
    # e1, a1 right; a2 left alone; e2 wrongly joined with them.
    got = {"e1": "x", "a1": "x", "e2": "x", "a2": "y"}
    out = score(records, got)
    assert out["ar-en"]["pairwise"] == {
        "precision": 0.5, "recall": 0.5, "f1": 0.5, "true_pairs": 2, "predicted_pairs": 2
    }  # fmt: skip
    assert out["ar-ar"]["pairwise"]["recall"] == 0.0
    assert out["en-en"]["pairwise"]["precision"] == 0.0
    # e1: cluster {e1, a1, e2}, story {e1, a1, a2}: P 2/3, R 2/3; a1 the same; e2: P 1/3,
    # R 1; a2: P 1, R 1/3. Means: P 2/3, R 2/3.
    assert out["all"]["bcubed"]["precision"] == pytest.approx(0.667, abs=1e-3)
    assert out["all"]["bcubed"]["recall"] == pytest.approx(0.667, abs=1e-3)
    # Across languages only: e1 sees {a1} of the other language (P 1, R 1/2), e2 sees
    # {a1} wrongly (P 1/2: itself and a1), a1 sees {e1, e2} (P 2/3), a2 alone (R 1/2).
    assert out["ar-en"]["bcubed"]["recall"] < 1.0 and out["ar-en"]["bcubed"]["precision"] < 1.0


def test_eval_stories_split_is_fixed_by_the_record_id() -> None:
    records = load()
    held = split(records, "held-out")
    assert len(records) == 336 and len(held) == 118
    assert {r.id for r in held} == {r.id for r in records if held_out(r.id)}
    assert not {r.id for r in held} & {r.id for r in split(records, "tune")}


@pytest.fixture(scope="module")
def held_out_report() -> dict[str, Any]:
    return evaluate_stories("held-out")


def test_eval_stories_held_out_floors(held_out_report: dict[str, Any]) -> None:
    cross = held_out_report["ar-en"]["pairwise"]
    assert cross["recall"] >= HELD_OUT_CROSS_RECALL
    assert cross["precision"] >= HELD_OUT_CROSS_PRECISION
    assert held_out_report["all"]["pairwise"]["precision"] >= HELD_OUT_PRECISION
    bcubed = held_out_report["all"]["bcubed"]["f1"]
    assert bcubed >= HELD_OUT_BCUBED_F1
    assert bcubed > held_out_report["baseline_alone_bcubed_f1"] + 0.05
