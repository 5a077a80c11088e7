"""Script normalization and tokenization: articles, compounds, marks."""

from __future__ import annotations

import pytest

from marsad.names import normalize_arabic, normalize_latin, tokenize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("عَبْدُ الكَرِيمِ", "عبد الكريم"),  # harakat
        ("الحســـكة", "الحسكه"),  # tatweel, ta marbuta
        ("إيليا أحمد آمال", "ايليا احمد امال"),  # hamza seats on alef
        ("مصطفى", "مصطفي"),  # alef maqsura
        ("مؤمن", "مومن"),
        ("٢٠٢٢", "2022"),
    ],
)
def test_names_normalize_arabic_folds_variants(raw: str, expected: str) -> None:
    assert normalize_arabic(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Deir ez-Zôr", "deir ez-zor"),
        ("Qamişlo", "qamishlo"),
        ("ʿAbd al-Karīm", "abd al-karim"),
        ("Dar'a", "dara"),
        ("Erdoğan", "erdoghan"),
    ],
)
def test_names_normalize_latin_strips_accents_keeps_sounds(raw: str, expected: str) -> None:
    assert normalize_latin(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Cerablusê", "jarablusee"),  # Kurmanji: c is j, e a short a, ê a long e
        ("Ebdulkerîm", "abdulkariim"),
        ("Xerîb", "khariib"),  # x is kh
        ("Cizre Kocaeli Ağrı", "jizre kojaeli aghri"),  # Turkish: c is j, e stays
        ("Curaçao", "curachao"),  # ç alone says nothing: French and Portuguese have it
        ("Cezar", "cezar"),  # no telling letter: read as English
    ],
)
def test_names_normalize_latin_reads_kurmanji_and_turkish(raw: str, expected: str) -> None:
    assert normalize_latin(raw) == expected


@pytest.mark.parametrize(
    ("name", "texts", "bares"),
    [
        ("Al-Hasakah", ["alhasakah"], ["hasakah"]),
        ("الحسكة", ["الحسكه"], ["حسكه"]),
        ("بالحسكة", ["بالحسكه"], ["حسكه"]),
        ("Deir ez-Zor", ["deir", "ezzor"], ["deir", "zor"]),
        ("Hasakah", ["hasakah"], ["hasakah"]),
        ("الف", ["الف"], ["الف"]),  # too short for ال to be an article (Alf)
    ],
)
def test_names_tokenize_marks_the_article(name: str, texts: list[str], bares: list[str]) -> None:
    tokens = tokenize(name)
    assert [t.text for t in tokens] == texts
    assert [t.bare for t in tokens] == bares


@pytest.mark.parametrize(
    "spellings",
    [
        ["Abdul Karim", "Abd al-Karim", "Abdulkarim", "Abd al Karim", "Abdel Karim"],
        ["عبد الكريم", "عبدالكريم"],
        ["Abdullah", "Abd Allah", "Abdallah"],
        ["عبد الله", "عبدالله"],
        ["Nasrallah", "Nasr Allah", "Nasrullah"],
        ["Salah ad-Din", "Salahuddin", "Salah al-Din"],
    ],
)
def test_names_tokenize_joins_compounds_one_way(spellings: list[str]) -> None:
    forms = {tuple(t.text for t in tokenize(s)) for s in spellings}
    assert len(forms) == 1
    assert len(next(iter(forms))) == 1


@pytest.mark.parametrize(
    ("name", "count"),
    [("Zabidov", 1), ("زبيد الله زبيدوف", 2), ("Badran Jia Kurd", 3), ("بدران جيا كرد", 3)],
)
def test_names_tokenize_counts_name_parts(name: str, count: int) -> None:
    assert len(tokenize(name)) == count


@pytest.mark.parametrize("name", ["Qamishloقامشلو", "Qamishlo قامشلو"])
def test_names_tokenize_splits_scripts(name: str) -> None:
    assert [t.arabic for t in tokenize(name)] == [False, True]
