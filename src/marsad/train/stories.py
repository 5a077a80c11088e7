"""Training the same-story pair model (``marsad.stories.pair_model``): ``marsad train stories``.

Rows are the pairs of the dev set's tuning part (``marsad.eval.stories``; the held-out part
is never read here) that the clusterer could compare: both in the date window. Each pair's
label is whether the hand grouping puts them in one story. The records go through the full
pipeline and real E5, as at run time.

1. The weights: an L2-regularised logistic regression over ``pair_features`` whose weights
   keep the sign that makes sense (``SIGNS``), with ``C`` chosen by cross-validated log
   loss, folds by story (a pair belongs to the story of its first article), so a story's
   pairs never sit on both sides.
2. The floors: the clusterer itself runs over the tuning part, in file order, for each
   ``join`` and ``merge`` floor on a grid; the pair with the best pairwise F0.5 (precision
   counts twice: a wrong join puts two whole stories together) wins, ties to the higher
   floors.

The saved model records its data, pair counts and both figures.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from marsad.eval import stories as dev
from marsad.stories.cluster import ClusterConfig, Clusterer
from marsad.stories.embed import default_embedder
from marsad.stories.features import ArticleFeatures, article_features, compare, days_apart
from marsad.stories.memo import MemoEmbedder
from marsad.stories.pair_model import FEATURES, MODEL_FILE, PairModel, pair_features
from marsad.types import Article

log = logging.getLogger(__name__)

C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
JOIN_GRID = tuple(round(float(t), 2) for t in np.arange(0.3, 0.91, 0.05))
MERGE_OVER_JOIN = (0.05, 0.1, 0.2, 1.0)  # 1.0: never merge (a probability cannot reach it)
FOLDS = 5
BETA = 0.5


@dataclass(frozen=True, slots=True)
class PairRows:
    x: np.ndarray
    y: np.ndarray
    groups: list[str]


def pair_rows(
    records: Sequence[dev.DevRecord], features: Sequence[ArticleFeatures], max_days: int
) -> PairRows:
    """The pairs the clusterer could meet: within ``max_days`` of each other. An undated
    report is placed on its story's first known day for that choice only: at ingest its
    candidates come from the latest months, not from every year of the dev set, and
    comparing it with all of them would teach the model that a missing date means "another
    story" (the pair's features still say it is undated)."""
    story_day: dict[str, str] = {}
    for f, r in zip(features, records, strict=True):
        if f.date and (r.story not in story_day or f.date < story_day[r.story]):
            story_day[r.story] = f.date
    days = [f.date or story_day.get(r.story) for f, r in zip(features, records, strict=True)]
    rows, labels, groups = [], [], []
    for i, j in combinations(range(len(records)), 2):
        apart = days_apart(days[i], days[j])
        if apart is not None and apart > max_days:
            continue
        shared = compare(features[i], features[j])
        rows.append(pair_features(shared, records[i].lang != records[j].lang))
        labels.append(records[i].story == records[j].story)
        groups.append(records[i].story)
    return PairRows(np.asarray(rows, dtype=np.float64), np.asarray(labels), groups)


# The sign each weight may take: more of what two reports share never makes them less
# likely one story, more days apart or a missing date never more. Unconstrained, the tuning
# part's hard negatives (one speaker, two days) gave shared entities a negative weight,
# which no new text would bear out; the crossing terms are free.
SIGNS = {
    "cosine": 1,
    "cross_language": 0,
    "cross_language_cosine": 0,
    "entity_jaccard": 1,
    "entities": 1,
    "numbers": 1,
    "days_apart": -1,
    "undated": -1,
}


