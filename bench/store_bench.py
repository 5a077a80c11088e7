"""SQLite and PostgreSQL side by side: bulk add and search latency on the same synthetic
store, and on PostgreSQL the two ways to search folded Arabic text that issue 15 asked to
compare: the tsvector of the normalised shadow text (what the backend uses) and pg_trgm
trigrams over the same shadow text.

Usage: python bench/store_bench.py [--articles 5000] [--queries 200]

The store is bench/search_bench.py's (real paragraphs, KB mentions, seeded dates and
outlets), added through each backend's ``add`` in batches of 1000. The PostgreSQL server
is Debian's, started for the run in a temporary folder (tests/pg_server.py) with fsync
off, as in the tests: bulk-add figures are for the work, not the disk. The search figures
run ``marsad.search.search`` end to end (plan, SQL, snippets of the first page). The
trigram comparison times one query per word of the mix against the shadow text with
``LIKE '%key%'`` under a GIN trigram index: substrings, not words, so it also finds
"the" inside "there" — its match counts are given beside the tsvector's.
Writes bench/results/store-<articles>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from pg_server import running_server  # noqa: E402
from search_bench import QUERIES, build, measure_store  # noqa: E402

from marsad.search.tokens import shadow_text  # noqa: E402
from marsad.store import open_store  # noqa: E402

TRGM_WORDS = ["الادارة", "مرتزقه", "قامشلو", "Qamishli", "delegation", "attacks", "the",
              "humanitarian", "zzznotaword"]  # fmt: skip


def _p(values: list[float], q: float) -> float:
    values = sorted(values)
    return round(values[int(q * (len(values) - 1))], 2)


def trigram_vs_tsvector(url: str, rounds: int) -> dict[str, Any]:
    """Per word: latency (ms, p50) and matches of tsvector @@ and of trigram LIKE."""
    import psycopg

    out: dict[str, Any] = {}
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        t0 = time.perf_counter()
        conn.execute("CREATE TABLE trgm_docs (doc BIGINT PRIMARY KEY, body TEXT NOT NULL)")
        rows = conn.execute("SELECT d.doc, a.text FROM search_docs d JOIN articles a"
                            " ON a.id = d.article_id").fetchall()  # fmt: skip
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO trgm_docs VALUES (%s, %s)",
                            [(doc, shadow_text(text)) for doc, text in rows])  # fmt: skip
        conn.execute("CREATE INDEX trgm_docs_body ON trgm_docs USING GIN (body gin_trgm_ops)")
        out["trigram_index_build_s"] = round(time.perf_counter() - t0, 1)
        sizes = conn.execute(
            "SELECT pg_relation_size('trgm_docs_body'), pg_relation_size('search_docs_words')"
        ).fetchone()
        assert sizes is not None
        out["trigram_index_mib"] = round(sizes[0] / 2**20, 1)
        out["tsvector_index_mib"] = round(sizes[1] / 2**20, 1)
        words: dict[str, Any] = {}
        for word in TRGM_WORDS:
            key = shadow_text(word)
            ts, tg = [], []
            for _ in range(rounds):
                t = time.perf_counter()
                n_ts = conn.execute("SELECT count(*) FROM search_docs"
                                    " WHERE words @@ to_tsquery('simple', %s)",
                                    (f"'{key}'",)).fetchone()  # fmt: skip
                ts.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                n_tg = conn.execute("SELECT count(*) FROM trgm_docs WHERE body LIKE %s",
                                    (f"%{key}%",)).fetchone()  # fmt: skip
                tg.append((time.perf_counter() - t) * 1000)
            assert n_ts is not None and n_tg is not None
            words[word] = {"tsvector_ms": round(statistics.median(ts), 2),
                           "trigram_ms": round(statistics.median(tg), 2),
                           "tsvector_matches": n_ts[0], "trigram_matches": n_tg[0]}  # fmt: skip
        out["by_word"] = words
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    result: dict[str, Any] = {"articles": args.articles, "queries": len(QUERIES)}
    with running_server() as server, tempfile.TemporaryDirectory() as tmp:
        import psycopg

        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute("CREATE DATABASE bench")
        url = server.rsplit("/", 1)[0] + "/bench"
        for backend, db in (("sqlite", str(Path(tmp) / "bench.db")), ("postgresql", url)):
            seconds = build(db, args.articles)
            with open_store(db) as store:
                result[backend] = {
                    "add_seconds": round(seconds, 1),
                    "articles_per_s": round(args.articles / seconds, 1),
                    **measure_store(store, args.queries),
                }
        result["postgresql_search_choice"] = trigram_vs_tsvector(url, rounds=20)
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    result["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(json.dumps(result, ensure_ascii=False, indent=2))
    out = HERE / "results" / f"store-{args.articles}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
