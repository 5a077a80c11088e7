"""The phrase lists of the clean stage, read once from ``data/`` and folded for matching.

English and Arabic lists are merged: cleaning runs before language identification, and
an Arabic page may carry an English "Share" button (and the reverse).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad.clean.normalize import fold
from marsad.errors import DataFileError
from marsad.resources import data_path, load_yaml

PACKAGE = "marsad.clean"
LANGS = ("en", "ar")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Folded phrase sets; compare them with ``fold(line)``."""

    widget_lines: frozenset[str]
    widget_prefixes: tuple[str, ...]  # folded without trimming: the colon matters
    list_headers: frozenset[str]
    outlets: frozenset[str]
    outlet_words: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    date_fillers: frozenset[str]
    stray_marks: frozenset[str]

    def is_widget(self, folded: str, untrimmed: str) -> bool:
        """Whether a line (given as ``fold(line)`` and ``fold(line, trim=False)``) is a widget."""
        if folded in self.widget_lines:
            return True
        return any(_starts_with_word(untrimmed, p) for p in self.widget_prefixes)


def _starts_with_word(text: str, prefix: str) -> bool:
    if not text.startswith(prefix):
        return False
    # "follow us on" must not match "follow us online shops"; "©" and "tags:" end on a
    # non-letter, so anything may follow them.
    rest = text[len(prefix) : len(prefix) + 1]
    return not rest or not prefix[-1].isalnum() or not rest.isalnum()


def _strings(name: str, data: Any, key: str) -> list[str]:
    if not isinstance(data, dict):
        raise DataFileError(data_path(PACKAGE, name), "expected a mapping of lists")
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise DataFileError(data_path(PACKAGE, name), f"{key!r} must be a list of strings")
    return items


def _folded(file: str, key: str, trim: bool = True) -> list[str]:
    out: list[str] = []
    for lang in LANGS:
        name = f"{file}.{lang}.yaml"
        out.extend(fold(s, trim=trim) for s in _strings(name, load_yaml(PACKAGE, name), key))
    return out


def _date_vocabulary(key: str) -> list[str]:
    """Month or weekday words, folded, from the metadata stage's date files: one source of
    month names for the whole project, split into words because a date-only line is
    checked word by word ("كانون الثاني" gives كانون and الثاني)."""
    from marsad.meta.vocab import load, words

    out: list[str] = []
    for lang in LANGS:
        name = f"dates.{lang}.yaml"
        data = load(name)
        names = words(name, data, key)
        if key == "weekdays":
            names += words(name, data, "weekday_abbreviations")
        out.extend(fold(part) for w in names for part in w.split())
    return out


@cache
def lexicon() -> Lexicon:
    marks = load_yaml(PACKAGE, "marks.yaml")
    stray = _strings("marks.yaml", marks, "stray_marks")
    if not all(len(m) == 1 for m in stray):
        raise DataFileError(data_path(PACKAGE, "marks.yaml"), "stray_marks must be characters")
    return Lexicon(
        widget_lines=frozenset(_folded("boilerplate", "widget_lines")),
        widget_prefixes=tuple(_folded("boilerplate", "widget_prefixes", trim=False)),
        list_headers=frozenset(_folded("boilerplate", "list_headers")),
        outlets=frozenset(_folded("boilerplate", "outlets")),
        outlet_words=frozenset(_folded("boilerplate", "outlet_words")),
        months=frozenset(_date_vocabulary("months")),
        weekdays=frozenset(_date_vocabulary("weekdays")),
        date_fillers=frozenset(_folded("boilerplate", "date_line_fillers")),
        stray_marks=frozenset(stray),
    )
