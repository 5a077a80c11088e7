"""Fixtures shared by every test package.

Gold data and the seed articles live beside the repository in ``../shared`` (never copied
in); tests that need them skip cleanly when that folder is absent, as on a user's machine.
The seeds also ship inside the package as the sample corpus (``marsad.sample``).
"""

from __future__ import annotations

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
