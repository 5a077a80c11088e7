"""The entity registry: cost per ``resolve`` at 1k/10k/100k known people, and how the
part threshold trades merges of one person against merges of two.

    python bench/link_bench.py [--data ../shared/data] [--sizes 1000,10000,100000]
                               [--queries 1000] [--no-sweep]

People are two-part names. With the shared data present, the parts are ANETAC train name
pairs (Latin and Arabic spellings of one name), so every person has an Arabic twin; given
names are drawn from a small pool with Zipf weights (many people share a given name, as
many are called Mohammed), family names from the rest. Without the data, parts are made
from syllables and only the cost is measured.

At each size, after the registry is filled, four kinds of query are timed and judged:

- ``twin``: the Arabic spelling of a known person: must resolve to that person;
- ``new``: a person never seen: must get a new id;
- ``same_given``: a known given name with an unseen family name: must get a new id;
- ``family_alone``: a known person's family name alone, in Arabic: may resolve to that
  person (when the name is distinctive and nobody else shares it), must never resolve to
  another one.

The sweep tries pairs of thresholds (``MatchConfig.part`` across scripts, ``same_script``
within one) on data never used to build anything:

- ``arabic_full_name`` / ``arabic_family_alone``: ANETAC dev people in Latin script among
  10k train people; their Arabic full names, or family names alone, resolved: ``right`` /
  ``wrong`` (merged with another person) / ``new``;
- ``given_names``: the hand-made spelling groups of tests/names/data/variants.yaml, each
  given name with one family name: spellings of one name merged (one script, two
  scripts), spellings of two names merged (must stay near 0);
- ``latin_same_given_merged``: a train person's given name with a dev family name nobody
  has, merged with someone (must stay near 0; ANETAC's near-duplicate spellings make it
  a harsh test).

Prints JSON and writes it to bench/results/link.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import resource
import statistics
import time
from pathlib import Path

import yaml

from marsad.entities.matching import MatchConfig
from marsad.entities.registry import EntityRegistry
from marsad.names import is_arabic

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parents[0].parent / "shared" / "data"
GIVEN_POOL = 600
SEED = 7

Person = tuple[str, str, str, str]  # given (Latin), family (Latin), given (Arabic), family (Arabic)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def anetac_parts(data: Path, split: str) -> list[tuple[str, str]]:
    en = _lines(data / "anetac" / f"{split}.en")
    ar = _lines(data / "anetac" / f"{split}.ar")
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for latin, arabic in zip(en, ar, strict=False):
        latin, arabic = latin.strip(), arabic.strip()
        # One part per name: multi-word entries would blur two-part people.
        if latin and arabic and " " not in latin and " " not in arabic and latin not in seen:
            seen.add(latin)
            out.append((latin, arabic))
    return out


def synthetic_parts(n: int, rng: random.Random) -> list[tuple[str, str]]:
    syllables = [c + v for c in "bdfghjklmnprstvz" for v in ("a", "e", "i", "o", "u", "ou")]
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    while len(out) < n:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
        if word not in seen:
            seen.add(word)
            out.append((word, ""))
    return out


def people(parts: list[tuple[str, str]], n: int, rng: random.Random) -> list[Person]:
    """``n`` distinct two-part people; given names Zipf-drawn from the first parts."""
    pool, families = parts[:GIVEN_POOL], parts[GIVEN_POOL:]
    weights = [1.0 / (rank + 1) for rank in range(len(pool))]
    out: list[Person] = []
    seen: set[tuple[str, str]] = set()
    while len(out) < n:
        given = rng.choices(pool, weights)[0]
        family = rng.choice(families)
        if (given[0], family[0]) in seen:
            continue
        seen.add((given[0], family[0]))
        out.append((given[0], family[0], given[1], family[1]))
    return out


def _timed(registry: EntityRegistry, names: list[str], scope: str) -> tuple[list[str], list[float]]:
    ids: list[str] = []
    micros: list[float] = []
    for i, name in enumerate(names):
        start = time.perf_counter()
        entity_id, _ = registry.resolve(name, "PER", "und", scope=f"{scope}{i}")
        micros.append((time.perf_counter() - start) * 1e6)
        ids.append(entity_id)
    return ids, micros


def _stats(micros: list[float]) -> dict[str, float]:
    ordered = sorted(micros)
    return {
        "mean_us": round(statistics.fmean(ordered), 1),
        "p50_us": round(ordered[len(ordered) // 2], 1),
        "p95_us": round(ordered[int(len(ordered) * 0.95)], 1),
        "p99_us": round(ordered[int(len(ordered) * 0.99)], 1),
    }


def run_size(
    size: int, parts: list[tuple[str, str]], fresh: list[tuple[str, str]], queries: int
) -> dict[str, object]:
    rng = random.Random(SEED + size)
    crowd = people(parts, size, rng)
    registry = EntityRegistry()
    gc.collect()
    start = time.perf_counter()
    known_ids = [
        registry.resolve(f"{p[0]} {p[1]}", "PER", "en", scope=f"b{i}")[0]
        for i, p in enumerate(crowd)
    ]
    build = time.perf_counter() - start
    out: dict[str, object] = {
        "registry_size": len(registry),
        "build_us_per_resolve": round(build / size * 1e6, 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    sample = rng.sample(range(size), min(queries, size))
    have_arabic = bool(crowd[0][2])
    if have_arabic:
        ids, micros = _timed(registry, [f"{crowd[i][2]} {crowd[i][3]}" for i in sample], "t")
        right = sum(known_ids[i] == got for i, got in zip(sample, ids, strict=True))
        out["twin"] = {**_stats(micros), "right": round(right / len(sample), 4)}
    # Unseen people: given names from the pool, family names never used for the crowd.
    pool = [(p[0], p[2]) for p in crowd[: min(size, GIVEN_POOL)]]
    newcomers = [f"{rng.choice(pool)[0]} {fresh[k % len(fresh)][0]}" for k in range(queries)]
    before = len(registry)
    known = set(known_ids)
    ids, micros = _timed(registry, newcomers, "n")
    apart = sum(got not in known for got in ids)
    out["new"] = {**_stats(micros), "kept_apart": round(apart / len(ids), 4)}
    out["registry_grew_by"] = len(registry) - before
    same_given = [f"{crowd[i][0]} {fresh[-1 - k][0]}" for k, i in enumerate(sample)]
    ids, micros = _timed(registry, same_given, "g")
    merged = sum(got in known for got in ids)
    out["same_given"] = {**_stats(micros), "wrongly_merged": round(merged / len(sample), 4)}
    column = 3 if have_arabic else 1
    ids, micros = _timed(registry, [crowd[i][column] for i in sample], "f")
    right = sum(known_ids[i] == got for i, got in zip(sample, ids, strict=True))
    wrong = sum(got in known and known_ids[i] != got for i, got in zip(sample, ids, strict=True))
    out["family_alone"] = {
        **_stats(micros),
        "right": round(right / len(sample), 4),
        "wrong": round(wrong / len(sample), 4),
    }
    return out


def _crowd_registry(config: MatchConfig, crowd: list[Person]) -> EntityRegistry:
    registry = EntityRegistry(config)
    for i, p in enumerate(crowd):
        registry.resolve(f"{p[0]} {p[1]}", "PER", "en", scope=f"d{i}")
    return registry


def _judge(ids: list[str], got: list[str], known: set[str]) -> dict[str, float]:
    right = sum(a == b for a, b in zip(ids, got, strict=True))
    wrong = sum(a != b and b in known for a, b in zip(ids, got, strict=True))
    n = len(ids)
    return {
        "right": round(right / n, 4),
        "wrong": round(wrong / n, 4),
        "new": round(1 - (right + wrong) / n, 4),
    }


def _twins(
    config: MatchConfig, crowd: list[Person], dev_people: list[Person], column: int
) -> dict[str, float]:
    """Dev people in Latin script among the crowd; their Arabic full names (column 2) or
    family names alone (column 3) resolved."""
    registry = _crowd_registry(config, crowd)
    ids = [
        registry.resolve(f"{p[0]} {p[1]}", "PER", "en", scope=f"e{i}")[0]
        for i, p in enumerate(dev_people)
    ]
    known = {e.id for e in registry.entities()}
    names = [f"{p[2]} {p[3]}" if column == 2 else p[3] for p in dev_people]
    got = [registry.resolve(n, "PER", "ar", scope=f"q{i}")[0] for i, n in enumerate(names)]
    return _judge(ids, got, known)


def _given_names(config: MatchConfig, groups: list[list[str]]) -> dict[str, float]:
    """Spellings of one given name (tests/names/data/variants.yaml, one-part names), each
    with one family name, must merge; spellings of two given names must not. Pairs in one
    script (Latin / Latin) and across scripts (Latin / Arabic)."""
    family = {False: "Zorava", True: "زورافا"}
    one_part = [g for g in groups if all(" " not in n for n in g)]
    pairs: dict[str, list[tuple[str, str]]] = {
        "same_name_one_script": [],
        "same_name_two_scripts": [],
        "other_name_one_script": [],
        "other_name_two_scripts": [],
    }
    for i, g in enumerate(one_part):
        for a in g:
            for b in g:
                if a < b:
                    kind = "two_scripts" if is_arabic(a) != is_arabic(b) else "one_script"
                    pairs[f"same_name_{kind}"].append((a, b))
        for h in one_part[i + 1 :]:
            a, b = g[0], h[0]
            ar_b = next((n for n in h if is_arabic(n)), None)
            pairs["other_name_one_script"].append((a, b))
            if ar_b is not None:
                pairs["other_name_two_scripts"].append((a, ar_b))
    merged: dict[str, float] = {}
    for kind, listed in pairs.items():
        hits = 0
        for a, b in listed:
            registry = EntityRegistry(config)
            first = registry.resolve(f"{a} {family[is_arabic(a)]}", "PER", "und")[0]
            hits += registry.resolve(f"{b} {family[is_arabic(b)]}", "PER", "und")[0] == first
        merged[f"{kind}_merged"] = round(hits / max(1, len(listed)), 4)
    return merged


def sweep(data: Path, grid: list[tuple[float, float]]) -> list[dict[str, object]]:
    dev = anetac_parts(data, "dev")
    train = anetac_parts(data, "train")
    pairs = range(0, len(dev) - 1, 2)
    dev_people = [(dev[k][0], dev[k + 1][0], dev[k][1], dev[k + 1][1]) for k in pairs]
    crowd = people(train, 10000, random.Random(SEED))
    variants = HERE.parent / "tests" / "names" / "data" / "variants.yaml"
    groups = yaml.safe_load(variants.read_text(encoding="utf-8")) if variants.is_file() else []
    rows: list[dict[str, object]] = []
    for part, same_script in grid:
        config = MatchConfig(part=part, same_script=same_script)
        row: dict[str, object] = {"part": part, "same_script": same_script}
        row["arabic_full_name"] = _twins(config, crowd, dev_people, 2)
        row["arabic_family_alone"] = _twins(config, crowd, dev_people, 3)
        if groups:
            row["given_names"] = _given_names(config, groups)
        # A known given name with a family name nobody has: a new person.
        registry = _crowd_registry(config, crowd)
        known = {e.id for e in registry.entities()}
        fresh = [f"{p[0]} {dev[k][0]}" for k, p in enumerate(crowd[: len(dev)])]
        got = [registry.resolve(n, "PER", "en", scope=f"g{i}")[0] for i, n in enumerate(fresh)]
        row["latin_same_given_merged"] = round(sum(g in known for g in got) / len(got), 4)
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--no-sweep", action="store_true")
    args = parser.parse_args()
    have_data = (args.data / "anetac" / "train.en").is_file()
    rng = random.Random(SEED)
    if have_data:
        parts = anetac_parts(args.data, "train")
        fresh = anetac_parts(args.data, "dev")
    else:
        parts = synthetic_parts(80000, rng)
        fresh = synthetic_parts(82000, rng)[80000:]
    result: dict[str, object] = {
        "python": platform.python_version(),
        "names": "anetac" if have_data else "synthetic",
        "sizes": [run_size(int(n), parts, fresh, args.queries) for n in args.sizes.split(",")],
    }
    if have_data and not args.no_sweep:
        grid = [(p, q) for p in (0.85, 0.875, 0.9, 0.925) for q in (0.9, 0.92)]
        result["sweep"] = sweep(args.data, grid)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "link.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