def _fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression (``C * sum(log loss) + |w|^2 / 2``, as
    scikit-learn's) with the signs of ``SIGNS``, on standardised features."""
    from scipy.optimize import minimize

    target = y.astype(np.float64)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        value = c * float(np.sum(np.logaddexp(0.0, z) - target * z)) + 0.5 * float(w @ w)
        grad_z = c * (p - target)
        return value, np.append(x.T @ grad_z + w, grad_z.sum())

    bounds = [
        (0.0, None) if sign > 0 else (None, 0.0) if sign < 0 else (None, None)
        for sign in (SIGNS[name] for name in FEATURES)
    ] + [(None, None)]
    fitted = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", bounds=bounds)
    return fitted.x[:-1], float(fitted.x[-1])


def fit_weights(rows: PairRows) -> tuple[np.ndarray, float, float, dict[str, float]]:
    """Weights and bias in the features' own units, the chosen C, CV log loss per C."""
    from sklearn.metrics import log_loss
    from sklearn.model_selection import GroupKFold

    mean = rows.x.mean(axis=0)
    scale = rows.x.std(axis=0)
    scale[scale == 0] = 1.0
    x = (rows.x - mean) / scale
    losses = {}
    folds = GroupKFold(n_splits=min(FOLDS, len(set(rows.groups))))
    for c in C_GRID:
        predicted = np.zeros(len(rows.y))
        for train, test in folds.split(x, rows.y, rows.groups):
            w, b = _fit(x[train], rows.y[train], c)
            predicted[test] = 1.0 / (1.0 + np.exp(-(x[test] @ w + b)))
        losses[str(c)] = round(float(log_loss(rows.y, predicted, labels=[False, True])), 4)
    best_c = min(C_GRID, key=lambda c: (losses[str(c)], c))
    w, b = _fit(x, rows.y, best_c)
    # Back to raw units: z = sum(w/scale * (x - mean)) + b.
    return w / scale, float(b - np.sum(w * mean / scale)), best_c, losses


def choose_floors(
    records: Sequence[dev.DevRecord],
    articles: Sequence[Article],
    weights: np.ndarray,
    bias: float,
    embedder: MemoEmbedder,
) -> tuple[float, float, dict[str, Any]]:
    best: tuple[tuple[float, float, float], float, float, dict[str, Any]] | None = None
    for join in JOIN_GRID:
        for over in MERGE_OVER_JOIN:
            merge = min(1.0, round(float(join + over), 2))
            model = PairModel(tuple(float(w) for w in weights), bias, join, merge)
            clusterer = Clusterer(embedder, ClusterConfig(pair_model=model))
            got = dev.assign(_fresh(articles), clusterer)
            pairwise = dev.score(records, got)["all"]["pairwise"]
            p, r = float(pairwise["precision"]), float(pairwise["recall"])
            f = (1 + BETA**2) * p * r / (BETA**2 * p + r) if p + r else 0.0
            key = (round(f, 4), join, merge)
            if best is None or key > best[0]:
                best = (key, join, merge, pairwise)
    assert best is not None
    return best[1], best[2], best[3]


def _fresh(articles: Sequence[Article]) -> list[Article]:
    """Copies without story ids, so each grid point clusters from scratch."""
    return [replace(a, story_id=None, duplicate_of=None) for a in articles]


def train_stories(
    out: Path | None = None,
    path: Path = dev.DEV_FILE,
    progress: Callable[[str], object] = log.info,
) -> dict[str, Any]:
    records = dev.split(dev.load(path), "tune")
    progress(f"{len(records)} tuning records through the pipeline")
    articles = dev.process(records)
    embedder = MemoEmbedder(default_embedder())
    features = [article_features(a) for a in articles]
    for f, vector in zip(features, embedder.embed([f.lead for f in features]), strict=True):
        f.embedding = vector
    rows = pair_rows(records, features, ClusterConfig().max_days_apart)
    progress(f"{len(rows.y)} pairs in the date window, {int(rows.y.sum())} of one story")
    weights, bias, c, losses = fit_weights(rows)
    progress(f"C={c} (cross-validated log loss {losses[str(c)]})")
    join, merge, pairwise = choose_floors(records, articles, weights, bias, embedder)
    progress(f"floors: join {join}, merge {merge}; tuning part pairwise {pairwise}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    model = PairModel(
        weights=tuple(round(float(w), 6) for w in weights),
        bias=round(bias, 6),
        join=join,
        merge=merge,
        trained={
            "data": f"{path.name} sha256:{digest}, tune part",
            "records": len(records),
            "pairs": len(rows.y),
            "same_story_pairs": int(rows.y.sum()),
            "C": c,
            "cv_log_loss": losses,
            "tune_pairwise": pairwise,
        },
    )
    model.save(out or MODEL_FILE)
    return model.trained | {"join": join, "merge": merge}
