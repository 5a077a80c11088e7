"""Seed articles through the whole pipeline once per session, and a cheap embedder."""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable, Sequence

import numpy as np
import pytest

from marsad.pipeline import Pipeline
from marsad.types import Article

Seeds = Callable[[], dict[str, Article]]


@pytest.fixture(scope="session")
def _processed_seeds(seed_texts: dict[str, str]) -> dict[str, Article]:
    pipeline = Pipeline.from_names()
    return {n: pipeline(text, url=f"https://seed.test/{n}") for n, text in seed_texts.items()}


@pytest.fixture
def seeds(_processed_seeds: dict[str, Article]) -> dict[str, Article]:
    """Seed number -> a fresh copy of the processed article (tests may change it)."""
    return copy.deepcopy(_processed_seeds)


class WordEmbedder:
    """Hashed bag of words: the same text gives the same vector, shared words raise the
    cosine. Deterministic and instant, for tests of same-language logic."""

    name = "words"

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += len(texts)
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.casefold()):
                out[row, hashlib.md5(word.encode()).digest()[0] % 64] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


@pytest.fixture
def word_embedder() -> WordEmbedder:
    return WordEmbedder()


class CachedEmbedder:
    """The real E5 embedder, remembering texts across tests (the seeds repeat)."""

    name = "e5-small"

    def __init__(self) -> None:
        from marsad.stories.embed import E5Embedder

        self.inner = E5Embedder()
        self.cache: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if missing:
            self.cache.update(zip(missing, self.inner.embed(missing), strict=True))
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, 384))


@pytest.fixture(scope="session")
def e5() -> CachedEmbedder:
    return CachedEmbedder()
