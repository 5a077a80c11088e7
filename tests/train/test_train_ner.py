"""Training an NER model end to end on a tiny corpus, then running it as the stage does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.entities.recognize.ner_model import NerModel
from marsad.train.ner import FANE, NerConfig, train_ner

SENTENCES = [
    [("زار", "O"), ("بشار", "B-PERS"), ("الاسد", "I-PERS"), ("دمشق", "B-LOC"), (".", "O")],
    [("قالت", "O"), ("الامم", "B-ORG"), ("المتحدة", "I-ORG"), ("في", "O"), ("حلب", "B-LOC"),
     (".", "O")],
]  # fmt: skip


@pytest.fixture
def tiny_arabic(tmp_path: Path) -> Path:
    anercorp = tmp_path / "anercorp" / "dev.txt"
    anercorp.parent.mkdir()
    lines = [f"{w} {t}" for _ in range(200) for s in SENTENCES for w, t in s]
    anercorp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fane = tmp_path / FANE
    fane.mkdir(parents=True)
    fane_lines = "".join(f"{w}\t{t.replace('PERS', 'Politician')}\r\n" for w, t in SENTENCES[0])
    for name in ("NewsFANE_Gold_2014_170K.txt", "WikiFANE_Gold_2014_500K.txt"):
        (fane / name).write_text(fane_lines * 40 + "\r\n", encoding="utf-8")
    return tmp_path


def test_train_ner_builds_a_model_the_stage_can_run(tiny_arabic: Path, tmp_path: Path) -> None:
    out = tmp_path / "model"
    report = train_ner(tiny_arabic, NerConfig(lang="ar", epochs=3, rows=(500, 50, 100, 20)), out)
    assert report["best_tune_f1"] > 0.9, report["epochs"]
    saved = json.loads((out / "training.json").read_text(encoding="utf-8"))
    assert saved["config"]["lang"] == "ar" and len(saved["config"]["data"]) == 3

    text = "وقال مراسلنا: زار بشار الأسد دمشق."
    found = NerModel("ar", out).entities(text)
    assert {(text[c.start : c.end], c.label) for c in found} >= {("دمشق", "GPE")}
    assert all(c.source == "model" for c in found)


def test_train_ner_names_missing_data(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="gold data missing"):
        train_ner(tmp_path, NerConfig(lang="ar", epochs=1), tmp_path / "model")
