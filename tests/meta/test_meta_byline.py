"""find_byline: author lines at either end of an article, in both scripts."""

from __future__ import annotations

import pytest

from marsad.meta.byline import Byline, find_byline, read_byline
from marsad.meta.outlets import outlets


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Reported by Adnan Hamo", Byline("Adnan Hamo")),
        ("By Jane Doe", Byline("Jane Doe")),
        ("BY JANE DOE", Byline("JANE DOE")),
        ("Written by Abd al-Karim Omar", Byline("Abd al-Karim Omar")),
        ("By Jane Doe, Reuters", Byline("Jane Doe", "Reuters")),
        ("By J. Doe and John Roe", Byline("J. Doe and John Roe")),
        ("Author: Jane Doe", Byline("Jane Doe")),
        ("إعداد: محمد أحمد", Byline("محمد أحمد")),
        ("تقرير: سارة محمد", Byline("سارة محمد")),
        ("بقلم عبد الكريم عمر", Byline("عبد الكريم عمر")),
        ("كتبه: أدنان حمو / نورث برس", Byline("أدنان حمو", "North Press")),
    ],
)
def test_byline_reads_the_name(line: str, expected: Byline) -> None:
    assert read_byline(line, outlets()) == expected


@pytest.mark.parametrize(
    "line",
    [
        "By contrast, the administration said",
        "By the end of 2019, the AA called for a tribunal",
        "Reported by the official news agency in Damascus on Friday morning after talks",
        "Author",
        "تقرير الأمم المتحدة الأخير",  # "the latest UN report": no colon, no byline
        "تحرير الرقة من داعش",  # "the liberation of Raqqa"
        "كتب الرئيس على تويتر",  # "the president wrote on Twitter"
        "",
    ],
)
def test_byline_leaves_prose_alone(line: str) -> None:
    assert read_byline(line, outlets()) is None


@pytest.mark.parametrize(
    "lines",
    [
        ["The AANES said, Tuesday, that", "It concluded by stressing.", "Reported by Adnan Hamo"],
        ["إعداد: محمد أحمد", "وصل اليوم وفد إلى قامشلو.", "وأكد الرئيس المشترك أن"],
    ],
)
def test_byline_found_at_either_end(lines: list[str]) -> None:
    assert find_byline(lines, outlets()) is not None


@pytest.mark.parametrize(
    "lines",
    [
        ["First line.", "Second line.", "Reported by Adnan Hamo", "Fourth.", "Fifth.", "Sixth."],
        ["أول.", "ثاني.", "إعداد: محمد أحمد", "رابع.", "خامس.", "سادس."],
    ],
)
def test_byline_not_read_from_the_middle(lines: list[str]) -> None:
    assert find_byline(lines, outlets()) is None
