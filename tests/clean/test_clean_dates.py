"""Date-only lines, which mark navigation and page dates, in both languages."""

from __future__ import annotations

import pytest

from marsad.clean.dates import is_date_only


@pytest.mark.parametrize(
    "line",
    [
        "2022-04-05",
        "05/04/2022",
        "5.4.22",
        "April 5, 2022",
        "Tuesday, 5 April 2022 10:30 am",
        "Apr 5",
        "On the 5th of April 2022",
        "8 نيسان 2022",
        "الثلاثاء 5 أبريل 2022",
        "5 نيسان/أبريل 2022م",
        "١٠ تشرين الأول ٢٠٢٢",
        "الجمعة، 8 كانون الثاني 2021 - 10:30 ص",
    ],
)
def test_dates_date_only_lines(line: str) -> None:
    assert is_date_only(line)


@pytest.mark.parametrize(
    "line",
    [
        "March 2022",  # a timeline heading, no day
        "10:30",
        "10:30:45",
        "2022",
        "On April 5, 2022 the SDF announced a curfew",
        "وصل اليوم الجمعة 8 نيسان وفد طاجيكي",
        "Share",
        "",
    ],
)
def test_dates_lines_that_are_not_only_a_date(line: str) -> None:
    assert not is_date_only(line)
