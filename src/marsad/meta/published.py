"""When an article was published, as its own text says, and the date a page bounds it by.

Two places in the text state the publication day:

* a line under the title that holds only a date (with a label such as "Published:" or
  "تاريخ النشر" and a time at most): ``2022-04-08 10:30``;
* the lead's first sentence, where a dated day is marked as today: "وصل اليوم الجمعة 8
  نيسان" or "The delegation arrived today, Friday, 8 April".

The sidebar of recent news that scraped pages carry (cut out by the clean stage as
``Removed(kind="navigation")``) bounds the year of a day written without one, but is never
the article's date: it lists other stories.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import cache

from marsad.meta import vocab
from marsad.meta.dates import find_dates
from marsad.meta.grammar import LANGS
from marsad.meta.patterns import alternation
from marsad.types import DateMention, Paragraph, Removed

# The lead's first sentence ends at the first full stop, or here at the latest.
LEAD_CHARS = 400

_LETTER = re.compile(r"[^\W\d_]")
# A sentence ends at . ! ? ؟ before a space, unless the "." closes a short abbreviation
# ("Dr.", "Apr." is inside a date mention and skipped anyway).
_SENTENCE_END = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z])[.!?؟](?=\s|$)")


def _is_day(value: str | None) -> bool:
    return value is not None and len(value) == 10  # YYYY-MM-DD, not a week, month or year


@cache
def _date_line_words() -> re.Pattern[str]:
    words: list[str] = []
    for lang in LANGS:
        name = f"dates.{lang}.yaml"
        data = vocab.load(name)
        for key in ("published_labels", "published_fillers"):
            words.extend(vocab.words(name, data, key))
    return re.compile(f"(?i:(?<!\\w){alternation(words) or '(?!)'}(?!\\w))")


def reference_from_navigation(removed: Iterable[Removed]) -> dt.date | None:
    """The latest whole day written in the page's navigation text, if any."""
    days = [
        m.value
        for r in removed
        if r.kind == "navigation"
        for m in find_dates(r.text)
        if m.value is not None and _is_day(m.value)
    ]
    return dt.date.fromisoformat(max(days)) if days else None


def _date_line(text: str, start: int, mentions: Sequence[DateMention]) -> str | None:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    if len(inside) != 1 or not _is_day(inside[0].value):
        return None
    m = inside[0]
    rest = _date_line_words().sub(" ", text[start : m.start] + " " + text[m.end : end])
    return None if _LETTER.search(rest) else m.value


def _first_sentence_end(text: str, para: Paragraph, mentions: Sequence[DateMention]) -> int:
    limit = min(para.end, para.start + LEAD_CHARS)
    for stop in _SENTENCE_END.finditer(text, para.start, limit):
        if not any(m.start <= stop.start() < m.end for m in mentions):
            return stop.end()
    return limit


def _today_in_lead(text: str, para: Paragraph, mentions: Sequence[DateMention]) -> str | None:
    end = _first_sentence_end(text, para, mentions)
    lead = [m for m in mentions if para.start <= m.start and m.end <= end]
    today = [m for m in lead if m.relative == "0d"]
    # A day the text dates itself; not one counted from the anchor ("yesterday", "Friday").
    days = [
        m
        for m in lead
        if _is_day(m.value) and (m.relative is None or m.relative.startswith("day-month"))
    ]
    if not today or not days:
        return None
    nearest = min(days, key=lambda d: min(abs(d.start - t.end) for t in today))
    return nearest.value


def published_in_text(
    text: str,
    paragraphs: Sequence[Paragraph],
    body: Sequence[Paragraph],
    mentions: Sequence[DateMention],
) -> str | None:
    """The publication day the text states, or None.

    ``paragraphs`` are all of the article's, ``body`` those after the title; ``mentions``
    are the text's dates, resolved as far as the reference allows.
    """
    if body:
        line = _date_line(text, body[0].start, mentions)
        if line is not None:
            return line
    # The lead is the first body paragraph; the first paragraph too, in case cleaning took
    # a title-less page's lead for its title.
    leads = {p.start: p for p in (*paragraphs[:1], *body[:1])}
    for para in sorted(leads.values(), key=lambda p: p.start):
        day = _today_in_lead(text, para, mentions)
        if day is not None:
            return day
    return None
