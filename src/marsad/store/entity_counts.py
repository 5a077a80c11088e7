"""Entity counts and names for listings (the ``entity_counts`` and ``entity_names`` tables
of every backend): written with each new article's mentions, so that listing the most
mentioned entities reads a few rows instead of grouping every mention in the store."""

from __future__ import annotations

from collections import defaultdict

from marsad.types import Article


def entity_count_rows(
    article: Article,
) -> tuple[list[tuple[str, str, str, str | None, int]], list[tuple[str, str, str, str]]]:
    """One new article's linked mentions as (entity id, label or "", greatest label,
    greatest name, mentions) count rows and (entity id, label, kind, text) name rows.

    Mentions of the same span are one row of the mentions table (the first one written),
    so they count once here too."""
    seen: set[tuple[int, int]] = set()
    by_key: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
    names: set[tuple[str, str, str, str]] = set()
    for m in article.mentions:
        if (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        if m.entity_id is None:
            continue
        for label in ("", m.label):
            by_key[m.entity_id, label].append((m.label, m.name))
            names.add((m.entity_id, label, "s", article.text[m.start : m.end]))
        if m.name is not None:
            names.add((m.entity_id, "", "n", m.name))
    rows = []
    for (entity_id, label), mentions in by_key.items():
        known = [n for _, n in mentions if n is not None]
        top = max(lab for lab, _ in mentions)
        rows.append((entity_id, label, top, max(known) if known else None, len(mentions)))
    # Sorted: concurrent writers then lock the same rows in the same order.
    return sorted(rows), sorted(names)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with its own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
