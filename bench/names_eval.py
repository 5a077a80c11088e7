"""Cross-script name matching on ANETAC dev: pick the English name of each Arabic name
among 50 candidates (the true one and 49 dev names drawn with a fixed seed).

    python bench/names_eval.py [--data ../shared/data] [--misses 20]

Prints JSON: accuracy@1, accuracy@5, names/s (Arabic names ranked per second, keys
computed on the way) and comparisons/s: cold (keys computed on the way), warm (keys
cached, as when the names of one story are compared again and again) and for pairs of
strings never seen before (single names, and 3-part against 2-part names).
``--candidates 1003`` ranks among all dev names, a harder test. "kb" ranks the names of
the shipped knowledge base's people and places across languages (in-domain).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import yaml

from marsad.names import keys
from marsad.names.evaluate import candidate_lists, ranking_accuracy
from marsad.names.keys import name_key
from marsad.names.score import key_similarity, similarity

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _uncached_rate(pairs: list[tuple[str, str]]) -> float:
    keys._keys.cache_clear()
    name_key.cache_clear()
    start = time.perf_counter()
    for a, b in pairs:
        similarity(a, b)
    return len(pairs) / (time.perf_counter() - start)


def kb_accuracy(source: str, target: str) -> dict[str, float | int]:
    """In-domain check on the shipped knowledge base: each person's and place's first
    name in ``source`` language, ranked among all names in ``target`` of all of them.
    Some names are translations, not transliterations (Germany / ألمانيا, "Hasakah
    Governorate" / محافظة الحسكة): a floor for what matching alone can reach."""
    from marsad.kb import shipped_paths

    entries = []
    for path in shipped_paths():
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if isinstance(entry, dict) and entry.get("type") in ("PER", "GPE", "LOC"):
                entries.append(entry["names"])
    candidates = [
        (i, name_key(name)) for i, names in enumerate(entries) for name in names.get(target, [])
    ]
    hits = queries = 0
    for i, names in enumerate(entries):
        if names.get(source):
            key = name_key(names[source][0])
            best = max(candidates, key=lambda c: key_similarity(key, c[1]))
            hits += best[0] == i
            queries += 1
    return {"queries": queries, "accuracy@1": round(hits / queries, 4) if queries else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--candidates", type=int, default=50)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--misses", type=int, default=0, help="also list N misses")
    args = parser.parse_args()

    ar = _lines(args.data / "anetac" / f"{args.split}.ar")
    en = _lines(args.data / "anetac" / f"{args.split}.en")
    n = min(len(ar), len(en))
    ar, en = ar[:n], en[:n]

    candidates = candidate_lists(en, args.candidates, args.seed)
    keys._keys.cache_clear()
    name_key.cache_clear()
    start = time.perf_counter()
    result = ranking_accuracy(ar, en, candidates)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    ranking_accuracy(ar, en, candidates)
    warm = time.perf_counter() - start

    # Strings never seen before, through the public entry point: the slowest honest case.
    pairs = [(ar[i], en[(i * 7 + 3) % n]) for i in range(n)]
    uncached = _uncached_rate(pairs)
    # Person-like names of 2-3 parts, both sides new: "A B C" against "X Y".
    multi = [
        (" ".join(ar[(i + k * 101) % n] for k in range(3)), f"{en[(i * 3) % n]} {en[i]}")
        for i in range(n)
    ]
    uncached_multi = _uncached_rate(multi)

    report = {
        "split": args.split,
        "names": result.n,
        "candidates": args.candidates,
        "accuracy@1": round(result.accuracy_at_1, 4),
        "accuracy@5": round(result.accuracy_at_5, 4),
        "names/s": round(result.n / cold, 1),
        "comparisons/s": {
            "cold": round(result.comparisons / cold),
            "warm": round(result.comparisons / warm),
            "uncached_pairs": round(uncached),
            "uncached_3_vs_2_token_pairs": round(uncached_multi),
        },
    }
    report["kb"] = {
        f"{a}->{b}": kb_accuracy(a, b) for a, b in (("ar", "en"), ("en", "ar"), ("ku", "ar"))
    }
    if args.misses:
        report["misses"] = [list(m) for m in result.misses[: args.misses]]
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
