"""Reading article rows back, the same way in every backend."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np

from marsad.record import restore_annotations
from marsad.search.model import SearchPlan, SearchRow, SearchRows
from marsad.stories.explain import LinkExplanation
from marsad.stories.index import StoryLink
from marsad.types import Article

COLUMNS = (
    "id, source, url, format, encoding, lang, title, outlet, byline, dateline_place, "
    "published, text, duplicate_of, story_id, annotations"
)
FACET_COLUMNS = ("lang", "outlet")


def most_first(rows: Iterable[tuple[str | None, int]]) -> dict[str, int]:
    """Counts by value, most first; no value counts as 'unknown'."""
    counts: dict[str, int] = {}
    for value, n in rows:
        key = "unknown" if value is None else value
        counts[key] = counts.get(key, 0) + n
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def article_of(row: tuple[Any, ...]) -> Article:
    (id_, source, url, fmt, encoding, lang, title, outlet, byline, place, published, text,
     duplicate_of, story_id, annotations) = row  # fmt: skip
    article = Article(id=id_, source=source, raw=b"", raw_text="", format=fmt, url=url)
    article.encoding = encoding
    article.lang, article.title, article.outlet, article.byline = lang, title, outlet, byline
    article.dateline_place, article.published, article.text = place, published, text
    article.duplicate_of, article.story_id = duplicate_of, story_id
    restore_annotations(article, annotations)
    return article


def ranked_page(rows: list[tuple[Any, ...]], plan: SearchPlan) -> SearchRows:
    """Every match of a ranked search as (article id, lang, outlet, day, doc, score): the
    total, the facets and the plan's page. The match is the costly part, so it runs once,
    not once each for the count, the facets and the page."""
    facets: dict[str, dict[str, int]] = {}
    for column, index in zip(FACET_COLUMNS, (1, 2), strict=True):
        facets[column] = dict(Counter(r[index] or "unknown" for r in rows).most_common(50))
    # best score first; among equals, newest first (undated last), then latest stored
    rows.sort(key=lambda r: (r[5], r[3] or "", r[4]), reverse=True)
    page = rows[plan.offset : plan.offset + plan.limit]
    return SearchRows(len(rows), [SearchRow(r[0], float(r[5])) for r in page], facets)


def story_link(row: tuple[Any, ...]) -> StoryLink:
    """A story link from (article id, story id, duplicate of, explanation JSON)."""
    return StoryLink(row[0], row[1], LinkExplanation.from_json(row[3]), row[2])


def vector_blob(vector: np.ndarray | None) -> bytes | None:
    """An embedding as stored: float16 bytes."""
    return None if vector is None else np.asarray(vector, dtype=np.float16).tobytes()
