"""find_dates: every date form in both scripts, with and without a reference date."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.meta.dates import find_dates, resolve_mentions

REF = dt.date(2022, 4, 10)  # a Sunday


def _found(text: str, reference: dt.date | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.value, m.relative) for m in find_dates(text, reference)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO and numeric, day first as in the region
        ("وصل الوفد في 2022-04-08 إلى قامشلو", ("2022-04-08", "2022-04-08", None)),
        ("The delegation arrived on 2022-04-08.", ("2022-04-08", "2022-04-08", None)),
        ("وقع الهجوم في 8/4/2022", ("8/4/2022", "2022-04-08", None)),
        ("The attack came on 8/4/2022.", ("8/4/2022", "2022-04-08", None)),
        ("on 4/25/2022", ("4/25/2022", "2022-04-25", None)),  # month first only if need be
        # day month year, both month traditions, the combined form, both digit scripts
        ("في 8 نيسان 2022", ("8 نيسان 2022", "2022-04-08", None)),
        ("في 8 أبريل 2022", ("8 أبريل 2022", "2022-04-08", None)),
        ("في 8 إبريل 2022", ("8 إبريل 2022", "2022-04-08", None)),
        ("في 8 نيسان/أبريل 2022 وصل", ("8 نيسان/أبريل 2022", "2022-04-08", None)),
        ("في 25 سبتمبر (أيلول) 2008", ("25 سبتمبر (أيلول) 2008", "2008-09-25", None)),
        ("ثورة 23 يوليو- تموز 1952", ("23 يوليو- تموز 1952", "1952-07-23", None)),
        ("في ٨ نيسان ٢٠٢٢", ("٨ نيسان ٢٠٢٢", "2022-04-08", None)),
        ("في ۸ آذار ۲۰۲۲", ("۸ آذار ۲۰۲۲", "2022-03-08", None)),
        ("في 10 تشرين الأول 2021", ("10 تشرين الأول 2021", "2021-10-10", None)),
        ("في 3 كانون الثاني 2020", ("3 كانون الثاني 2020", "2020-01-03", None)),
        ("في 3 يونيه 2020", ("3 يونيه 2020", "2020-06-03", None)),
        ("on 8 April 2022", ("8 April 2022", "2022-04-08", None)),
        ("on April 8, 2022", ("April 8, 2022", "2022-04-08", None)),
        ("the 8th of April 2022", ("8th of April 2022", "2022-04-08", None)),
        ("Tue, 05 Apr 2022 10:00:00 GMT", ("Tue, 05 Apr 2022", "2022-04-05", None)),
        # month and year
        ("في تشرين الأول 2021", ("تشرين الأول 2021", "2021-10", None)),
        ("in October 2021", ("October 2021", "2021-10", None)),
        # a year with the word that makes it one
        ("منذ العام 2019 دعت", ("العام 2019", "2019", None)),
        ("since 2019, the AA called", ("2019", "2019", None)),
        # day and month without a year: kept relative
        ("الجمعة 8 نيسان", ("الجمعة 8 نيسان", None, "day-month:04-08;weekday:FRI")),
        ("on Friday, 8 April", ("Friday, 8 April", None, "day-month:04-08;weekday:FRI")),
        ("في 8 نيسان", ("8 نيسان", None, "day-month:04-08")),
        ("on Apr. 8", ("Apr. 8", None, "day-month:04-08")),
        # weekdays and relative words
        ("قالت الإدارة، الثلاثاء، إن", ("الثلاثاء", None, "weekday:TUE")),
        ("the AANES said, Tuesday, the", ("Tuesday", None, "weekday:TUE")),
        ("يوم الاثنين الماضي", ("يوم الاثنين الماضي", None, "weekday:MON")),
        ("next Tuesday", ("next Tuesday", None, "weekday:+TUE")),
        ("الثلاثاء المقبل", ("الثلاثاء المقبل", None, "weekday:+TUE")),
        ("عُقِدَ اجتماع دولي، أول أمس، لمناقشة", ("أول أمس", None, "-2d")),
        ("the day before yesterday", ("the day before yesterday", None, "-2d")),
        ("وصل اليوم", ("اليوم", None, "0d")),
        ("arrived today", ("today", None, "0d")),
        ("وقال بالأمس", ("الأمس", None, "-1d")),
        ("Yesterday, the council", ("Yesterday", None, "-1d")),
        ("سيصل غداً", ("غداً", None, "+1d")),
        ("خلال الأسبوع الماضي", ("الأسبوع الماضي", None, "-1w")),
        ("during last week", ("last week", None, "-1w")),
        ("العام الماضي", ("العام الماضي", None, "-1y")),
    ],
)
def test_dates_finds_each_form(text: str, expected: tuple[str, str | None, str | None]) -> None:
    assert _found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("أول أمس", "2022-04-08"),
        ("the day before yesterday", "2022-04-08"),
        ("الثلاثاء", "2022-04-05"),
        ("Tuesday", "2022-04-05"),
        ("الثلاثاء المقبل", "2022-04-12"),
        ("next Tuesday", "2022-04-12"),
        ("8 نيسان", "2022-04-08"),
        ("Apr. 8", "2022-04-08"),
        ("20 تموز", "2021-07-20"),  # later than the reference: last year's
        ("July 20", "2021-07-20"),
        ("الأسبوع الماضي", "2022-W13"),
        ("last month", "2022-03"),
        ("العام الماضي", "2021"),
    ],
)
def test_dates_resolve_against_a_reference(text: str, value: str) -> None:
    [mention] = find_dates(text, REF)
    assert mention.value == value
    assert mention.relative is not None  # what the text said is kept beside the value


@pytest.mark.parametrize(
    ("text", "no_weekday"),
    [("وصل الجمعة 8 نيسان", "وصل 8 نيسان"), ("came on Friday, 8 April", "came on 8 April")],
)
def test_dates_weekday_constrains_the_year(text: str, no_weekday: str) -> None:
    # 8 April 2023 is a Saturday; the last 8 April on a Friday was in 2022.
    reference = dt.date(2023, 4, 10)
    assert find_dates(no_weekday, reference)[0].value == "2023-04-08"
    assert find_dates(text, reference)[0].value == "2022-04-08"


@pytest.mark.parametrize("text", ["الجمعة 8 نيسان", "Friday, 8 April"])
def test_dates_day_month_within_slack_of_the_reference(text: str) -> None:
    # A sidebar dated 2022-04-05 still bounds an article dated three days later.
    assert find_dates(text, dt.date(2022, 4, 5))[0].value == "2022-04-08"


@pytest.mark.parametrize("text", ["أول أمس", "yesterday", "الجمعة 8 نيسان", "Tuesday"])
def test_dates_resolve_mentions_again_with_a_better_anchor(text: str) -> None:
    mentions = find_dates(text)
    assert mentions[0].value is None
    resolve_mentions(mentions, anchor=REF, bound=REF)
    assert mentions[0].value is not None


@pytest.mark.parametrize(
    "text",
    [
        "وصل اليوم الجمعة ٨ نيسان/أبريل ٢٠٢٢، وفد",
        "عُقِدَ اجتماع دولي، أوَّل أمسِ، لمناقشة",
        "The delegation arrived today, Friday, April 8, 2022, in Qamishlo",
        "منذ العام ۲۰۱۹ and since 2019 (8/4/2022)",
    ],
)
def test_dates_offsets_point_into_the_text(text: str) -> None:
    mentions = find_dates(text, REF)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "مارس 3 هجمات على المخيم",  # مارس the verb "carried out"
        "الخلاف بين الاثنين",  # الاثنين "the two"
        "في اليوم التالي للهجوم",  # the day after something else
        "صلاة الفجر في ذلك اليوم",  # "that day"
        "في العام 1443 هـ",  # a Hijri year
        "45 km east of the city, 65,000 people, version 1.2.3 at 10:30",
        "they may 5 times refuse",  # "may" the verb
        "31/02/2022 and 2022-13-01",  # no such days
    ],
)
def test_dates_ignores_what_is_not_a_date(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "9" * 10_000,
        "٩" * 10_000,
        "2022-" * 2_000,
        "نيسان " * 2_000 + "8",
        "Friday, " * 1_000,
        "\u064b\u0640\u200f" * 100,
        "8 نيسان April 2022 ٢٠٢٢ 🎉 \x00 \ud7ff",
        "الجمعة 29 شباط",  # 29 February: only leap years fit
    ],
)
def test_dates_odd_input_never_crashes(text: str) -> None:
    for reference in (None, REF, dt.date.min, dt.date.max):
        for m in find_dates(text, reference):
            assert text[m.start : m.end] == m.text
