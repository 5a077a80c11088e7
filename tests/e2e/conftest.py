from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def marsad(tmp_path: Path) -> Run:
    """Run the real `marsad` command line in a child process, in tmp_path."""

    def run(
        *args: str, stdin: str | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "MARSAD_DB": str(tmp_path / "marsad.db")}
        done = subprocess.run(
            [sys.executable, "-m", "marsad", *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=300,
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"marsad {' '.join(args)} failed ({done.returncode}):\n{done.stderr}"
            )
        return done

    return run


@pytest.fixture(scope="session")
def cli_seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds ingested by the real command line once per session; tests that only read
    them copy it (``seeded``) instead of ingesting again (~10 s each on two cores)."""
    from marsad.sample import sample_dir

    folder = tmp_path_factory.mktemp("cli-seeds")
    db = folder / "marsad.db"
    subprocess.run(
        [sys.executable, "-m", "marsad", "ingest", str(sample_dir()), "--db", str(db)],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything into the main file
    conn.close()
    return db


@pytest.fixture
def seeded(cli_seed_db: Path, tmp_path: Path) -> Path:
    """A copy of the session's CLI-ingested seed store at tmp_path/marsad.db (the store
    the ``marsad`` fixture's commands use), with its vector graphs."""
    target = tmp_path / "marsad.db"
    shutil.copy(cli_seed_db, target)
    vectors = cli_seed_db.parent / "marsad.db-vectors"
    if vectors.is_dir():
        shutil.copytree(vectors, tmp_path / "marsad.db-vectors")
    return target
