"""Nearest neighbours among stored article embeddings: usearch HNSW graphs, one per month
and language.

Why this shape:

- **Shards by month of publication and language.** Reports of one story are days apart,
  so an article's neighbours are looked up in the months its date window touches (and in
  the undated shards), never in the whole store: the cost of a lookup and the memory it
  needs follow one month's news, not the size of the store. E5 puts any two texts of one
  language closer than most translations, so one graph for all languages would fill an
  article's nearest neighbours with its own language; each language has its own graph
  and gives its own nearest.
- **The store is the truth, the graphs are caches.** Embeddings are stored in the batch's
  transaction (``story_features.embedding``, numbered by ``story_vectors.seq``); a graph
  file records the last ``seq`` it holds in its name. A graph that lags behind the table
  (a kill after the commit, another process' ingest) is caught up from it on its next use;
  one ahead of it (the database restored from an older copy) is rebuilt. Files are written
  under a new name and renamed, so a reader never sees half a file.
- **A saved graph and a small delta.** A shard's graph is opened memory-mapped from its
  file and never changed in place; the vectors stored since the file was written (read
  from the table on open, added after each commit) sit beside it in a matrix searched
  exactly. When the delta reaches ``SAVE_EVERY`` they are added to a copy of the graph,
  written, and the file mapped again. Closing a shard to open another costs nothing while
  its delta is under ``FOLD_ON_CLOSE``: the delta is in the table. (Rewriting a whole
  graph whenever a shard with a few new vectors was closed cost a third of the time per
  article at 1M stored; docs/stories.md.)
- **usearch, 8-bit.** Measured against hnswlib and usearch float16 on 40,000 vectors
  (``bench/ann_choice.py``): as fast as hnswlib to build and query, a third of its file
  size, and a saved graph opens memory-mapped in milliseconds. The cosines that decide are
  recomputed from the stored float16 vectors; the graph only proposes candidates.
"""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol

import numpy as np

log = logging.getLogger(__name__)

UNDATED = "undated"
_LOADED = 8  # shards kept open: a saved graph is memory-mapped, its delta <= SAVE_EVERY rows
# Vectors kept beside a shard's saved graph (searched exactly) before they are added to
# it and its file rewritten. Rewriting a month's file (~10 MiB at 1M stored) for every
# few new vectors cost a third of the time per article at 1M stored (docs/stories.md).
SAVE_EVERY = 2000
# A shard closed for another with this many vectors beside its graph is folded first:
# reading them back from the table on every open (a month of 10k-100k stores lives
# mostly there) costs more than writing the file once.
FOLD_ON_CLOSE = 200


def shard_of(day: str | None, lang: str | None) -> str:
    """``2024-03_en``: the month of publication (or ``undated``) and the language."""
    return f"{day[:7] if day else UNDATED}_{lang or 'xx'}"


def months_near(day: str | None, days: int) -> list[str]:
    """The months (shard prefixes) an article published on ``day`` can have same-story
    neighbours in: those its date window touches, and the undated ones."""
    if not day:
        return [UNDATED]
    start = date.fromisoformat(day)
    months = {(start + timedelta(days=d)).isoformat()[:7] for d in range(-days, days + 1)}
    return [*sorted(months), UNDATED]


def _new_graph(ndim: int) -> Any:
    from usearch.index import Index  # lazy: only clustering needs it

    return Index(ndim=ndim, metric="cos", dtype="i8", connectivity=16,
                 expansion_add=128, expansion_search=128)  # fmt: skip


class VectorTable(Protocol):
    """What the graphs read from their store's tables (the store backend implements it)."""

    def shard_seq(self, shard: str) -> int:
        """The last vector number stored in ``shard`` (0: none)."""
        ...

    def articles_at(self, seqs: Sequence[int]) -> dict[int, str]:
        """The article id of each stored vector number."""
        ...

    def vectors_between(self, shard: str, after: int, last: int) -> list[tuple[int, bytes]]:
        """(number, float16 bytes) of the vectors of ``shard`` numbered in (after, last]."""
        ...


@dataclass(slots=True)
class _Shard:
    graph: Any  # None until its first fold says how many dimensions it has
    seq: int  # last story_vectors.seq in the graph
    mapped: bool  # True while memory-mapped from its file (read-only)
    # The vectors numbered after ``seq``, not yet in the graph: searched exactly.
    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    vectors: np.ndarray | None = None
    stale: bool = False  # its file must be replaced on close even with no delta

    @property
    def last(self) -> int:
        return int(self.keys[-1]) if len(self.keys) else self.seq

    def nearest(self, vector: np.ndarray, k: int) -> list[int]:
        """The ``k`` nearest of the graph and the delta together, nearest first."""
        found: list[tuple[float, int]] = []
        if self.graph is not None and len(self.graph):
            hits = self.graph.search(vector, k)
            found += zip(
                np.atleast_1d(hits.distances).tolist(),
                np.atleast_1d(hits.keys).tolist(),
                strict=True,
            )
        if self.vectors is not None:
            distances = 1.0 - self.vectors @ vector  # cosine distance, as the graph's
            top = np.argsort(distances)[:k]
            found += zip(distances[top].tolist(), self.keys[top].tolist(), strict=True)
        return [int(key) for _, key in sorted(found)[:k]]


