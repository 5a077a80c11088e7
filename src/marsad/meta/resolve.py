"""Turning what a relative date expression said into a date, given the article's dates.

A ``DateMention.relative`` string is the record of what the text said, and the only
input resolution needs, so mentions can be resolved again once a better date is known:

    ``-2d`` ``0d`` ``+1d``      days from the anchor (أول أمس, today, tomorrow)
    ``-1w`` ``-1m`` ``0y``      weeks, months, years from the anchor (last week ...)
    ``weekday:TUE``           the last Tuesday on or before the anchor
    ``weekday:+TUE``          the next Tuesday after the anchor (next Tuesday, الثلاثاء المقبل)
    ``day-month:04-08``       8 April of the latest year not after the bound
    ``day-month:04-08;weekday:FRI``   the same, in a year where 8 April is a Friday

Values are ISO 8601 at the precision the text gives: ``2022-04-08`` for a day,
``2022-W14`` for a week, ``2022-04`` for a month, ``2022`` for a year.

Two dates drive resolution. The *anchor* is the day the text counts from (its
publication date); the *bound* is a day the text cannot be much later than (the page's
fetch date, the newest item in its sidebar). A bound places "8 April" in a year but says
nothing about what "yesterday" was.
"""

from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")

# How far past the bound a day-month may fall and still be in the bound's year: pages
# are fetched, and sidebars filled, a few days after what they report; an article may
# also announce something due next week.
YEAR_SLACK = dt.timedelta(days=7)

# A weekday falls on one date once in at most 28 years (leap years included); looking
# further back only finds the same answer again.
_YEARS_BACK = 28

_OFFSET = re.compile(r"([+-]?\d{1,4})([dwmy])")
_DAY_MONTH = re.compile(r"(\d{2})-(\d{2})")
_WEEKDAY = re.compile(r"(\+?)(MON|TUE|WED|THU|FRI|SAT|SUN)")


def resolve(relative: str, anchor: dt.date | None, bound: dt.date | None) -> str | None:
    """The ISO value of a ``relative`` string, or None when the dates given do not fix it."""
    parts = dict(p.split(":", 1) for p in relative.split(";") if ":" in p)
    if "day-month" in parts:
        return _day_month(parts["day-month"], parts.get("weekday"), bound)
    if "weekday" in parts:
        return _weekday(parts["weekday"], anchor)
    offset = _OFFSET.fullmatch(relative)
    if offset is None or anchor is None:
        return None
    return _offset(int(offset.group(1)), offset.group(2), anchor)


def _offset(n: int, unit: str, anchor: dt.date) -> str | None:
    try:
        if unit == "d":
            return (anchor + dt.timedelta(days=n)).isoformat()
        if unit == "w":
            year, week, _ = (anchor + dt.timedelta(weeks=n)).isocalendar()
            return f"{year:04d}-W{week:02d}"
    except OverflowError:
        return None
    if unit == "m":
        year, month0 = divmod(anchor.year * 12 + anchor.month - 1 + n, 12)
        return f"{year:04d}-{month0 + 1:02d}" if dt.MINYEAR <= year <= dt.MAXYEAR else None
    year = anchor.year + n
    return f"{year:04d}" if dt.MINYEAR <= year <= dt.MAXYEAR else None


def _weekday(spec: str, anchor: dt.date | None) -> str | None:
    m = _WEEKDAY.fullmatch(spec)
    if m is None or anchor is None:
        return None
    target = WEEKDAYS.index(m.group(2))
    try:
        if m.group(1):
            days = (target - anchor.weekday() - 1) % 7 + 1  # strictly after the anchor
            return (anchor + dt.timedelta(days=days)).isoformat()
        return (anchor - dt.timedelta(days=(anchor.weekday() - target) % 7)).isoformat()
    except OverflowError:
        return None


def _day_month(spec: str, weekday: str | None, bound: dt.date | None) -> str | None:
    m = _DAY_MONTH.fullmatch(spec)
    if m is None or bound is None:
        return None
    month, day = int(m.group(1)), int(m.group(2))
    wanted = WEEKDAYS.index(weekday) if weekday in WEEKDAYS else None
    try:
        limit = bound + YEAR_SLACK
    except OverflowError:
        limit = bound
    for year in range(limit.year, max(dt.MINYEAR, limit.year - _YEARS_BACK) - 1, -1):
        try:
            day_ = dt.date(year, month, day)
        except ValueError:
            continue  # 29 February outside a leap year, or no such day at all
        if day_ <= limit and (wanted is None or day_.weekday() == wanted):
            return day_.isoformat()
    return None
