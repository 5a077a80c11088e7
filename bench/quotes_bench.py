"""Speed of the quotes stage, and what it finds, on the sample articles.

Usage: python bench/quotes_bench.py [--seconds 2]

The articles run through the default stages once; then ``find_quotes`` alone is timed
(best of three rounds). Prints one JSON object: per seed, the number of direct and
reported quotes and of quotes with no speaker; overall ms per article and quotes/s; and
the cost of a 10x longer pathological input over 1x (about 10 means linear).
"""

from __future__ import annotations

import argparse
import json
import platform
import time

import marsad
from marsad.quotes import find_quotes
from marsad.sample import sample_dir
from marsad.types import Article, Paragraph, Sentence


def _best(articles: list[Article], seconds: float) -> float:
    best = float("inf")
    for _ in range(3):
        rounds, began = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - began) < seconds / 3 or rounds == 0:
            for article in articles:
                find_quotes(article)
            rounds += 1
        best = min(best, elapsed / rounds)
    return best


def _plain(text: str, lang: str) -> Article:
    article = Article(id="b", source="bench", raw=b"", raw_text=text, text=text, lang=lang)
    article.paragraphs = [Paragraph(0, len(text), lang)]
    article.sentences = [Sentence(0, len(text))]
    return article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    pipeline = marsad.load_pipeline()
    articles = [pipeline(p.read_text(encoding="utf-8")) for p in sorted(sample_dir().glob("*.txt"))]
    seeds = {}
    total = 0
    for path, article in zip(sorted(sample_dir().glob("*.txt")), articles, strict=True):
        quotes = find_quotes(article)
        total += len(quotes)
        seeds[path.name[:3]] = {
            "lang": article.lang,
            "direct": sum(q.direct for q in quotes),
            "reported": sum(not q.direct for q in quotes),
            "no_speaker": sum(q.speaker is None for q in quotes),
        }
    best = _best(articles, args.seconds)
    cases = {
        "unbalanced_quotes_en": ("He said: “ it is so. " * 200, "en"),
        "speech_verbs_ar": ("وقال إن الوضع خطير، مؤكداً أن " * 200, "ar"),
    }
    scaling = {}
    for name, (text, lang) in cases.items():
        small, large = _plain(text, lang), _plain(text * 10, lang)
        scaling[name] = round(_best([large], 0.3) / _best([small], 0.3), 1)
    result = {
        "python": platform.python_version(),
        "seeds": seeds,
        "ms_per_article": round(best / len(articles) * 1000, 3),
        "articles_per_s": round(len(articles) / best, 1),
        "quotes_per_s": round(total / best, 1),
        "scaling_10x": scaling,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
