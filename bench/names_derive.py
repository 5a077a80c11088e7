"""Derive the coarse sound classes of marsad.names from aligned name pairs.

    python bench/names_derive.py [--data ../shared/data] [--write]

Reads the Wikidata Latin/Arabic name-token pairs (CC0, steveash/NETransliteration-COLING2018),
leaving out the ``wd_arabic_20`` slice so that it stays a held-out check, and

1. aligns the full keys of each pair and counts which consonant classes stand in for one
   another across scripts (g written ج, s written ز, ch written ك or خ), and reports how
   Arabic writes chosen Latin graphemes by position (the evidence for phonetic.yaml);
2. greedily merges the class pairs seen substituted most often, keeping a merge only when
   it raises accuracy@1 of picking the right Latin name among 500 (on a fixed sample);
3. prints JSON with the counts, the merges and the accuracies; ``--write`` stores the
   result in ``src/marsad/names/data/coarse.yaml``.

Only that small table is kept in the repository, never the pairs.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from dataclasses import replace
from functools import cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

import marsad.names.keys as keys_module
from marsad.names.evaluate import candidate_lists, ranking_accuracy
from marsad.names.normalize import normalize_latin

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
OUTPUT = ROOT / "src" / "marsad" / "names" / "data" / "coarse.yaml"
CONSONANTS = "BFTDZSCJGKXHLMNR"


def load_pairs(data: Path) -> list[tuple[str, str]]:
    """(Arabic, Latin) token pairs, without the held-out wd_arabic_20 slice."""
    folder = data / "wikidata_translit_ar"

    def read(name: str) -> list[tuple[str, str]]:
        rows = []
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            latin, arabic, _count = line.split("\t")
            rows.append((arabic.replace(" ", ""), latin))
        return rows

    held_out = set(read("wd_arabic_20"))
    return [p for p in read("wd_arabic.normalized.aligned.tokens") if p not in held_out]


def substitutions(pairs: list[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """How often one consonant class is aligned with another (unordered pairs)."""
    counts: Counter[tuple[str, str]] = Counter()
    for arabic, latin in pairs:
        a = keys_module.name_key(arabic).joined[0]
        b = keys_module.name_key(latin).joined[0]
        if not a or not b or Levenshtein.normalized_similarity(a, b) < 0.5:
            continue  # a misaligned pair teaches nothing about letters
        for op in Levenshtein.opcodes(b, a):
            if op.tag != "replace" or op.src_end - op.src_start != op.dest_end - op.dest_start:
                continue
            for x, y in zip(
                b[op.src_start : op.src_end], a[op.dest_start : op.dest_end], strict=True
            ):
                if x in CONSONANTS and y in CONSONANTS:
                    counts[(min(x, y), max(x, y))] += 1
    return counts


def grapheme_report(pairs: list[tuple[str, str]], graphemes: list[str]) -> dict[str, object]:
    """How each Latin grapheme is written in Arabic (as a sound class), by position:
    the evidence behind the choices in data/phonetic.yaml."""
    ph = keys_module._phonetic()
    table: dict[str, Counter[str]] = {}
    for arabic, latin_raw in pairs:
        latin = normalize_latin(latin_raw)
        segments: list[tuple[str, int]] = []  # (grapheme, offset)
        i = 0
        while i < len(latin):
            for size in range(min(ph.longest, len(latin) - i), 0, -1):
                if latin[i : i + size] in ph.graphemes:
                    segments.append((latin[i : i + size], i))
                    i += size
                    break
            else:
                i += 1
        owner = [k for k, (g, _) in enumerate(segments) for _ in ph.graphemes[g]]
        lat = "".join(ph.graphemes[g] for g, _ in segments).upper()
        arb = keys_module.arabic_classes(arabic)
        if not lat or not arb or Levenshtein.normalized_similarity(lat, arb) < 0.5:
            continue
        written = [""] * len(segments)
        for op in Levenshtein.opcodes(lat, arb):
            if op.tag in ("equal", "replace"):
                for x in range(op.src_start, op.src_end):
                    y = op.dest_start + x - op.src_start
                    written[owner[x]] += arb[y] if y < op.dest_end else ""
        for k, (g, at) in enumerate(segments):
            if g not in graphemes:
                continue
            after = latin[at + len(g) : at + len(g) + 1]
            where = "initial" if at == 0 else "final" if not after else "medial"
            if after and after in "eiy":
                where += ", before e/i/y"
            table.setdefault(f"{g} ({where})", Counter())[written[k] or "-"] += 1
    return {
        key: {cls: round(n / sum(c.values()), 2) for cls, n in c.most_common(4)}
        for key, c in sorted(table.items())
        if sum(c.values()) >= 30
    }


def use_coarse(table: dict[str, str]) -> None:
    """Make the key functions use ``table`` as their coarse classes."""
    base = keys_module._phonetic()
    patched = replace(base, coarse={ord(k): v for k, v in table.items()})
    keys_module._phonetic = cache(lambda: patched)
    _clear_caches()


def _clear_caches() -> None:
    keys_module._keys.cache_clear()
    keys_module.name_key.cache_clear()


def accuracy(sample: tuple[list[str], list[str], list[list[int]]]) -> float:
    _clear_caches()
    return ranking_accuracy(*sample).accuracy_at_1


def merged(table: dict[str, str], a: str, b: str) -> dict[str, str]:
    """``table`` with the groups of classes ``a`` and ``b`` made one."""
    ra, rb = table.get(a, a), table.get(b, b)
    if ra == rb:
        return table
    keep, drop = min(ra, rb), max(ra, rb)
    new = {k: (keep if v == drop else v) for k, v in table.items()}
    for cls in (a, b, drop):
        if new.get(cls, cls) == drop:
            new[cls] = keep
    return {k: v for k, v in new.items() if k != v}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--names", type=int, default=2000)
    parser.add_argument("--candidates", type=int, default=500)
    parser.add_argument("--min-count", type=int, default=50)
    parser.add_argument("--min-gain", type=float, default=0.002)
    parser.add_argument("--write", action="store_true")
    parser.add_argument(
        "--graphemes",
        default="g,j,ch,dh,zh,ei,ai,s,v,w",
        help="comma-separated Latin graphemes to report how Arabic writes them",
    )
    args = parser.parse_args()

    pairs = load_pairs(args.data)
    graphemes = grapheme_report(pairs, args.graphemes.split(","))
    use_coarse({})
    counts = substitutions(pairs)
    rng = random.Random(7)
    chosen = rng.sample(pairs, args.names)
    sources = [a for a, _ in chosen]
    targets = [b for _, b in chosen]
    sample = (sources, targets, candidate_lists(targets, args.candidates, seed=7))

    table: dict[str, str] = {}
    best = accuracy(sample)
    history: list[dict[str, object]] = [{"merge": None, "accuracy@1": round(best, 4)}]
    candidates = [pair for pair, n in counts.most_common() if n >= args.min_count]
    while True:
        trials = []
        for a, b in candidates:
            trial = merged(table, a, b)
            if trial == table:
                continue
            use_coarse(trial)
            trials.append((accuracy(sample), a + b, trial))
        if not trials:
            break
        score, name, trial = max(trials, key=lambda t: t[0])
        if score - best < args.min_gain:
            break
        table, best = trial, score
        history.append({"merge": name, "accuracy@1": round(score, 4)})

    print(
        json.dumps(
            {
                "pairs": len(pairs),
                "substitutions": {a + b: n for (a, b), n in counts.most_common(20)},
                "graphemes": graphemes,
                "steps": history,
                "coarse": dict(sorted(table.items())),
            },
            indent=2,
        )
    )
    if args.write:
        lines = [
            "# Coarse sound classes: consonant classes merged for the third key.",
            "# Generated by bench/names_derive.py from the Wikidata name-token pairs",
            "# (CC0; the wd_arabic_20 slice left out); do not edit by hand.",
            f"# accuracy@1 among {args.candidates} on {args.names} pairs: "
            f"{history[0]['accuracy@1']} without merges, {history[-1]['accuracy@1']} with.",
            "coarse:",
            *(f"  {k}: {v}" for k, v in sorted(table.items())),
        ]
        OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
