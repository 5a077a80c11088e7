"""Reading a date out of a metadata string (a feed's pubDate, an HTTP header, a JSONL field).

The common shapes are read directly: ISO 8601, RFC 2822, epoch seconds, and anything our
own finder reads as one whole day ("8 نيسان 2022", "Friday, April 8, 2022 - 10:23").
``dateparser`` is the fallback for the rest (other languages, odd formats); it is slow
(milliseconds, a second on first use) and lazily imported, so it never runs on body text.

The value is the calendar day the string states, in its own time zone: a page dated
"2022-04-08T23:30:00-05:00" was published on the 8th where it was written.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
from functools import lru_cache

from marsad.meta.dates import find_dates

log = logging.getLogger(__name__)

# Longer strings are prose, not a date field.
MAX_LENGTH = 100

# dateparser settings: a day is required (no "April 2022" filled with today's day); the
# region writes the day first; relative phrases ("yesterday") would be read against the
# machine's clock, so only absolute parsers run.
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "DMY",
    "PARSERS": ["custom-formats", "absolute-time"],
}


@lru_cache(maxsize=4096)
def parse_date_string(value: str) -> str | None:
    """The ISO day a metadata string states, or None when it states no whole day."""
    text = value.strip() if isinstance(value, str) else ""
    if not text or len(text) > MAX_LENGTH:
        return None
    quick = _iso(text) or _epoch(text) or _rfc2822(text)
    if quick is not None:
        return quick
    mentions = find_dates(text)
    for mention in mentions:
        if mention.value is not None and len(mention.value) == 10:  # a whole day
            return mention.value
    if any(m.relative is not None for m in mentions):
        return None  # "yesterday", "8 April": no day without a reference
    return _dateparser(text)


def _iso(text: str) -> str | None:
    try:
        return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


def _epoch(text: str) -> str | None:
    if not text.isascii() or not text.isdigit() or len(text) not in (10, 13):
        return None  # seconds or milliseconds since 1970, the lengths this century has
    seconds = int(text) // (1000 if len(text) == 13 else 1)
    return dt.datetime.fromtimestamp(seconds, dt.UTC).date().isoformat()


def _rfc2822(text: str) -> str | None:
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _dateparser(text: str) -> str | None:
    import dateparser  # slow to import and to run; only metadata strings get here

    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except Exception as exc:  # dateparser raises many types on odd strings; a field is optional
        log.debug("dateparser failed on %r: %s", text, exc)
        return None
    return parsed.date().isoformat() if parsed is not None else None
