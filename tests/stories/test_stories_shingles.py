from __future__ import annotations

import pytest

from marsad.stories.shingles import shingles, words


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "وصل وفد إلى قامشلو يوم الجمعة",
            "وصل وفد الى قامشلو يوم الجمعه",
        ),  # hamza seat, ta marbuta
        ("A Tajik Delegation visits Qamishlo", "a tajik delegation VISITS qamishlo"),
    ],
    ids=["ar", "en"],
)
def test_shingles_fold_spelling_variants(a: str, b: str) -> None:
    assert shingles(a) == shingles(b)
    assert len(shingles(a)) == len(words(a)) - 2


@pytest.mark.parametrize("text", ["قامشلو", "Qamishlo today"], ids=["ar", "en"])
def test_shingles_short_text_is_one_shingle(text: str) -> None:
    assert len(shingles(text)) == 1
    assert shingles("") == set()
