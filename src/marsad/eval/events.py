"""How well events are typed, on the PLOVER gold standard records (GSR).

English: ``plover_gsr_en/dev.json``, one sentence per record with its PLOVER type (old
names mapped to the current codebook: DEMAND→REQUEST, DISAPPROVE and INVESTIGATE→ACCUSE,
FIGHT→ASSAULT). Each sentence goes through the ``events`` stage alone; its main event
(``triggers.primary``: heaviest trigger, first among equals) is the prediction. Reported:
precision, recall and F1 per type, and their macro mean over the types present in the gold.

Arabic: ``plover_gsr_ar/{assault,protest}_dev.csv``, sentences judged "yes", "easy no",
"difficult no" or "ambiguous" for one type. A sentence is predicted positive when the stage
finds that type as its main event; ambiguous ones are left out (and counted).

``part`` picks a fixed split of every set by a hash of the record id: ``held-out`` is one
record in three, kept for measuring rules written while reading ``tune``; ``all`` is both.
"""

from __future__ import annotations

import csv
import json
import logging
import time
from collections import Counter
from pathlib import Path
from typing import Any

from marsad.eval import split
from marsad.events.lexicon import EVENT_TYPES
from marsad.events.stage import EventsStage
from marsad.types import Article, Event, Sentence

log = logging.getLogger(__name__)

EN_FILE = Path("plover_gsr_en") / "dev.json"
AR_FILES = {
    "ASSAULT": Path("plover_gsr_ar") / "assault_dev.csv",
    "PROTEST": Path("plover_gsr_ar") / "protest_dev.csv",
}
PARTS = ("all", "tune", "held-out")  # events have no train part: what is not held out tunes
OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


def evaluate_events(
    data_dir: Path,
    limit: int | None = None,
    stage: EventsStage | None = None,
    part: str = "all",
) -> dict[str, Any]:
    """Per-type P/R/F1 in English and Arabic; a language whose file is absent is skipped."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    stage = stage or EventsStage()
    report: dict[str, Any] = {"backend": stage.backend, "part": part}
    en = data_dir / EN_FILE
    if en.is_file():
        report["en"] = _evaluate_en(en, stage, limit, part)
    ar = {t: data_dir / p for t, p in AR_FILES.items() if (data_dir / p).is_file()}
    if ar:
        report["ar"] = {t: _evaluate_ar(path, t, stage, limit, part) for t, path in ar.items()}
    return report


def in_part(record_id: str, part: str) -> bool:
    """Whether the record ``record_id`` belongs to ``part`` of the fixed split."""
    return split.in_part("events", record_id, part)


def _events(stage: EventsStage, text: str, lang: str) -> list[Event]:
    article = Article(
        id="gsr", source="gsr", raw=b"", raw_text=text, format="clean", text=text, lang=lang
    )
    article.sentences = [Sentence(0, len(text))]
    return stage.code(article)


# An event the text asks about or denies ("هل يجوز تبرير القتل؟", "did not attack") is not
# one the sentence reports.
_NOT_REPORTED = frozenset({"hypothetical", "negation"})


def _main_type(events: list[Event]) -> str | None:
    reported = [e for e in events if not _NOT_REPORTED.intersection(e.aux)]
    if not reported:
        return None
    return max(reported, key=lambda e: (e.score, -(e.trigger_start or 0))).type


def _evaluate_en(path: Path, stage: EventsStage, limit: int | None, part: str) -> dict[str, Any]:
    records = json.loads(path.read_text(encoding="utf-8"))[:limit]
    records = [r for r in records if in_part(r["id"], part)]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    began = time.perf_counter()
    for rec in records:
        gold = OLD_NAMES.get(rec["event"], rec["event"])
        predicted = _main_type(_events(stage, rec["text"], "en"))
        if predicted == gold:
            tp[gold] += 1
        else:
            fn[gold] += 1
            if predicted is not None:
                fp[predicted] += 1
    present = sorted(
        {OLD_NAMES.get(r["event"], r["event"]) for r in records}, key=EVENT_TYPES.index
    )
    per_type = {t: _prf(tp[t], fp[t], fn[t]) for t in present}
    macro = round(sum(v["f1"] for v in per_type.values()) / len(per_type), 3) if per_type else 0.0
    return {
        "sentences": len(records),
        "accuracy": round(sum(tp.values()) / len(records), 3) if records else 0.0,
        "macro_f1": macro,
        "per_type": per_type,
        "seconds": round(time.perf_counter() - began, 2),
    }


def _evaluate_ar(
    path: Path, type_: str, stage: EventsStage, limit: int | None, part: str
) -> dict[str, Any]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in list(csv.DictReader(fh))[:limit] if in_part(r["id"], part)]
    tp = fp = fn = ambiguous = 0
    for row in rows:
        label = row["label"].strip()
        if label == "ambiguous":
            ambiguous += 1
            continue
        found = _main_type(_events(stage, row["text"], "ar")) == type_
        gold = label == "yes"
        tp += found and gold
        fp += found and not gold
        fn += gold and not found
    return _prf(tp, fp, fn) | {"sentences": len(rows) - ambiguous, "ambiguous_left_out": ambiguous}


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }
