"""Speed of the events stage on the seed articles (pipeline output reused), as JSON.

Run by hand: ``python bench/events_bench.py [repeats]``.
"""

from __future__ import annotations

import json
import sys
import time

import marsad
from marsad.events.stage import EventsStage
from marsad.sample import sample_dir


def main(repeats: int = 50) -> dict[str, object]:
    pipeline = marsad.load_pipeline()
    articles = [pipeline(p.read_text(encoding="utf-8")) for p in sorted(sample_dir().glob("*.txt"))]
    stage = EventsStage()
    began = time.perf_counter()
    events = 0
    for _ in range(repeats):
        for article in articles:
            events += len(stage.code(article))
    seconds = time.perf_counter() - began
    n = repeats * len(articles)
    chars = repeats * sum(len(a.text) for a in articles)
    return {
        "articles": n,
        "events_per_article": round(events / n, 2),
        "ms_per_article": round(1000 * seconds / n, 3),
        "chars_per_s": round(chars / seconds),
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)))
