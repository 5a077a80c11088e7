"""Normalisation keeps meaning: quotes stay, invisible noise and tatweel go."""

from __future__ import annotations

import unicodedata

import pytest

from marsad.clean.normalize import fold, normalize_line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("الإدارة الذاتيـــــة", "الإدارة الذاتية"),  # tatweel
        ("\u200fقال\u200f  عمر\u202c", "قال عمر"),  # bidi marks, double space
        ("  The\u00a0statement\t read\u200b.  ", "The statement read."),  # NBSP, tab, ZWSP
        ("\ufeffOmar added", "Omar added"),  # BOM
        (unicodedata.normalize("NFD", "vis-à-vis"), "vis-à-vis"),  # NFC
        (unicodedata.normalize("NFD", "إيليا"), "إيليا"),
    ],
)
def test_normalize_removes_noise(raw: str, expected: str) -> None:
    assert normalize_line(raw) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Omar added: “The international community should act.”",
        'He said: "The border was open" and «the coalition knew».',
        "وأضاف” على المجتمع الدولي زيادة الدعم”.",
        "قال «إن الوضع خطير»",
        "کوردستان\u200cی",  # ZWNJ is spelling in Kurdish, not noise
    ],
)
def test_normalize_keeps_quotes_and_joiners(line: str) -> None:
    assert normalize_line(line) == line


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Read more »", "read more"),
        ("اقرأ أيضاً:", "اقرا ايضا"),
        ("أظهر المزيد", "اظهر المزيد"),
        ("Tags :", "tags"),
    ],
)
def test_normalize_fold_matches_spelling_variants(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_normalize_fold_keeps_colon_without_trim() -> None:
    assert fold("Tags : ISIS", trim=False) == "tags: isis"
