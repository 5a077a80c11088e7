"""The story index: what the clusterer reads to find candidates, and the rows it writes.

Candidates always come from an index (LSH band keys for near-duplicates; the nearest
embeddings of the article's date window, and entity ids and publication days, capped per
key, for stories), never from a scan of all articles, so the cost of assigning one article
does not grow with the store. ``MemoryIndex`` serves the stateless ``extract`` and the
batch in flight; ``SQLiteStoryIndex`` serves a store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from marsad.stories.explain import LinkExplanation
from marsad.stories.features import ArticleFeatures


@dataclass(frozen=True, slots=True)
class StoryLink:
    article_id: str
    story_id: str
    explanation: LinkExplanation
    duplicate_of: str | None = None


@dataclass(slots=True)
class StoryWrites:
    """Everything one batch adds to the index, written in the batch's transaction."""

    features: list[ArticleFeatures] = field(default_factory=list)
    links: list[StoryLink] = field(default_factory=list)
    # Embeddings computed for articles stored earlier without one.
    embeddings: dict[str, np.ndarray] = field(default_factory=dict)
    # (old story id, the story it is merged into), in the order they were decided.
    merges: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.links)


class StoryIndex(Protocol):
    def band_matches(self, bands: Sequence[int]) -> set[str]:
        """Articles that agree with one of ``bands``."""
        ...

    def key_counts(self, keys: Sequence[str]) -> dict[str, int]:
        """How many articles each key (entity id, ``date:…``) indexes."""
        ...

    def postings(self, key: str, limit: int) -> list[str]:
        """Up to ``limit`` articles under ``key``, latest first."""
        ...

    def nearest(self, vector: np.ndarray, day: str | None, k: int) -> list[str]:
        """Articles whose embeddings are nearest ``vector`` among those published within
        the clusterer's date window of ``day`` (and undated ones); up to ``k`` per language
        (and per month)."""
        ...

    def features(self, ids: Iterable[str]) -> dict[str, ArticleFeatures]: ...

    def links(self, ids: Iterable[str]) -> dict[str, StoryLink]:
        """Links with their story ids as stored; ``resolve`` follows merges."""
        ...

    def resolve(self, story_id: str) -> str:
        """The story ``story_id`` is now part of (itself unless it was merged)."""
        ...


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: str
    founded_by: str
    date: str | None  # earliest publication day of its articles
    last_date: str | None
    articles: int
    sources: int = 0  # independent sources


class StoryTables(StoryIndex, Protocol):
    """A store's stories: the index, plus what listings and story pages read."""

    def story_rows(
        self,
        since: str | None = None,
        lang: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StoryRow]: ...

    def count_stories(
        self, since: str | None = None, lang: str | None = None, entity: str | None = None
    ) -> int: ...

    def story(self, story_id: str) -> StoryRow | None:
        """One story by id, or by a unique id prefix of at least 6 characters; the id of a
        merged story gives the story it was merged into."""
        ...

    def redirect(self, story_id: str) -> str | None:
        """The story a merged story's id now points to; None for a live or unknown id."""
        ...

    def members(self, story_id: str) -> list[StoryLink]: ...


