"""Story assignment at scale: cost per new article with 10k, 100k (and 1M) stored articles,
and precision/recall of duplicate and same-story links on planted truth.

    python bench/stories_bench.py [--data ../shared/data] [--sizes 10000,100000]
                                  [--queries 300] [--out bench/results]

What is real and what is synthetic (also written into each result):

- **Stored articles** ("background") are written straight into the index tables of a fresh
  SQLite store (``story_features``, ``story_bands``, ``story_keys``, ``story_postings``,
  ``story_links``, ``stories``): the full pipeline is not run for them (at ~50 articles/s it
  would take hours at 100k). Their entity ids are drawn with Zipf weights from 5,000 ids
  (a few, like ISIS, are in a large share of articles, as in a real feed), their days from
  two years, their MinHash signatures are random (unrelated texts overlap by ~0), their
  embeddings synthetic like the planted ones (each its own story direction); the
  nearest-neighbour graphs (one per month) are built from them before timing starts.
- **Planted articles** are built from real paragraphs: English from the seeds, the
  article-extraction benchmark bodies and PLOVER English sentences; Arabic from the seeds
  and PLOVER Arabic sentences. Each ``original`` has 4-8 paragraphs and 5-10 entity ids (two
  rare ones of its own); each is followed by one planted relative: a **near-duplicate**
  (same text, other chrome, 3% of words changed), a **translation** (other language: other
  real paragraphs, 80% of the entity ids, same or next day), a **negative** (same
  language, shares the common entity ids and the day, a different story), or a **twin**
  (other language, every entity id and the day shared, a different story: only the
  embedding can keep it apart).
- **Embeddings** are synthetic, because no parallel news corpus is at hand to embed with
  E5: each lead gets a shared "news" direction, a language direction and a story direction
  plus noise, weighted so that cosines match what E5 gives on the seeds (unrelated
  articles 0.77 across languages and 0.82 within one; two versions of one story ~0.82
  across languages). The link figures measure the index and the decision rule under that
  model, not E5 itself.

Cost is the wall time of ``Clusterer.assign`` for one article plus writing its rows in
a transaction and catching the graphs up after the commit, median and 95th percentile
over the planted articles; the process' CPU time for the same step is given beside it
(on a shared machine the wall time also counts the waits for a core). Memory: the
resident set after the planted articles (what assigning needs with this many stored)
and that process's peak; the fill runs in a process of its own before it (its peak is
reported apart), each size in fresh processes.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import itertools
import json
import os
import platform
import random
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
from tqdm import tqdm

from marsad.sample import sample_dir
from marsad.store import SQLiteStore
from marsad.stories import minhash
from marsad.stories.cluster import Clusterer, story_id_for
from marsad.stories.index import StoryWrites
from marsad.stories.vectors import shard_of
from marsad.types import Article, Mention

REPO = Path(__file__).resolve().parents[1]
DIM = 384
ENTITY_POOL = 5000
FILL_CACHE_KIB = 1 << 20  # the fill process' SQLite page cache: 1 GiB
DAYS = 730  # --days: fewer days make each month's graphs as full as a bigger store's
# Squared weights of the embedding directions, from E5 cosines on the seeds.
W_NEWS, W_LANG, W_NOISE = 0.77, 0.05, 0.13


def paragraphs(data: Path) -> tuple[list[str], list[str]]:
    """(arabic, english) real paragraphs."""
    ar: list[str] = []
    en: list[str] = []
    for path in sorted(sample_dir().glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line.strip()) >= 60:
                (ar if re.search("[\u0600-\u06ff]", line) else en).append(line.strip())
    truth = data / "article_extraction" / "ground-truth.json"
    if truth.exists():
        for item in json.loads(truth.read_text(encoding="utf-8")).values():
            en += [p.strip() for p in item.get("articleBody", "").split("\n") if len(p) >= 60]
    gsr_en = data / "plover_gsr_en" / "dev.json"
    if gsr_en.exists():
        en += [r["text"] for r in json.loads(gsr_en.read_text(encoding="utf-8")) if r.get("text")]
    for name in ("assault_dev.csv", "protest_dev.csv"):
        path = data / "plover_gsr_ar" / name
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                ar += [r["text"] for r in csv.DictReader(fh) if len(r.get("text", "")) >= 60]
    return ar, en


class TopicEmbedder:
    """Synthetic embeddings keyed by the ``[story|lang]`` prefix the bench puts on leads."""

    name = "synthetic"

    def __init__(self) -> None:
        self.news = self._unit("news")
        self.calls = 0

    @staticmethod
    def _unit(key: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
        v = np.random.default_rng(seed).standard_normal(DIM)
        return (v / np.linalg.norm(v)).astype(np.float32)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += len(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            story, lang = text[1 : text.index("]")].split("|")
            # How strongly the text carries its story varies: 0.02-0.09 of the variance.
            strength = 0.02 + 0.07 * (int(hashlib.md5(story.encode()).hexdigest()[:4], 16) / 65535)
            v = (
                np.sqrt(W_NEWS) * self.news
                + np.sqrt(W_LANG) * self._unit("lang:" + lang)
                + np.sqrt(strength) * self._unit("story:" + story)
                + np.sqrt(W_NOISE) * self._unit("noise:" + text)
            )
            out[i] = v / np.linalg.norm(v)
        return out


def _zipf_cum_weights() -> list[float]:
    """Cumulative Zipf weights of the entity pool, summed once: ``choices`` with plain
    weights sums all 5,000 on every call (the same draws, a tenth of the fill's time)."""
    return list(itertools.accumulate(1.0 / (i + 1) for i in range(ENTITY_POOL)))


def _zipf_entities(rng: random.Random, n: int, cum_weights: list[float]) -> set[str]:
    return {f"Q{e}" for e in rng.choices(range(ENTITY_POOL), cum_weights=cum_weights, k=n)}


def _day(offset: int) -> str:
    return str(np.datetime64("2022-01-01") + np.timedelta64(offset, "D"))


def _background_vectors(langs: list[str], nrng: np.random.Generator) -> np.ndarray:
    """TopicEmbedder's model, vectorised: news + language + an own story + noise."""
    emb = TopicEmbedder()
    n = len(langs)
    lang = np.stack([emb._unit("lang:" + lang) for lang in langs])
    story = nrng.standard_normal((n, DIM))
    story /= np.linalg.norm(story, axis=1, keepdims=True)
    noise = nrng.standard_normal((n, DIM))
    noise /= np.linalg.norm(noise, axis=1, keepdims=True)
    strength = nrng.uniform(0.02, 0.09, (n, 1))
    v = np.sqrt(W_NEWS) * emb.news + np.sqrt(W_LANG) * lang + np.sqrt(strength) * story
    v += np.sqrt(W_NOISE) * noise
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float16)


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One explicit transaction: the store's connection is in autocommit mode
    (``isolation_level=None``), where ``with conn:`` begins nothing and every row of an
    ``executemany`` would be a transaction of its own, committed to the WAL one by one."""
    conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def fill_background(
    store: SQLiteStore, size: int, rng: random.Random, days: int = DAYS
) -> tuple[float, float]:
    """Write ``size`` stored articles straight into the index tables, then build the
    nearest-neighbour graphs from them; return the seconds of each.

    Bulk loading, as a restore would: 50,000 articles per transaction, each table's rows
    sorted by its key before inserting, and a large page cache for this process only (the
    fill runs in its own process, so the assigning process starts with the store's own
    settings and its memory figures are its own)."""
    conn = store.conn
    conn.execute(f"PRAGMA cache_size = -{FILL_CACHE_KIB}")
    weights = _zipf_cum_weights()
    nrng = np.random.default_rng(7)
    start = time.perf_counter()
    chunk = 50_000
    keys: dict[str, int] = {}
    shards: dict[str, list[int]] = {}
    bar = tqdm(total=size, unit=" articles", desc=f"fill {size}", file=sys.stderr, disable=None)
    for base in range(0, size, chunk):
        feats, bands, postings, links, stories, vectors = [], [], [], [], [], []
        n = min(chunk, size - base)
        sigs = nrng.integers(0, 2**63, size=(n, minhash.NUM_PERM), dtype=np.uint64)
        langs = ["en" if rng.random() < 0.7 else "ar" for _ in range(n)]
        embeddings = _background_vectors(langs, nrng)
        for j in range(n):
            seq = base + j + 1
            aid = f"bg{seq:08d}"
            lang = langs[j]
            ents = sorted(_zipf_entities(rng, rng.randint(3, 12), weights))
            day = _day(rng.randrange(days))
            doc = json.dumps({"entities": ents, "places": [], "dates": [day], "numbers": [],
                              "speakers": [], "has_entities": True})  # fmt: skip
            feats.append((aid, lang, None, day, doc, sigs[j].tobytes(), f"[{aid}|{lang}]",
                          embeddings[j].tobytes()))  # fmt: skip
            vectors.append((seq, aid, shard_of(day, lang)))
            shard = shards.setdefault(shard_of(day, lang), [0, 0])
            shard[0], shard[1] = shard[0] + 1, seq
            bands += [(b, aid) for b in minhash.band_keys(sigs[j])]
            for k in [*ents, f"date:{day}"]:
                postings.append((k, seq, aid))
                keys[k] = keys.get(k, 0) + 1
            sid = story_id_for(aid)
            links.append((aid, sid, "founder", None, None, '{"kind":"founder"}'))
            stories.append((sid, aid, day, day, 1, seq, 1))
        # Sorted by each table's key: one pass down its B-tree instead of a page per row.
        bands.sort()
        postings.sort()
        with _transaction(conn):
            conn.executemany("INSERT INTO story_features VALUES (?,?,?,?,?,?,?,?)", feats)
            conn.executemany("INSERT INTO story_vectors VALUES (?,?,?)", vectors)
            conn.executemany("INSERT INTO story_bands VALUES (?,?)", bands)
            conn.executemany("INSERT INTO story_postings VALUES (?,?,?)", postings)
            conn.executemany("INSERT INTO story_links VALUES (?,?,?,?,?,?)", links)
            conn.executemany("INSERT INTO stories VALUES (?,?,?,?,?,?,?)", stories)
        bar.update(n)
    bar.close()
    with _transaction(conn):
        conn.executemany("INSERT INTO story_keys VALUES (?, ?)", list(keys.items()))
        conn.executemany(
            "INSERT INTO story_shards VALUES (?, ?, ?)",
            [(name, count, last) for name, (count, last) in shards.items()],
        )
    filled = time.perf_counter() - start
    start = time.perf_counter()
    graphs = store.story_index().vectors
    for name in tqdm(sorted(shards), unit=" months", desc="graphs", file=sys.stderr, disable=None):
        graphs.catch_up([name])
    graphs.close()  # written beside the database, as an ingest leaves them
    return filled, time.perf_counter() - start


def _article(aid: str, story: str, lang: str, text: str, ents: set[str], day: str) -> Article:
    title = text.split(". ")[0][:120]
    a = Article(id=aid, source="bench", raw=b"", raw_text="", format="clean")
    # The bench embedder reads the story key and language from the title's prefix.
    a.text, a.lang, a.published, a.title = text, lang, day, f"[{story}|{lang}] {title}"
    a.mentions = [Mention(0, 1, "ORG", entity_id=e) for e in sorted(ents)]
    a.annotated_by = {"mentions": "bench"}
    return a


def _edit(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(max(1, len(words) // 33)):
        words[rng.randrange(len(words))] = rng.choice(["edited", "reported", "local"])
    return "Share on Facebook\n" + " ".join(words) + "\nAll rights reserved © 2022"


def planted(
    n: int, pools: dict[str, list[str]], rng: random.Random, days: int = DAYS
) -> list[tuple[Article, str, str | None]]:
    """(article, true story key, true duplicate_of), originals before their relatives."""
    weights = _zipf_cum_weights()
    out: list[tuple[Article, str, str | None]] = []
    kinds = ["duplicate", "translation", "negative", "twin"]
    for i in range(n):
        lang = "en" if rng.random() < 0.6 else "ar"
        other = "ar" if lang == "en" else "en"
        story = f"p{i}"
        day = rng.randrange(days)
        ents = _zipf_entities(rng, rng.randint(3, 8), weights) | {f"R{i}a", f"R{i}b"}
        text = "\n\n".join(rng.sample(pools[lang], rng.randint(4, 8)))
        original = _article(f"o{i}", story, lang, text, ents, _day(day))
        out.append((original, story, None))
        kind = kinds[i % 4]
        if kind == "duplicate":
            copy = _article(f"d{i}", story, lang, _edit(text, rng), ents, _day(day))
            out.append((copy, story, original.id))
        elif kind == "translation":
            kept = set(rng.sample(sorted(ents), max(3, int(len(ents) * 0.8)))) | {f"T{i}"}
            body = "\n\n".join(rng.sample(pools[other], rng.randint(4, 8)))
            out.append(
                (_article(f"t{i}", story, other, body, kept, _day(day + rng.randint(0, 1))),
                 story, None)
            )  # fmt: skip
        elif kind == "twin":
            # Another event of the same actors on the same day, in the other language:
            # only the embedding can tell it apart.
            body = "\n\n".join(rng.sample(pools[other], rng.randint(4, 8)))
            out.append(
                (_article(f"w{i}", f"twin{i}", other, body, ents, _day(day)), f"twin{i}", None)
            )
        else:
            common = {e for e in ents if not e.startswith("R")}
            body = "\n\n".join(rng.sample(pools[lang], rng.randint(4, 8)))
            neg = common | _zipf_entities(rng, 3, weights) | {f"N{i}"}
            out.append((_article(f"n{i}", f"neg{i}", lang, body, neg, _day(day)), f"neg{i}", None))
    return out


def _pairs(groups: dict[str, set[str]]) -> set[tuple[str, str]]:
    return {(a, b) for g in groups.values() for a in g for b in g if a < b}


def fill_one(db: Path, size: int, days: int) -> dict[str, float]:
    """The fill, in this process: seconds and this process' peak memory."""
    store = SQLiteStore(db)
    fill_s, graphs_s = fill_background(store, size, random.Random(size), days)
    store.close()
    return {
        "fill_seconds": round(fill_s, 1),
        "graph_build_seconds": round(graphs_s, 1),
        "fill_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def run_one(size: int, queries: int, data: Path, days: int = DAYS) -> dict[str, object]:
    rng = random.Random(size + 1)
    ar, en = paragraphs(data)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        # The fill in a process of its own: its page cache and rows are not this one's.
        done = subprocess.run(
            [sys.executable, __file__, "--fill", str(db), "--one", str(size),
             "--days", str(days)],
            stdout=subprocess.PIPE, text=True, check=True,
        )  # fmt: skip
        fill = json.loads(done.stdout)
        store = SQLiteStore(db)
        index = store.story_index()
        load_before = os.getloadavg()
        clusterer = Clusterer(TopicEmbedder())
        costs: list[float] = []
        cpu: list[float] = []  # this process' CPU time: less at the mercy of a shared machine
        truth_story: dict[str, str] = {}
        truth_dup: set[tuple[str, str]] = set()
        got_dup: set[tuple[str, str]] = set()
        got_story: dict[str, str] = {}
        for article, story, dup in planted(queries, {"ar": ar, "en": en}, rng, days):
            t0, c0 = time.perf_counter(), time.process_time()
            writes: StoryWrites = clusterer.assign([article], index)
            cur = store.conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            index.write(cur, writes)
            cur.execute("COMMIT")
            index.committed()
            costs.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            truth_story[article.id] = story
            got_story[article.id] = article.story_id or ""
            if dup:
                truth_dup.add((article.id, dup))
            if article.duplicate_of:
                got_dup.add((article.id, article.duplicate_of))
        load_after = os.getloadavg()
        db_mib = db.stat().st_size / 2**20
        rss_after = _rss_mib()
        store.close()
        graphs_mib = sum(p.stat().st_size for p in db.parent.glob("*-vectors/*")) / 2**20
    true_groups: dict[str, set[str]] = {}
    for aid, s in truth_story.items():
        true_groups.setdefault(s, set()).add(aid)
    got_groups: dict[str, set[str]] = {}
    for aid, s in got_story.items():
        got_groups.setdefault(s, set()).add(aid)
    truth_pairs, got_pairs = _pairs(true_groups), _pairs(got_groups)
    # A planted article that joined a stored (background) story is a wrong link too.
    wrong_bg = _joined_background(got_story)
    tp = len(truth_pairs & got_pairs)
    return {
        "stored_articles": size,
        "planted_articles": len(truth_story),
        "per_article_ms": {
            "median": round(statistics.median(costs) * 1000, 2),
            "p95": round(sorted(costs)[int(len(costs) * 0.95)] * 1000, 2),
            "mean": round(statistics.fmean(costs) * 1000, 2),
        },
        "per_article_cpu_ms": {
            "median": round(statistics.median(cpu) * 1000, 2),
            "p95": round(sorted(cpu)[int(len(cpu) * 0.95)] * 1000, 2),
            "mean": round(statistics.fmean(cpu) * 1000, 2),
        },
        "duplicates": _pr(len(truth_dup & got_dup), len(got_dup), len(truth_dup)),
        "same_story_links": _pr(tp, len(got_pairs) + wrong_bg, len(truth_pairs)),
        "same_story_recall_by_kind": _by_kind(true_groups, got_story),
        "planted_joined_a_stored_story": wrong_bg,
        "embeddings_computed": clusterer.embedder.calls,  # type: ignore[attr-defined]
        **fill,
        "db_mib": round(db_mib, 1),
        "graphs_mib": round(graphs_mib, 1),
        "rss_after_queries_mib": round(rss_after, 1),
        # This process only: it opened the filled store and assigned the planted articles.
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load_average_1_5_15": {
            "before_queries": [round(x, 2) for x in load_before],
            "after_queries": [round(x, 2) for x in load_after],
        },
        "background": "written straight into the index tables (no pipeline); see docstring",
        "embeddings": "synthetic, calibrated to E5 cosines on the seeds; see docstring",
        "machine": f"{platform.machine()}, 2 cores shared, Python {platform.python_version()}",
    }


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _by_kind(true_groups: dict[str, set[str]], got: dict[str, str]) -> dict[str, float]:
    """Share of planted relatives (d: duplicate, t: translation) put in their original's
    story, and share of hard negatives (n) kept out of it."""
    hits: dict[str, list[bool]] = {
        "duplicate": [], "translation": [], "negative_kept_apart": [], "twin_kept_apart": []
    }  # fmt: skip
    for aid, story in got.items():
        i = aid[1:]
        if aid[0] == "d":
            hits["duplicate"].append(story == got[f"o{i}"])
        elif aid[0] == "t":
            hits["translation"].append(story == got[f"o{i}"])
        elif aid[0] == "n":
            hits["negative_kept_apart"].append(story != got[f"o{i}"])
        elif aid[0] == "w":
            hits["twin_kept_apart"].append(story != got[f"o{i}"])
    return {k: round(sum(v) / len(v), 3) if v else 1.0 for k, v in hits.items()}


