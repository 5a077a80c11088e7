"""Stories end to end: `marsad ingest` of the bundled seeds, then `marsad stories` and
`marsad story`; the stateless filter; and a killed ingest leaves no article without its
story."""

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

from marsad.sample import sample_dir

SEEDS = str(sample_dir())


def _by_seed(lines: str) -> dict[str, dict]:  # type: ignore[type-arg]
    records = [json.loads(x) for x in lines.splitlines()]
    return {r["source"].rsplit("/", 1)[-1][:3]: r for r in records}


def test_cli_stories_seeds_000_and_001_are_one_story(marsad) -> None:  # type: ignore[no-untyped-def]
    marsad("ingest", SEEDS)
    records = _by_seed(marsad("export").stdout)
    assert records["000"]["story_id"] == records["001"]["story_id"]
    others = {records[n]["story_id"] for n in ("002", "003", "004")}
    assert len(others) == 3 and records["000"]["story_id"] not in others
    assert all(r["duplicate_of"] is None for r in records.values())

    listing = marsad("stories").stdout
    assert listing.count("\ns-") + listing.startswith("s-") == 4
    assert "2 article(s)  ar+en" in listing
    rows = [json.loads(x) for x in marsad("stories", "--json", "--lang", "ar").stdout.splitlines()]
    assert sorted(len(r["articles"]) for r in rows) == [1, 2]


def test_cli_story_shows_merged_events_quotes_and_why(marsad) -> None:  # type: ignore[no-untyped-def]
    marsad("ingest", SEEDS)
    story_id = _by_seed(marsad("export").stdout)["001"]["story_id"]
    text = marsad("story", story_id).stdout
    assert "CONSULT/visit" in text and "2 report(s)" in text
    assert "why: same " in text and "rank 1 of" in text
    assert "2 independent source(s)" in text
    page = json.loads(marsad("story", story_id[:8], "--json").stdout)
    visit = next(e for e in page["events"] if e["type"] == "CONSULT" and e["mode"] == "visit")
    assert len(visit["reports"]) == 2 and visit["date"] == "2022-04-08"
    assert sum(len(q["reports"]) == 2 for q in page["quotes"]) >= 4
    assert marsad("story", "s-nothing", check=False).returncode != 0


def test_cli_extract_gives_story_ids_without_a_store(marsad) -> None:  # type: ignore[no-untyped-def]
    records = _by_seed(marsad("extract", SEEDS).stdout)
    assert records["000"]["story_id"] == records["001"]["story_id"]
    assert len({r["story_id"] for r in records.values()}) == 4


N = 1200


def _corpus(path: Path) -> Path:
    paragraphs = [
        line.strip()
        for p in sorted(sample_dir().glob("*.txt"))
        for line in p.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 80
    ]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N):
            body = "\n\n".join(paragraphs[(i * 7 + k) % len(paragraphs)] for k in range(4))
            fh.write(json.dumps({"text": f"Report {i}\n\n{body}"}, ensure_ascii=False) + "\n")
    return path


def _orphans(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db, timeout=5)
    try:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM articles a LEFT JOIN story_links l ON l.article_id = a.id"
            " WHERE l.story_id IS NULL OR l.story_id != a.story_id"
        ).fetchone()[0]
        linked = conn.execute("SELECT coalesce(sum(articles), 0) FROM stories").fetchone()[0]
    finally:
        conn.close()
    assert linked == articles  # no half-written story
    return articles, orphans


@pytest.mark.slow
def test_cli_killed_ingest_leaves_no_article_without_its_story(tmp_path: Path) -> None:
    corpus, db = _corpus(tmp_path / "c.jsonl"), tmp_path / "m.db"
    cmd = [sys.executable, "-m", "marsad", "ingest", str(corpus), "--db", str(db),
           "--no-progress", "--fast"]  # fmt: skip
    # Small batches: many commits, so the kill lands between two of them even when a
    # loaded machine starves this polling loop for seconds.
    env = {**os.environ, "MARSAD_BATCH_SIZE": "40"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)  # fmt: skip
    deadline = time.monotonic() + 180
    while True:
        try:
            if db.exists() and _orphans(db)[0] > 0:
                break
        except sqlite3.OperationalError:
            pass  # schema not there yet
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("ingest ended or stalled before its first commit")
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    kept, orphans = _orphans(db)
    assert orphans == 0 and 0 < kept < N
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr
    assert _orphans(db) == (N, 0)


def test_cli_story_old_id_shows_the_merged_story_and_says_so(  # type: ignore[no-untyped-def]
    marsad, tmp_path: Path
) -> None:
    from story_builder import merged_store

    ids = merged_store(tmp_path / "marsad.db")
    done = marsad("story", ids.second)
    assert f"{ids.second} was merged into {ids.first}" in done.stderr
    assert done.stdout.startswith(ids.first) and "3 article(s)" in done.stdout
    page = json.loads(marsad("story", ids.second, "--json").stdout)
    assert page["redirected_from"] == ids.second and page["story"]["id"] == ids.first


def test_cli_stories_lists_latest_first_with_the_total(  # type: ignore[no-untyped-def]
    marsad, tmp_path: Path
) -> None:
    from story_builder import add, article, words

    from marsad.store import SQLiteStore

    with SQLiteStore(tmp_path / "marsad.db") as store:
        for ident, day in [("old0000000000001", "2023-01-01"), ("new0000000000001", "2024-01-01"),
                           ("und0000000000001", None)]:  # fmt: skip
            add(store, [article(ident, words(ident[:3], 12), day, ident[:3])])
    done = marsad("stories", "--limit", "2")
    assert "stories 1-2 of 3" in done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("s-")]
    assert [line.split()[1] for line in lines] == ["2024-01-01", "2023-01-01"]
    rest = marsad("stories", "--limit", "2", "--offset", "2").stdout
    assert [line.split()[1] for line in rest.splitlines() if line.startswith("s-")] == ["undated"]
