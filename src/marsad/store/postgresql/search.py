"""Search on PostgreSQL: the normalised shadow text (``marsad.search.tokens``, the folding
the SQLite FTS5 index uses) as a ``tsvector`` of the ``simple`` configuration, entity
tokens in an array, both under GIN indexes.

The keys are folded before PostgreSQL sees them, so Arabic folding (hamza forms, taa
marbuta, alef maqsura, diacritics, tatweel, Arabic-Indic digits) is the same on both
backends, and ``simple`` neither stems nor drops a key. Queries are ``tsquery`` values
built from index keys, each quoted; every other value is a bound parameter. Ranking is
``ts_rank`` with the title weighted over the body, plus a fixed bonus for naming a
queried entity: the order of equally good matches may differ from SQLite's bm25, the
set of matches does not.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import psycopg

from marsad.search.keys import (
    entity_token,
    indexed_names,
    key_version,
    name_key,
    stored_names_and_types,
)
from marsad.search.model import Clause, SearchPlan, SearchRow, SearchRows
from marsad.search.tokens import shadow_text
from marsad.store.rows import FACET_COLUMNS, ranked_page
from marsad.types import Article

log = logging.getLogger(__name__)

# ts_rank weights for {D, C, B, A}: body words are B, title words A.
_WEIGHTS = "{0, 0, 0.25, 1.0}"
_ENTITY_BONUS = 0.5
_WORDS = "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')"


def index_article(cur: psycopg.Cursor[Any], article: Article) -> None:
    """Index one stored article (inside the transaction that stored it)."""
    names = indexed_names(article)
    _index(cur, article.id, article.title, article.text, article.lang, article.outlet,
           article.published, article.duplicate_of is not None,
           {e.type for e in article.events}, names)  # fmt: skip


def _index(
    cur: psycopg.Cursor[Any],
    article_id: str,
    title: str | None,
    text: str,
    lang: str | None,
    outlet: str | None,
    published: str | None,
    copy: bool,
    event_types: Iterable[str],
    names: list[tuple[str, str]],
) -> None:
    types = sorted(set(event_types))
    cur.execute(
        "INSERT INTO search_docs (article_id, lang, outlet, published, copy, event_types,"
        f" entities, words) VALUES (%s, %s, %s, %s, %s, %s, %s, {_WORDS})",
        (article_id, lang, outlet, published[:10] if published else None, int(copy),
         f" {' '.join(types)} " if types else "",
         sorted({entity_token(entity_id) for entity_id, _ in names}),
         shadow_text(title or ""), shadow_text(text)),
    )  # fmt: skip
    _add_names(cur, names)


def index_names(
    cur: psycopg.Cursor[Any], entity_id: str, names: Mapping[str, Sequence[str]]
) -> None:
    """Index the names of a local entity (language -> names)."""
    _add_names(cur, [(entity_id, n) for ns in names.values() for n in ns])


def _add_names(cur: psycopg.Cursor[Any], names: Iterable[tuple[str, str]]) -> None:
    rows = {(key, entity_id) for entity_id, name in names if (key := name_key(name))}
    cur.executemany("INSERT INTO search_names VALUES (%s, %s) ON CONFLICT DO NOTHING", sorted(rows))


def catch_up(conn: psycopg.Connection[Any]) -> int:
    """Index every article again when the key rules changed since the index was built;
    return how many. One row read when there is nothing to do."""
    row = conn.execute("SELECT value FROM search_meta WHERE name = 'keys'").fetchone()
    if row is not None and row[0] == key_version():
        return 0
    count = 0
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("LOCK TABLE search_docs, search_names IN EXCLUSIVE MODE")
        cur.execute("DELETE FROM search_docs")
        cur.execute("DELETE FROM search_names")
        for id_, names in cur.execute("SELECT id, names FROM local_entities").fetchall():
            index_names(cur, id_, json.loads(names))
        for id_, title, text, lang, outlet, published, copy, annotations in cur.execute(
            "SELECT id, title, text, lang, outlet, published, duplicate_of IS NOT NULL,"
            " annotations FROM articles ORDER BY seq"
        ).fetchall():
            names, types = stored_names_and_types(text, annotations)
            _index(cur, id_, title, text, lang, outlet, published, copy, types, names)
            count += 1
        cur.execute(
            "INSERT INTO search_meta VALUES ('keys', %s)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (key_version(),),
        )
    if count:
        log.info("search index: indexed %d stored article(s)", count)
    return count


def _lexeme(key: str) -> str:
    """A tsquery lexeme: keys hold only letters and digits, but quote them all the same."""
    return "'" + key.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery(clause: Clause) -> str | None:
    """The tsquery text of a clause's phrase alternatives, OR-ed; None when it has none."""
    parts = []
    for phrase in clause.phrases:
        lexemes = [_lexeme(k) for k in phrase]
        if clause.prefix and lexemes:
            lexemes[-1] += ":*"
        parts.append("(" + " <-> ".join(lexemes) + ")")
    return " | ".join(parts) or None


