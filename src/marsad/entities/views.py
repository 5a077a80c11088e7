"""Entities as users see them: listings and one entity's page, over a store.

The knowledge base supplies names in every script for KB ids; the store's local entities
supply them for ids the KB does not know (``L-…``), so a name that grew after an article
was linked ("Zabidov" → "زبيد الله زبيدوف") is shown at its latest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from marsad.kb import KBEntry, default_kb
from marsad.store import Store
from marsad.store.protocol import EntityRow, MentionRow


@dataclass(slots=True)
class EntityView:
    id: str
    label: str
    name: str
    mentions: int
    articles: int
    origin: str  # kb | local
    names: dict[str, list[str]] = field(default_factory=dict)  # language -> names
    seen_as: list[str] = field(default_factory=list)  # surfaces in the stored articles
    kb: KBEntry | None = None


@dataclass(slots=True)
class EntityPage:
    entity: EntityView
    mentions_by_article: dict[str, list[MentionRow]]
    titles: dict[str, str]
    co_mentioned: list[tuple[str, str, int]]


def list_entities(
    store: Store,
    label: str | None = None,
    query: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[EntityView]:
    ids = _kb_ids(query)
    return [_view(store, row) for row in store.entity_rows(label, query, limit, ids, offset)]


def count_entities(store: Store, label: str | None = None, query: str | None = None) -> int:
    """How many entities ``list_entities`` pages through."""
    return store.count_entities(label, query, _kb_ids(query))


def _kb_ids(query: str | None) -> list[str]:
    return [e.id for e in default_kb().lookup(query)] if query else []


def entity_page(store: Store, entity_id: str) -> EntityPage | None:
    mentions = store.entity_mentions(entity_id)
    if not mentions:
        return None
    by_article: dict[str, list[MentionRow]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(m)
    # Titles only: reading each whole article (its annotation document) made a page for a
    # common entity read thousands of them.
    found = store.article_titles(list(by_article))
    titles = {article_id: found[article_id] for article_id in by_article if article_id in found}
    surfaces = sorted({m.surface for m in mentions})
    row = EntityRow(entity_id, mentions[0].label, "", len(mentions), len(by_article), surfaces)
    return EntityPage(
        entity=_view(store, row),
        mentions_by_article=dict(by_article),
        titles=titles,
        co_mentioned=store.co_mentioned(entity_id),
    )


def _view(store: Store, row: EntityRow) -> EntityView:
    entry = default_kb().get(row.entity_id)
    if entry is not None:
        names = {lang: list(ns) for lang, ns in entry.names.items()}
        return EntityView(row.entity_id, entry.type, entry.label, row.mentions, row.articles,
                          "kb", names, row.surfaces, entry)  # fmt: skip
    found = store.local_entity(row.entity_id)
    names = dict(found.names) if found else {}
    name = found.canonical if found else row.name
    return EntityView(row.entity_id, row.label, name, row.mentions, row.articles, "local",
                      names, row.surfaces)  # fmt: skip
