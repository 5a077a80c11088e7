"""A store of more than 1,000 real news articles, built with the real ingest.

The articles are ``bench/real_corpus.py``'s (English geoparsing news: LGL, TR-News,
GeoVirus; Arabic newswire regrouped from the Arabic event gold) plus the real web pages of
``article_extraction`` (HTML with outlets and dates, the messiest input). Read from
``../shared/data``; nothing is copied into the repository.

``build_real_store`` is used once per test session by ``tests/web/test_real_store.py`` and
by ``bench/ui_bench.py``. Set ``MARSAD_REAL_STORE`` to the path of a store built before
to reuse it (it is only read).
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"
MIN_ARTICLES = 1000


@dataclass(frozen=True)
class RealStore:
    db: Path
    articles: int
    build_s: float | None  # None when reused from MARSAD_REAL_STORE


def shared_data_present() -> bool:
    return (SHARED / "geoparsing").is_dir() and (SHARED / "plover_gsr_ar").is_dir()


def build_real_store(folder: Path, workers: int | None = None) -> RealStore:
    """Ingest the real articles into ``folder/real.db`` (or reuse ``MARSAD_REAL_STORE``)."""
    from marsad import ops
    from marsad.store import open_store

    reused = os.environ.get("MARSAD_REAL_STORE")
    if reused:
        with open_store(reused) as store:
            return RealStore(Path(reused), store.stats().articles, None)
    sys.path.insert(0, str(REPO / "bench"))
    from real_corpus import mixed, write_jsonl

    corpus = write_jsonl(folder / "real.jsonl", mixed(SHARED))
    inputs = [str(corpus)]
    pages = SHARED / "article_extraction" / "html"
    if pages.is_dir():
        inputs.append(str(pages))
    db = folder / "real.db"
    started = time.perf_counter()
    with open_store(db) as store:
        ops.ingest(inputs, store, workers=workers)
        count = store.stats().articles
    return RealStore(db, count, round(time.perf_counter() - started, 1))


if __name__ == "__main__":  # python tests/web/real_store.py FOLDER: build and report
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    built = build_real_store(out)
    print(f"{built.articles} articles in {built.db}, built in {built.build_s} s")
