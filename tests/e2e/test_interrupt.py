"""Killing an ingest leaves no half-written article and loses nothing committed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.ops import BATCH_SIZE
from marsad.sample import sample_dir

N = 3000


def _corpus(path: Path) -> Path:
    paragraphs = [
        line.strip()
        for p in sorted(sample_dir().glob("*.txt"))
        for line in p.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 80
    ]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N):
            body = "\n\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(6))
            fh.write(
                json.dumps({"text": f"Report number {i}\n\n{body}"}, ensure_ascii=False) + "\n"
            )
    return path


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # schema not created yet


def _start(corpus: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "marsad",
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "--no-progress",
            "--fast",
        ],  # fmt: skip,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_first_batch(proc: subprocess.Popen[str], db: Path) -> None:
    deadline = time.monotonic() + 120
    while _count(db) == 0:
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("ingest ended or stalled before its first commit")
        time.sleep(0.05)


def _assert_consistent(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        raw = conn.execute("SELECT count(*) FROM raw_content").fetchone()[0]
        sources = conn.execute("SELECT count(DISTINCT article_id) FROM article_sources").fetchone()[
            0
        ]
    finally:
        conn.close()
    assert articles == raw == sources
    return int(articles)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_interrupted_ingest_keeps_whole_batches_and_resumes(tmp_path: Path, sig: int) -> None:
    corpus, db = _corpus(tmp_path / "corpus.jsonl"), tmp_path / "m.db"
    proc = _start(corpus, db)
    _wait_for_first_batch(proc, db)
    os.kill(proc.pid, sig)
    _, stderr = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("ingest finished before the signal arrived")
    kept = _assert_consistent(db)
    assert kept % BATCH_SIZE == 0 and 0 < kept < N
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "interrupted" in stderr
    resumed = _start(corpus, db)
    _, stderr = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, stderr
    assert f"{N - kept} new, {kept} already stored" in stderr
    assert _assert_consistent(db) == N
