"""Training the event-type heads (``marsad.events.typer``): ``marsad train events DATA``.

Training rows are the tune parts of the PLOVER gold sets (``marsad.eval.split``; the
held-out parts are never read here) whose sentence has at least one rule trigger — the
only sentences the typer is asked about at run time:

- English ``plover_gsr_en/dev.json``: the record's type is the positive of its head and
  a negative of every other head;
- Arabic ``plover_gsr_ar/{assault,protest}_dev.csv``: "yes" is a positive of the file's
  type and a negative of the other heads; "easy no" and "difficult no" are negatives of
  the file's type only (the file judges nothing else: a "no" may still be a protest or a
  demand, and treating it as "no event" teaches every head that Arabic means none);
  "ambiguous" is left out.

Each head is an L2-regularised logistic regression over the E5 embedding and the rule
features, with balanced class weights (some types have three examples). ``C`` and each
language's threshold are chosen by 5-fold cross-validation on the tune rows (folds by a
hash of the record's document); the final heads are fitted on all of them. The report saved
beside the weights gives the cross-validated figures.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from marsad.eval.events import AR_FILES, EN_FILE, OLD_NAMES, in_part
from marsad.events.lexicon import EVENT_TYPES, lexicon
from marsad.events.triggers import aux_modes, find_triggers, primary
from marsad.events.typer import (
    JUDGED_IN_ARABIC,
    TypeScores,
    default_weights_path,
    rule_features,
    threshold_vector,
)

log = logging.getLogger(__name__)

C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.96, 0.05))
FOLDS = 5


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    lang: str
    text: str
    label: str | None  # a type, or None: "not the file's type"
    file_type: str | None  # Arabic: the type the file judges

    @property
    def document(self) -> str:
        """Arabic ids name their document ("AAW_ARB_20071026.0026-2" is its sentence 2):
        sentences of one story share words and judgments, so they share a fold."""
        return self.id.rsplit("-", 1)[0] if self.lang == "ar" else self.id


def read_rows(data_dir: Path, part: str = "tune") -> list[Row]:
    rows: list[Row] = []
    for rec in json.loads((data_dir / EN_FILE).read_text(encoding="utf-8")):
        if in_part(rec["id"], part):
            label = OLD_NAMES.get(rec["event"], rec["event"])
            rows.append(Row(rec["id"], "en", rec["text"], label, None))
    for type_, rel in AR_FILES.items():
        with (data_dir / rel).open(encoding="utf-8", newline="") as fh:
            for rec in csv.DictReader(fh):
                judged = rec["label"].strip()
                if judged == "ambiguous" or not in_part(rec["id"], part):
                    continue
                label = type_ if judged == "yes" else None
                rows.append(Row(rec["id"], "ar", rec["text"], label, type_))
    return rows


def rule_vector(text: str, lang: str) -> np.ndarray | None:
    """The rule features of a sentence, or None when no trigger fires in it."""
    lex = lexicon(lang)
    hits = find_triggers(text, lex)
    main = primary(hits)
    if main is None:
        return None
    return rule_features(hits, aux_modes(text, main, lex, 0, len(text)))


def targets(rows: list[Row]) -> tuple[np.ndarray, np.ndarray]:
    """(y, mask), both rows × types: y 1 for a positive; mask 0 where a row says nothing."""
    n, k = len(rows), len(EVENT_TYPES)
    y = np.zeros((n, k), dtype=np.int8)
    mask = np.ones((n, k), dtype=bool)
    for i, row in enumerate(rows):
        if row.label is not None:
            y[i, EVENT_TYPES.index(row.label)] = 1
        if row.lang == "ar" and row.label is None:
            mask[i] = False
            mask[i, EVENT_TYPES.index(str(row.file_type))] = True
    return y, mask


def fit_heads(x: np.ndarray, y: np.ndarray, mask: np.ndarray, c: float) -> tuple[Any, Any]:
    from sklearn.linear_model import LogisticRegression

    k = y.shape[1]
    weights = np.zeros((k, x.shape[1]), dtype=np.float32)
    bias = np.full(k, -10.0, dtype=np.float32)  # a type never seen scores ~0
    for t in range(k):
        rows = mask[:, t]
        yt = y[rows, t]
        if yt.sum() == 0 or yt.sum() == len(yt):
            continue
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
        model.fit(x[rows], yt)
        weights[t] = model.coef_[0]
        bias[t] = model.intercept_[0]
    return weights, bias


def predict(x: np.ndarray, weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(x @ weights.T + bias))))


def evaluate(rows: list[Row], probs: np.ndarray, thresholds: dict[str, float]) -> dict[str, Any]:
    """English macro F1 over the types present, Arabic F1 per judged type (as
    ``marsad eval events`` scores them), from per-type scores."""
    out: dict[str, Any] = {}
    en = [(r, p) for r, p in zip(rows, probs, strict=True) if r.lang == "en"]
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for row, p in en:
        guess = TypeScores(p, threshold_vector(thresholds, "en")).main
        gold = row.label or ""
        if guess == gold:
            tp[gold] = tp.get(gold, 0) + 1
        else:
            fn[gold] = fn.get(gold, 0) + 1
            if guess:
                fp[guess] = fp.get(guess, 0) + 1
    present = sorted({r.label for r, _ in en if r.label})
    if present:
        f1s = [_f1(tp.get(t, 0), fp.get(t, 0), fn.get(t, 0)) for t in present]
        out["en_macro_f1"] = round(sum(f1s) / len(f1s), 3)
    for type_ in AR_FILES:
        a = [(r, p) for r, p in zip(rows, probs, strict=True) if r.file_type == type_]
        t_p = f_p = f_n = 0
        for row, p in a:
            said = TypeScores(p, threshold_vector(thresholds, "ar")).main == type_
            judged = row.label == type_
            t_p += said and judged
            f_p += said and not judged
            f_n += judged and not said
        out[f"ar_{type_}_f1"] = round(_f1(t_p, f_p, f_n), 3)
    return out


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _fold(row_id: str) -> int:
    return int.from_bytes(hashlib.sha256(row_id.encode()).digest()[:4], "big") % FOLDS


def train_events(
    data_dir: Path,
    out: Path | None = None,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Choose C and thresholds by cross-validation, fit on every tune row, save."""
    say = progress or log.info
    rows = read_rows(data_dir)
    rules = [rule_vector(r.text, r.lang) for r in rows]
    kept = [(r, v) for r, v in zip(rows, rules, strict=True) if v is not None]
    rows = [r for r, _ in kept]
    say(f"{len(rows)} tune sentences with a trigger; embedding them")
    if embed is None:
        from marsad.stories.embed import default_embedder

        embed = default_embedder().embed
    x = np.hstack([embed([r.text for r in rows]), np.vstack([v for _, v in kept])])
    y, mask = targets(rows)
    folds = np.array([_fold(r.document) for r in rows])

    best: tuple[float, float, dict[str, float], dict[str, Any]] | None = None
    for c in C_GRID:
        probs = np.zeros(y.shape, dtype=np.float32)
        for f in range(FOLDS):
            train, test = folds != f, folds == f
            w, b = fit_heads(x[train], y[train], mask[train], c)
            probs[test] = predict(x[test], w, b)
        en_t = max(THRESHOLDS, key=lambda t: _en(evaluate(rows, probs, {"en": t, "ar": 1.1})))
        ar_t = max(THRESHOLDS, key=lambda t: _ar_mean(evaluate(rows, probs, {"en": 1.1, "ar": t})))
        thresholds = {"en": en_t, "ar": ar_t}
        scores = evaluate(rows, probs, thresholds)
        objective = _en(scores) + _ar_mean(scores)
        say(json.dumps({"C": c, "thresholds": thresholds, "cross_validated": scores}))
        if best is None or objective > best[0]:
            best = (objective, c, thresholds, scores)
    assert best is not None
    _, c, thresholds, scores = best
    weights, bias = fit_heads(x, y, mask, c)
    meta = {
        "types": list(EVENT_TYPES),
        "judged_in_arabic": list(JUDGED_IN_ARABIC),
        "thresholds": thresholds,
        "C": c,
        "embedder": "e5-small",
        "rows": len(rows),
        "cross_validated": scores,
    }
    target = out or default_weights_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(target, weights=weights, bias=bias, meta=np.array(json.dumps(meta)))
    return meta


def _en(scores: dict[str, Any]) -> float:
    return float(scores.get("en_macro_f1", 0.0))


def _ar_mean(scores: dict[str, Any]) -> float:
    values = [v for k, v in scores.items() if k.startswith("ar_")]
    return sum(values) / len(values) if values else 0.0
