"""Real servers on loopback: uvicorn in a background thread over a copy of the seed store,
called with httpx over HTTP."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_server import MAX_UPLOAD, TOKEN, Server
from live_server import live_server
from seed_store import build_seed_store

from marsad.api import create_app
from marsad.store import open_store


def _serve(db: Path, token: str | None, fetch_allow: tuple[str, ...] = ()) -> Iterator[Server]:
    app = create_app(str(db), token, max_upload_bytes=MAX_UPLOAD, fetch_allow=fetch_allow)
    with live_server(app) as url, httpx.Client(base_url=url, timeout=120) as client:
        yield Server(url, db, client)


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> Path:
    return build_seed_store(tmp_path_factory.getbasetemp(), seed_dir)


@pytest.fixture(scope="session")
def read_server(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with no token (ingest disabled) over a copy nothing writes to."""
    db = tmp_path_factory.mktemp("read") / "seeds.db"
    shutil.copy(seed_db, db)
    yield from _serve(db, None)


@pytest.fixture(scope="module")
def ingest_server(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with a token, over its own copy of the seed store. Its operator allows
    fetching from 127.0.0.1 (the tests' feed server); no other private address."""
    db = tmp_path_factory.mktemp("ingest") / "seeds.db"
    shutil.copy(seed_db, db)
    yield from _serve(db, TOKEN, ("127.0.0.1/32",))


@pytest.fixture(scope="module")
def public_only_server(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with a token and the default fetch policy: public addresses only."""
    db = tmp_path_factory.mktemp("public") / "seeds.db"
    shutil.copy(seed_db, db)
    yield from _serve(db, TOKEN)


@pytest.fixture(scope="session")
def seed_ids(seed_db: Path) -> dict[str, str]:
    """Seed number ('000'..'004') -> stored article id."""
    with open_store(seed_db) as store:
        return {Path(a.source).name[:3]: a.id for a in store.iter_articles()}
