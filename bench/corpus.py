"""Synthetic corpora for benchmarks, built from real paragraphs.

How: the paragraph pool is every paragraph of the five bundled seed articles (Arabic and
English) plus, when ``../shared/data`` is present, the true article bodies of the public
article-extraction benchmark (English news). Each synthetic article draws a title and 4-12
paragraphs with a seeded RNG, varies them (numbers changed, sentence order within a
paragraph rotated) so that no two articles are identical, and wraps one in three in the
scrape chrome the seeds show (a navigation block of headline/date pairs, trailing widgets).
Output: JSON Lines with ``text`` (a raw scrape) and ``url``, so ingest runs its full
text path: decode, clean, metadata, language, sentences, store.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from marsad.ids import article_id
from marsad.sample import sample_dir
from marsad.types import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NAV_EN = "Other news\nRead more"
NAV_AR = "اظهر المزيد\nزر الذهاب إلى الأعلى"


def paragraph_pool() -> tuple[list[str], list[str]]:
    """(arabic, english) paragraphs of real news text."""
    arabic: list[str] = []
    english: list[str] = []
    for path in sorted(sample_dir().glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) < 60:
                continue
            (arabic if re.search("[\u0600-\u06ff]", line) else english).append(line)
    truth = SHARED / "article_extraction" / "ground-truth.json"
    if truth.exists():
        for item in json.loads(truth.read_text(encoding="utf-8")).values():
            for para in item.get("articleBody", "").split("\n"):
                if len(para.strip()) >= 60:
                    english.append(para.strip())
    return arabic, english


def _vary(paragraph: str, rng: random.Random) -> str:
    sentences = re.split(r"(?<=[.!?؟])\s+", paragraph)
    k = rng.randrange(len(sentences))
    text = " ".join(sentences[k:] + sentences[:k])
    return re.sub(r"\d+", lambda m: str(rng.randint(1, 3000)), text)


def articles(n: int, seed: int = 7) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    arabic, english = paragraph_pool()
    for i in range(n):
        is_ar = rng.random() < 0.4
        pool = arabic if is_ar else english
        title = " ".join(rng.choice(pool).split()[: rng.randint(6, 12)]).rstrip(".،")
        body = [_vary(rng.choice(pool), rng) for _ in range(rng.randint(4, 12))]
        parts = [title, *body]
        if i % 3 == 0:
            nav = [f"{' '.join(rng.choice(pool).split()[:8])}\n2022-04-{rng.randint(1, 28):02d}"]
            parts = nav * 2 + parts + [NAV_AR if is_ar else NAV_EN]
        yield {"text": "\n\n".join(parts), "url": f"https://bench.invalid/{seed}/{i}"}


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for record in articles(n, seed):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


OUTLETS = ["North Press", "ANHA", "Hawar", "Enab Baladi", "SOHR", "Rudaw"]


def synthetic_article(record: dict[str, str], rng: random.Random) -> Article:
    """An already-clean article from one corpus record, with a random outlet and a date in
    2022-2023, for stores built without running the pipeline (search and API benches)."""
    text = record["text"]
    lang = "ar" if re.search("[\u0600-\u06ff]", text[:200]) else "en"
    return Article(
        id=article_id(text, record["url"]), source=record["url"], raw=text.encode(),
        raw_text=text, format="clean", url=record["url"], text=text,
        title=text.split("\n", 1)[0][:200], lang=lang, outlet=rng.choice(OUTLETS),
        published=f"{rng.choice([2022, 2023])}-{rng.randint(1, 12):02d}-"
        f"{rng.randint(1, 28):02d}",
    )  # fmt: skip
