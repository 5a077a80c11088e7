"""Stories: near-duplicates, the same story across languages and outlets, and story-level
facts (merged events and quotes, independent sources).

``Clusterer.assign`` gives each new article its story over a ``StoryIndex`` (the store's
tables, or one in memory for ``marsad extract``); ``list_stories`` and ``story_page`` are
what the command line, the API and the web UI show.
"""

from __future__ import annotations

from marsad.stories.cluster import ClusterConfig, Clusterer, story_id_for
from marsad.stories.embed import E5Embedder, Embedder
from marsad.stories.explain import LinkExplanation
from marsad.stories.index import MemoryIndex, StoryIndex, StoryLink, StoryTables, StoryWrites
from marsad.stories.merge import Report, StoryEvent, StoryQuote
from marsad.stories.views import (
    StoryArticle,
    StoryListing,
    StoryPage,
    StoryView,
    list_stories,
    story_listing,
    story_page,
)

__all__ = [
    "ClusterConfig",
    "Clusterer",
    "E5Embedder",
    "Embedder",
    "LinkExplanation",
    "MemoryIndex",
    "Report",
    "StoryArticle",
    "StoryEvent",
    "StoryIndex",
    "StoryLink",
    "StoryListing",
    "StoryPage",
    "StoryQuote",
    "StoryTables",
    "StoryView",
    "StoryWrites",
    "list_stories",
    "story_id_for",
    "story_listing",
    "story_page",
]
