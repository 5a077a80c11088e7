"""Stores whose stories are known in advance: listing order, paging and merging tests.

Articles are plain texts (no pipeline) embedded by ``WordsEmbedder``, a hashed bag of
words, so cosines follow shared words and every story below is decided by the real
clusterer and written by the real store. Importable from any test, like
``article_builder``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.store import SQLiteStore
from marsad.stories.cluster import Clusterer
from marsad.types import Article


class WordsEmbedder:
    """Hashed bag of words in 256 dimensions: the same text gives the same vector."""

    name = "words"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 256), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.casefold()):
                out[row, int(hashlib.md5(word.encode()).hexdigest()[:6], 16) % 256] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


def words(tag: str, n: int, *, order: str = "") -> str:
    """``n`` distinct made-up words, the same for the same tag. ``order`` "reverse" or
    "odd-even" gives them in another order: the same bag of words (the same embedding) but
    no shared three-word shingle, so the texts are not near-copies of each other."""
    found = [f"{tag}{i}w" for i in range(n)]
    if order == "reverse":
        found.reverse()
    elif order == "odd-even":
        found = found[1::2] + found[::2]
    return " ".join(found)


def bridged(tag: str) -> tuple[str, str, str]:
    """Texts of two stories sharing eleven words with two of their own each (cosine ~0.85,
    under the shipped pair model's join floor) and of a report naming all of them (~0.93
    with each, over its merge floor). The counts follow the shipped model's floors: retrain
    it and check them (with 12 shared words the two stories join at once)."""
    return (
        f"{words(tag, 11)} {words(tag + 'a', 2)}",
        f"{words(tag + 'b', 2)} {words(tag, 11, order='reverse')}",
        f"{words(tag + 'a', 2)} {words(tag, 11, order='odd-even')} {words(tag + 'b', 2)}",
    )


def article(
    ident: str, text: str, published: str | None, outlet: str | None, lang: str = "en"
) -> Article:
    return Article(
        id=ident, source="test", raw=text.encode(), raw_text=text, text=text, format="clean",
        lang=lang, published=published, outlet=outlet,
    )  # fmt: skip


def add(store: SQLiteStore, articles: list[Article]) -> None:
    """One ingest batch: assign, then store articles and story rows in one transaction."""
    store.add(articles, (), Clusterer(WordsEmbedder()).assign(articles, store.story_index()))


@dataclass(frozen=True, slots=True)
class Merged:
    """Two stories that a later article proves one, and what became of their ids."""

    first: str  # the story the bridging article joined: it keeps its id
    second: str  # merged into ``first``; its id now redirects there
    bridge: str  # the bridging article's id


def merged_store(path: Path) -> Merged:
    """A store where two stories (``bridged``) are opened in one batch and a later report
    on the same day joins one and merges the other into it."""
    text_a, text_b, text_c = bridged("shared")
    a = article("aaaa000000000001", text_a, "2024-03-02", "Outlet A")
    b = article("bbbb000000000002", text_b, "2024-03-02", "Outlet B")
    c = article("cccc000000000003", text_c, "2024-03-02", "Outlet C")
    with SQLiteStore(path) as store:
        add(store, [a, b])
        before = {x.id: x.story_id for x in (a, b)}
        add(store, [c])
        assert c.story_id is not None
        kept = c.story_id
        gone = next(s for s in before.values() if s != kept)
    return Merged(kept, str(gone), c.id)
