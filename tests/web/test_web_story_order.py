"""The home page lists stories by their latest article, newest first, undated last, over
real HTTP on loopback."""

from __future__ import annotations

from pathlib import Path

import httpx
from live_server import live_server
from story_builder import add, article, words

from marsad.api import create_app
from marsad.store import SQLiteStore


def test_web_home_lists_latest_stories_first_undated_last(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with SQLiteStore(db) as store:
        # Ingested undated first and newest in the middle, as a crawl delivers them.
        for tag, day in [("undated", None), ("newest", "2024-05-09"), ("oldest", "2023-01-02")]:
            add(store, [article(f"{tag[:3]}0000000000001", words(tag, 12), day, tag)])
    with live_server(create_app(str(db))) as url, httpx.Client(base_url=url) as client:
        html = client.get("/").text
    spots = [html.index(f"{tag}0w") for tag in ("newest", "oldest", "undated")]
    assert spots == sorted(spots)
