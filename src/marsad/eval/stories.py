"""How well articles are grouped into stories, on real reports grouped by hand.

The dev set (``tests/stories/data/news_dev.jsonl``, described in its README) holds English
and Arabic reports of 45 stories from about 200 outlets, with near-neighbour stories as hard
negatives. Each record goes through the full pipeline (the ``extract`` path: clean text,
its title, outlet and date as hints), then through ``Clusterer.assign`` over an index in
memory, in file order.

``part`` picks a split fixed by a hash of the record id before any threshold was tuned:
``held-out`` is one record in three, ``tune`` the rest, ``all`` both. Only the chosen
records are clustered, so held-out figures never see a tuning record.

Reported per language pair (``en-en``, ``ar-ar``, ``ar-en``) and overall: pairwise
precision/recall/F1 of "same story" and B-cubed precision/recall/F1 (for a language pair,
each article's cluster and gold story are read over the articles of the other language of
the pair, plus itself).
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from marsad.ops import process_stream
from marsad.stories.cluster import Clusterer
from marsad.stories.index import MemoryIndex
from marsad.types import Article

DEV_FILE = Path(__file__).resolve().parents[3] / "tests" / "stories" / "data" / "news_dev.jsonl"
PARTS = ("all", "tune", "held-out")
_HELD_OUT_EVERY = 3
LANG_PAIRS = ("en-en", "ar-ar", "ar-en")


@dataclass(frozen=True, slots=True)
class DevRecord:
    id: str
    story: str
    lang: str
    line: str  # the JSON line, as the stateless filter reads it


def load(path: Path = DEV_FILE) -> list[DevRecord]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            out.append(DevRecord(obj["id"], obj["story"], obj["lang"], line))
    return out


def held_out(record_id: str) -> bool:
    return zlib.crc32(record_id.encode("utf-8")) % _HELD_OUT_EVERY == 0


def split(records: Iterable[DevRecord], part: str) -> list[DevRecord]:
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    if part == "all":
        return list(records)
    return [r for r in records if held_out(r.id) == (part == "held-out")]


def process(
    records: Sequence[DevRecord], progress: Callable[[int], object] | None = None
) -> list[Article]:
    """The records through the full pipeline, ids kept; ``progress(1)`` after each."""
    out = []
    for article in process_stream(io.BytesIO("\n".join(r.line for r in records).encode())):
        out.append(article)
        if progress:
            progress(1)
    return out


def assign(articles: Sequence[Article], clusterer: Clusterer | None = None) -> dict[str, str]:
    """Article id -> story id, over an index in memory, in order."""
    clusterer = clusterer or Clusterer()
    index = MemoryIndex()
    index.apply(clusterer.assign(articles, index))
    return {a.id: index.resolve(a.story_id or a.id) for a in articles}


def evaluate_stories(
    part: str = "held-out",
    clusterer: Clusterer | None = None,
    path: Path = DEV_FILE,
    progress: Callable[[int], object] | None = None,
) -> dict[str, Any]:
    """Figures for ``part`` of the dev set; ``baseline`` is every article alone."""
    records = split(load(path), part)
    got = assign(process(records, progress), clusterer)
    alone = score(records, {r.id: r.id for r in records})
    return {
        "part": part,
        "articles": len(records),
        **score(records, got),
        "baseline_alone_bcubed_f1": alone["all"]["bcubed"]["f1"],
    }


def score(records: Sequence[DevRecord], got: dict[str, str]) -> dict[str, Any]:
    gold = {r.id: r.story for r in records}
    lang = {r.id: r.lang for r in records}
    out: dict[str, Any] = {"stories": len(set(gold.values()))}
    for pair in (*LANG_PAIRS, "all"):
        out[pair] = {
            "pairwise": _pairwise(gold, got, lang, pair),
            "bcubed": _bcubed(gold, got, lang, pair),
        }
    return out


def _in_pair(a: str, b: str, pair: str) -> bool:
    return pair == "all" or "-".join(sorted((a, b))) == pair


def _pairwise(
    gold: dict[str, str], got: dict[str, str], lang: dict[str, str], pair: str
) -> dict[str, float | int]:
    tp = predicted = true = 0
    for a, b in combinations(sorted(gold), 2):
        if not _in_pair(lang[a], lang[b], pair):
            continue
        same_gold, same_got = gold[a] == gold[b], got.get(a) == got.get(b)
        tp += same_gold and same_got
        predicted += same_got
        true += same_gold
    return _prf(tp, predicted, tp, true) | {"true_pairs": true, "predicted_pairs": predicted}


def _bcubed(
    gold: dict[str, str], got: dict[str, str], lang: dict[str, str], pair: str
) -> dict[str, float | int]:
    precisions, recalls = [], []
    for i in gold:
        if pair != "all" and lang[i] not in pair.split("-"):
            continue
        others = [j for j in gold if j == i or _in_pair(lang[i], lang[j], pair)]
        cluster = {j for j in others if got.get(j) == got.get(i)}
        story = {j for j in others if gold[j] == gold[i]}
        precisions.append(len(cluster & story) / len(cluster))
        recalls.append(len(cluster & story) / len(story))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(_f1(p, r), 3)}


def _prf(tp_p: int, predicted: int, tp_r: int, true: int) -> dict[str, float | int]:
    p = tp_p / predicted if predicted else 1.0
    r = tp_r / true if true else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(_f1(p, r), 3)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0
