"""How well the HTML path of the clean stage finds an article's body, against plain trafilatura.

Data: scrapinghub's article-extraction-benchmark layout, ``ground-truth.json`` (page id ->
``{"articleBody": ...}``) beside ``html/<id>.html.gz``. The metric is the benchmark's:
each page's text is a bag of ``\\w+`` tokens (``ngram=1``; the benchmark's headline
number uses 4-token shingles, ``ngram=4``); a page's true/false positives and false
negatives are normalised to sum to one, precision and recall are averaged over pages, and
F1 is taken of the two means.

Both systems read the same decoded page. Ours is scored on the body it writes after the
title, because the benchmark's bodies leave the headline out.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura
from charset_normalizer import from_bytes

from marsad.clean.stage import CleanStage
from marsad.types import Article

log = logging.getLogger(__name__)

SUBDIR = "article_extraction"
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Counts:
    """One page's overlap, normalised so that long pages weigh no more than short ones."""

    tp: float
    fp: float
    fn: float


def overlap(true: str, pred: str, ngram: int = 1) -> Counts:
    gold, got = _grams(true, ngram), _grams(pred, ngram)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    return Counts(tp / total, fp / total, fn / total) if total else Counts(0.0, 0.0, 0.0)


def _grams(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def _precision(c: Counts) -> float:
    if c.fp == c.fn == 0:
        return 1.0
    return c.tp / (c.tp + c.fp) if c.tp + c.fp else 0.0


def _recall(c: Counts) -> float:
    if c.fp == c.fn == 0:
        return 1.0
    return c.tp / (c.tp + c.fn) if c.tp + c.fn else 0.0


def summarise(pages: list[Counts]) -> dict[str, float]:
    """Mean precision (pages that predicted something), mean recall (pages with a body),
    and F1 of the two means, as the benchmark computes them."""
    p_pages = [_precision(c) for c in pages if c.tp + c.fp > 0]
    r_pages = [_recall(c) for c in pages if c.tp + c.fn > 0]
    p = statistics.mean(p_pages) if p_pages else 0.0
    r = statistics.mean(r_pages) if r_pages else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def marsad_body(html: str) -> str:
    """Our HTML path: the clean stage on an html Article, the text after the title."""
    article = Article(id="eval", source="eval", raw=b"", raw_text=html, format="html")
    CleanStage()(article)
    if article.title and article.paragraphs:
        return article.text[article.paragraphs[0].end :].lstrip("\n")
    return article.text


def trafilatura_plain(html: str) -> str:
    return trafilatura.extract(html) or ""


SYSTEMS: dict[str, Callable[[str], str]] = {
    "marsad": marsad_body,
    "trafilatura": trafilatura_plain,
}


def evaluate_extraction(data_dir: Path, limit: int | None = None, ngram: int = 1) -> dict[str, Any]:
    """Score every system on the benchmark pages under ``data_dir`` (the benchmark folder,
    or a folder holding it as ``article_extraction/``); ``limit`` takes the first pages."""
    root = data_dir / SUBDIR if (data_dir / SUBDIR).is_dir() else data_dir
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit is not None else sorted(truth)
    counts: dict[str, list[Counts]] = {name: [] for name in SYSTEMS}
    failed: Counter[str] = Counter()
    empty: Counter[str] = Counter()
    for page_id in ids:
        html = _read_page(root / "html" / f"{page_id}.html.gz")
        body = truth[page_id].get("articleBody", "")
        for name, system in SYSTEMS.items():
            try:
                pred = system(html)
            except ValueError as exc:  # a page our path refuses scores as an empty answer
                log.warning("%s failed on %s: %s", name, page_id, exc)
                failed[name] += 1
                pred = ""
            empty[name] += not pred.strip()
            counts[name].append(overlap(body, pred, ngram))
    return {
        "data": "article-extraction-benchmark",
        "metric": f"bag of {ngram}-grams of \\w+ tokens; mean P, mean R, F1 of means",
        "pages": len(ids),
        "systems": {
            name: {**summarise(c), "pages": len(c), "empty": empty[name], "failed": failed[name]}
            for name, c in counts.items()
        },
    }


def _read_page(path: Path) -> str:
    raw = gzip.decompress(path.read_bytes())
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")
