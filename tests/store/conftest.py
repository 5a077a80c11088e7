"""The contract suite runs against every backend: ``db`` is an empty store's address (a
SQLite file or a PostgreSQL database of its own), ``store`` the store open on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_backends import BACKENDS, empty_db

from marsad.store import Store, open_store


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with empty_db(request, tmp_path) as url:
        yield url


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    with open_store(db) as s:
        yield s
