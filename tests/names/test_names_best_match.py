"""best_match(): ranking candidates, and a golden check on the seed articles."""

from __future__ import annotations

import pytest

from marsad.names import MATCH_THRESHOLD, best_match

# Names as written in seed 001 (Arabic) and in seed 000 / 004 (the same story in English).
SEED_PAIRS = [
    ("عبد الكريم عمر", "Abdul Karim Omar"),
    ("عبير إيليا", "Abeer Elia"),
    ("فنر الكعيط", "Fanar Al-Kait"),
    ("زبيد الله زبيدوف", "Zabidov"),
    ("قامشلو", "Qamishlo"),
    ("الحسكة", "Al-Hasakah"),
    ("الهول", "Al-Hol"),
    ("الباغوز", "Baghouz"),
    ("سوريا", "Syria"),
]
ENGLISH_ONLY = ["Kobani", "Ain Issa", "Moldovan", "Turkey", "ISIS"]


def test_names_best_match_orders_best_first() -> None:
    ranked = best_match("Qamishli", ["Hasakah", "القامشلي", "Qamishlo", "Kobani"])
    names = [name for name, _ in ranked]
    scores = [score for _, score in ranked]
    assert set(names[:2]) == {"القامشلي", "Qamishlo"}
    assert scores == sorted(scores, reverse=True)
    assert len(ranked) == 4


@pytest.mark.parametrize(("name", "expected"), [("الحسكة", "Hasakah"), ("Hasakah", "الحسكة")])
def test_names_best_match_limit_and_min_score(name: str, expected: str) -> None:
    candidates = ["Raqqa", expected, "Manbij", "الرقة"]
    assert best_match(name, candidates, limit=1) == best_match(name, candidates)[:1]
    kept = best_match(name, candidates, min_score=MATCH_THRESHOLD)
    assert [c for c, _ in kept] == [expected]


@pytest.mark.parametrize("name", ["Omar", "عمر", ""])
def test_names_best_match_empty_candidates(name: str) -> None:
    assert best_match(name, []) == []


def test_names_best_match_empty_name_scores_zero() -> None:
    assert [score for _, score in best_match("", ["Omar", "عمر"])] == [0.0, 0.0]


@pytest.mark.parametrize(("arabic", "english"), SEED_PAIRS)
def test_names_best_match_links_seed_story_across_languages(
    seed_texts: dict[str, str], arabic: str, english: str
) -> None:
    english_text = seed_texts["000"] + seed_texts["004"]
    candidates = [e for _, e in SEED_PAIRS] + ENGLISH_ONLY
    assert arabic in seed_texts["001"]
    assert all(c in english_text for c in candidates)
    (top, score), *_ = best_match(arabic, candidates)
    assert top == english
    assert score >= MATCH_THRESHOLD


@pytest.mark.parametrize(("arabic", "english"), SEED_PAIRS)
def test_names_best_match_links_seed_story_english_to_arabic(
    seed_texts: dict[str, str], arabic: str, english: str
) -> None:
    candidates = [a for a, _ in SEED_PAIRS] + ["بدران جيا كرد", "الإدارة الذاتية", "داعش"]
    assert all(c in seed_texts["001"] + seed_texts["003"] for c in candidates)
    (top, _), *_ = best_match(english, candidates)
    assert top == arabic
