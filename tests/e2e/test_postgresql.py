"""The same command line, API and web pages on a PostgreSQL store as on a SQLite one: the
seeds ingested by `marsad ingest --db postgresql://…` export, search and serve exactly as
the session's SQLite seed store does."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live_server import live_server
from seed_store import build_seed_store
from store_backends import fresh_database

from marsad.api import create_app

PAGES = [
    "/api/articles?limit=5",
    "/api/entities?limit=20",
    "/api/events",
    "/api/quotes",
    "/api/stories",
    "/",
    "/?lang=ar",
    "/map",
    "/timeline",
]
# Ranked searches: the same matches, totals and facets; the order of hits may differ
# (bm25 on SQLite, ts_rank on PostgreSQL: docs/storage.md).
RANKED = ["/?q=delegation", "/?q=%D8%A7%D9%84%D8%A7%D8%AF%D8%A7%D8%B1%D8%A9"]
ARTICLE_LINK = re.compile(r'href="/articles/([0-9a-f]+)"')


def _marsad(db: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "marsad", *args, "--db", db],
        capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "MARSAD_DB": ""},
    )  # fmt: skip
    assert done.returncode == 0, f"marsad {' '.join(args)} failed:\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> str:
    return str(build_seed_store(tmp_path_factory.getbasetemp(), seed_dir))


@pytest.fixture(scope="module")
def postgres_db(postgres_server: str, seed_dir: Path) -> Iterator[str]:
    with fresh_database(postgres_server) as url:
        assert "applied 0001_schema" in _marsad(url, "migrate")
        _marsad(url, "ingest", str(seed_dir), "--workers", "1")
        yield url


def test_postgresql_cli_exports_and_searches_as_sqlite(postgres_db: str, sqlite_db: str) -> None:
    assert _marsad(postgres_db, "export") == _marsad(sqlite_db, "export")
    for query in ("الإدارة الذاتية", "Qamishli"):
        mine, theirs = _marsad(postgres_db, "search", query), _marsad(sqlite_db, "search", query)
        assert sorted(mine.splitlines()) == sorted(theirs.splitlines())  # hits in any order
    assert _marsad(postgres_db, "stories") == _marsad(sqlite_db, "stories")
    assert "schema is up to date" in _marsad(postgres_db, "migrate")


def test_postgresql_api_and_pages_answer_as_sqlite(postgres_db: str, sqlite_db: str) -> None:
    with (
        live_server(create_app(postgres_db)) as pg_url,
        live_server(create_app(sqlite_db)) as lite_url,
        httpx.Client(timeout=120) as client,
    ):
        articles = client.get(lite_url + "/api/articles?limit=2").json()["items"]
        stories = client.get(lite_url + "/api/stories?limit=2").json()["items"]
        pages = PAGES + [f"/articles/{a['id']}" for a in articles]
        pages += [f"/stories/{s['id']}" for s in stories]
        assert len(pages) == len(PAGES) + 4
        for page in pages:
            mine, theirs = client.get(pg_url + page), client.get(lite_url + page)
            assert mine.status_code == theirs.status_code == 200, page
            assert mine.text == theirs.text, page
        stats = [client.get(url + "/api/stats").json() for url in (pg_url, lite_url)]
        assert stats[0].pop("schema") == ["0001_schema", "0002_event_status"]  # its own
        stats[1].pop("schema")
        assert stats[0] == stats[1]
        for page in RANKED:
            mine, theirs = client.get(pg_url + page), client.get(lite_url + page)
            found = set(ARTICLE_LINK.findall(theirs.text))
            assert found and set(ARTICLE_LINK.findall(mine.text)) == found, page
            api = "/api/search?" + page.split("?", 1)[1]
            mine_json, theirs_json = (
                client.get(pg_url + api).json(),
                client.get(lite_url + api).json(),
            )
            for key in ("total", "facets"):
                assert mine_json[key] == theirs_json[key], (api, key)
            ids = {h["article_id"] for h in theirs_json["hits"]}
            assert {h["article_id"] for h in mine_json["hits"]} == ids, api
