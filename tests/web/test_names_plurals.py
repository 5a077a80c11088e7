"""Counted nouns in both interfaces, country names instead of codes, Arabic entity names."""

from __future__ import annotations

import pytest

from marsad.web.labels import labels, plural, plural_category
from marsad.web.names import NameBook, country_name


@pytest.mark.parametrize(
    ("n", "english", "arabic"),
    [
        (0, "0 results", "لا نتائج"),
        (1, "1 result", "نتيجة واحدة"),
        (2, "2 results", "نتيجتان"),
        (3, "3 results", "3 نتائج"),
        (10, "10 results", "10 نتائج"),
        (11, "11 results", "11 نتيجة"),
        (99, "99 results", "99 نتيجة"),
        (100, "100 results", "100 نتيجة"),
        (103, "103 results", "103 نتائج"),
        (1234, "1,234 results", "1234 نتيجة"),
    ],
)
def test_labels_plural_forms(n: int, english: str, arabic: str) -> None:
    assert plural("en", "results", n) == english
    assert plural("ar", "results", n) == arabic


def test_labels_every_counted_noun_has_every_category() -> None:
    for lang, categories in (("en", {"one", "other"}), ("ar", {"zero", "one", "two", "few",
                             "many", "other"})):  # fmt: skip
        nouns = [k for k in labels(lang) if k.startswith("plural_")]
        assert nouns, lang
        for key in nouns:
            assert set(labels(lang)[key]) == categories, (lang, key)
    assert {plural_category("ar", n) for n in range(0, 200)} == {
        "zero", "one", "two", "few", "many", "other"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("SY", "en", "Syria"),
        ("SY", "ar", "سوريا"),  # the knowledge base's country entry
        ("US", "en", "United States"),
        ("US", "ar", "الولايات المتحدة"),
        ("IR", "en", "Iran"),
        ("BR", "ar", "البرازيل"),  # not in the KB: the ISO 3166 translation
        ("ZZ", "en", "ZZ"),  # unknown: the code as given
    ],
)
def test_names_country_names_not_codes(code: str, lang: str, name: str) -> None:
    assert country_name(code, lang) == name


def test_names_book_gives_arabic_names_from_the_kb_and_keeps_english_pages_as_given() -> None:
    arabic = NameBook(None, "ar")
    assert arabic.name("Q858", "Syria") == "سوريا"
    assert arabic.name("Q-not-there", "Somewhere") == "Somewhere"
    assert arabic.name(None, "Unlinked") == "Unlinked"
    assert NameBook(None, "en").name("Q858", "Syrie") == "Syrie"
