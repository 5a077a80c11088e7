"""The stories package's public names are what the CLI, API and web UI call: pinned."""

from __future__ import annotations

import inspect

import marsad.stories as stories

EXPECTED = [
    "ClusterConfig", "Clusterer", "E5Embedder", "Embedder", "LinkExplanation", "MemoryIndex",
    "Report", "StoryArticle", "StoryEvent", "StoryIndex", "StoryLink", "StoryListing",
    "StoryPage", "StoryQuote", "StoryTables", "StoryView", "StoryWrites", "list_stories",
    "story_id_for", "story_listing", "story_page",
]  # fmt: skip


def test_stories_api_is_pinned() -> None:
    assert sorted(stories.__all__) == sorted(EXPECTED)
    for name in stories.__all__:
        assert getattr(stories, name) is not None


def test_stories_api_views_keep_their_signatures() -> None:
    listed = inspect.signature(stories.list_stories).parameters
    assert list(listed) == ["store", "since", "lang", "entity", "limit", "offset"]
    assert listed["limit"].default == 50 and listed["offset"].default == 0
    assert list(inspect.signature(stories.story_page).parameters)[:2] == ["store", "story_id"]
