"""The regexes of ``marsad.meta.dates``, built once from ``data/dates.{ar,en}.yaml``.

Two kinds of rule, for speed on long text:

* *word* rules: weekday names and relative words ("أمس", "Tuesday"), in one regex whose
  branches open with a literal character, searched over the whole text;
* *numbered* rules: everything with a digit in it ("8 نيسان 2022", "since 2019",
  "2022-04-08"), tried only in windows around the digit runs of the text.

Every part of a date expression except the digits comes from the data files and may be
an empty list there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad.langs import full_pipeline_langs
from marsad.meta import vocab
from marsad.meta.patterns import alternation, fold, word_alternation
from marsad.meta.resolve import WEEKDAYS

LANGS = full_pipeline_langs()  # the languages with lexicons: their profiles say so

_LB = r"(?<!\w)"
_RB = r"(?!\w)"
# A day number: not a piece of a longer number, a decimal, a time or a numeric date.
_DAY = r"(?<![\d.,:/-])(?P<day>3[01]|[12][0-9]|0?[1-9])(?!\d)"
_YEAR = r"(?P<year>[12][0-9]{3})(?!\d)"
# Numeric dates, the same in every language: ISO (2022-04-08, 2022/04/08) and the
# day-first order of the region (8/4/2022, 08.04.2022).
_ISO = (
    r"(?<![\d/.-])(?P<year>[12][0-9]{3})(?P<sep>[-/.])(?P<month>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<day>3[01]|[12][0-9]|0?[1-9])(?!\d)(?!(?P=sep)\d)"
)
_NUMERIC = (
    r"(?<![\d/.-])(?P<a>[0-9]{1,2})(?P<sep>[-/.])(?P<b>[0-9]{1,2})(?P=sep)"
    r"(?P<year>[12][0-9]{3})(?!\d)(?!(?P=sep)\d)"
)


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str  # iso | numeric | named-date | month-year | year
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Grammar:
    numbered: tuple[Rule, ...]
    words: re.Pattern[str] | None  # group "w": a weekday name or a relative phrase
    digit_runs: re.Pattern[str]
    foreign_digits: re.Pattern[str] | None
    digits: dict[int, str]  # other scripts' digits -> ASCII
    # folded words -> what they mean
    months: dict[str, int]
    weekdays: dict[str, str]
    relative: dict[str, str]
    ambiguous_weekdays: frozenset[str]
    # context around a word match, each None when its lists are empty
    blocker: re.Pattern[str] | None  # after a relative word: "اليوم التالي"
    blocker_before: re.Pattern[str] | None  # before it: "ذلك اليوم"
    direction_after: re.Pattern[str] | None  # "الثلاثاء المقبل"
    direction_before: re.Pattern[str] | None  # "next Tuesday"
    day_part_before: re.Pattern[str] | None  # "مساء الجمعة", "يوم أمس"
    today_before: re.Pattern[str] | None  # "اليوم الأحد"


# Lists read from every language's file into one, for the words around a word match.
_CONTEXT_LISTS = (
    "ambiguous_weekdays",
    "relative_blockers",
    "relative_blockers_before",
    "weekday_past",
    "weekday_next",
    "day_parts",
    "proclitics",
)


def _opt(piece: str | None, template: str) -> str:
    """``template`` with ``{}`` filled by ``piece``, or nothing when its list is empty."""
    return template.format(piece) if piece else ""


def _either(*pieces: str) -> str | None:
    kept = [p for p in pieces if p]
    return "(?:" + "|".join(kept) + ")" if kept else None


def _numbered_rules(name: str, v: dict[str, Any]) -> list[Rule]:
    def words(key: str, capitals: bool = False, anycase: bool = False) -> str | None:
        piece = alternation(vocab.words(name, v, key), capitals)
        return f"(?i:{piece})" if piece and anycase else piece

    months = words("months", capitals=True)
    if months is None:
        raise vocab.bad(name, "'months' is empty")
    weekdays = words("weekdays", capitals=True)
    abbreviations = words("weekday_abbreviations", capitals=True)
    day_part = words("day_parts")
    rejecting, suffix = words("year_rejecting_suffixes"), words("year_suffixes")

    year = _YEAR + _opt(rejecting, r"(?!\s*{}(?!\w))") + _opt(suffix, r"(?:\s?{}(?!\w))?")
    # "نيسان", "Apr.", and the combined forms "نيسان/أبريل", "نيسان (أبريل)".
    month = (
        f"(?P<mon>{months}){_RB}\\.?(?:\\s*[/-]\\s*{months}{_RB}\\.?|\\s*\\(\\s*{months}\\s*\\))?"
    )
    month = _opt(words("month_prefixes"), r"(?:{}\s+)?") + month
    month_year = (
        r"\s*[,،]?\s*" + _opt(words("month_year_joiners", anycase=True), r"(?:{}\s+)?") + year
    )
    day = _DAY + _opt(words("ordinal_suffixes"), "(?:{})?") + _RB
    # "الجمعة، 8 نيسان", "Tue, 05 Apr 2022", "Friday the 8th of April".
    any_weekday = _either(weekdays or "", _opt(abbreviations, r"{}\.?"))
    lead = ""
    if any_weekday:
        lead = (
            "(?:"
            + _LB
            + _opt(day_part, r"(?:{}\s+)?")
            + f"(?P<wd>{any_weekday}){_RB}"
            + r"\s*[,،]?\s*"
            + _opt(words("weekday_joiners", anycase=True), r"(?:{}\s+)?")
            + ")?"
        )
    day_month = (
        lead
        + day
        + r"\s*"
        + _opt(words("day_month_joiners", anycase=True), r"(?:{}\s+)?")
        + month
        + f"(?:{month_year})?"
    )
    rules = [
        Rule("named-date", re.compile(day_month)),
        Rule("month-year", re.compile(_LB + month + month_year)),
    ]
    if v.get("month_day_order"):
        month_day = f"{lead}{_LB}{month}\\s+{day}(?:\\s*,?\\s*{year})?"
        rules.append(Rule("named-date", re.compile(month_day)))
    markers = words("year_markers", anycase=True)
    if markers:  # part of the mention: "العام 2019"
        rules.append(Rule("year", re.compile(f"{_LB}{markers}\\s+{year}")))
    cues = words("year_cues", anycase=True)
    if cues:  # not part of it: "since 2019" -> "2019"
        rules.append(Rule("year", re.compile(f"{_LB}{cues}\\s+(?P<m>{year})")))
    return rules


def _keyed(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    return {fold(word): value for word, value in pairs}


def _cases(phrase: str) -> set[str]:
    """A phrase as written, capitalised to open a sentence, and in capitals."""
    return {phrase, phrase[:1].upper() + phrase[1:], phrase.upper()}


@cache
def grammar() -> Grammar:
    numbered: list[Rule] = [Rule("iso", re.compile(_ISO)), Rule("numeric", re.compile(_NUMERIC))]
    digits: dict[int, str] = {}
    months: dict[str, int] = {}
    weekdays: dict[str, str] = {}
    relative: dict[str, str] = {}
    word_phrases: set[str] = set()
    lists: dict[str, list[str]] = {}
    for lang in LANGS:
        name = f"dates.{lang}.yaml"
        v = vocab.load(name)
        for script in vocab.words(name, v, "digits"):
            if len(script) != 10:
                raise vocab.bad(name, f"digits {script!r}: need 0 to 9")
            digits.update((ord(ch), str(i)) for i, ch in enumerate(script))
        for number, names in vocab.groups(name, v, "months").items():
            if not number.isdigit() or not 1 <= int(number) <= 12:
                raise vocab.bad(name, f"month {number!r} is not 1-12")
            months.update(_keyed((n, int(number)) for n in names))
        for key in ("weekdays", "weekday_abbreviations"):
            for code, names in vocab.groups(name, v, key).items():
                if code not in WEEKDAYS:
                    raise vocab.bad(name, f"{key}: unknown day {code!r}")
                weekdays.update(_keyed((n, code) for n in names))
                if key == "weekdays":
                    word_phrases.update(n for w in names for n in (w, w.upper()))
        for offset, phrases in vocab.groups(name, v, "relative").items():
            relative.update(_keyed((p, offset) for p in phrases))
            word_phrases.update(c for p in phrases for c in _cases(p))
            if offset == "0d":
                lists.setdefault("today", []).extend(phrases)
        for key in _CONTEXT_LISTS:
            lists.setdefault(key, []).extend(vocab.words(name, v, key))
        numbered.extend(_numbered_rules(name, v))

    def any_of(key: str) -> str | None:
        return alternation(lists.get(key, []))

    # "بالأمس", "وأمس": a proclitic glued on is not part of the date.
    clitics = (f"(?<=(?<!\\w){re.escape(p)}.)" for p in lists.get("proclitics", []))
    before = "(?:" + "|".join(["(?<!\\w.)", *clitics]) + ")"
    word_branches = word_alternation(word_phrases, before)
    past, future = any_of("weekday_past"), any_of("weekday_next")
    direction = _either(_opt(past, "(?P<past>{})"), _opt(future, "(?P<next>{})"))
    foreign = "".join(re.escape(chr(c)) for c in sorted(digits))
    return Grammar(
        numbered=tuple(numbered),
        words=re.compile(f"(?P<w>{word_branches}){_RB}") if word_branches else None,
        digit_runs=re.compile(f"[0-9{foreign}]+"),
        foreign_digits=re.compile(f"[{foreign}]+") if foreign else None,
        digits=digits,
        months=months,
        weekdays=weekdays,
        relative=relative,
        ambiguous_weekdays=frozenset(fold(w) for w in lists.get("ambiguous_weekdays", [])),
        blocker=_compiled(r"\s+{}" + _RB, any_of("relative_blockers")),
        blocker_before=_compiled(
            _LB + r"{}\s+$", any_of("relative_blockers_before"), flags=re.IGNORECASE
        ),
        direction_after=_compiled(r"\s+{}" + _RB, direction, flags=re.IGNORECASE),
        direction_before=_compiled(_LB + r"{}\s+$", direction, flags=re.IGNORECASE),
        day_part_before=_compiled(_LB + r"{}\s+$", any_of("day_parts")),
        today_before=_compiled(r"{}\s*[,،]?\s*$", any_of("today"), flags=re.IGNORECASE),
    )


def _compiled(template: str, piece: str | None, flags: int = 0) -> re.Pattern[str] | None:
    return re.compile(template.format(piece), flags) if piece else None
