"""A store built from the five seed articles with the full pipeline, once per session
(a few seconds); tests that change a store work on a copy."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from seed_store import build_seed_store

from marsad.store import SQLiteStore


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> Path:
    return build_seed_store(tmp_path_factory.getbasetemp(), seed_dir)


@pytest.fixture(scope="session")
def seed_store(seed_db: Path) -> Iterator[SQLiteStore]:
    store = SQLiteStore(seed_db)
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_ids(seed_store: SQLiteStore) -> dict[str, str]:
    """Seed number ('000'..'004') -> stored article id."""
    return {Path(a.source).name[:3]: a.id for a in seed_store.iter_articles()}


@pytest.fixture
def seed_copy(seed_db: Path, tmp_path: Path) -> Path:
    """A copy of the seed store that a test may change."""
    target = tmp_path / "copy.db"
    shutil.copy(seed_db, target)
    return target
