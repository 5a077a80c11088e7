"""Quote vectors remembered between story views.

A story page matches quotes across languages by embedding them (``marsad.stories.merge``),
which costs about 2 s for a dozen quotes on two cores; the same story shown again embeds
the same texts, so the process keeps their vectors, keyed by text, for its life. The web
UI, the API and the CLI all get this through ``merge_quotes``'s default.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache

import numpy as np

from marsad.stories.embed import Embedder, default_embedder

MAX_TEXTS = 20_000  # 384 float32 each: about 30 MB at most


class MemoEmbedder:
    """An ``Embedder`` that asks ``inner`` only for texts it has not seen."""

    def __init__(self, inner: Embedder, size: int = MAX_TEXTS) -> None:
        self.inner = inner
        self.name = inner.name
        self.size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # pages are served from a thread pool

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if not texts:
            return self.inner.embed([])
        if missing:
            for text, vector in zip(missing, self.inner.embed(missing), strict=True):
                with self._lock:
                    self._vectors[text] = vector
        with self._lock:
            rows = []
            for text in texts:
                self._vectors.move_to_end(text)
                rows.append(self._vectors[text])
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)
        return np.stack(rows)


@cache
def quote_embedder() -> MemoEmbedder:
    """The process-wide remembering embedder over the default model."""
    return MemoEmbedder(default_embedder())