class VectorShards:
    """The graphs of one store. ``folder=None`` keeps them in memory only (a store in
    ``:memory:``, tests)."""

    def __init__(self, table: VectorTable, folder: Path | None) -> None:
        self.table, self.folder = table, folder
        self._open: OrderedDict[str, _Shard] = OrderedDict()

    def nearest(self, vector: np.ndarray, shards: Sequence[str], k: int) -> list[str]:
        """Up to ``k`` article ids nearest ``vector`` in each of ``shards``."""
        query = np.asarray(vector, dtype=np.float32)
        keys: list[int] = []
        for name in shards:
            shard = self._shard(name)
            if shard is not None:
                keys += shard.nearest(query, k)
        if not keys:
            return []
        by_seq = self.table.articles_at(keys)
        return [by_seq[key] for key in keys if key in by_seq]

    def committed(self, shards: Sequence[str]) -> None:
        """After a commit: catch the shards up with the table (a delta grown to
        ``SAVE_EVERY`` is folded into its graph and written)."""
        for name in shards:
            self._shard(name)

    def catch_up(self, shards: Sequence[str]) -> None:
        """Bring ``shards`` up to date with the table now (a store filled by other means)."""
        for name in shards:
            self._shard(name)

    def close(self) -> None:
        """Write every open graph whose file lacks vectors of the table."""
        for name, shard in self._open.items():
            if len(shard.keys) or shard.stale:
                self._fold(name, shard)
        self._open.clear()

    # -- loading and catching up ----------------------------------------------------------

    def _shard(self, name: str) -> _Shard | None:
        last = self.table.shard_seq(name)
        shard = self._open.get(name)
        if shard is None:
            if not last:
                return None
            shard = self._open[name] = self._load(name, last)
            while len(self._open) > _LOADED:  # a small delta is in the table: not saved
                closed, oldest = self._open.popitem(last=False)
                if len(oldest.keys) >= FOLD_ON_CLOSE:
                    self._fold(closed, oldest)
        self._open.move_to_end(name)
        if shard.last > last:  # the graph knows vectors the table does not: rebuild it
            shard = self._open[name] = _Shard(None, 0, False, stale=True)
        if shard.last < last:
            self._catch_up(name, shard, last)
            if len(shard.keys) >= SAVE_EVERY:  # the delta stays small, wherever it came from
                self._fold(name, shard)
        return shard

    def _load(self, name: str, last: int) -> _Shard:
        path = self._file(name)
        if path is not None:
            from usearch.index import Index

            seq = int(path.stem.rsplit(".", 1)[1])
            if seq <= last:
                try:
                    return _Shard(Index.restore(str(path), view=True), seq, True)
                except (RuntimeError, ValueError) as exc:  # unreadable: rebuilt from the table
                    log.warning("rebuilding story vector shard %s: %s", name, exc)
        return _Shard(None, 0, False, stale=path is not None)

    def _catch_up(self, name: str, shard: _Shard, last: int) -> None:
        rows = self.table.vectors_between(name, shard.last, last)
        if not rows:
            return
        keys = np.array([r[0] for r in rows], dtype=np.uint64)
        packed = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float16)
        vectors = packed.reshape(len(rows), -1).astype(np.float32)
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        shard.keys = np.concatenate([shard.keys, keys])
        shard.vectors = vectors if shard.vectors is None else np.vstack([shard.vectors, vectors])

    def _fold(self, name: str, shard: _Shard) -> None:
        """Add the delta to the graph; with a folder, write it and map the file again."""
        if shard.vectors is not None:
            if shard.graph is None:
                shard.graph = _new_graph(shard.vectors.shape[1])
            elif shard.mapped:  # a mapped graph is read-only: add to a copy in memory
                shard.graph, shard.mapped = shard.graph.copy(), False
            shard.graph.add(shard.keys, shard.vectors)
            shard.seq, shard.keys, shard.vectors = shard.last, shard.keys[:0], None
        shard.stale = False
        if self.folder is None or shard.graph is None:
            return
        written = self._write(name, shard)
        if written is not None:  # read it back mapped: memory stays one month's pages
            from usearch.index import Index

            shard.graph, shard.mapped = Index.restore(str(written), view=True), True

    # -- files ------------------------------------------------------------------------------

    def _file(self, name: str) -> Path | None:
        """The newest graph file of a shard: ``<shard>.<last seq>.usearch``."""
        if self.folder is None or not self.folder.is_dir():
            return None
        found = sorted(
            self.folder.glob(f"{name}.*.usearch"), key=lambda p: int(p.stem.rsplit(".", 1)[1])
        )
        return found[-1] if found else None

    def _write(self, name: str, shard: _Shard) -> Path | None:
        assert self.folder is not None
        final = self.folder / f"{name}.{shard.seq}.usearch"
        tmp = final.with_suffix(".tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            old = list(self.folder.glob(f"{name}.*.usearch"))
            shard.graph.save(str(tmp))
            os.replace(tmp, final)
        except OSError as exc:  # only a cache: the next open catches up from the table
            log.warning("could not write story vector graph %s: %s", final, exc)
            return None
        for path in old:
            if path != final:
                path.unlink(missing_ok=True)
        return final
