"""Quality floors on public gold sentences (../shared/data; skipped when absent).

Floors move only on purpose: a change that lowers a score must say why in its commit.
Measured when written: 0 of 1,814 Arabic gold sentences cut (pysbd cuts 1,251, at "،"
and ":"); boundary F1 1.000 on English gold sentences joined five to a paragraph (pysbd
0.981).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from marsad.segment.splitter import split_sentences


def _arabic(shared: Path) -> list[str]:
    by_id: dict[str, str] = {}
    for path in sorted((shared / "plover_gsr_ar").glob("*_dev.csv")):
        with path.open(encoding="utf-8") as fh:
            by_id.update((row["id"], row["text"].strip()) for row in csv.DictReader(fh))
    if not by_id:
        pytest.skip("PLOVER Arabic gold sentences not present")
    return list(by_id.values())


def _english(shared: Path) -> list[str]:
    path = shared / "plover_gsr_en" / "dev.json"
    if not path.is_file():
        pytest.skip("PLOVER English gold sentences not present")
    return [r["text"].strip() for r in json.loads(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize(("lang", "floor"), [("ar", 0.995), ("en", 0.99)])
def test_segment_gold_sentences_stay_whole(lang: str, floor: float, shared_data: Path) -> None:
    gold = _arabic(shared_data) if lang == "ar" else _english(shared_data)
    whole = sum(1 for s in gold if len(split_sentences(s, 0, len(s), lang)) == 1)
    assert whole / len(gold) >= floor


@pytest.mark.parametrize(("lang", "floor"), [("ar", 0.95), ("en", 0.99)])
def test_segment_gold_boundaries_found(lang: str, floor: float, shared_data: Path) -> None:
    # Gold sentences joined five to a paragraph: every join is a true boundary.
    gold = _arabic(shared_data) if lang == "ar" else _english(shared_data)
    found = total = 0
    for i in range(0, len(gold), 5):
        group = gold[i : i + 5]
        text = " ".join(group)
        truth = {sum(len(s) + 1 for s in group[: k + 1]) - 1 for k in range(len(group) - 1)}
        ends = {s.end for s in split_sentences(text, 0, len(text), lang)[:-1]}
        found, total = found + len(truth & ends), total + len(truth)
    assert found / total >= floor
