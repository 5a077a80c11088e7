"""Ingest throughput and peak memory at several corpus sizes.

Usage: python bench/ingest_bench.py [--sizes 1000,10000,100000] [--fast] [--out NAME.json]

Each size runs `marsad ingest` in a fresh child process on a synthetic JSON Lines corpus
(see bench/corpus.py for how it is built) into a fresh SQLite file, so the peak RSS is
that run's alone. Prints one JSON object per size and writes them to
bench/results/ingest.json.
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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_jsonl  # noqa: E402


def run_size(n: int, workdir: Path, extra: list[str]) -> dict[str, object]:
    corpus = write_jsonl(workdir / f"corpus-{n}.jsonl", n)
    db = workdir / f"bench-{n}.db"
    args = ["marsad", "ingest", str(corpus), "--db", str(db), "--no-progress", *extra]
    # The child reports its own peak RSS at exit, so each size is measured alone.
    code = (
        "import atexit, resource, sys\n"
        "atexit.register(lambda: print('PEAK_RSS_KIB', "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr))\n"
        f"sys.argv = {args!r}\n"
        "from marsad.cli.main import main\nmain()\n"
    )
    cmd = [sys.executable, "-c", code]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"ingest failed for n={n}:\n{done.stderr[-2000:]}")
    return {
        "articles": n,
        "seconds": round(elapsed, 2),
        "articles_per_second": round(n / elapsed, 1),
        "peak_rss_mib": round(_peak_kib(done.stderr)[0] / 1024, 1),
        # The largest worker process, when the costly stages ran in workers (else 0).
        "peak_worker_rss_mib": round(_peak_kib(done.stderr)[1] / 1024, 1),
        "corpus_mib": round(corpus.stat().st_size / 2**20, 1),
        "db_mib": round(db.stat().st_size / 2**20, 1),
        "summary": next(ln for ln in done.stderr.splitlines() if ln.startswith("read ")),
    }


def _peak_kib(stderr: str) -> tuple[int, int]:
    for line in stderr.splitlines():
        if line.startswith("PEAK_RSS_KIB"):
            _, own, children = line.split()
            return int(own), int(children)
    raise SystemExit("the ingest child did not report its peak memory")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument(
        "--fast", action="store_true", help="only the article stages (ingest --fast)"
    )
    parser.add_argument("--out", default="ingest.json", help="file name under bench/results/")
    args = parser.parse_args()
    extra = ["--fast"] if args.fast else []
    sizes = sorted(int(s) for s in args.sizes.split(","))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            result = run_size(n, Path(tmp), extra)
            result["stages"] = "core (--fast)" if args.fast else "all"
            result["machine"] = machine
            print(json.dumps(result, ensure_ascii=False), flush=True)
            results.append(result)
    out = HERE / "results" / args.out
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
