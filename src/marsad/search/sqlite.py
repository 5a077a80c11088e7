"""Running a :class:`SearchPlan` on SQLite: FTS5 for words, the mentions table for
entities, columns for filters. Every value is a bound parameter; the only text built into
SQL is this module's own fragments and FTS5 strings made of index keys, each quoted."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from marsad.search.model import Clause, SearchPlan, SearchRow, SearchRows

# bm25 weights of the title and body columns: a word in the title says more.
_TITLE_WEIGHT, _BODY_WEIGHT = 4.0, 1.0
# What naming an entity the query names is worth next to a bm25 score (typically 1..15).
ENTITY_BONUS = 3.0
_FACET_COLUMNS = ("lang", "outlet")


def fts_string(key: str) -> str:
    """An FTS5 string: keys hold only letters and digits, but quote them all the same."""
    return '"' + key.replace('"', '""') + '"'


def match_expression(clause: Clause) -> str:
    """The FTS5 query of one clause: its phrase alternatives OR-ed."""
    parts = []
    for phrase in clause.phrases:
        # "a" + "b" is an FTS5 phrase; "a" "b" would be two words anywhere.
        text = " + ".join(fts_string(k) for k in phrase)
        parts.append(f"{text} *" if clause.prefix else text)
    return " OR ".join(f"({p})" for p in parts)


def _in(ids: Sequence[str]) -> str:
    return ",".join("?" * len(ids))


def _candidates(plan: SearchPlan) -> tuple[str | None, list[object]]:
    """SQL selecting ``doc`` of every article that satisfies every clause (None: no
    clauses, every article)."""
    selects: list[str] = []
    params: list[object] = []
    for clause in plan.clauses:
        parts = []
        if clause.phrases:
            parts.append("SELECT rowid FROM search_fts WHERE search_fts MATCH ?")
            params.append(match_expression(clause))
        if clause.entity_ids:
            parts.append(
                "SELECT d.doc FROM mentions m JOIN search_docs d ON d.article_id = m.article_id"
                f" WHERE m.entity_id IN ({_in(clause.entity_ids)})"
            )
            params.extend(clause.entity_ids)
        selects.append(" UNION ".join(parts))
    if not selects:
        return None, []
    return " INTERSECT ".join(f"SELECT * FROM ({s})" for s in selects), params


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
    if plan.entity_ids:
        where.append(
            f"d.article_id IN (SELECT article_id FROM mentions WHERE entity_id IN"
            f" ({_in(plan.entity_ids)}))"
        )
        params.extend(plan.entity_ids)
    if plan.place_ids or plan.place_name:
        either = []
        if plan.place_ids:
            either.append(
                f"d.article_id IN (SELECT article_id FROM mentions WHERE entity_id IN"
                f" ({_in(plan.place_ids)}))"
            )
            params.extend(plan.place_ids)
        if plan.place_name:
            either.append(
                "d.article_id IN (SELECT id FROM articles WHERE dateline_place = ? COLLATE NOCASE)"
            )
            params.append(plan.place_name)
        where.append("(" + " OR ".join(either) + ")")
    return where, params


def run(conn: sqlite3.Connection, plan: SearchPlan) -> SearchRows:
    """Matching articles, best first, one page of them, with the total and facets."""
    candidates, c_params = _candidates(plan)
    where, f_params = _filters(plan)
    if candidates is not None:
        where.insert(0, f"d.doc IN ({candidates})")
    condition = " AND ".join(where) or "1"
    base = f"FROM search_docs d WHERE {condition}"
    params = [*c_params, *f_params]
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
    if total == 0:
        return SearchRows(0, [], facets)
    text_clauses = [c for c in plan.clauses if c.phrases]
    entity_clauses = [c for c in plan.clauses if c.entity_ids]
    score_sql = "0.0"
    rank_join = ""
    rank_params: list[object] = []
    if text_clauses:
        # One bm25 over every clause's words, OR-ed: a clause met only by an entity mention
        # must not hide the article's other matches from the ranking.
        rank_join = (
            f" LEFT JOIN (SELECT rowid AS doc, bm25(search_fts, {_TITLE_WEIGHT}, {_BODY_WEIGHT})"
            " AS bm FROM search_fts WHERE search_fts MATCH ?) r ON r.doc = d.doc"
        )
        rank_params.append(" OR ".join(f"({match_expression(c)})" for c in text_clauses))
        score_sql = "-coalesce(r.bm, 0.0)"
    hits_sql = "0"
    hit_params: list[object] = []
    if entity_clauses:
        hits_sql = " + ".join(
            f"(d.article_id IN (SELECT article_id FROM mentions WHERE entity_id IN"
            f" ({_in(c.entity_ids)})))"
            for c in entity_clauses
        )
        for c in entity_clauses:
            hit_params.extend(c.entity_ids)
    order = (
        "score DESC, d.published DESC, d.doc DESC"
        if plan.clauses
        else "d.published IS NULL, d.published DESC, d.doc DESC"
    )
    sql = (
        f"SELECT d.article_id, {score_sql} + {ENTITY_BONUS} * ({hits_sql}) AS score,"
        f" ({hits_sql}) FROM search_docs d{rank_join} WHERE {condition}"
        f" ORDER BY {order} LIMIT ? OFFSET ?"
    )  # fmt: skip
    rows = conn.execute(
        sql,
        [*hit_params, *hit_params, *rank_params, *params, plan.limit, plan.offset],
    ).fetchall()
    return SearchRows(total, [SearchRow(r[0], float(r[1]), int(r[2])) for r in rows], facets)


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