def _joined_background(got_story: dict[str, str]) -> int:
    planted_stories = {story_id_for(aid) for aid in got_story}
    return sum(1 for s in got_story.values() if s not in planted_stories)


def _pr(tp: int, predicted: int, true: int) -> dict[str, float | int]:
    return {
        "true_links": true,
        "predicted": predicted,
        "correct": tp,
        "precision": round(tp / predicted, 3) if predicted else 1.0,
        "recall": round(tp / true, 3) if true else 1.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    parser.add_argument(
        "--days", type=int, default=DAYS,
        help="days the stored articles are spread over (fewer: fuller monthly graphs)",
    )  # fmt: skip
    parser.add_argument("--label", help="result file suffix (default: the size)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--fill", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill is not None:
        print(json.dumps(fill_one(args.fill, args.one, args.days)))
        return
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.queries, args.data, args.days)))
        return
    for size in (int(s) for s in args.sizes.split(",")):
        # A fresh process per size, so that peak memory is that size's own.
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--queries", str(args.queries),
             "--data", str(args.data), "--days", str(args.days)],
            stdout=subprocess.PIPE, text=True, check=True,
        )  # fmt: skip
        result = json.loads(done.stdout)
        print(json.dumps(result, indent=2))
        result["days"] = args.days
        label = f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}m"
        label += f"-{args.label}" if args.label else ""
        (args.out / f"stories-{label}.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
