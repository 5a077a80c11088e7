"""Compact name indexes shared by the gazetteer tables."""

from __future__ import annotations

from collections.abc import Iterable

NameIndex = dict[str, int | tuple[int, ...]]
"""Folded name -> row, or a tuple of rows when several places share it. Most names denote
one place, and a bare int costs a fraction of a tuple: this keeps the city index small."""


def build_index(pairs: Iterable[tuple[int, str]]) -> NameIndex:
    """An index from (row, key) pairs; empty keys are skipped, repeats kept once."""
    index: NameIndex = {}
    for row, key in pairs:
        if not key:
            continue
        hit = index.get(key)
        if hit is None:
            index[key] = row
        elif isinstance(hit, int):
            if hit != row:
                index[key] = (hit, row)
        elif row not in hit:
            index[key] = (*hit, row)
    return index


def rows_of(index: NameIndex, key: str) -> tuple[int, ...]:
    hit = index.get(key)
    if hit is None:
        return ()
    return (hit,) if isinstance(hit, int) else hit


class Interner:
    """One string object per distinct value (admin names and country codes repeat a lot)."""

    def __init__(self) -> None:
        self._seen: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        return self._seen.setdefault(value, value)
