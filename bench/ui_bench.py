"""Server time of every web page on a store, in both interfaces.

Usage: python bench/ui_bench.py --db STORE [--repeat 5] [--label NAME]

Serves the store in this process (uvicorn on a free loopback port, as the browser tests
do) and asks each page ``--repeat`` times after one warm-up request, one request at a
time; reports the median and the slowest in milliseconds, and the size of the HTML. The
pages are those of the browser suite: home, a search, the biggest story, the longest
English and Arabic articles, the most mentioned entity (its first page), the timeline and
the map (whole and filtered), each with ``ui=en`` and ``ui=ar``. Writes
bench/results/ui-<articles>[-label].json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from live_server import live_server  # noqa: E402

from marsad.api.app import create_app  # noqa: E402
from marsad.entities.views import list_entities  # noqa: E402
from marsad.store import open_store  # noqa: E402
from marsad.web.stories import listed_stories  # noqa: E402


def pages_of(db: Path) -> tuple[int, dict[str, str]]:
    with open_store(db) as store:
        articles = store.stats().articles
        top = list_entities(store, limit=1)[0]
        stories, _ = listed_stories(store, 500, 0)
        biggest = max(stories, key=lambda s: len(s.headlines))
        longest: dict[str, tuple[str, int]] = {}
        for i, article in enumerate(store.iter_articles()):
            lang = article.lang or "?"
            if len(article.text) > longest.get(lang, ("", 0))[1]:
                longest[lang] = (article.id, len(article.text))
            if i >= 3000:  # enough to find long ones without reading a huge store
                break
    paths = {
        "home": "/",
        "search": "/?q=Syria",
        "story": f"/stories/{biggest.id}",
        "entity": f"/entities/{top.id}",
        "timeline": "/timeline",
        "map": "/map",
        "map-assault": "/map?event_type=ASSAULT",
    }
    for lang in ("en", "ar"):
        if lang in longest:
            paths[f"article-{lang}"] = f"/articles/{longest[lang][0]}"
    return articles, paths


def measure(url: str, paths: dict[str, str], repeat: int) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    with httpx.Client(base_url=url, timeout=120) as client:
        for name, path in paths.items():
            for ui in ("en", "ar"):
                full = path + ("&" if "?" in path else "?") + f"ui={ui}"
                client.get(full)  # warm-up: caches, first use of the search index
                times = []
                size = 0
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    response = client.get(full)
                    times.append((time.perf_counter() - t0) * 1000)
                    size = len(response.content)
                    response.raise_for_status()
                out[f"{name} ({ui})"] = {
                    "median_ms": round(statistics.median(times), 1),
                    "max_ms": round(max(times), 1),
                    "html_kb": round(size / 1024, 1),
                }
                print(name, ui, out[f"{name} ({ui})"], file=sys.stderr)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    articles, paths = pages_of(args.db)
    load_before = os.getloadavg()[0]
    with live_server(create_app(str(args.db))) as url:
        results = measure(url, paths, args.repeat)
    report = {
        "articles": articles,
        "repeat": args.repeat,
        "paths": paths,
        "pages": results,
        "load_before_after": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
    }
    name = f"ui-{articles}" + (f"-{args.label}" if args.label else "") + ".json"
    out = HERE / "results" / name
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
