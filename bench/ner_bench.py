"""Speed of the ``mentions`` stage per article, and (with --eval) its NER scores.

    .venv/bin/python bench/ner_bench.py                      # speed on the sample corpus
    .venv/bin/python bench/ner_bench.py --eval ../shared/data  # + held-out NER scores

Prints one JSON object. Speed is measured on the five seed articles after the earlier
stages have run (clean, metadata, lang, sentences), with the models already loaded; the
one-time load (KB, gazetteer, NER models) is reported apart. ``spacy_small_alone`` is
spaCy's stock small English NER with Marsad's label map and nothing else, for comparison.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import marsad
from marsad.entities.recognize import Recognizer
from marsad.entities.recognize.spacy_ner import spacy_entities
from marsad.entities.recognize.stage import MentionStage
from marsad.eval.ner import evaluate_ner
from marsad.sample import sample_dir
from marsad.types import Article, Mention


def _articles() -> list[Article]:
    nlp = marsad.load_pipeline(["clean", "metadata", "lang", "sentences"])
    return [nlp(p.read_text(encoding="utf-8")) for p in sorted(sample_dir().glob("*.txt"))]


def _speed(stage: MentionStage, articles: list[Article], rounds: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for lang in ("en", "ar"):
        chosen = [a for a in articles if a.lang == lang]
        times: list[float] = []
        for _ in range(rounds):
            for article in chosen:
                began = time.perf_counter()
                stage(article)
                times.append(time.perf_counter() - began)
        chars = sum(len(a.text) for a in chosen) * rounds
        out[lang] = {
            "articles": len(chosen),
            "median_ms": round(statistics.median(times) * 1000, 2),
            "articles_per_s": round(len(times) / sum(times), 1),
            "chars_per_s": round(chars / sum(times)),
        }
    return out


def _spacy_only(article: Article) -> list[Mention]:
    return [c.to_mention() for c in spacy_entities(article.text)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--eval", type=Path, help="the shared data folder (conll2003_en, anercorp)")
    args = parser.parse_args(argv)

    articles = _articles()
    began = time.perf_counter()
    stage = MentionStage(Recognizer())
    stage(articles[0])
    load_s = time.perf_counter() - began
    result: dict[str, Any] = {
        "load_s": round(load_s, 2),
        "kb+model+rules": _speed(stage, articles, args.rounds),
        "kb+rules (no model)": _speed(MentionStage(Recognizer(model=False)), articles, args.rounds),
    }
    if args.eval:
        fane = args.eval / "wikifane_ar" / "WikiFANE_2014_Gold_standard"
        gold = {
            "en": [args.eval / "conll2003_en" / "dev.conll"],
            "ar": [args.eval / "anercorp" / "dev.txt", fane / "NewsFANE_Gold_2014_170K.txt"],
        }
        # Held-out parts only: the tune parts picked the epochs and the merge rules.
        result["eval_held_out"] = {
            f"{lang}:{path.name}": evaluate_ner(path, lang, predict=stage.predict, part="held-out")
            for lang, paths in gold.items()
            for path in paths
        }
        result["eval_held_out"]["en:spacy_small_alone"] = evaluate_ner(
            gold["en"][0], "en", predict=_spacy_only, part="held-out"
        )
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