class MemoryIndex:
    """The index in dictionaries: for one run of ``extract`` and for a batch in flight."""

    def __init__(self) -> None:
        self._bands: dict[int, list[str]] = defaultdict(list)
        self._postings: dict[str, list[str]] = defaultdict(list)
        self._features: dict[str, ArticleFeatures] = {}
        self._links: dict[str, StoryLink] = {}
        self._vectors: dict[str, np.ndarray] = {}
        self._redirects: dict[str, str] = {}
        # Embedded articles of this index, for nearest(): a batch or one extract run is
        # small enough to compare with all of them.
        self._embedded: list[str] = []

    def apply(self, writes: StoryWrites) -> None:
        for f in writes.features:
            if f.article_id in self._features:
                continue
            self._features[f.article_id] = f
            if f.embedding is not None:
                self._embedded.append(f.article_id)
            for band in f.bands:
                self._bands[band].append(f.article_id)
            for key in f.index_keys():
                self._postings[key].append(f.article_id)
        for link in writes.links:
            self._links.setdefault(link.article_id, link)
        for article_id, vector in writes.embeddings.items():
            self.set_embedding(article_id, vector)
        for old, new in writes.merges:
            self.merge(old, new)

    def set_embedding(self, article_id: str, vector: np.ndarray) -> None:
        if article_id in self._features:
            if self._features[article_id].embedding is None:
                self._embedded.append(article_id)
            self._features[article_id].embedding = vector
        else:  # an article of the layer below: remembered until the batch is written
            self._vectors[article_id] = vector

    def merge(self, old: str, new: str) -> None:
        """``old`` is part of ``new`` from now on (redirects never chain)."""
        self._redirects = {o: (new if n == old else n) for o, n in self._redirects.items()}
        self._redirects[old] = new

    def resolve(self, story_id: str) -> str:
        return self._redirects.get(story_id, story_id)

    def nearest(self, vector: np.ndarray, day: str | None, k: int) -> list[str]:
        # Dates are tested by the clusterer; here every embedded article is a candidate.
        # The nearest k of each language, as the store's graphs give them.
        out: list[str] = []
        by_lang: dict[str | None, list[str]] = defaultdict(list)
        for article_id in self._embedded:
            by_lang[self._features[article_id].lang].append(article_id)
        for ids in by_lang.values():
            matrix = np.stack([self._features[i].embedding for i in ids])  # type: ignore[misc]
            out += [ids[i] for i in np.argsort(-(matrix @ vector))[:k]]
        return out

    def band_matches(self, bands: Sequence[int]) -> set[str]:
        return {a for band in bands for a in self._bands.get(band, ())}

    def key_counts(self, keys: Sequence[str]) -> dict[str, int]:
        return {k: len(self._postings.get(k, ())) for k in keys}

    def postings(self, key: str, limit: int) -> list[str]:
        return list(reversed(self._postings.get(key, [])[-limit:]))

    def features(self, ids: Iterable[str]) -> dict[str, ArticleFeatures]:
        return {i: self._features[i] for i in ids if i in self._features}

    def links(self, ids: Iterable[str]) -> dict[str, StoryLink]:
        return {i: self._links[i] for i in ids if i in self._links}

    def redirects(self) -> dict[str, str]:
        return dict(self._redirects)

    def vector(self, article_id: str) -> np.ndarray | None:
        return self._vectors.get(article_id)

    def __len__(self) -> int:
        return len(self._features)


class LayeredIndex:
    """A stored index with the batch in flight on top: later articles of a batch see the
    earlier ones before anything is committed."""

    def __init__(self, base: StoryIndex, top: MemoryIndex) -> None:
        self.base, self.top = base, top

    def band_matches(self, bands: Sequence[int]) -> set[str]:
        return self.base.band_matches(bands) | self.top.band_matches(bands)

    def key_counts(self, keys: Sequence[str]) -> dict[str, int]:
        top = self.top.key_counts(keys)
        return {k: n + top[k] for k, n in self.base.key_counts(keys).items()}

    def postings(self, key: str, limit: int) -> list[str]:
        return (self.top.postings(key, limit) + self.base.postings(key, limit))[:limit]

    def nearest(self, vector: np.ndarray, day: str | None, k: int) -> list[str]:
        return self.top.nearest(vector, day, k) + self.base.nearest(vector, day, k)

    def resolve(self, story_id: str) -> str:
        # A merge decided in this batch overrides what the store knew.
        return self.top.resolve(self.base.resolve(story_id))

    def features(self, ids: Iterable[str]) -> dict[str, ArticleFeatures]:
        ids = list(ids)
        found = self.base.features(ids)
        for article_id, f in found.items():
            if f.embedding is None:
                f.embedding = self.top.vector(article_id)
        return found | self.top.features(ids)

    def links(self, ids: Iterable[str]) -> dict[str, StoryLink]:
        ids = list(ids)
        return self.base.links(ids) | self.top.links(ids)
