"""Requests per second of the main read endpoints under a local load generator.

Usage: python bench/api_bench.py [--db PATH] [--seconds 10] [--concurrency 8]

Starts `marsad serve` (uvicorn, one process) in a child process on a free loopback port
over a store (default: the 10k-article synthetic store bench/search_bench.py builds; run
that first), then for each endpoint keeps ``--concurrency`` client threads (httpx, one
connection each, keep-alive) sending requests for ``--seconds`` and counts the answers.
Client and server share the machine's cores, so these are lower bounds for a server with
the machine to itself. Writes bench/results/api-<articles>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _endpoints(db: Path) -> dict[str, list[str]]:
    """Endpoint name -> the request paths it cycles through."""
    conn = sqlite3.connect(db)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY rowid LIMIT 50")]
    conn.close()
    return {
        "stats": ["/api/stats"],
        "articles (list, page 1)": ["/api/articles?limit=20", "/api/articles?lang=ar&limit=20"],
        "article (one record)": [f"/api/articles/{i}" for i in ids],
        "search": [
            "/api/search?q=الادارة", "/api/search?q=Qamishli", "/api/search?q=ISIS&lang=ar",
            "/api/search?q=humanitarian%20aid", "/api/search?q=delegation",
        ],
        "entities (list)": ["/api/entities?limit=20"],
        "entity (page)": ["/api/entities/marsad:place/qamishli"],
        "events (page 1)": ["/api/events?limit=20"],
    }  # fmt: skip


def _load(url: str, paths: list[str], seconds: float, concurrency: int) -> dict[str, object]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(offset: int) -> None:
        nonlocal errors
        mine: list[float] = []
        bad = 0
        with httpx.Client(base_url=url, timeout=120) as client:
            i = offset
            while time.monotonic() < stop:
                t0 = time.perf_counter()
                r = client.get(paths[i % len(paths)])
                mine.append(time.perf_counter() - t0)
                bad += r.status_code != 200
                i += 1
        with lock:
            latencies.extend(mine)
            errors += bad

    start = time.monotonic()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1)
        if latencies
        else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_db = Path(tempfile.gettempdir()) / "marsad-bench" / "search-10000.db"
    parser.add_argument("--db", type=Path, default=default_db)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    if not args.db.exists():
        raise SystemExit(f"no store at {args.db}; run bench/search_bench.py --sizes 10000 first")
    conn = sqlite3.connect(args.db)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "marsad", "serve", "--db", str(args.db), "--port", str(port)]
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/stats", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        results = {
            name: _load(url, paths, args.seconds, args.concurrency)
            for name, paths in _endpoints(args.db).items()
        }
    finally:
        server.terminate()
        server.wait(timeout=10)
    report = {
        "articles": articles,
        "seconds_per_endpoint": args.seconds,
        "concurrency": args.concurrency,
        "server": "marsad serve (uvicorn, 1 process), client threads on the same machine",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "endpoints": results,
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    out = HERE / "results" / f"api-{articles}.json"
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
