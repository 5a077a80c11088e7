"""The probability that two articles report the same story, from what they share.

A logistic model over a few language-independent signals of a pair (``Shared``): the E5
cosine of their leads (scored apart for pairs across languages, where E5 runs lower), the
Jaccard and count of their shared entity ids (places included), shared numbers, days
between publication days and a missing date. Its weights and the two probability floors
the clusterer uses are learned from the tuning part of the dev set of real reports
(``marsad train stories``, ``marsad.train.stories``) and shipped as
``data/pair_model.json``; the held-out part is never read. Hand-set weights (0.05 per
entity Jaccard, 0.01 per number, 0.02 per day) fitted the tuning part and lost a third of
their precision on held-out reports: a fitted model says how much each signal is worth
and in what units, and is rebuilt when the dev set grows.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from marsad.stories.features import Shared

MODEL_FILE = Path(__file__).resolve().parent / "data" / "pair_model.json"

FEATURES = (
    "cosine",
    "cross_language",
    "cross_language_cosine",
    "entity_jaccard",
    "entities",
    "numbers",
    "days_apart",
    "undated",
)
# Beyond these, more shared entity ids (places included) or numbers say nothing more.
_ENTITY_CAP = 8
_NUMBER_CAP = 3
# Days read for a pair whose dates are unknown: none, so that the ``undated`` weight alone
# says what a missing date costs, learned from such pairs, instead of a guessed distance.
_UNDATED_DAYS = 0.0


def pair_features(shared: Shared, cross_language: bool) -> list[float]:
    """The model's inputs, in ``FEATURES`` order."""
    cosine = shared.cosine or 0.0
    cross = 1.0 if cross_language else 0.0
    days = _UNDATED_DAYS if shared.days_apart is None else float(shared.days_apart)
    return [
        cosine,
        cross,
        cross * cosine,
        shared.entity_jaccard,
        float(min(shared.entities, _ENTITY_CAP)),
        float(min(shared.numbers, _NUMBER_CAP)),
        days,
        1.0 if shared.days_apart is None else 0.0,
    ]


@dataclass(frozen=True, slots=True)
class PairModel:
    weights: tuple[float, ...]  # one per name in ``FEATURES``
    bias: float
    # A candidate story is joined when its mean probability reaches ``join``; another story
    # that reaches ``merge`` too is proved to be the same story and merged into it.
    join: float
    merge: float
    trained: dict[str, Any] = field(default_factory=dict)  # provenance and fit figures

    def __post_init__(self) -> None:
        if len(self.weights) != len(FEATURES):
            raise ValueError(f"a pair model needs {len(FEATURES)} weights, not {len(self.weights)}")

    def probability(self, shared: Shared, cross_language: bool) -> float:
        return self.probability_of(pair_features(shared, cross_language))

    def probability_of(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def to_json(self) -> str:
        data = asdict(self)
        data["features"] = list(FEATURES)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, document: str) -> PairModel:
        data = json.loads(document)
        if data.get("features", list(FEATURES)) != list(FEATURES):
            raise ValueError(
                "the pair model was trained on other features; rebuild it: marsad train stories"
            )
        return cls(
            weights=tuple(float(w) for w in data["weights"]),
            bias=float(data["bias"]),
            join=float(data["join"]),
            merge=float(data["merge"]),
            trained=data.get("trained", {}),
        )

    def save(self, path: Path = MODEL_FILE) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(self.to_json(), encoding="utf-8")
        tmp.replace(path)


@cache
def shipped_pair_model() -> PairModel:
    return PairModel.from_json(MODEL_FILE.read_text(encoding="utf-8"))
