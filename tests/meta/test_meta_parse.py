"""parse_date_string: metadata strings from feeds, headers and JSONL fields."""

from __future__ import annotations

import pytest

from marsad.meta.parse import parse_date_string


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 05 Apr 2022 10:00:00 GMT", "2022-04-05"),
        ("2022-04-08T10:00:00+03:00", "2022-04-08"),
        ("2022-04-08T23:30:00-05:00", "2022-04-08"),  # the day where it was written
        ("2022-04-08T10:00:00Z", "2022-04-08"),
        ("2022-04-08", "2022-04-08"),
        ("1649412000", "2022-04-08"),
        ("08/04/2022", "2022-04-08"),
        ("Friday, April 8, 2022 - 10:23", "2022-04-08"),
        ("8 نيسان 2022", "2022-04-08"),
        ("الجمعة ٨ نيسان/أبريل ٢٠٢٢ - 10:23", "2022-04-08"),
        ("2022/04/08 10:00 ص", "2022-04-08"),
        ("8 avril 2022", "2022-04-08"),  # another language: dateparser's turn
    ],
)
def test_parse_reads_a_whole_day(value: str, expected: str) -> None:
    assert parse_date_string(value) == expected


@pytest.mark.parametrize(
    "value",
    ["", "   ", "garbage", "April 2022", "نيسان 2022", "yesterday", "أمس", "8 نيسان", "x" * 500,
     "9" * 10_000, "\x00"],
)  # fmt: skip
def test_parse_gives_none_without_a_whole_day(value: str) -> None:
    assert parse_date_string(value) is None
