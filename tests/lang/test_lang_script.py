from __future__ import annotations

import pytest

from marsad.lang.script import count_scripts


@pytest.mark.parametrize(
    ("text", "arabic", "latin", "dominant"),
    [
        ("وصل اليوم الجمعة 8 نيسان، وفد", 22, 0, "arabic"),  # digits and ، do not count
        ("عُقِدَ اجتماع", 9, 0, "arabic"),  # harakat are marks, not letters
        ("ئەم ڕاپۆرتە", 10, 0, "arabic"),  # Sorani letters are Arabic script
        ("Hello, world 3.5!", 0, 10, "latin"),
        ("Serêkaniyê and Tel-Abyed", 0, 21, "latin"),
        ("قال Omar", 3, 4, "latin"),
        ("2022-04-05", 0, 0, "none"),
    ],
)
def test_script_counts_letters_by_script(text: str, arabic: int, latin: int, dominant: str) -> None:
    counts = count_scripts(text)
    assert (counts.arabic, counts.latin, counts.dominant) == (arabic, latin, dominant)


@pytest.mark.parametrize(("text", "other"), [("Привет мир", 9), ("שלום", 4), ("مرحبا", 0)])
def test_script_counts_other_scripts_apart(text: str, other: int) -> None:
    assert count_scripts(text).other == other
