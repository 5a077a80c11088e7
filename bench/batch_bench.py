"""`marsad batch` (Ray Data, local instance) against `marsad extract` on the same corpus.

Usage: python bench/batch_bench.py [--articles 100000] [--cpus 2] [--fast] [--no-extract]
                                   [--out NAME.json]

The corpus is synthetic JSON Lines built from real news paragraphs (bench/corpus.py: the
seed articles and the article-extraction benchmark's bodies, varied so no two articles are
the same; each has its own id). Both commands run in fresh child processes on the same
file. Reported: wall seconds, articles per second, articles per second per core (batch:
divided by the cores given to Ray; extract: one process), whether the Parquet rows equal
extract's records (same rows, same values, same order), and the load average before and
after: the machine may be shared, so the ratio measured in one run is the figure to quote.
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


def _timed(cmd: list[str], stdout: Path | None = None) -> float:
    start = time.perf_counter()
    with open(stdout or os.devnull, "wb") as out:
        done = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{cmd[2:4]} failed:\n{done.stderr.decode()[-2000:]}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--cpus", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--fast", action="store_true", help="only the article stages")
    parser.add_argument("--no-extract", action="store_true", help="skip the extract baseline")
    parser.add_argument("--out", default="batch.json", help="file name under bench/results/")
    args = parser.parse_args()
    fast = ["--fast"] if args.fast else []
    marsad = [sys.executable, "-m", "marsad"]
    result: dict[str, object] = {
        "articles": args.articles,
        "stages": "core (--fast)" if args.fast else "all",
        "ray_cpus": args.cpus,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "load_before": [round(x, 2) for x in os.getloadavg()],
    }
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(Path(tmp) / "corpus.jsonl", args.articles)
        out = Path(tmp) / "out"
        seconds = _timed(
            [*marsad, "batch", str(corpus), "--out", str(out), "--num-cpus", str(args.cpus),
             "--no-progress", *fast]
        )  # fmt: skip
        result["batch_seconds"] = round(seconds, 1)
        result["batch_articles_per_second"] = round(args.articles / seconds, 1)
        result["batch_per_core"] = round(args.articles / seconds / args.cpus, 1)
        if not args.no_extract:
            jsonl = Path(tmp) / "extract.jsonl"
            seconds = _timed([*marsad, "extract", str(corpus), *fast], stdout=jsonl)
            result["extract_seconds"] = round(seconds, 1)
            result["extract_articles_per_second"] = round(args.articles / seconds, 1)
            result["speedup"] = round(result["extract_seconds"] / result["batch_seconds"], 2)  # type: ignore[operator]
            result["identical"] = _same(out, jsonl)
    result["load_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, ensure_ascii=False), flush=True)
    path = HERE / "results" / args.out
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _same(parquet_dir: Path, jsonl: Path) -> bool:
    from marsad.batch.parquet import read_records

    with jsonl.open(encoding="utf-8") as fh:
        expected = (json.loads(line) for line in fh)
        ours = read_records(parquet_dir)
        try:
            return all(a == b for a, b in zip(ours, expected, strict=True))
        except ValueError:  # not the same number of rows
            return False


if __name__ == "__main__":
    main()
