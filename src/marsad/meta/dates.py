"""Finding every date expression in Arabic and English text.

    >>> [(m.text, m.value, m.relative) for m in find_dates("وصل اليوم الجمعة 8 نيسان")]
    [('اليوم', None, '0d'), ('الجمعة 8 نيسان', None, 'day-month:04-08;weekday:FRI')]

The vocabulary (months of every Arabic calendar tradition, weekdays, relative words,
digits) is in ``data/dates.{ar,en}.yaml`` and becomes regexes in ``marsad.meta.grammar``.
Both languages' rules run over any text: an Arabic page may quote an English date, and
the language is not known yet when metadata is read. Where expressions overlap ("8 نيسان
2022" and "نيسان 2022"), the longest is the date.

What a mention says is kept in ``relative`` (see ``marsad.meta.resolve`` for the forms)
and resolved against a reference date when one is given. A bare year needs a word that
makes it a date ("منذ العام 2019", "since 2019"); its value is the ISO year "2019" and it
is not relative. Dates written by the clock of another calendar (Hijri "1443 هـ") are not
read as Gregorian years.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable

from marsad.meta.grammar import Grammar, Rule, grammar
from marsad.meta.patterns import fold
from marsad.meta.resolve import resolve
from marsad.types import DateMention

# How far a numbered rule may reach from its digits: before them a weekday and its
# joiners ("مساء الأربعاء الموافق 8"), after them a month and a year ("8 من شهر تشرين
# الثاني/نوفمبر من العام 2022 ميلادية").
_REACH_BEFORE = 48
_REACH_AFTER = 64
# How far back the words before a weekday or relative word are looked for.
_CONTEXT = 24


def _day_value(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _read_numbered(rule: Rule, m: re.Match[str], g: Grammar) -> tuple[str | None, str | None]:
    """(value, relative) of one match, or (None, None) when it is no date after all."""
    groups = m.groupdict()
    if rule.kind == "iso":
        return _day_value(int(groups["year"]), int(groups["month"]), int(groups["day"])), None
    if rule.kind == "numeric":
        a, b, year = int(groups["a"]), int(groups["b"]), int(groups["year"])
        # Day first, as written in the region; month first only when that is impossible.
        return _day_value(year, b, a) or _day_value(year, a, b), None
    if rule.kind == "year":
        return groups["year"], None
    month = g.months.get(fold(groups["mon"]))
    if month is None:
        return None, None  # cannot happen while the regex is built from the same lists
    if rule.kind == "month-year":
        return f"{int(groups['year']):04d}-{month:02d}", None
    day = int(groups["day"])
    if groups.get("year"):
        return _day_value(int(groups["year"]), month, day), None
    if _day_value(2000, month, day) is None:  # 2000 was a leap year: 29 February exists
        return None, None
    relative = f"day-month:{month:02d}-{day:02d}"
    if groups.get("wd"):
        code = g.weekdays.get(fold(groups["wd"].rstrip(".")))
        relative += f";weekday:{code}" if code else ""
    return None, relative


def _windows(text: str, g: Grammar) -> list[tuple[int, int]]:
    """Stretches of text around its digit runs, merged where they touch."""
    spans: list[tuple[int, int]] = []
    for m in g.digit_runs.finditer(text):
        start, end = max(0, m.start() - _REACH_BEFORE), m.end() + _REACH_AFTER
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _numbered(text: str, g: Grammar) -> Iterable[tuple[int, int, str | None, str | None]]:
    for start, end in _windows(text, g):
        for rule in g.numbered:
            for m in rule.pattern.finditer(text, start, end):
                value, relative = _read_numbered(rule, m, g)
                if value is not None or relative is not None:
                    s, e = m.span("m") if "m" in rule.pattern.groupindex else m.span()
                    yield s, e, value, relative


def _extend_back(pattern: re.Pattern[str] | None, text: str, start: int) -> re.Match[str] | None:
    """A match of ``pattern`` (anchored with ``$``) ending right where ``start`` is."""
    if pattern is None:
        return None
    return pattern.search(text, max(0, start - _CONTEXT), start)


def _words(text: str, g: Grammar) -> Iterable[tuple[int, int, str | None, str | None]]:
    if g.words is None:
        return
    for m in g.words.finditer(text):
        start, end, key = m.start(), m.end(), fold(m.group())
        if key in g.relative:
            if (g.blocker is not None and g.blocker.match(text, end)) or _extend_back(
                g.blocker_before, text, start
            ):
                continue  # "اليوم التالي", "ذلك اليوم": a day counted from something else
            part = _extend_back(g.day_part_before, text, start)
            yield (part.start() if part else start), end, None, g.relative[key]
            continue
        code = g.weekdays.get(key)
        if code is None:
            continue  # cannot happen while the regex is built from the same lists
        after = g.direction_after.match(text, end) if g.direction_after else None
        before = _extend_back(g.direction_before, text, start)
        if before is not None:
            start = before.start()
        part = _extend_back(g.day_part_before, text, start)
        if part is not None:
            start = part.start()
        direction = after or before
        if key in g.ambiguous_weekdays and direction is None and part is None:
            today = _extend_back(g.today_before, text, start)
            if today is None:
                continue  # الاثنين "the two", الأحد "the one"
        sign = "+" if direction is not None and direction["next"] else ""
        yield start, (after.end() if after else end), None, f"weekday:{sign}{code}"


def _scan(text: str) -> list[DateMention]:
    g = grammar()
    ascii_text = text
    if g.foreign_digits is not None and g.foreign_digits.search(text):
        # Arabic-Indic and Persian digits read as ASCII; one code point each: offsets hold.
        ascii_text = g.foreign_digits.sub(lambda m: m.group().translate(g.digits), text)
    found = [*_numbered(ascii_text, g), *_words(text, g)]
    found.sort(key=lambda f: (f[0] - f[1], f[0]))  # longest first
    starts: list[int] = []  # of the kept mentions, which never overlap: sorted by start
    kept: list[DateMention] = []
    for start, end, value, relative in found:
        i = bisect.bisect_right(starts, start)
        if (i and kept[i - 1].end > start) or (i < len(kept) and kept[i].start < end):
            continue
        starts.insert(i, start)
        kept.insert(i, DateMention(start, end, text[start:end], value, relative))
    return kept


def resolve_mentions(
    mentions: Iterable[DateMention], anchor: dt.date | None, bound: dt.date | None
) -> None:
    """Set ``value`` on every relative mention the dates now fix (see ``marsad.meta.resolve``)."""
    for d in mentions:
        if d.relative is not None:
            d.value = resolve(d.relative, anchor, bound)


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``reference``.

    The reference serves both as the day relative words count from and as the bound that
    places a day and month in a year. Without it, relative mentions keep ``value=None``.
    """
    if not text:
        return []
    mentions = _scan(text)
    resolve_mentions(mentions, reference, reference)
    return mentions
