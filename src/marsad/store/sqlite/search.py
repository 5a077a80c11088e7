"""Running a :class:`SearchPlan` on SQLite: FTS5 for words, the mentions table for
entities, columns for filters. Every value is a bound parameter; the only text built into
SQL is this module's own fragments and FTS5 strings made of index keys, each quoted."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from marsad.search.keys import entity_token
from marsad.search.model import Clause, SearchPlan, SearchRow, SearchRows
from marsad.store.rows import FACET_COLUMNS as _FACET_COLUMNS
from marsad.store.rows import ranked_page

# bm25 weights of the title and body columns: a word in the title says more.
_TITLE_WEIGHT, _BODY_WEIGHT = 4.0, 1.0
# bm25 weight of the entities column: naming an entity the query names counts like a
# couple of title words.
_ENTITY_WEIGHT = 8.0


def fts_string(key: str) -> str:
    """An FTS5 string: keys hold only letters and digits, but quote them all the same."""
    return '"' + key.replace('"', '""') + '"'


def match_expression(clause: Clause) -> str:
    """The FTS5 query of one clause: its phrase alternatives, or a mention of one of its
    entities (the ``entities`` column), OR-ed."""
    parts = []
    for phrase in clause.phrases:
        # "a" + "b" is an FTS5 phrase; "a" "b" would be two words anywhere.
        text = " + ".join(fts_string(k) for k in phrase)
        parts.append(f"{text} *" if clause.prefix else text)
    parts += [f"entities : {fts_string(entity_token(i))}" for i in clause.entity_ids]
    return " OR ".join(f"({p})" for p in parts)


def _in(ids: Sequence[str]) -> str:
    return ",".join("?" * len(ids))


_MENTIONS_ANY = "d.doc IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)"


def _entities_expression(entity_ids: Sequence[str]) -> str:
    return " OR ".join(f"entities : {fts_string(entity_token(i))}" for i in entity_ids)


def _filters(plan: SearchPlan) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if not plan.include_copies:
        where.append("d.copy = 0")
    if plan.lang:
        where.append("d.lang = ?")
        params.append(plan.lang)
    if plan.outlet:
        where.append("d.outlet = ? COLLATE NOCASE")
        params.append(plan.outlet)
    if plan.since:
        where.append("d.published >= ?")
        params.append(plan.since[:10])
    if plan.until:
        where.append("d.published <= ?")
        params.append(plan.until[:10])
    if plan.event_type:
        where.append("instr(d.event_types, ?) > 0")
        params.append(f" {plan.event_type.upper()} ")
    # Entity and place filters read the index's entities column: a token lookup, where the
    # mentions table would need a join from article ids back to documents.
    if plan.entity_ids:
        where.append(_MENTIONS_ANY)
        params.append(_entities_expression(plan.entity_ids))
    if plan.place_ids or plan.place_name:
        either = []
        if plan.place_ids:
            either.append(_MENTIONS_ANY)
            params.append(_entities_expression(plan.place_ids))
        if plan.place_name:
            either.append(
                "d.article_id IN (SELECT id FROM articles WHERE dateline_place = ? COLLATE NOCASE)"
            )
            params.append(plan.place_name)
        where.append("(" + " OR ".join(either) + ")")
    return where, params


def run(conn: sqlite3.Connection, plan: SearchPlan) -> SearchRows:
    """Matching articles, best first, one page of them, with the total and facets."""
    where, params = _filters(plan)
    if not plan.clauses:
        return _filtered(conn, where, params, plan)
    return _ranked(conn, where, params, plan)


def _filtered(
    conn: sqlite3.Connection, where: list[str], params: list[object], plan: SearchPlan
) -> SearchRows:
    """Filters only: newest first. Counts, facets and the page are each one indexed
    query over the narrow search_docs table."""
    base = f"FROM search_docs d WHERE {' AND '.join(where) or '1'}"
    total = conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    facets = {
        column: dict(
            conn.execute(
                f"SELECT coalesce(d.{column}, 'unknown'), count(*) {base}"
                " GROUP BY 1 ORDER BY 2 DESC LIMIT 50",
                params,
            ).fetchall()
        )
        for column in _FACET_COLUMNS  # column names from this module only
    }
    rows = conn.execute(
        f"SELECT d.article_id {base} ORDER BY d.published IS NULL, d.published DESC,"
        " d.doc DESC LIMIT ? OFFSET ?",
        [*params, plan.limit, plan.offset],
    ).fetchall()
    return SearchRows(total, [SearchRow(r[0], 0.0) for r in rows], facets)


def _ranked(
    conn: sqlite3.Connection, where: list[str], params: list[object], plan: SearchPlan
) -> SearchRows:
    """Words or entities: one FTS5 query (every clause AND-ed) scored by bm25, filtered on
    search_docs, then counted, faceted and sorted here: the match is the costly part, so
    it runs once, not once each for the count, the facets and the page."""
    expression = " AND ".join(f"({match_expression(c)})" for c in plan.clauses)
    sql = (
        "SELECT d.article_id, d.lang, d.outlet, d.published, d.doc,"
        f" -bm25(search_fts, {_TITLE_WEIGHT}, {_BODY_WEIGHT}, {_ENTITY_WEIGHT})"
        " FROM search_fts f JOIN search_docs d ON d.doc = f.rowid"
        " WHERE search_fts MATCH ?" + "".join(f" AND {w}" for w in where)
    )
    return ranked_page(conn.execute(sql, [expression, *params]).fetchall(), plan)


def entity_ids_named(conn: sqlite3.Connection, keys: Sequence[str]) -> dict[str, list[str]]:
    """Entity ids stored under each name key (search keys joined by spaces)."""
    out: dict[str, list[str]] = {}
    if not keys:
        return out
    for key, entity_id in conn.execute(
        f"SELECT key, entity_id FROM search_names WHERE key IN ({_in(keys)})"
        " ORDER BY key, entity_id",
        list(keys),
    ):
        out.setdefault(key, []).append(entity_id)
    return out
