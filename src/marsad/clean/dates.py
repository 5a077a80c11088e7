"""Recognising a line that says nothing but a date ("2022-04-05", "الثلاثاء 5 نيسان 2022").

Such lines belong to the page, not to the prose: under another story's headline they are
navigation, alone they are the page's own date. Parsing the date is the metadata stage's
job; here we only need to know the line is one.
"""

from __future__ import annotations

import re

from marsad.clean.lexicon import lexicon
from marsad.clean.normalize import fold

# Longest date line we expect ("Wednesday, September 14, 2022 at 10:30 am GMT").
MAX_DATE_LINE = 60

# Digits and letters are split apart, so "5th" reads as 5 + th and "2022م" as 2022 + م.
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
# Whatever separates the parts of a date, and nothing else, may surround the tokens.
_SEPARATORS = re.compile(r"[\s,./\-–—:|،()]+")
# A day-month-year date with a two-digit year ("05/04/22"); without it three numbers may
# be a time with seconds.
_SHORT_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}\b")


def is_date_only(line: str) -> bool:
    if not line or len(line) > MAX_DATE_LINE:
        return False
    folded = fold(line)
    tokens = _TOKEN.findall(folded)
    if not tokens or _SEPARATORS.sub("", _TOKEN.sub("", folded)):
        return False  # something other than date words and separators is on the line
    lex = lexicon()
    numbers: list[int] = []
    months = 0
    for token in tokens:
        if token.isdecimal():
            if len(token) > 4:
                return False
            numbers.append(int(token))
        elif token in lex.months:
            months += 1
        elif token not in lex.weekdays and token not in lex.date_fillers:
            return False
    has_day = any(1 <= n <= 31 for n in numbers)
    # A month name with a day ("April 5", "5 نيسان 2022"), or an all-number date with a
    # year ("2022-04-05", "05/04/2022"). A month and year alone ("March 2022") can head a
    # timeline section, and a time alone is not a date.
    if months:
        return has_day
    has_year = any(1900 <= n <= 2199 for n in numbers) or _SHORT_NUMERIC_DATE.search(folded)
    return len(numbers) >= 3 and has_day and bool(has_year)
