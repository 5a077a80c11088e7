from __future__ import annotations

import os
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
