"""Fixtures shared by every test package.

Gold data and the seed articles live beside the repository in ``../shared`` (never copied
in); tests that need them skip cleanly when that folder is absent, as on a user's machine.
The seeds also ship inside the package as the sample corpus (``marsad.sample``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("shared gold data not present")
    return path


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """The five seed articles, as shipped in the package's sample corpus."""
    from marsad.sample import sample_dir

    return sample_dir()


@pytest.fixture(scope="session")
def seed_texts(seed_dir: Path) -> dict[str, str]:
    """Seed number ('000'..'004') -> file text."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(seed_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL server for the session (``tests/pg_server.py``): the URL of
    its maintenance database. Skipped only where the server cannot be installed, and
    never in CI (``CI=true``)."""
    from pg_server import ServerUnavailable, running_server

    try:
        server = running_server()
        url = server.__enter__()
    except ServerUnavailable as exc:
        if os.environ.get("CI", "").lower() == "true":
            raise
        pytest.skip(f"no PostgreSQL server: {exc}")
    try:
        yield url
    finally:
        server.__exit__(None, None, None)
