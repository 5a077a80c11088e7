"""One knowledge-base entry: an actor, a place or a facility, with its names in each script."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "FAC", "NORP"})
"""The mention labels of the export contract (SCHEMA.md)."""

QID = re.compile(r"^Q[1-9][0-9]*$")
LOCAL_ID = re.compile(r"^[a-z][a-z0-9]*:[a-z0-9][a-z0-9_./-]*$")
"""Ids that are not Wikidata's: ``marsad:place/ain-issa-camp`` (shipped), ``user:…`` (yours)."""

# Order of the fields when an entry is written back to YAML: the order reviewers read.
FIELD_ORDER = (
    "id",
    "type",
    "kind",
    "names",
    "lat",
    "lon",
    "country",
    "admin1",
    "parent",
    "part_of",
    "geonames_id",
    "ambiguous",
    "source",
    "note",
)


def is_valid_id(value: str) -> bool:
    return bool(QID.match(value) or LOCAL_ID.match(value))


@dataclass(frozen=True, slots=True)
class KBEntry:
    """An entity with its names in each language (the first name of a language is the
    one to display) and, for places, where it is.

    ``parent`` is the place or body that contains this one (a town's district, a camp's
    town); ``part_of`` lists the organisations it belongs to (YPG → SDF). ``ambiguous``
    names the surface forms this entry shares on purpose with another entry ("al-Hol" is
    the town and the camp): lookups of those return both, and the linker decides.
    """

    id: str
    type: str
    names: Mapping[str, tuple[str, ...]]
    kind: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    parent: str | None = None
    part_of: tuple[str, ...] = ()
    geonames_id: int | None = None
    ambiguous: tuple[str, ...] = ()
    source: str | None = None
    note: str | None = None
    # Where the entry was read from, for error messages and provenance.
    origin: str = field(default="", compare=False)
    line: int | None = field(default=None, compare=False)

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def qid(self) -> str | None:
        """The Wikidata id, when the entry has one."""
        return self.id if QID.match(self.id) else None

    @property
    def label(self) -> str:
        """The display name: English, else Arabic, else the first name given."""
        for lang in ("en", "ar"):
            if self.names.get(lang):
                return self.names[lang][0]
        return next(iter(n for names in self.names.values() for n in names), self.id)

    def name(self, lang: str) -> str | None:
        """The preferred name in ``lang``, or None."""
        names = self.names.get(lang)
        return names[0] if names else None

    def all_names(self) -> Iterator[tuple[str, str]]:
        """Every (language, name) pair, preferred names first within each language."""
        for lang, names in self.names.items():
            for name in names:
                yield lang, name

    @property
    def is_place(self) -> bool:
        return self.lat is not None and self.lon is not None

    def to_dict(self) -> dict[str, Any]:
        """The entry as a YAML-ready mapping, fields in review order, empty ones left out."""
        out: dict[str, Any] = {}
        for key in FIELD_ORDER:
            value = getattr(self, key)
            if value is None or value == () or value == {}:
                continue
            if key == "names":
                value = {lang: list(names) for lang, names in value.items()}
            elif isinstance(value, tuple):
                value = list(value)
            out[key] = value
        return out
