"""similarity(): same names score high across scripts and spellings, others low."""

from __future__ import annotations

import pytest

from marsad.names import MATCH_THRESHOLD, similarity

SAME = [
    ("Abdul Karim Omar", "عبد الكريم عمر"),
    ("Abd al-Karim Umar", "عبد الكريم عمر"),
    ("Abdulkarim Omer", "عبد الكريم عمر"),
    ("Abdulkarim Omer", "Abdul Karim Omar"),
    ("Zabidov", "زبيدوف"),
    ("Qamishlo", "Qamishli"),
    ("Qamishlo", "قامشلو"),
    ("Qamishli", "القامشلي"),
    ("قامشلو", "القامشلي"),
    ("Hasakah", "Al-Hasakah"),
    ("Hasakah", "الحسكة"),
    ("Al-Hasakah", "الحسكة"),
    ("Badran Jia Kurd", "بدران جيا كرد"),
    ("Abeer Elia", "عبير إيليا"),
    ("Fanar Al-Kait", "فنر الكعيط"),
    ("Zabidov", "زبيد الله زبيدوف"),
    ("Omar", "Abdul Karim Omar"),
    ("Omar", "عمر"),
    ("Muhammad", "محمد"),
    ("Deir ez-Zor", "دير الزور"),
]

DIFFERENT = [
    ("Omar", "Zabidov"),
    ("قامشلو", "الحسكة"),
    ("Qamishlo", "Hasakah"),
    ("Abeer Elia", "فنر الكعيط"),
    ("Badran Jia Kurd", "Abdul Karim Omar"),
    ("عبير إيليا", "زبيدوف"),
    ("Raqqa", "Manbij"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_names_similarity_high_for_one_name_in_two_spellings(a: str, b: str) -> None:
    assert similarity(a, b) >= MATCH_THRESHOLD


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_names_similarity_low_for_different_names(a: str, b: str) -> None:
    assert similarity(a, b) < 0.5


@pytest.mark.parametrize(("a", "b"), SAME + DIFFERENT)
def test_names_similarity_is_symmetric(a: str, b: str) -> None:
    assert similarity(a, b) == similarity(b, a)


@pytest.mark.parametrize("name", ["Abdul Karim Omar", "عبد الكريم عمر", "Al-Hasakah", "الحسكة"])
def test_names_similarity_is_one_for_identical_names(name: str) -> None:
    assert similarity(name, name) == 1.0


@pytest.mark.parametrize(
    ("plain", "decorated"),
    [
        ("عبد الكريم عمر", "عَبْدُ الكَرِيمِ عُمَر"),  # harakat
        ("الحسكة", "الحســـــكة"),  # tatweel
        ("أحمد", "احمد"),  # hamza seat
        ("الحسكة", "\u200fالحسكة\u200f"),  # direction marks from a scrape
        ("Deir ez-Zor", "Deir ez-Zôr"),  # circumflex
        ("Abd al-Karim", "ʿAbd al-Karīm"),  # ʿayn and macron
        ("Qamishli", "QAMISHLI"),
    ],
)
def test_names_similarity_ignores_marks_and_case(plain: str, decorated: str) -> None:
    assert similarity(plain, decorated) == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [("اللواء ١٧", "اللواء 17"), ("Division 17", "Division ۱۷")],
)
def test_names_similarity_reads_arabic_indic_digits(a: str, b: str) -> None:
    assert similarity(a, b) == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [("Qamishlo قامشلو", "Qamishlo"), ("Qamishloقامشلو", "قامشلو"), ("Omar عمر", "Omar")],
)
def test_names_similarity_handles_mixed_scripts(a: str, b: str) -> None:
    assert similarity(a, b) >= MATCH_THRESHOLD


@pytest.mark.parametrize("other", ["Omar", "عمر", ""])
@pytest.mark.parametrize("empty", ["", "   ", "-", "()", "ـــ", "\u200f"])
def test_names_similarity_is_zero_for_empty_names(empty: str, other: str) -> None:
    assert similarity(empty, other) == 0.0
    assert similarity(other, empty) == 0.0


@pytest.mark.parametrize(
    ("a", "b"),
    [("Omar", "Umar"), ("Zabidov", "Zabidova"), ("عمر", "عمار"), ("Omar", "Zabidov")],
)
def test_names_similarity_stays_in_unit_interval(a: str, b: str) -> None:
    assert 0.0 <= similarity(a, b) <= 1.0


@pytest.mark.parametrize(
    ("name", "partial", "other"),
    [
        ("Abdul Karim Omar", "Omar", "Abdulkarim Omer"),
        ("عبد الكريم عمر", "عمر", "Abd al-Karim Umar"),
    ],
)
def test_names_similarity_ranks_full_spelling_above_shared_part(
    name: str, partial: str, other: str
) -> None:
    assert similarity(name, other) > similarity(name, partial) >= MATCH_THRESHOLD


@pytest.mark.parametrize(("a", "b"), [("اللواء ١١", "اللواء 1"), ("Brigade 11", "Brigade 1")])
def test_names_similarity_keeps_numbers_apart(a: str, b: str) -> None:
    assert similarity(a, b) < 1.0


@pytest.mark.parametrize(
    ("kurmanji", "other"),
    [
        ("Ebdulkerîm Omer", "عبد الكريم عمر"),
        ("Ebdulkerîm Omer", "Abdul Karim Omar"),
        ("Cerablusê", "Jarablus"),
        ("Cerablusê", "جرابلس"),
        ("Serêkaniyê", "Serekaniye"),
        ("Qamişlo", "قامشلو"),
    ],
)
def test_names_similarity_reads_kurmanji_spellings(kurmanji: str, other: str) -> None:
    assert similarity(kurmanji, other) >= MATCH_THRESHOLD
