"""Worker processes change the speed of an ingest, never its records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.parallel import PARALLEL_AFTER
from marsad.sample import sample_dir


def _corpus(path: Path, n: int) -> Path:
    """n distinct articles mixing the seeds' English and Arabic paragraphs."""
    paragraphs = [
        line.strip()
        for p in sorted(sample_dir().glob("*.txt"))
        for line in p.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 80
    ]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = "\n\n".join(paragraphs[(i * 7 + k) % len(paragraphs)] for k in range(2))
            fh.write(json.dumps({"text": f"Report {i}\n\n{body}"}, ensure_ascii=False) + "\n")
    return path


@pytest.mark.slow
def test_parallel_ingest_gives_the_same_records_as_one_process(marsad, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = str(_corpus(tmp_path / "c.jsonl", PARALLEL_AFTER + 20))
    marsad("ingest", corpus, "--db", "one.db", "--workers", "1")
    marsad("ingest", corpus, "--db", "two.db", "--workers", "2")
    one = marsad("export", "--db", "one.db").stdout
    assert one == marsad("export", "--db", "two.db").stdout
    assert one.count("\n") == PARALLEL_AFTER + 20
    assert '"mentions": [{' in one  # names were recognised in the workers
