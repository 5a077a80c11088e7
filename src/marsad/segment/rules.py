"""The splitter's language knowledge, read once from ``data/sentences.<lang>.yaml``.

A paragraph follows the punctuation policy (enders, quotes, ellipsis) of its language's
file, or of the file for its script when its language has none. Abbreviation lists and
sentence openers of all files apply everywhere: they differ by script, and an Arabic
article may well quote "Dr. Smith".
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from marsad.errors import DataFileError
from marsad.lang.script import count_scripts
from marsad.resources import data_path, load_yaml

EllipsisPolicy = Literal["before_capital", "never", "always"]
_PACKAGE = "marsad.segment"
# Closing brackets after a sentence's final punctuation belong to it, in every script.
CLOSING_BRACKETS = frozenset(")]}")
OPENING_BRACKETS = frozenset("([{")


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """Words that may stand before a dot without ending the sentence (all files merged)."""

    always: frozenset[str]
    ambiguous: frozenset[str]
    always_shape: re.Pattern[str] | None
    ambiguous_shape: re.Pattern[str] | None
    era_markers: frozenset[str]
    starters: frozenset[str]


@dataclass(frozen=True, slots=True)
class SentenceRules:
    """One language's punctuation policy, plus the shared abbreviations."""

    name: str
    ellipsis: EllipsisPolicy
    openers: frozenset[str]
    closers: frozenset[str]
    toggles: frozenset[str]
    apostrophes: frozenset[str]
    """Close a quote only right after a sentence's punctuation."""
    abbreviations: Abbreviations
    leading_marks: str
    """Quotes and brackets that may open a word: skipped to find the word itself."""
    scan: re.Pattern[str]
    """Finds, in one pass, runs of sentence enders, line breaks and toggle quotes."""


@cache
def rule_names() -> tuple[str, ...]:
    """Languages with a rules file, e.g. ``("ar", "en")``."""
    folder = resources.files(_PACKAGE).joinpath("data")
    names = (p.name for p in folder.iterdir())
    return tuple(sorted(n[len("sentences.") : -len(".yaml")] for n in names if _is_rules_file(n)))


def _is_rules_file(name: str) -> bool:
    return name.startswith("sentences.") and name.endswith(".yaml")


def _load(name: str) -> dict[str, Any]:
    file = f"sentences.{name}.yaml"
    data = load_yaml(_PACKAGE, file)
    if not isinstance(data, dict):
        raise DataFileError(data_path(_PACKAGE, file), "expected a mapping at the top level")
    return data


def _strings(data: dict[str, Any], name: str, *keys: str) -> list[str]:
    """The list at ``data[keys...]``, checked to hold strings only (YAML reads ``No`` as
    false, which would silently drop an abbreviation)."""
    value: Any = data
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    value = value or []
    bad = [v for v in value if not isinstance(v, str)]
    if bad:
        reason = f"{'.'.join(keys)} holds non-strings {bad!r}; quote them"
        raise DataFileError(data_path(_PACKAGE, f"sentences.{name}.yaml"), reason)
    return list(value)


def _shape(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


@cache
def abbreviations() -> Abbreviations:
    always: set[str] = set()
    ambiguous: set[str] = set()
    always_shapes: list[str] = []
    ambiguous_shapes: list[str] = []
    era: set[str] = set()
    starters: set[str] = set()
    for name in rule_names():
        data = _load(name)
        always.update(_strings(data, name, "abbreviations", "always"))
        ambiguous.update(_strings(data, name, "abbreviations", "ambiguous"))
        always_shapes += _strings(data, name, "abbreviations", "always_patterns")
        ambiguous_shapes += _strings(data, name, "abbreviations", "ambiguous_patterns")
        era.update(_strings(data, name, "era_markers"))
        starters.update(_strings(data, name, "sentence_starters"))
    return Abbreviations(
        frozenset(always),
        frozenset(ambiguous),
        _shape(always_shapes),
        _shape(ambiguous_shapes),
        frozenset(era),
        frozenset(starters),
    )


@cache
def _scanner(toggles: frozenset[str]) -> re.Pattern[str]:
    # Every file's enders end a sentence in any paragraph ("؟" in a quoted Arabic line of
    # an English article), so the scanner looks for all of them, and for "…".
    enders = set().union(*(_strings(_load(n), n, "enders") for n in rule_names()))
    parts = ["(?P<end>[" + _class(enders | {"…"}) + "]+)", "(?P<nl>\n)"]
    if toggles:
        parts.append("(?P<q>[" + _class(toggles) + "])")
    return re.compile("|".join(parts))


@cache
def rules(name: str) -> SentenceRules:
    """The rules of one file, e.g. ``rules("ar")``."""
    data = _load(name)
    ellipsis = data.get("ellipsis", "before_capital")
    if ellipsis not in ("before_capital", "never", "always"):
        path = data_path(_PACKAGE, f"sentences.{name}.yaml")
        raise DataFileError(path, f"ellipsis must be before_capital, never or always: {ellipsis!r}")
    toggles = frozenset(_strings(data, name, "quotes", "toggles"))
    openers = frozenset(_strings(data, name, "quotes", "openers"))
    apostrophes = frozenset(_strings(data, name, "quotes", "apostrophes"))
    return SentenceRules(
        name=name,
        ellipsis=ellipsis,
        openers=openers,
        closers=frozenset(_strings(data, name, "quotes", "closers")),
        toggles=toggles,
        apostrophes=apostrophes,
        abbreviations=abbreviations(),
        leading_marks="".join(sorted(openers | toggles | apostrophes | OPENING_BRACKETS)),
        scan=_scanner(toggles),
    )


def _class(chars: AbstractSet[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


@cache
def _by_language() -> dict[str, str]:
    table: dict[str, str] = {}
    for name in rule_names():
        for lang in _strings(_load(name), name, "languages"):
            table[lang] = name
    return table


@cache
def _by_script() -> dict[str, str]:
    return {str(_load(n).get("script")): n for n in rule_names()}


def rules_for(lang: str | None, paragraph: str) -> SentenceRules:
    """The rules for a paragraph: by its language, else by the script it is written in."""
    name = _by_language().get(lang) if lang else None
    if name is None:
        script = count_scripts(paragraph).dominant
        name = _by_script().get(script) or _by_script().get("latin") or rule_names()[0]
    return rules(name)
