"""The learned event-type decision: which PLOVER type a sentence reports, if any.

The trigger rules find candidates: a sentence with no trigger reports no event. For a
sentence with triggers, a set of logistic heads (one per PLOVER type) reads its
multilingual-e5-small embedding beside what the rules found (which types triggered,
which one the rules call the main event, whether it is negated or asked about), and
scores each type. The best type is the sentence's main event when its score clears the
language's threshold; rule triggers of other types stay as further events when their own
score clears it too. English and Arabic examples train the same heads through the shared
embedding space, so the English PLOVER records teach Arabic as well.

Weights are plain arrays (``data/typer.npz``) read with numpy: scikit-learn trains them
(``marsad train events``) but is not needed to run them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Protocol

import numpy as np

from marsad.errors import PipelineError
from marsad.events.lexicon import EVENT_TYPES
from marsad.events.triggers import Hit, primary

log = logging.getLogger(__name__)

JUDGED_IN_ARABIC = ("ASSAULT", "PROTEST")
"""The types the Arabic gold judges; Arabic sentences get their own threshold for these
(calibrated on Arabic yes/no judgments) and the English one for the rest."""
RULE_FEATURES = 2 * len(EVENT_TYPES) + 3
"""Types triggered, the rules' main type, any trigger, negated main, asked main."""


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def default_weights_path() -> Path:
    return Path(str(files("marsad.events"))) / "data" / "typer.npz"


def rule_features(hits: list[Hit], aux: list[str]) -> np.ndarray:
    """What the trigger rules say about one sentence, as numbers."""
    out = np.zeros(RULE_FEATURES, dtype=np.float32)
    n = len(EVENT_TYPES)
    for hit in hits:
        out[EVENT_TYPES.index(hit.type)] = 1.0
    main = primary(hits)
    if main is not None:
        out[n + EVENT_TYPES.index(main.type)] = 1.0
        out[2 * n] = 1.0
    out[2 * n + 1] = float("negation" in aux)
    out[2 * n + 2] = float("hypothetical" in aux)
    return out


def threshold_vector(thresholds: dict[str, float], lang: str) -> np.ndarray:
    """Per-type thresholds for sentences of ``lang``."""
    out = np.full(len(EVENT_TYPES), thresholds["en"], dtype=np.float32)
    if lang == "ar" and "ar" in thresholds:
        for type_ in JUDGED_IN_ARABIC:
            out[EVENT_TYPES.index(type_)] = thresholds["ar"]
    return out


@dataclass(frozen=True)
class TypeScores:
    """Per-type scores of one sentence, and the decision they lead to."""

    scores: np.ndarray  # one per EVENT_TYPES
    thresholds: np.ndarray  # the same

    @property
    def main(self) -> str | None:
        best = int(np.argmax(self.scores))
        return EVENT_TYPES[best] if self.scores[best] >= self.thresholds[best] else None

    def score(self, type_: str) -> float:
        return float(self.scores[EVENT_TYPES.index(type_)])

    def clears(self, type_: str) -> bool:
        i = EVENT_TYPES.index(type_)
        return bool(self.scores[i] >= self.thresholds[i])


class EventTyper:
    """The trained heads; the embedder loads on the first sentence scored."""

    name = "rules+typer"

    def __init__(self, path: Path | None = None, embedder: Embedder | None = None) -> None:
        path = path or default_weights_path()
        if not path.is_file():
            raise PipelineError(f"no event-type weights at {path}: rebuild them with `make models`")
        with np.load(path) as data:
            self.weights = np.asarray(data["weights"], dtype=np.float32)
            self.bias = np.asarray(data["bias"], dtype=np.float32)
            meta = json.loads(str(data["meta"]))
        if list(meta["types"]) != list(EVENT_TYPES):
            raise PipelineError(f"{path} was trained for other event types: rebuild it")
        self.thresholds: dict[str, float] = dict(meta["thresholds"])
        self.embedder_name: str = meta["embedder"]
        self._embedder = embedder

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from marsad.stories.embed import default_embedder

            self._embedder = default_embedder()
        return self._embedder

    def score(
        self, texts: list[str], rules: list[np.ndarray], langs: list[str]
    ) -> list[TypeScores]:
        """Scores for sentences (one batch: the embedder is called once)."""
        if not texts:
            return []
        x = np.hstack([self.embedder.embed(texts), np.vstack(rules)])
        logits = x @ self.weights.T + self.bias
        probs = 1.0 / (1.0 + np.exp(-logits))
        return [
            TypeScores(row, threshold_vector(self.thresholds, lang))
            for row, lang in zip(probs, langs, strict=True)
        ]


@cache
def default_typer() -> EventTyper | None:
    """The shipped typer, or None (rules alone) when its weights are absent."""
    path = default_weights_path()
    if not path.is_file():
        log.warning("no event-type weights at %s: events are typed by rules alone", path)
        return None
    return EventTyper(path)
