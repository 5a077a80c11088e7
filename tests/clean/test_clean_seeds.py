"""Golden tests on the five seed articles (the sample corpus, as scraped).

The golden file holds each seed's cleaned boundaries and removal records. Regenerate it
only on purpose (``MARSAD_REGEN_GOLDEN=1 pytest tests/clean``) and review the diff.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.clean.normalize import normalize_line
from marsad.types import Article

GOLDEN = Path(__file__).parent / "golden" / "seeds.json"
SEEDS = ("000", "001", "002", "003", "004")

TITLES = {
    "000": "A Tajik delegation visits the NES External Relations Department in Qamishlo",
    "001": None,
    "002": "AANES calls for international support to guarantee persistent ISIS defeat",
    "003": "اجتماع دولي لمناقشة أوضاع مرتزق داعش وأسرهم في المخيمات",
    "004": "Omar: Turkey's trafficking of ISIS from al-Hol is irrefutable evidence of its"
    " support for ISIS",
}

# Page furniture each seed carries, which must not survive cleaning.
JUNK = {
    "000": ["ANHA", "HAWARNEWS"],
    "001": ["2022-04-05", "2022-04-10", "جيمي هاميل", "ممثلية الإدارة الذاتية في الإقليم"],
    "002": ["\u00a0"],
    "003": ["اظهر المزيد", "زر الذهاب إلى الأعلى"],
    "004": ["\u05f3", "Other news"],
}


@pytest.fixture(scope="module")
def seeds(seed_texts: dict[str, str], cleaned: Callable[..., Article]) -> dict[str, Article]:
    return {n: cleaned(seed_texts[n]) for n in SEEDS}


def _snapshot(article: Article) -> dict[str, object]:
    body = article.paragraphs[1:] if article.title else article.paragraphs
    return {
        "title": article.title,
        "first_body": article.text[body[0].start : body[0].end],
        "last_body": article.text[body[-1].start : body[-1].end],
        "body_paragraphs": len(body),
        "removed": [[r.kind, r.text] for r in article.removed],
    }


@pytest.fixture(scope="module")
def golden(seeds: dict[str, Article]) -> dict[str, dict[str, object]]:
    if os.environ.get("MARSAD_REGEN_GOLDEN"):
        snapshot = {n: _snapshot(a) for n, a in seeds.items()}
        GOLDEN.write_text(json.dumps(snapshot, ensure_ascii=False, indent=1) + "\n", "utf-8")
    data: dict[str, dict[str, object]] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("seed", SEEDS)
def test_clean_seed_title(seeds: dict[str, Article], seed: str) -> None:
    assert seeds[seed].title == TITLES[seed]


@pytest.mark.parametrize("seed", SEEDS)
def test_clean_seed_matches_golden(
    seeds: dict[str, Article], golden: dict[str, dict[str, object]], seed: str
) -> None:
    assert _snapshot(seeds[seed]) == golden[seed]


@pytest.mark.parametrize("seed", SEEDS)
def test_clean_seed_keeps_no_page_furniture(seeds: dict[str, Article], seed: str) -> None:
    text = seeds[seed].text
    for junk in JUNK[seed]:
        assert junk not in text


@pytest.mark.parametrize("seed", SEEDS)
def test_clean_seed_loses_nothing_of_the_article(
    seeds: dict[str, Article], seed_texts: dict[str, str], seed: str
) -> None:
    """Every line of the scrape is in the text, or accounted for by a removal record."""
    article = seeds[seed]
    removed = "\n".join(r.text for r in article.removed)
    for raw_line in seed_texts[seed].splitlines():
        line = normalize_line(raw_line).strip("\u05f3 ")
        if article.title and line.startswith(article.title):  # a title and its cut suffix
            line = line[len(article.title) :].strip(" –-|")
            assert not line or line in removed, line
        elif line:
            assert line in article.text or line in removed, line


@pytest.mark.parametrize("seed", SEEDS)
def test_clean_seed_paragraphs_tile_the_text(seeds: dict[str, Article], seed: str) -> None:
    article = seeds[seed]
    spans = article.paragraphs
    assert spans[0].start == 0 and spans[-1].end == len(article.text)
    for before, after in itertools.pairwise(spans):
        assert article.text[before.end : after.start] == "\n\n"
    for span in spans:
        part = article.text[span.start : span.end]
        assert part and part == part.strip() and "\n" not in part


def test_clean_seed_twins_have_the_same_body_length(seeds: dict[str, Article]) -> None:
    """000 and 001 are one story; 001 splits some paragraphs with single newlines, and
    each line must come out as its own paragraph (000's title makes its one extra)."""
    assert len(seeds["001"].paragraphs) == 7
    assert len(seeds["000"].paragraphs) == 6
