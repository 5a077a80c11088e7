"""Reference dates (when a page was fetched or archived) as ISO dates, from the places
containers put them: HTTP headers, WARC-Date, JSONL ``fetched`` fields, feed timestamps."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime


def iso_date(value: str | None) -> str | None:
    """The ISO date of an ISO 8601 or RFC 2822 (HTTP) timestamp; None if it is neither.

    Aware timestamps are taken in UTC, the zone HTTP and WARC dates are written in.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC)
    return parsed.date().isoformat()


def iso_date_from_struct(value: time.struct_time | None) -> str | None:
    """feedparser's ``*_parsed`` fields are UTC ``struct_time``s."""
    if value is None:
        return None
    return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()


def today() -> str:
    return datetime.now(UTC).date().isoformat()
