"""The search box and its facets: ``marsad.search`` when the store has its index, else a
plain scan of the stored articles with the same filters (slow on big stores, but always
there)."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields

from markupsafe import Markup

from marsad.store import Store
from marsad.textnorm import fold_letters
from marsad.types import Article
from marsad.web.highlight import Span, highlight, mention_spans, sentence_window
from marsad.web.labels import text_dir
from marsad.web.params import day_param, page_param
from marsad.web.stories import display_title, story_key

log = logging.getLogger(__name__)

PAGE_SIZE = 20


@dataclass(frozen=True, slots=True)
class Facets:
    """The search form: free text and filters, as given in the query string."""

    q: str = ""
    lang: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    entity: str = ""
    event_type: str = ""
    place: str = ""
    page: int = 1

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> Facets:
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = params.get(f.name, "").strip()[:200]
            if f.name == "page":
                values["page"] = page_param(raw, 10_000)
            elif f.name in ("since", "until"):
                values[f.name] = day_param(raw)
            else:
                values[f.name] = raw
        return cls(**values)  # type: ignore[arg-type]

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "page")


@dataclass(slots=True)
class Hit:
    article_id: str
    story_id: str
    title: str
    lang: str | None
    dir: str
    outlet: str | None
    published: str | None
    snippet: Markup


@dataclass(slots=True)
class Results:
    facets: Facets
    total: int
    hits: list[Hit]
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # facet -> value -> n
    engine: str = "scan"

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


def find(store: Store, facets: Facets) -> Results:
    """Articles matching ``facets``, best first."""
    indexed = _indexed_search(store, facets)
    return indexed if indexed is not None else scan(store.iter_articles(), facets)


def _indexed_search(store: Store, facets: Facets) -> Results | None:
    try:
        from marsad.search import SearchQuery, search
    except ImportError:  # the search package is optional to this page: fall back to a scan
        return None
    query = SearchQuery(
        text=facets.q,
        lang=facets.lang or None,
        outlet=facets.outlet or None,
        since=facets.since or None,
        until=facets.until or None,
        entity=facets.entity or None,
        event_type=facets.event_type or None,
        place=facets.place or None,
        limit=PAGE_SIZE,
        offset=(facets.page - 1) * PAGE_SIZE,
    )
    result = search(store, query)
    hits = []
    for h in result.hits:
        article = store.get(h.article_id)
        if article is None:
            continue
        marks = [Span(s.start, s.end, "match") for s in h.snippet.highlights]
        snippet = highlight(
            article.text, [*mention_spans(article), *marks], h.snippet.start, h.snippet.end
        )
        hits.append(_hit(article, snippet))
    return Results(facets, result.total, hits, dict(result.facets), engine="index")


def scan(articles: Iterable[Article], facets: Facets) -> Results:
    """The fallback: every article checked against every filter; words match after the
    letter folds search uses (hamza seats, ta marbuta, marks), anywhere in title or text."""
    words = [fold_letters(w) for w in facets.q.split()]
    matched: list[tuple[Article, int]] = []
    counts: dict[str, Counter[str]] = {"lang": Counter(), "outlet": Counter()}
    for article in articles:
        if article.duplicate_of or not _passes(article, facets):
            continue
        folded = fold_letters(f"{article.title or ''}\n{article.text}")
        if not all(w in folded for w in words):
            continue
        score = sum(folded.count(w) for w in words)
        matched.append((article, score))
        counts["lang"][article.lang or "?"] += 1
        counts["outlet"][article.outlet or "?"] += 1
    matched.sort(key=lambda pair: (-pair[1], pair[0].published or "", pair[0].id))
    first = (facets.page - 1) * PAGE_SIZE
    hits = [_hit(a, _scan_snippet(a, words)) for a, _ in matched[first : first + PAGE_SIZE]]
    return Results(facets, len(matched), hits, {k: dict(v) for k, v in counts.items()})


def _passes(a: Article, f: Facets) -> bool:
    if f.lang and a.lang != f.lang:
        return False
    if f.outlet and (a.outlet or "").casefold() != f.outlet.casefold():
        return False
    if f.since and (a.published is None or a.published[:10] < f.since):
        return False
    if f.until and (a.published is None or a.published[:10] > f.until):
        return False
    if f.entity and not any(_names(f.entity, m.entity_id, m.name) for m in a.mentions):
        return False
    if f.event_type and not any(e.type == f.event_type.upper() for e in a.events):
        return False
    return not f.place or any(
        _names(f.place, m.entity_id, m.name, a.text[m.start : m.end])
        for m in a.mentions
        if m.geo is not None
    )


def _names(wanted: str, entity_id: str | None, *names: str | None) -> bool:
    if wanted == entity_id:
        return True
    key = fold_letters(wanted)
    return any(name and key in fold_letters(name) for name in names)


def _scan_snippet(article: Article, words: list[str]) -> Markup:
    # Folding drops marks, so positions in the folded text are not offsets: find the word in
    # the text itself, case-insensitively, and fall back to the lead.
    lowered = article.text.casefold()
    found = [(lowered.find(w), w) for w in words if lowered.find(w) >= 0]
    if found and len(lowered) == len(article.text):
        at, word = min(found)
        start, end = sentence_window(article, at, at + len(word))
        marks = [Span(at, at + len(word), "match")]
    else:
        start, end, marks = 0, min(len(article.text), 240), []
    end = min(end, start + 400)
    return highlight(article.text, [*mention_spans(article), *marks], start, end)


def _hit(article: Article, snippet: Markup) -> Hit:
    return Hit(
        article.id,
        story_key(article),
        display_title(article),
        article.lang,
        text_dir(article.lang),
        article.outlet,
        article.published,
        snippet,
    )
