"""The ``metadata`` stage: outlet, byline, dateline place, date mentions, publication day.

What the container stated (``SourceHints``) wins over what the text says. Otherwise:

* outlet: the cut title suffix ("ANHA | HAWARNEWS") > the dateline > a byline's outlet >
  the site the URL is on; names are mapped to one spelling through ``data/outlets.yaml``;
* byline: a byline line at the top or the bottom of the body;
* dateline place: from the dateline, which stays in the text;
* published: a date line under the title > a dated day marked as today in the lead;
* dates: every date expression in the text.

Resolving relative dates takes two days. The *bound* places a day written without a year
("الجمعة 8 نيسان") in the latest fitting year: the publication day when known, else the
reference (``hints.reference_date``, else the newest date in the page's navigation). The
*anchor* is what "yesterday" counts from: the publication day, else
``hints.reference_date``. Navigation dates never anchor: a sidebar can be days newer than
the story, so "أول أمس" counted from it would be a guess presented as a fact.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from marsad.meta.byline import Byline, find_byline
from marsad.meta.dateline import Dateline, find_dateline
from marsad.meta.dates import find_dates, resolve_mentions
from marsad.meta.outlets import OutletList, outlets
from marsad.meta.parse import parse_date_string
from marsad.meta.published import published_in_text, reference_from_navigation
from marsad.pipeline import register
from marsad.types import Article, Paragraph

log = logging.getLogger(__name__)

# A dateline opens the first body paragraph, or the second when a date line comes first.
_DATELINE_PARAGRAPHS = 2
_BLANK_LINES = re.compile(r"\n\s*\n")


def _paragraphs(text: str) -> list[Paragraph]:
    """Paragraph offsets split at blank lines, for text that did not come through clean."""
    out: list[Paragraph] = []
    start = 0
    for gap in (*_BLANK_LINES.finditer(text), None):
        end = gap.start() if gap is not None else len(text)
        if text[start:end].strip():
            out.append(Paragraph(start, end))
        if gap is not None:
            start = gap.end()
    return out


def _body(article: Article, paragraphs: list[Paragraph]) -> list[Paragraph]:
    if article.title and paragraphs:
        first = article.text[paragraphs[0].start : paragraphs[0].end]
        if first.strip() == article.title.strip():
            return paragraphs[1:]
    return paragraphs


def _day(value: str | None) -> dt.date | None:
    parsed = parse_date_string(value) if value else None
    return dt.date.fromisoformat(parsed) if parsed else None


def _dateline(text: str, body: list[Paragraph], known: OutletList) -> Dateline | None:
    for para in body[:_DATELINE_PARAGRAPHS]:
        dateline = find_dateline(text[para.start : para.end], known)
        if dateline is not None:
            return dateline
    return None


def _outlet(
    article: Article, dateline: Dateline | None, byline: Byline | None, known: OutletList
) -> str | None:
    if article.hints.outlet:
        stated = known.normalise(article.hints.outlet)
        if stated:
            return stated
    for removed in article.removed:
        if removed.kind == "title_suffix":
            suffix = known.from_suffix(removed.text)
            if suffix:
                return suffix
    if dateline is not None and dateline.outlet:
        return dateline.outlet
    if byline is not None and byline.outlet:
        return byline.outlet
    return known.from_url(article.url) if article.url else None


@register("metadata")
class MetadataStage:
    name: str = "metadata"
    requires: tuple[str, ...] = ("text", "title", "paragraphs", "removed", "hints")
    assigns: tuple[str, ...] = ("outlet", "byline", "dateline_place", "dates", "published")
    backend: str = "rules"

    def __call__(self, article: Article) -> None:
        text, hints, known = article.text, article.hints, outlets()
        paragraphs = article.paragraphs or _paragraphs(text)
        body = _body(article, paragraphs)

        dateline = _dateline(text, body, known)
        body_lines = "\n".join(text[p.start : p.end] for p in body).split("\n")
        byline = find_byline(body_lines, known)

        fetched = _day(hints.reference_date)
        reference = fetched or reference_from_navigation(article.removed)
        dates = find_dates(text)
        resolve_mentions(dates, anchor=fetched, bound=reference)
        published = parse_date_string(hints.published) if hints.published else None
        published = published or published_in_text(text, paragraphs, body, dates)
        if published is not None:
            day = dt.date.fromisoformat(published)
            resolve_mentions(dates, anchor=day, bound=day)

        article.outlet = _outlet(article, dateline, byline, known)
        article.byline = (hints.byline or "").strip() or (byline.name if byline else None)
        article.dateline_place = dateline.place if dateline is not None else None
        article.dates = dates
        article.published = published
        log.debug(
            "%s: outlet=%s published=%s reference=%s dates=%d",
            article.source, article.outlet, published, reference, len(dates),
        )  # fmt: skip
