"""Requests per second of the main read endpoints under a local load generator.

Usage: python bench/api_bench.py [--size 10000] [--db PATH] [--seconds 8] [--concurrency 8]

The store (built once, kept in the work folder as api-<size>.db) is the search bench's
synthetic store (bench/search_bench.py: real paragraphs, KB mentions, seeded dates and
outlets) plus what the later stages would add for the fact pages, drawn with a seeded RNG
over the entities each article names: coordinates from the KB on place mentions and, in
an article that names any, 2-10 events (type, source, target, place, the paragraph as
evidence, sometimes an auxiliary mode or no date) and 0-4 quotes. ``--db`` measures
another store instead.

Starts `marsad serve` (uvicorn, one process) in a child process on a free loopback port,
then for each endpoint keeps ``--concurrency`` client threads (httpx, one connection each,
keep-alive) sending requests for ``--seconds`` and counts the answers. Client and server
share the machine's cores, so these are lower bounds for a server with the machine to
itself. ``--skip map,timeline`` leaves out endpoints by name prefix. Then, in-process, it
times building the map's places and the timeline's counts from the fact index and by
reading every article (``builders_ms``). Writes bench/results/api-<articles>.json
(``--label`` writes api-<articles>-<label>, e.g. for an older version put first on
PYTHONPATH: ``PYTHONPATH=/tmp/old/src python bench/api_bench.py --label before``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
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
sys.path.insert(0, str(HERE))

from corpus import synthetic_article  # noqa: E402
from search_bench import _entity_patterns  # noqa: E402

from marsad.kb import default_kb  # noqa: E402
from marsad.store import SQLiteStore  # noqa: E402
from marsad.types import Article, Event, Geo, Mention, Quote  # noqa: E402

EVENT_TYPES = ("ASSAULT", "ASSAULT", "ASSAULT", "COERCE", "CONSULT", "CONSULT", "ACCUSE",
               "PROTEST", "AID", "REQUEST", "MOBILIZE", "THREATEN")  # fmt: skip


def build(db: Path, n: int, seed: int = 11) -> float:
    """The synthetic store with events and quotes (see the module docstring); seconds."""
    from corpus import articles

    rng = random.Random(seed)
    kb = default_kb()
    patterns = _entity_patterns()
    start = time.perf_counter()
    with SQLiteStore(db) as store:
        batch: list[Article] = []
        for record in articles(n, seed):
            article = synthetic_article(record, rng)
            for pattern, entity_id, label in patterns:
                entry = kb.get(entity_id)
                name = entry.label if entry else None
                geo = None
                if entry and entry.lat is not None and entry.lon is not None:
                    geo = Geo(entry.lat, entry.lon, entry.country, entry.admin1, source="kb")
                for m in pattern.finditer(article.text):
                    article.mentions.append(
                        Mention(m.start(), m.end(), label, entity_id, name, geo=geo, backend="kb")
                    )
            article.mentions.sort(key=lambda m: (m.start, m.end))
            _add_facts(article, rng)
            article.annotated_by.update(mentions="bench", events="bench", quotes="bench")
            batch.append(article)
            if len(batch) == 1000:
                store.add(batch)
                batch = []
        if batch:
            store.add(batch)
    return time.perf_counter() - start


def _add_facts(article: Article, rng: random.Random) -> None:
    """Events and quotes over the article's own mentions, each in the paragraph of its
    source mention, as the rule coder would place them."""
    if not article.mentions:
        return
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article.text)]
    places = [m for m in article.mentions if m.geo]

    def paragraph(at: int) -> tuple[int, int]:
        return next((p for p in paragraphs if p[0] <= at < p[1]), (at, at + 1))

    for _ in range(rng.randint(2, 10)):
        source = rng.choice(article.mentions)
        target = rng.choice(article.mentions) if rng.random() < 0.6 else None
        place = rng.choice(places) if places and rng.random() < 0.7 else None
        start, end = paragraph(source.start)
        article.events.append(
            Event(
                rng.choice(EVENT_TYPES), start, end,
                aux=["historical"] if rng.random() < 0.1 else [],
                source=source.name, source_entity_id=source.entity_id,
                target=target.name if target else None,
                target_entity_id=target.entity_id if target else None,
                place=place.name if place else None,
                place_entity_id=place.entity_id if place else None,
                date=None if rng.random() < 0.3 else article.published, backend="bench",
            )
        )  # fmt: skip
    for _ in range(rng.randint(0, 4)):
        speaker = rng.choice(article.mentions)
        start, end = paragraph(speaker.start)
        article.quotes.append(
            Quote(start, end, rng.random() < 0.5, speaker=speaker.name,
                  speaker_entity_id=speaker.entity_id, backend="bench")
        )  # fmt: skip


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _endpoints(db: Path) -> dict[str, list[str]]:
    """Endpoint name -> the request paths it cycles through."""
    conn = sqlite3.connect(db)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY rowid LIMIT 50")]
    conn.close()
    isis = "/api/events?actor=" + next(e.id for e in default_kb().lookup("ISIS"))
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
        "events (filtered)": [
            "/api/events?type=ASSAULT&limit=20", f"{isis}&limit=20", "/api/events?actor=turk",
            "/api/events?place=marsad:place/qamishli&since=2023-06-01&limit=20",
            "/api/events?type=PROTEST&offset=200&limit=20",
        ],
        "quotes (page 1)": ["/api/quotes?limit=20", "/api/quotes?lang=ar&limit=20"],
        "map (web page)": ["/map"],
        "timeline (web page)": ["/timeline"],
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


def _builders(db: Path, repeats: int = 3) -> dict[str, float]:
    """Milliseconds to build the map's places and the timeline's counts in-process: from
    the fact index (best of ``repeats``), and by reading every article (once: slow)."""
    try:
        from marsad.web.mapsvg import collect_places, stored_places
        from marsad.web.timeline import event_dates, stored_event_dates, timeline_view
    except ImportError:  # a version from before the fact index
        return {}

    with SQLiteStore(db) as store:
        ways = {
            "map places, fact index": lambda: stored_places(store),
            "map places, every article": lambda: collect_places(store.iter_articles()),
            "timeline, fact index": lambda: timeline_view(stored_event_dates(store)),
            "timeline, every article": lambda: timeline_view(event_dates(store.iter_articles())),
        }
        best = {}
        for name, run in ways.items():
            times = []
            for _ in range(repeats if "index" in name else 1):
                t0 = time.perf_counter()
                run()
                times.append(time.perf_counter() - t0)
            best[name] = round(min(times) * 1000, 1)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--db", type=Path, help="measure this store instead of building one")
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "marsad-bench"
    )
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--label", default="", help="suffix of the results file name")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument(
        "--skip", default="", help="endpoints to leave out: comma-separated name prefixes"
    )
    parser.add_argument(
        "--no-builders", action="store_true", help="skip the in-process map/timeline timings"
    )
    args = parser.parse_args()
    built = None
    if args.db is None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        args.db = args.workdir / f"api-{args.size}.db"
        if not args.db.exists():
            built = round(build(args.db, args.size), 1)
            print(f"built {args.db} in {built} s", file=sys.stderr)
    if args.build_only:
        return
    if not args.db.exists():
        raise SystemExit(f"no store at {args.db}")
    conn = sqlite3.connect(args.db)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    annotations = conn.execute(
        "SELECT sum(json_array_length(annotations, '$.events')),"
        " sum(json_array_length(annotations, '$.quotes')) FROM articles"
    ).fetchone()
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
            if not any(name.startswith(s) for s in args.skip.split(",") if s)
        }
    finally:
        server.terminate()
        server.wait(timeout=10)
    report = {
        "articles": articles,
        "seconds_per_endpoint": args.seconds,
        "concurrency": args.concurrency,
        "events": annotations[0],
        "quotes": annotations[1],
        "build_seconds": built,
        "server": "marsad serve (uvicorn, 1 process), client threads on the same machine",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "endpoints": results,
    }
    if not args.no_builders:
        report["builders_ms"] = _builders(args.db)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    out = HERE / "results" / f"api-{articles}{'-' + args.label if args.label else ''}.json"
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
