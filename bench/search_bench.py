"""Search latency (p50, p95) at 10k and 100k articles.

Usage: python bench/search_bench.py [--sizes 10000,100000] [--queries 300] [--workdir DIR]

The store is synthetic, built from real paragraphs (bench/corpus.py: the seed articles'
Arabic and English paragraphs, plus the article-extraction benchmark's English bodies when
../shared/data is present), added directly through ``SQLiteStore.add`` (no pipeline: the
point is the index, and the full pipeline would take hours at 100k on two cores). So that
entity-aware queries do real work, each article gets mentions of the knowledge-base names
its text contains, for a fixed list of common places and actors, linked to their KB ids.
Dates (2022-2023), outlets and languages are drawn with a seeded RNG.

Each query of a fixed mix (Arabic and English words, spelling variants, phrases, prefixes,
entity names, filters) runs ``marsad.search.search`` end to end: planning, the SQL, and
fetching and snippeting the 20 hits of the first page. Timings are wall-clock on a warm
store (one warm-up pass). Writes bench/results/search-<size>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import articles, synthetic_article  # noqa: E402

from marsad.kb import default_kb  # noqa: E402
from marsad.search import SearchQuery, search  # noqa: E402
from marsad.store import SQLiteStore, Store, open_store  # noqa: E402
from marsad.types import Article, Mention  # noqa: E402

ENTITY_NAMES = ["Qamishli", "Hasakah", "ISIS", "SDF", "Turkey", "Syria", "Kobani", "al-Hol",
                "Raqqa", "Deir ez-Zor", "Damascus", "AANES"]  # fmt: skip
QUERIES: list[dict[str, str]] = [
    {"text": "الادارة"}, {"text": "الإدارة الذاتية"}, {"text": "والادارة"}, {"text": "مرتزقه"},
    {"text": "قامشلو"}, {"text": "Qamishli"}, {"text": "ISIS"}, {"text": "داعش"},
    {"text": "delegation"}, {"text": "attacks"}, {"text": '"External Relations"'},
    {"text": "deleg*"}, {"text": "Turkey attacks Kobani"}, {"text": "humanitarian aid"},
    {"text": "the"}, {"text": "zzznotaword"}, {"text": "ISIS", "lang": "ar"},
    {"text": "", "lang": "en"}, {"text": "Syria", "since": "2023-01-01"},
    {"text": "", "outlet": "North Press", "since": "2022-06-01", "until": "2022-12-31"},
    {"text": "الحسكة", "place": "Hasakah"}, {"text": "", "entity": "Qamishli"},
]  # fmt: skip


def _entity_patterns() -> list[tuple[re.Pattern[str], str, str]]:
    """(name pattern, entity id, label) for every name of the chosen KB entries."""
    kb = default_kb()
    out = []
    for name in ENTITY_NAMES:
        for entry in kb.lookup(name)[:1]:
            names = sorted({n for ns in entry.names.values() for n in ns}, key=len, reverse=True)
            alternatives = "|".join(re.escape(n) for n in names if len(n) >= 3)
            label = {"place": "GPE", "org": "ORG"}.get(entry.type, entry.type)
            out.append((re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), entry.id, label))
    return out


def build(db: Path | str, n: int, seed: int = 11) -> float:
    """Fill the store at ``db`` (a SQLite path or a PostgreSQL URL); return the seconds."""
    rng = random.Random(seed)
    patterns = _entity_patterns()
    start = time.perf_counter()
    with open_store(db) as store:
        batch: list[Article] = []
        for record in articles(n, seed):
            article = synthetic_article(record, rng)
            article.mentions = [
                Mention(m.start(), m.end(), label, entity_id, backend="kb")
                for pattern, entity_id, label in patterns
                for m in pattern.finditer(article.text)
            ]
            article.mentions.sort(key=lambda m: (m.start, m.end))
            article.annotated_by["mentions"] = "bench"
            batch.append(article)
            if len(batch) == 1000:
                store.add(batch)
                batch = []
        if batch:
            store.add(batch)
    return time.perf_counter() - start


def measure(db: Path, queries: int, seed: int = 3) -> dict[str, object]:
    with SQLiteStore(db) as store:
        return measure_store(store, queries, seed)


def measure_store(store: Store, queries: int, seed: int = 3) -> dict[str, object]:
    """Latency of the query mix on an open store (any backend)."""
    rng = random.Random(seed)
    mix = [(json.dumps(q, ensure_ascii=False), SearchQuery(**q)) for q in QUERIES]  # type: ignore[arg-type]
    timings: list[float] = []
    per_query: dict[str, list[float]] = {}
    totals: dict[str, int] = {}
    for _, q in mix:  # warm-up: page cache, KB, caches
        search(store, q)
    for _ in range(queries):
        label, q = rng.choice(mix)
        t0 = time.perf_counter()
        page = search(store, q)
        elapsed = (time.perf_counter() - t0) * 1000
        timings.append(elapsed)
        per_query.setdefault(label, []).append(elapsed)
        totals[label] = page.total
    timings.sort()
    return {
        "queries": len(timings),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1),
        "max_ms": round(timings[-1], 1),
        "by_query_p50_ms": {k: round(statistics.median(v), 1) for k, v in per_query.items()},
        "matches": totals,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "marsad-bench"
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    for n in (int(s) for s in args.sizes.split(",")):
        db = args.workdir / f"search-{n}.db"
        # The build time is kept beside the store, so a later run that reuses it reports it.
        sidecar = db.with_suffix(".build.json")
        if not db.exists():
            sidecar.write_text(json.dumps({"build_seconds": round(build(db, n), 1)}))
        built = json.loads(sidecar.read_text())["build_seconds"] if sidecar.exists() else None
        result = {
            "articles": n,
            "build_seconds": built,
            "db_mib": round(db.stat().st_size / 2**20, 1),
            **measure(db, args.queries),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores,"
            f" Python {platform.python_version()}",
            "store": "synthetic, direct SQLiteStore.add with KB mentions (see docstring)",
        }  # fmt: skip
        print(json.dumps(result, ensure_ascii=False, indent=2))
        out = HERE / "results" / f"search-{n}.json"
        out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
