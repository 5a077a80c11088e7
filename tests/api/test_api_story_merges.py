"""A merged story over real HTTP on loopback: the API and the web page of its old id
redirect to the story it became part of; listings give totals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live_server import live_server
from story_builder import Merged, merged_store

from marsad.api import create_app


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Merged, Path]:
    db = tmp_path_factory.mktemp("merged") / "m.db"
    return merged_store(db), db


@pytest.fixture(scope="module")
def client(merged: tuple[Merged, Path]) -> Iterator[httpx.Client]:
    with live_server(create_app(str(merged[1]))) as url, httpx.Client(base_url=url) as c:
        yield c


def test_api_old_story_id_redirects_to_the_merged_story(
    client: httpx.Client, merged: tuple[Merged, Path]
) -> None:
    ids = merged[0]
    moved = client.get(f"/api/stories/{ids.second}")
    assert moved.status_code == 301
    assert moved.headers["location"].endswith(f"/api/stories/{ids.first}")
    assert moved.headers["x-merged-into"] == ids.first
    story = client.get(f"/api/stories/{ids.second}", follow_redirects=True).json()["story"]
    assert story["id"] == ids.first and len(story["articles"]) == 3
    assert client.get(f"/api/stories/{ids.first}").status_code == 200


def test_api_stories_list_gives_the_total(
    client: httpx.Client, merged: tuple[Merged, Path]
) -> None:
    listed = client.get("/api/stories", params={"limit": 1}).json()
    assert listed["total"] == 1 and [s["id"] for s in listed["items"]] == [merged[0].first]
    assert listed["items"][0]["last_date"] == "2024-03-02"


def test_web_old_story_page_redirects_to_the_merged_story(
    client: httpx.Client, merged: tuple[Merged, Path]
) -> None:
    ids = merged[0]
    moved = client.get(f"/stories/{ids.second}")
    assert moved.status_code == 301 and moved.headers["location"].endswith(f"/stories/{ids.first}")
    page = client.get(f"/stories/{ids.second}", follow_redirects=True)
    assert page.status_code == 200 and ids.first in page.text
