"""Which approximate-nearest-neighbour library holds the story embeddings: build time,
query time, recall of the true 20 nearest, file size, load time and memory, on one shard
of synthetic unit vectors shaped like E5 leads (a shared direction, a story direction and
noise; 384 dimensions).

    python bench/ann_choice.py [--n 40000] [--queries 300] [--out bench/results/ann-choice.json]

Each library runs in its own process so its memory is measured alone. sqlite-vec is not
here: the interpreter's sqlite3 cannot load extensions, and its vec0 tables answer
k-nearest queries by a full scan.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

DIM, K = 384, 20


def vectors(n: int, seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(seed)
    news = rng.standard_normal(DIM)
    stories = rng.standard_normal((max(n // 4, 1), DIM))
    story = rng.integers(0, len(stories), n)
    v = 2.0 * news + stories[story] + 0.6 * rng.standard_normal((n, DIM))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def rss_mib() -> float:
    """Resident memory now (not the peak: the test vectors are in memory throughout)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run(lib: str, n: int, queries: int) -> dict[str, object]:
    data = vectors(n)
    q = data[np.random.default_rng(1).choice(n, queries, replace=False)]
    truth = np.argsort(-(q @ data.T), axis=1)[:, :K]
    path = Path(tempfile.mkdtemp()) / "shard.idx"
    t = time.perf_counter()
    if lib == "usearch-i8" or lib == "usearch-f16":
        from usearch.index import Index

        idx = Index(ndim=DIM, metric="cos", dtype=lib.split("-")[1], connectivity=16,
                    expansion_add=128, expansion_search=128)  # fmt: skip
        idx.add(np.arange(n), data)
        build = time.perf_counter() - t
        idx.save(str(path))
        del idx
        base = rss_mib()
        t = time.perf_counter()
        idx = Index.restore(str(path), view=True)
        load = time.perf_counter() - t

        def search(v: np.ndarray) -> np.ndarray:
            return np.asarray(idx.search(v, K).keys)
    else:
        import hnswlib

        idx = hnswlib.Index(space="cosine", dim=DIM)
        idx.init_index(max_elements=n, ef_construction=128, M=16)
        idx.add_items(data, np.arange(n))
        build = time.perf_counter() - t
        idx.save_index(str(path))
        del idx
        base = rss_mib()
        t = time.perf_counter()
        idx = hnswlib.Index(space="cosine", dim=DIM)
        idx.load_index(str(path), max_elements=n)
        idx.set_ef(128)
        load = time.perf_counter() - t

        def search(v: np.ndarray) -> np.ndarray:
            return idx.knn_query(v, k=K)[0][0]

    times, hits = [], 0
    for i, v in enumerate(q):
        t = time.perf_counter()
        got = search(v)
        times.append(time.perf_counter() - t)
        hits += len(set(got.tolist()) & set(truth[i].tolist()))
    return {
        "library": lib,
        "vectors": n,
        "build_s": round(build, 1),
        "load_s": round(load, 3),
        "query_ms_median": round(1000 * float(np.median(times)), 3),
        "query_ms_p95": round(1000 * float(np.percentile(times, 95)), 3),
        f"recall_at_{K}": round(hits / (K * queries), 3),
        "file_mib": round(os.path.getsize(path) / 2**20, 1),
        "rss_after_queries_mib": round(rss_mib() - base, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--out", type=Path, default=Path("bench/results/ann-choice.json"))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run(args.one, args.n, args.queries)))
        return
    results = []
    for lib in ("usearch-i8", "usearch-f16", "hnswlib"):
        out = subprocess.run(
            [sys.executable, __file__, "--one", lib, "--n", str(args.n),
             "--queries", str(args.queries)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        results.append(json.loads(out.stdout))
        print(json.dumps(results[-1]), file=sys.stderr)
    report = {"machine": f"{platform.machine()}, {os.cpu_count()} cores", "results": results}
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
