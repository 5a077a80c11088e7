"""Hostile inputs never abort a run: each bad record is one reported skip with a reason a
user can act on, and every good record beside it is read and stored."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hostile_cases import CORPUS, Case, load_cases

from marsad import ops
from marsad.errors import InputError
from marsad.ingest import ReadOptions, iter_inputs
from marsad.pipeline import CORE_STAGES
from marsad.store import open_store

CASES = load_cases()


def test_hostile_table_names_every_corpus_file() -> None:
    assert sorted(c.file for c in CASES) == sorted(p.name for p in CORPUS.iterdir())


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_hostile_input_outcome_is_as_the_table_says(case: Case) -> None:
    items = list(iter_inputs([str(case.path)]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(items) - len(errors) == case.articles, [e.reason for e in errors]
    assert len(errors) == len(case.reasons), [e.reason for e in errors]
    for error, expected in zip(errors, case.reasons, strict=True):
        assert expected in error.reason
        assert "Traceback" not in error.reason and "/site-packages/" not in error.reason


def test_hostile_corpus_in_one_run_stores_every_good_record(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "hostile.db")) as store:
        report = ops.ingest([str(CORPUS)], store, stages=CORE_STAGES, workers=1)
        assert report.read == sum(c.articles for c in CASES)
        assert len(report.skipped) == sum(len(c.reasons) for c in CASES)
        assert report.new + report.known + report.copies == report.read
        assert store.stats().articles == report.new + report.copies


def test_hostile_stdin_line_over_the_limit_is_skipped_unread() -> None:
    good = json.dumps({"text": "An official said the delegation reached Qamishli."})
    # 3 MB on one line, against a 1,000-byte limit: reported, and the next line is read.
    data = (json.dumps({"text": "word " * 600_000}) + "\n" + good + "\n").encode()
    report = ops.IngestReport()
    records = list(
        ops.extract_stream(
            io.BytesIO(data), options=ReadOptions(max_bytes=1000), report=report,
            stages=CORE_STAGES,
        )
    )  # fmt: skip
    assert len(records) == 1 and records[0]["text"].startswith("An official")
    [skipped] = report.skipped
    assert skipped.source == "<stdin>:1" and "over the 1,000-byte limit" in skipped.reason
