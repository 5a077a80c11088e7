"""Our sentence splitter against pysbd on the sample articles.

Usage: python bench/sentences_bench.py [--seconds 2]

Paragraphs are the blank-line blocks of each sample article (what the clean stage keeps,
give or take the navigation lines). Prints one JSON object:

- ``speed``: sentences/s and articles/s of each splitter over the English samples (one
  core, the splitter alone, best of three timed rounds);
- ``agreement_en``: precision, recall and F1 of our sentence boundaries against pysbd's,
  counting boundaries inside paragraphs only (paragraph ends agree by construction);
- ``pysbd_extra_ar``: on the Arabic samples, the boundaries pysbd makes and we do not,
  counted by the character before them, with a few examples;
- ``gold`` (when ``../shared/data`` is beside the repository): on the PLOVER gold
  sentences, how many single gold sentences each splitter cuts (Arabic, English), and
  boundary precision/recall/F1 on English gold sentences joined five to a paragraph.

Needs the dev extra (``pip install -e '.[dev]'``) for pysbd.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pysbd

from marsad.sample import sample_dir
from marsad.segment.splitter import split_sentences

ENGLISH = ("000", "002", "004")
ARABIC = ("001", "003")
_PARAGRAPH = re.compile(r"\S(?:(?!\n[ \t]*\n).)*", re.S)

Spans = list[tuple[int, int]]
Splitter = Callable[[str, int, int], Spans]


def paragraphs(text: str) -> Spans:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def ours(lang: str) -> Splitter:
    def split(text: str, start: int, end: int) -> Spans:
        return [(s.start, s.end) for s in split_sentences(text, start, end, lang)]

    return split


def pysbd_splitter(lang: str) -> Splitter:
    segmenter = pysbd.Segmenter(language=lang, clean=False, char_span=True)

    def split(text: str, start: int, end: int) -> Spans:
        spans = []
        for span in segmenter.segment(text[start:end]):
            stripped = span.sent.rstrip()
            if stripped.strip():
                spans.append((start + span.start, start + span.start + len(stripped)))
        return spans

    return split


def inner_ends(split: Splitter, text: str) -> set[int]:
    """Sentence ends that are not paragraph ends."""
    ends: set[int] = set()
    for start, end in paragraphs(text):
        ends.update(e for _, e in split(text, start, end)[:-1])
    return ends


def timed(split: Splitter, texts: list[str], seconds: float) -> dict[str, float]:
    spans = [paragraphs(t) for t in texts]
    sentences = sum(len(split(t, s, e)) for t, ps in zip(texts, spans, strict=True) for s, e in ps)
    best = float("inf")
    for _ in range(3):
        rounds, began = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - began) < seconds / 3 or rounds == 0:
            for text, para in zip(texts, spans, strict=True):
                for s, e in para:
                    split(text, s, e)
            rounds += 1
        best = min(best, elapsed / rounds)
    return {
        "articles_per_s": round(len(texts) / best, 1),
        "sentences_per_s": round(sentences / best, 1),
        "ms_per_article": round(best / len(texts) * 1000, 3),
        "sentences": sentences,
    }


def agreement(texts: list[str]) -> dict[str, object]:
    tp = fp = fn = 0
    differ: list[str] = []
    for text in texts:
        a, b = inner_ends(ours("en"), text), inner_ends(pysbd_splitter("en"), text)
        tp, fp, fn = tp + len(a & b), fp + len(a - b), fn + len(b - a)
        differ += [f"ours: {_context(text, end)}" for end in sorted(a - b)]
        differ += [f"pysbd: {_context(text, end)}" for end in sorted(b - a)]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "ours_only": fp,
        "pysbd_only": fn,
        "both": tp,
        "disagreements": differ,
    }


def pysbd_extra(texts: list[str]) -> dict[str, object]:
    before: Counter[str] = Counter()
    examples: list[str] = []
    total = 0
    for text in texts:
        extra = inner_ends(pysbd_splitter("ar"), text) - inner_ends(ours("ar"), text)
        total += len(extra)
        for end in sorted(extra):
            mark = text[end - 1]
            before[mark if not mark.isalpha() else "letter"] += 1
            if len(examples) < 6:
                examples.append(_context(text, end))
    return {"boundaries": total, "by_char_before": dict(before.most_common()), "examples": examples}


def gold(shared: Path) -> dict[str, object]:
    """Scores on gold sentences; empty when the shared data is not there."""
    ar_files = sorted((shared / "plover_gsr_ar").glob("*_dev.csv"))
    en_file = shared / "plover_gsr_en" / "dev.json"
    if not (ar_files and en_file.is_file()):
        return {}
    by_id: dict[str, str] = {}  # the two Arabic files share some sentences
    for path in ar_files:
        with path.open(encoding="utf-8") as fh:
            by_id.update((row["id"], row["text"].strip()) for row in csv.DictReader(fh))
    arabic = list(by_id.values())
    english = [r["text"].strip() for r in json.loads(en_file.read_text(encoding="utf-8"))]
    result: dict[str, object] = {"ar_sentences": len(arabic), "en_sentences": len(english)}
    for name, make in (("ours", ours), ("pysbd", pysbd_splitter)):
        result[f"{name}_cuts_ar_gold_sentence"] = _cut(make("ar"), arabic)
        result[f"{name}_cuts_en_gold_sentence"] = _cut(make("en"), english)
        result[f"{name}_en_joined"] = _joined(make("en"), english, 5)
    return result


def _cut(split: Splitter, sentences: list[str]) -> int:
    return sum(1 for s in sentences if len(split(s, 0, len(s))) > 1)


def _joined(split: Splitter, sentences: list[str], size: int) -> dict[str, float]:
    tp = fp = fn = 0
    for i in range(0, len(sentences), size):
        group = sentences[i : i + size]
        text = " ".join(group)
        ends = [sum(len(s) + 1 for s in group[: k + 1]) - 1 for k in range(len(group) - 1)]
        truth, found = set(ends), {e for _, e in split(text, 0, len(text))[:-1]}
        tp, fp, fn = tp + len(truth & found), fp + len(found - truth), fn + len(truth - found)
    precision, recall = tp / ((tp + fp) or 1), tp / ((tp + fn) or 1)
    f1 = 2 * precision * recall / ((precision + recall) or 1)
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def _context(text: str, end: int) -> str:
    return f"…{text[max(end - 30, 0) : end]}‖{text[end : end + 20]}…".replace("\n", "⏎")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per splitter")
    parser.add_argument(
        "--shared",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared" / "data",
        help="the shared gold data folder (skipped when absent)",
    )
    args = parser.parse_args()
    seeds = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(sample_dir().glob("*.txt"))}
    english = [seeds[k] for k in ENGLISH]
    arabic = [seeds[k] for k in ARABIC]
    result = {
        "python": platform.python_version(),
        "pysbd": getattr(pysbd, "__version__", "?"),
        "speed_en": {
            "ours": timed(ours("en"), english, args.seconds),
            "pysbd": timed(pysbd_splitter("en"), english, args.seconds),
        },
        "speed_ar": {
            "ours": timed(ours("ar"), arabic, args.seconds),
            "pysbd": timed(pysbd_splitter("ar"), arabic, args.seconds),
        },
        "agreement_en": agreement(english),
        "pysbd_extra_ar": pysbd_extra(arabic),
        "pysbd_seed_004_ms": round(_one_article_ms(seeds["004"]), 2),
        "gold": gold(args.shared),
        "scaling": scaling(),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))


def scaling() -> dict[str, float]:
    """Cost of 10x the text over the cost of 1x, on pathological inputs (about 10 means
    linear; a quadratic step would show about 100)."""
    cases = {
        "no_punctuation": "word " * 2000,
        "all_dots": ". " * 2000,
        "unbalanced_quotes": "“ he said. " * 500,
        "arabic_commas": "قال، " * 2000,
    }
    ratios = {}
    for name, small in cases.items():
        ratios[name] = round(_best(small * 10) / _best(small), 1)
    return ratios


def _best(text: str) -> float:
    runs = []
    for _ in range(3):
        began = time.perf_counter()
        split_sentences(text, 0, len(text), "en")
        runs.append(time.perf_counter() - began)
    return min(runs)


def _one_article_ms(text: str) -> float:
    """pysbd on one whole article, as the ingest path would call it."""
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    began = time.perf_counter()
    for _ in range(10):
        segmenter.segment(text)
    return (time.perf_counter() - began) / 10 * 1000


if __name__ == "__main__":
    main()
