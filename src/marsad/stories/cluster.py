"""Incremental story assignment: each new article is a near-duplicate of one stored
article, joins an existing story, or opens a story of its own.

Decisions, in order:

1. **Duplicate.** An article whose shingles overlap a candidate's (found by LSH bands) by
   ``duplicate_overlap`` or more is a copy: ``duplicate_of`` names the first of the copies,
   and it joins that article's story.
2. **Story.** Candidates are articles sharing the new article's rarest entity ids or its
   publication day (a capped number per key). Multilingual embeddings score same-language
   pairs higher than the two language versions of one story, so candidates are ranked by
   cosine within each language separately: a candidate in the same language must pass
   an absolute floor, one in another language must be the best of its language and pass a
   lower floor. Both need shared entities (or, for articles without names, a shared date or
   numbers) and publication days no more than a few days apart.
3. **New story** otherwise, with id ``s-`` + hash of this founding article's id.

Embeddings cost about 0.1 s an article on two cores, more than the rest of clustering, so
they are computed only for articles that pass the cheap tests with some candidate, and
kept for later comparisons.

A story keeps its id as articles arrive; two stories are never merged after the fact, so
ids already exported never change.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from marsad.stories.embed import Embedder, default_embedder
from marsad.stories.explain import LinkExplanation
from marsad.stories.features import ArticleFeatures, Shared, article_features, compare
from marsad.stories.index import LayeredIndex, MemoryIndex, StoryIndex, StoryLink, StoryWrites
from marsad.types import Article

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    # Shingle Jaccard of copies: a short wire item with other page chrome and a few edited
    # words falls to 0.75 (bench); two different reports stay under 0.2 (seeds).
    duplicate_overlap: float = 0.7
    same_lang_cosine: float = 0.88  # seeds: different stories of one outlet reach 0.86
    # Seeds: the two versions of one story score 0.82; an Arabic report of other events
    # scores 0.80 with the English one (the bench twins score 0.77-0.80).
    cross_lang_cosine: float = 0.805
    min_entities: int = 3
    min_entity_jaccard: float = 0.35  # seeds: 0.6 for one story, under 0.3 for others
    bare_margin: float = 0.04  # added to the floors when an article has no names
    max_days_apart: int = 3
    per_key: int = 50  # candidates taken per entity id or day, latest first
    max_candidates: int = 200
    max_ranked: int = 40  # plausible candidates embedded and ranked, most shared first


def story_id_for(founder: str) -> str:
    return "s-" + hashlib.sha256(founder.encode("utf-8")).hexdigest()[:12]


class Clusterer:
    """Assigns stories over an index; ``embedder`` defaults to multilingual E5."""

    def __init__(self, embedder: Embedder | None = None, config: ClusterConfig | None = None):
        self._embedder = embedder
        self.config = config or ClusterConfig()

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = default_embedder()
        return self._embedder

    def assign(self, articles: Sequence[Article], index: StoryIndex) -> StoryWrites:
        """Set ``story_id`` (and ``duplicate_of`` for near-copies) on each article, in
        order, and return the rows to store with them. Articles the index already holds
        get their stored story back and add nothing."""
        known = index.links(a.id for a in articles)
        fresh: list[Article] = []
        repeats: list[Article] = []  # a second copy of an id within this batch
        fresh_ids: set[str] = set()
        for article in articles:
            link = known.get(article.id)
            if link is not None:
                article.story_id = link.story_id
                article.duplicate_of = link.duplicate_of or article.duplicate_of
            elif article.id in fresh_ids:
                repeats.append(article)
            else:
                fresh.append(article)
                fresh_ids.add(article.id)
        writes = StoryWrites()
        pending = MemoryIndex()
        layered = LayeredIndex(index, pending)
        for article in fresh:
            features = article_features(article)
            link = self._decide(features, layered, pending, writes)
            article.story_id = link.story_id
            if link.duplicate_of:
                article.duplicate_of = link.duplicate_of
            pending.apply(StoryWrites([features], [link]))
            writes.features.append(features)
            writes.links.append(link)
        for article in repeats:
            first = pending.links([article.id])[article.id]
            article.story_id, article.duplicate_of = first.story_id, first.duplicate_of
        return writes

    def _decide(
        self, f: ArticleFeatures, index: StoryIndex, pending: MemoryIndex, writes: StoryWrites
    ) -> StoryLink:
        near = index.band_matches(f.bands) - {f.article_id}
        duplicate = self._duplicate(f, near, index)
        if duplicate is not None:
            return duplicate
        candidates = self._candidates(f, index) | near
        return self._story(f, candidates, index, pending, writes)

    def _duplicate(self, f: ArticleFeatures, near: set[str], index: StoryIndex) -> StoryLink | None:
        if not near:
            return None
        scored = [(compare(f, c).overlap, c.article_id) for c in index.features(near).values()]
        scored = [(o, c) for o, c in scored if o >= self.config.duplicate_overlap]
        if not scored:
            return None
        overlap, best = max(scored)
        link = index.links([best])[best]
        original = link.duplicate_of or best
        why = LinkExplanation("duplicate", original, overlap=round(overlap, 3))
        return StoryLink(f.article_id, link.story_id, why, duplicate_of=original)

    def _candidates(self, f: ArticleFeatures, index: StoryIndex) -> set[str]:
        counts = index.key_counts(f.index_keys())
        found: set[str] = set()
        # Rarest keys first: a shared local person says more than a shared "ISIS".
        for key in sorted((k for k, n in counts.items() if n), key=lambda k: (counts[k], k)):
            found.update(index.postings(key, self.config.per_key))
            if len(found) >= self.config.max_candidates:
                break
        found.discard(f.article_id)
        return found

    def _story(
        self,
        f: ArticleFeatures,
        ids: set[str],
        index: StoryIndex,
        pending: MemoryIndex,
        writes: StoryWrites,
    ) -> StoryLink:
        links = index.links(ids)
        # Copies would crowd the ranking with one text; their original stands for them.
        feats = [
            c for i, c in index.features(ids).items() if i in links and not links[i].duplicate_of
        ]
        shared = {c.article_id: compare(f, c) for c in feats}
        plausible = sorted(
            (c for c in feats if self._margin(f, c, shared[c.article_id]) is not None),
            key=lambda c: (-shared[c.article_id].entity_jaccard, -shared[c.article_id].numbers,
                           c.article_id),
        )[: self.config.max_ranked]  # fmt: skip
        if not plausible:
            why = LinkExplanation("founder", candidates=len(ids))
            return StoryLink(f.article_id, story_id_for(f.article_id), why)
        self._embed([f, *plausible], pending, writes)
        shared = {c.article_id: compare(f, c) for c in plausible}
        ranks: dict[str, tuple[int, int]] = {}
        for lang in {c.lang for c in plausible}:
            group = sorted(
                (c for c in plausible if c.lang == lang),
                key=lambda c: (-(shared[c.article_id].cosine or 0.0), c.article_id),
            )
            for rank, c in enumerate(group, 1):
                ranks[c.article_id] = (rank, len(group))
        passing = [c for c in plausible if self._close(f, c, shared[c.article_id], ranks)]
        if not passing:
            why = LinkExplanation("founder", candidates=len(ids))
            return StoryLink(f.article_id, story_id_for(f.article_id), why)
        best = max(
            passing,
            key=lambda c: (shared[c.article_id].entity_jaccard + (shared[c.article_id].cosine or 0),
                           c.article_id),
        )  # fmt: skip
        s = shared[best.article_id]
        rank, ranked = ranks[best.article_id]
        why = LinkExplanation(
            "story",
            best.article_id,
            entities=s.entities,
            dates=s.dates,
            numbers=s.numbers,
            speakers=s.speakers,
            cosine=round(s.cosine or 0.0, 3),
            rank=rank,
            ranked=ranked,
            ranked_lang=best.lang or "unknown",
            candidates=len(ids),
        )
        return StoryLink(f.article_id, links[best.article_id].story_id, why)

    def _margin(self, f: ArticleFeatures, c: ArticleFeatures, s: Shared) -> float | None:
        """None when ``c`` cannot be the same story whatever the embeddings say; else what
        to add to the cosine floor (more for articles without recognised names)."""
        cfg = self.config
        if s.days_apart is not None and s.days_apart > cfg.max_days_apart:
            return None
        if f.has_entities and c.has_entities:
            if s.entities < cfg.min_entities or s.entity_jaccard < cfg.min_entity_jaccard:
                return None
            return 0.0
        if not s.dates and s.numbers < 2:
            return None
        return cfg.bare_margin

    def _close(
        self, f: ArticleFeatures, c: ArticleFeatures, s: Shared, ranks: dict[str, tuple[int, int]]
    ) -> bool:
        margin = self._margin(f, c, s)
        if margin is None or s.cosine is None:
            return False
        if f.lang == c.lang:
            return s.cosine >= self.config.same_lang_cosine + margin
        return ranks[c.article_id][0] == 1 and s.cosine >= self.config.cross_lang_cosine + margin

    def _embed(
        self, features: list[ArticleFeatures], pending: MemoryIndex, writes: StoryWrites
    ) -> None:
        """Embed the leads that have no vector yet (``features[0]`` is the article being
        assigned), and remember the stored ones' vectors for writing."""
        missing = [f for f in features if f.embedding is None]
        if not missing:
            return
        vectors = np.asarray(self.embedder.embed([f.lead for f in missing]), dtype=np.float32)
        # Articles of this batch (and the one being assigned) are written whole later.
        new_here = {f.article_id for f in writes.features} | {features[0].article_id}
        for f, vector in zip(missing, vectors, strict=True):
            f.embedding = vector
            pending.set_embedding(f.article_id, vector)
            if f.article_id not in new_here:
                writes.embeddings[f.article_id] = vector
