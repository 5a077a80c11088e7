from __future__ import annotations

import pytest

from marsad.kb import normalise_name
from marsad.search import word_key
from marsad.textnorm import fold_letters


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أإآٱ", "اااا"),
        ("مستشفى", "مستشفي"),
        ("مدرسة", "مدرسه"),
        ("کوبانی", "كوباني"),  # Kurdish/Persian letter shapes
        ("الإِدارَة", "الادارة"),
        ("ISTANBUŁ", "istanbul"),
    ],
)
def test_textnorm_folds_letter_variants(a: str, b: str) -> None:
    assert fold_letters(a) == fold_letters(b)


@pytest.mark.parametrize("word", ["قامشلو", "الإدارة", "مستشفى", "Serêkaniyê", "Kobanî"])
def test_textnorm_names_and_search_fold_alike(word: str) -> None:
    # one letter table: a KB name key and a search key of one word are the same
    assert normalise_name(word) == word_key(word)