def _clause_sql(clause: Clause) -> tuple[str, list[object]]:
    either: list[str] = []
    params: list[object] = []
    text = tsquery(clause)
    if text:
        either.append("d.words @@ to_tsquery('simple', %s)")
        params.append(text)
    if clause.entity_ids:
        either.append("d.entities && %s")
        params.append([entity_token(i) for i in clause.entity_ids])
    return "(" + " OR ".join(either or ["false"]) + ")", params


def _filters(plan: SearchPlan) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if not plan.include_copies:
        where.append("d.copy = 0")
    if plan.lang:
        where.append("d.lang = %s")
        params.append(plan.lang)
    if plan.outlet:
        where.append("lower(d.outlet) = lower(%s)")
        params.append(plan.outlet)
    if plan.since:
        where.append("d.published >= %s")
        params.append(plan.since[:10])
    if plan.until:
        where.append("d.published <= %s")
        params.append(plan.until[:10])
    if plan.event_type:
        where.append("strpos(d.event_types, %s) > 0")
        params.append(f" {plan.event_type.upper()} ")
    if plan.entity_ids:
        where.append("d.entities && %s")
        params.append([entity_token(i) for i in plan.entity_ids])
    if plan.place_ids or plan.place_name:
        either = []
        if plan.place_ids:
            either.append("d.entities && %s")
            params.append([entity_token(i) for i in plan.place_ids])
        if plan.place_name:
            either.append(
                "d.article_id IN (SELECT id FROM articles WHERE lower(dateline_place) = lower(%s))"
            )
            params.append(plan.place_name)
        where.append("(" + " OR ".join(either) + ")")
    return where, params


def run(conn: psycopg.Connection[Any], plan: SearchPlan) -> SearchRows:
    """Matching articles, best first, one page of them, with the total and facets."""
    where, params = _filters(plan)
    if not plan.clauses:
        return _filtered(conn, where, params, plan)
    return _ranked(conn, where, params, plan)


def _filtered(
    conn: psycopg.Connection[Any], where: list[str], params: list[object], plan: SearchPlan
) -> SearchRows:
    base = f"FROM search_docs d WHERE {' AND '.join(where) or 'true'}"
    total = conn.execute(f"SELECT count(*) {base}", params).fetchone()
    facets = {
        column: {
            r[0]: int(r[1])
            for r in conn.execute(
                f"SELECT coalesce(d.{column}, 'unknown'), count(*) {base}"
                " GROUP BY 1 ORDER BY 2 DESC LIMIT 50",
                params,
            ).fetchall()
        }
        for column in FACET_COLUMNS  # column names from this module only
    }
    rows = conn.execute(
        f"SELECT d.article_id {base} ORDER BY d.published IS NULL, d.published DESC,"
        " d.doc DESC LIMIT %s OFFSET %s",
        [*params, plan.limit, plan.offset],
    ).fetchall()
    return SearchRows(int(total[0]) if total else 0, [SearchRow(r[0], 0.0) for r in rows], facets)


def _ranked(
    conn: psycopg.Connection[Any], where: list[str], params: list[object], plan: SearchPlan
) -> SearchRows:
    """Every clause AND-ed, scored, then counted, faceted and paged as on SQLite."""
    matches: list[str] = []
    match_params: list[object] = []
    for clause in plan.clauses:
        sql, more = _clause_sql(clause)
        matches.append(sql)
        match_params += more
    words = " & ".join(f"({t})" for c in plan.clauses if (t := tsquery(c)))
    entities = sorted({entity_token(i) for c in plan.clauses for i in c.entity_ids})
    sql = (
        "SELECT d.article_id, d.lang, d.outlet, d.published, d.doc,"
        f" coalesce(ts_rank('{_WEIGHTS}', d.words, to_tsquery('simple', %s)), 0)"
        f" + CASE WHEN d.entities && %s THEN {_ENTITY_BONUS} ELSE 0 END"
        " FROM search_docs d WHERE " + " AND ".join(matches + where)
    )
    rows = conn.execute(sql, [words, entities, *match_params, *params]).fetchall()
    return ranked_page([tuple(r) for r in rows], plan)


def entity_ids_named(conn: psycopg.Connection[Any], keys: Sequence[str]) -> dict[str, list[str]]:
    """Entity ids stored under each name key (search keys joined by spaces)."""
    out: dict[str, list[str]] = {}
    if not keys:
        return out
    for key, entity_id in conn.execute(
        "SELECT key, entity_id FROM search_names WHERE key = ANY(%s) ORDER BY key, entity_id",
        (list(keys),),
    ).fetchall():
        out.setdefault(key, []).append(entity_id)
    return out
