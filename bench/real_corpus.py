"""A mixed corpus of real news articles for whole-pipeline benchmarks.

English: every article of the three public geoparsing corpora (LGL, TR-News, GeoVirus:
local and international news, read with ``marsad.eval.geo``; 935 articles, ~900
characters each; with headline and address where the corpus gives them, 706, and the
publication day, 694). Arabic: the Arabic event gold sentences (Asharq Al-Awsat newswire)
regrouped into their source documents (the record id without its ``-N`` sentence
number), sentences in their original order; the gold keeps only a few sentences of each
document, so consecutive documents are packed into one article until it holds at least
``AR_MIN_CHARS``, giving ~280 articles. Nothing is varied. Output: JSON Lines with
``id``, ``text``, ``lang`` (and ``title``, ``url``, ``published``) for ``marsad extract -``.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from marsad.eval.geo import corpus_files, read_corpus

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
AR_MIN_CHARS = 900


def english(data: Path = SHARED) -> list[dict[str, str]]:
    out = []
    for path in corpus_files(data):
        articles, _ = read_corpus(path)
        about = _metadata(path)
        for a in articles:
            out.append({"id": f"{path.stem}-{a.id}", "text": a.text, "lang": "en"})
            out[-1].update(about.get(a.id, {}))
    return [a for a in out if a["text"].strip()]


def _metadata(path: Path) -> dict[str, dict[str, str]]:
    """Headline, address and publication day of the articles that carry them (LGL and
    TR-News give ``title``, ``url`` and ``dltime``, the time the feed was read; GeoVirus
    none), by document id."""
    out: dict[str, dict[str, str]] = {}
    for node in ET.parse(path).getroot().iter("article"):
        fields = {
            "title": (node.findtext("title") or "").strip(),
            "url": (node.findtext("url") or "").strip(),
            "published": (node.findtext("dltime") or "").strip()[:10],
        }
        if node.get("docid"):
            out[node.get("docid") or ""] = {k: v for k, v in fields.items() if v}
    return out


def arabic(data: Path = SHARED) -> list[dict[str, str]]:
    docs: dict[str, dict[int, str]] = {}
    for name in ("assault_dev.csv", "protest_dev.csv"):
        with (data / "plover_gsr_ar" / name).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                doc, _, number = row["id"].rpartition("-")
                if number.isdigit():  # a few records carry a hash id and no document
                    docs.setdefault(doc, {})[int(number)] = row["text"].strip()
    out: list[dict[str, str]] = []
    parts: list[str] = []
    for doc, sentences in sorted(docs.items()):
        parts.append(" ".join(sentences[k] for k in sorted(sentences)))
        if sum(map(len, parts)) >= AR_MIN_CHARS:
            out.append({"id": doc, "text": "\n\n".join(parts), "lang": "ar"})
            parts = []
    return out


def mixed(data: Path = SHARED) -> list[dict[str, str]]:
    """English and Arabic interleaved in a fixed order, so any prefix is mixed too."""
    en, ar = english(data), arabic(data)
    out: list[dict[str, str]] = []
    step = max(1, round(len(en) / max(1, len(ar))))
    for i, article in enumerate(en):
        out.append(article)
        if i % step == step - 1 and ar:
            out.append(ar.pop(0))
    return out + ar


def write_jsonl(path: Path, articles: list[dict[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for record in articles:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
