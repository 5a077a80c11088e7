"""Planning a search and turning the store's rows into hits with highlighted snippets.

A query is read into *clauses*, all of which must match: a word, a ``"quoted phrase"``, a
hyphenated word (``al-Hol``, read as a phrase) or ``word*`` (a prefix). Consecutive words
that name an entity — in the knowledge base in any script and spelling, or under a name
the store has seen it mentioned by — become one clause that the words *or* a mention of
the entity satisfies, so ``Qamishli`` finds an article that only says ``قامشلو``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from marsad.kb import default_kb
from marsad.search.model import (
    Clause,
    QueryEntity,
    SearchHit,
    SearchPage,
    SearchPlan,
    SearchQuery,
)
from marsad.search.snippets import Matcher, make_snippet, title_highlights
from marsad.search.tokens import key_variants, shadow_text, tokenize

if TYPE_CHECKING:
    from marsad.store.protocol import Store

_QUOTED = re.compile(r'"([^"]*)"')
_MAX_NGRAM = 4  # longest run of query words looked up as one entity name
_MIN_NAME_KEY = 3  # shorter names ("al", "US" folded) are not looked up
MAX_UNITS = 32  # words and phrases read from one query; the rest is ignored


@dataclass(slots=True)
class _Unit:
    words: str  # as typed
    keys: list[str]
    prefix: bool
    quoted: bool


def _units(text: str) -> list[_Unit]:
    """Quoted phrases and whitespace-separated words, in query order."""
    units: list[_Unit] = []
    pos = 0
    for match in [*_QUOTED.finditer(text), None]:
        end = match.start() if match else len(text)
        for chunk in text[pos:end].split():
            keys = [t.key for t in tokenize(chunk)]
            if keys:
                units.append(_Unit(chunk, keys, chunk.endswith("*"), False))
        if match:
            keys = [t.key for t in tokenize(match.group(1))]
            if keys:
                units.append(_Unit(match.group(1), keys, False, True))
            pos = match.end()
    return units[:MAX_UNITS]


def _resolve_names(store: Store, texts: list[str]) -> dict[str, list[str]]:
    """Entity ids each text names: knowledge-base aliases, then names seen in the store."""
    kb = default_kb()
    keys = {text: shadow_text(text) for text in texts}
    seen = store.entity_ids_named([k for k in set(keys.values()) if len(k) >= _MIN_NAME_KEY])
    out: dict[str, list[str]] = {}
    for text, key in keys.items():
        if len(key) < _MIN_NAME_KEY:
            continue
        ids = [e.id for e in kb.lookup(text)]
        ids += [i for i in seen.get(key, []) if i not in ids]
        if ids:
            out[text] = ids
    return out


def _clause(units: list[_Unit], entity_ids: tuple[str, ...] = ()) -> Clause:
    keys = [k for u in units for k in u.keys]
    phrases = tuple((v, *keys[1:]) for v in key_variants(keys[0]))
    words = " ".join(u.words for u in units)
    return Clause(words, phrases, units[-1].prefix, entity_ids)


def plan_clauses(store: Store, text: str) -> list[Clause]:
    """The clauses of a query: greedy longest runs of words that name an entity, else one
    clause per word or phrase."""
    units = _units(text)
    spans = [
        " ".join(u.words for u in units[i:j])
        for i in range(len(units))
        for j in range(i + 1, min(len(units), i + _MAX_NGRAM) + 1)
        if not any(u.prefix for u in units[i:j]) and (j == i + 1 or not units[i].quoted)
    ]
    named = _resolve_names(store, spans)
    clauses: list[Clause] = []
    i = 0
    while i < len(units):
        for j in range(min(len(units), i + _MAX_NGRAM), i, -1):
            ids = named.get(" ".join(u.words for u in units[i:j]))
            if ids:
                clauses.append(_clause(units[i:j], tuple(ids)))
                i = j
                break
        else:
            clauses.append(_clause(units[i : i + 1]))
            i += 1
    return clauses


def _filter_ids(store: Store, value: str | None) -> tuple[str, ...]:
    """An entity filter given as an id, or as a name in any script."""
    if not value:
        return ()
    named = _resolve_names(store, [value]).get(value, [])
    return (value, *(i for i in named if i != value))


def plan(store: Store, query: SearchQuery) -> SearchPlan:
    return SearchPlan(
        clauses=tuple(plan_clauses(store, query.text)),
        lang=query.lang,
        outlet=query.outlet,
        since=query.since,
        until=query.until,
        entity_ids=_filter_ids(store, query.entity),
        place_ids=_filter_ids(store, query.place),
        place_name=query.place or None,
        event_type=query.event_type,
        include_copies=query.include_copies,
        limit=query.limit,
        offset=query.offset,
    )


def _entity_name(store: Store, entity_id: str) -> str:
    entry = default_kb().get(entity_id)
    if entry is not None:
        return entry.label
    local = store.local_entity(entity_id)
    return local.canonical if local else entity_id


def _name_keys(store: Store, entity_ids: list[str]) -> list[tuple[str, ...]]:
    """Every name of these entities (KB names, a local entity's names) as key sequences."""
    names: set[str] = set()
    for entity_id in entity_ids:
        entry = default_kb().get(entity_id)
        if entry is not None:
            names.update(n for ns in entry.names.values() for n in ns)
        elif (local := store.local_entity(entity_id)) is not None:
            names.update(n for ns in local.names.values() for n in ns)
    keys = {tuple(shadow_text(n).split()) for n in names}
    return sorted(k for k in keys if k and len("".join(k)) >= _MIN_NAME_KEY)


def search(store: Store, query: SearchQuery) -> SearchPage:
    """Articles matching ``query``, best first (bm25 over the normalised text, plus a bonus
    for each entity of the query an article mentions), one page with snippets."""
    search_plan = plan(store, query)
    found = store.search_rows(search_plan)
    ids = [i for c in search_plan.clauses for i in c.entity_ids]
    matcher = Matcher.for_clauses(search_plan.clauses, _name_keys(store, ids))
    hits: list[SearchHit] = []
    for row in found.rows:
        article = store.get(row.article_id)
        if article is None:  # removed between the two reads
            continue
        mentioned = sorted(
            {m.entity_id for m in article.mentions if m.entity_id in matcher.entity_ids}
        )
        hits.append(
            SearchHit(
                article_id=article.id,
                title=article.title,
                lang=article.lang,
                outlet=article.outlet,
                published=article.published,
                url=article.url,
                score=round(row.score, 4),
                snippet=make_snippet(article, matcher),
                title_highlights=title_highlights(article.title, matcher),
                matched_entities=mentioned,
            )
        )
    entities = [
        QueryEntity(c.words, entity_id, _entity_name(store, entity_id))
        for c in search_plan.clauses
        for entity_id in c.entity_ids
    ]
    return SearchPage(
        query=query,
        total=found.total,
        hits=hits,
        terms=[k for c in search_plan.clauses for k in (c.phrases[0] if c.phrases else ())],
        entities=entities,
        facets=found.facets,
    )
