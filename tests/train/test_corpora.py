"""Reading the NER gold sets: fine classes folded, clitics glued, IOB2 repaired."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.train.corpora import coarse_tag, glue_clitics, read_records, repair

FANE = (
    "\u200eفي\tO\r\n\u200eو\tO\r\n\u200eدمشق\tB-Population-Center\r\n\u200eقال\tO\r\n"
    "\u200eبشار\tB-Politician\r\n\u200eالاسد\tI-Politician\r\n\u200eان\tO\r\n\u200eه\tO\r\n"
    "\u200eالقمر\tB-Celestial\r\n.\tO\r\n\r\n"
)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("B-Politician", "B-PER"),
        ("I-Population-Center", "I-LOC"),
        ("B-Government", "B-ORG"),
        ("B-Celestial", "O"),  # "Moon" is no place a name of ours points at
        ("B-Group", "O"),
        ("B-PERS", "B-PER"),
        ("I-MISC", "O"),
        ("O", "O"),
    ],
)
def test_corpora_fold_fine_classes(tag: str, expected: str) -> None:
    assert coarse_tag(tag) == expected


def test_corpora_repair_begins_orphan_inside_tags() -> None:
    sentence = [("a", "O"), ("b", "I-PER"), ("c", "I-PER"), ("d", "I-ORG")]
    assert [t for _, t in repair(sentence)] == ["O", "B-PER", "I-PER", "B-ORG"]


def test_corpora_glue_clitics_as_running_text_writes_them() -> None:
    sentence = [("في", "O"), ("و", "O"), ("دمشق", "B-LOC"), ("ان", "O"), ("ه", "O")]
    assert glue_clitics(sentence) == [("في", "O"), ("ودمشق", "B-LOC"), ("انه", "O")]
    inside = [("مركز", "B-ORG"), ("و", "I-ORG"), ("تدريب", "I-ORG")]
    assert glue_clitics(inside) == [("مركز", "B-ORG"), ("وتدريب", "I-ORG")]


def test_corpora_read_fane_records(tmp_path: Path) -> None:
    path = tmp_path / "NewsFANE_Gold_2014_170K.txt"
    path.write_text(FANE, encoding="utf-8")
    (record,) = list(read_records(path))
    assert record.id == "wikifane_ar/NewsFANE_Gold_2014_170K.txt#0"
    assert record.part in {"train", "tune", "held-out"}
    words = [w for w, _ in record.sentences[0]]
    assert words[:3] == ["في", "و", "دمشق"]  # the file's own tokens; no U+200E left
    assert [t for _, t in record.sentences[0]][4:6] == ["B-PER", "I-PER"]
