"""A store of more than 1,000 real news articles, built with the real ingest.

The articles are ``bench/real_corpus.py``'s (English geoparsing news: LGL, TR-News,
GeoVirus; Arabic newswire regrouped from the Arabic event gold) plus the real web pages of
``article_extraction`` (HTML with outlets and dates, the messiest input). Read from
``../shared/data``; nothing is copied into the repository.

``cached_real_store`` builds it once and keeps it beside pytest's numbered session
folders, under a key that hashes the corpus and Marsad's source (the web UI's excepted):
the first session pays the ingest, later ones on the same code reuse the store. Set
``MARSAD_REAL_STORE`` to the path of a store built before to use that one instead (it
is only read).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
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


def cached_real_store(root: Path) -> RealStore:
    """The store under ``root/marsad-real-<key>``, built there first if it is missing."""
    if os.environ.get("MARSAD_REAL_STORE"):
        return build_real_store(root)
    folder = root / f"marsad-real-{_key()}"
    done = folder / "built.json"
    if done.is_file():
        record = json.loads(done.read_text(encoding="utf-8"))
        return RealStore(folder / "real.db", int(record["articles"]), None)
    partial = root / f"{folder.name}.partial-{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    built = build_real_store(partial)
    record = {"articles": built.articles, "build_s": built.build_s}
    (partial / "built.json").write_text(json.dumps(record), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)  # whole or absent: an interrupted build is never reused
    return RealStore(folder / "real.db", built.articles, built.build_s)


def _key() -> str:
    """Hash of the inputs and of the code that turns them into a store."""
    digest = hashlib.sha256()
    for path in sorted((SHARED / "geoparsing").glob("*.xml")) + sorted(
        (SHARED / "plover_gsr_ar").glob("*.csv")
    ):
        digest.update(f"{path.name}:{path.stat().st_size}".encode())
    pages = SHARED / "article_extraction" / "html"
    if pages.is_dir():
        digest.update(" ".join(sorted(p.name for p in pages.iterdir())).encode())
    source = REPO / "src" / "marsad"
    for path in sorted(source.rglob("*")):
        outside_web = "web" not in path.relative_to(source).parts[:1]
        if path.is_file() and outside_web and path.suffix in (".py", ".yaml", ".json", ".tsv"):
            digest.update(path.read_bytes())
    digest.update((REPO / "bench" / "real_corpus.py").read_bytes())
    return digest.hexdigest()[:16]


if __name__ == "__main__":  # python tests/web/real_store.py FOLDER: build and report
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    built = build_real_store(out)
    print(f"{built.articles} articles in {built.db}, built in {built.build_s} s")
