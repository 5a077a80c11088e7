"""Reading one knowledge-base YAML file into checked entries.

The file is composed into YAML nodes rather than loaded into plain dicts, because nodes
keep their line numbers: a malformed entry fails with ``DataFileError`` naming the file,
the line where the entry starts and what is wrong, before anything uses the KB.
Duplicate keys, which ``yaml.safe_load`` would silently collapse, are errors here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from marsad.errors import DataFileError
from marsad.kb.entry import ENTITY_TYPES, KBEntry, is_valid_id
from marsad.kb.normalize import normalise_name

# libyaml's composer when PyYAML was built with it: the KB is read by every process.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"

_LANG = re.compile(r"^[a-z]{2,3}$")
_KIND = re.compile(r"^[a-z][a-z0-9_]*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")

KNOWN_FIELDS = frozenset(
    {"id", "type", "kind", "names", "lat", "lon", "country", "admin1", "parent", "part_of"}
    | {"geonames_id", "ambiguous", "source", "note", "merge"}
)
REQUIRED_LANGS = ("en", "ar")


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """An entry as read from a file. ``merge`` entries extend the entry with their id
    (their names are added, the other fields they give replace); ``fields`` says which
    fields the file gave."""

    entry: KBEntry
    merge: bool
    fields: frozenset[str]


class _EntryError(Exception):
    """A reason an entry is malformed; the caller adds the file and line."""


def parse_kb_file(path: Path, *, strict: bool) -> list[ParsedEntry]:
    """Read and check the entries of one KB file.

    ``strict`` is for the shipped files: every entry needs English and Arabic names and
    ``merge`` is not allowed. User files may hold entries in one language only.
    """
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(where, f"cannot read the file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(where, "the file is not UTF-8") from exc
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(where, f"invalid YAML: {getattr(exc, 'problem', exc)}", line) from exc
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise DataFileError(where, "the file must be a YAML list of entries", _line(root))

    parsed: list[ParsedEntry] = []
    first_line: dict[str, int] = {}
    for node in root.value:
        line = _line(node)
        try:
            item = _parse_entry(node, strict=strict)
        except _EntryError as exc:
            raise DataFileError(where, str(exc), line) from None
        entry_id = item.entry.id
        if entry_id in first_line:
            raise DataFileError(
                where, f"duplicate id {entry_id!r} (first at line {first_line[entry_id]})", line
            )
        first_line[entry_id] = line
        entry = replace(item.entry, origin=where, line=line)
        parsed.append(ParsedEntry(entry, item.merge, item.fields))
    return parsed


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _parse_entry(node: yaml.Node, *, strict: bool) -> ParsedEntry:
    if not isinstance(node, yaml.MappingNode):
        raise _EntryError("an entry must be a mapping of fields (id, type, names, …)")
    fields = _mapping(node, "entry")
    unknown = sorted(set(fields) - KNOWN_FIELDS)
    if unknown:
        raise _EntryError(f"unknown field(s) {unknown}; known: {sorted(KNOWN_FIELDS)}")

    entry_id = _string(fields, "id", required=True)
    assert entry_id is not None
    if not is_valid_id(entry_id):
        raise _EntryError(
            f"bad id {entry_id!r}: a Wikidata QID (Q123) or a local id (marsad:place/name)"
        )
    merge = _boolean(fields, "merge")
    if merge and strict:
        raise _EntryError("merge is for user files; shipped entries are complete")

    entity_type = _string(fields, "type", required=not merge)
    if entity_type is not None and entity_type not in ENTITY_TYPES:
        raise _EntryError(f"bad type {entity_type!r}; one of {sorted(ENTITY_TYPES)}")
    kind = _string(fields, "kind")
    if kind is not None and not _KIND.match(kind):
        raise _EntryError(f"bad kind {kind!r}: lower case words joined by _")

    names = _names(fields.get("names"), required=not merge, strict=strict)
    lat, lon = _coordinates(fields)
    country = _string(fields, "country")
    if country is not None and not _COUNTRY.match(country):
        raise _EntryError(f"bad country {country!r}: an ISO 3166-1 alpha-2 code such as SY")

    refs = {key: _string(fields, key) for key in ("admin1", "parent")}
    part_of = _string_list(fields.get("part_of"), "part_of")
    for key, ref in [*refs.items(), *(("part_of", p) for p in part_of)]:
        if ref is not None and not is_valid_id(ref):
            raise _EntryError(f"{key} {ref!r} is not an entry id")

    geonames_id = _integer(fields, "geonames_id")
    ambiguous = _string_list(fields.get("ambiguous"), "ambiguous")
    own_keys = {normalise_name(n) for ns in names.values() for n in ns}
    for name in ambiguous:
        if normalise_name(name) not in own_keys:
            raise _EntryError(f"ambiguous name {name!r} is not one of the entry's names")

    entry = KBEntry(
        id=entry_id,
        type=entity_type or "",
        names=names,
        kind=kind,
        lat=lat,
        lon=lon,
        country=country,
        admin1=refs["admin1"],
        parent=refs["parent"],
        part_of=part_of,
        geonames_id=geonames_id,
        ambiguous=ambiguous,
        source=_string(fields, "source"),
        note=_string(fields, "note"),
    )
    return ParsedEntry(entry, merge, frozenset(fields))


def _mapping(node: yaml.MappingNode, what: str) -> dict[str, yaml.Node]:
    out: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _EntryError(f"a key of the {what} is not a plain word")
        key = str(key_node.value)
        if key in out:
            raise _EntryError(f"{what} has the key {key!r} twice (line {_line(key_node)})")
        out[key] = value_node
    return out


def _scalar(node: yaml.Node, what: str) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise _EntryError(f"{what} must be a single value, not a list or mapping")
    tag, value = node.tag, node.value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() in ("true", "yes", "on")
    if tag == _INT:
        return int(value.replace("_", ""), 0) if value[:2].lower() in ("0x", "0o") else int(value)
    if tag == _FLOAT:
        return float(value.replace("_", ""))
    return value


def _string(fields: dict[str, yaml.Node], key: str, *, required: bool = False) -> str | None:
    node = fields.get(key)
    value = None if node is None else _scalar(node, key)
    if value is None:
        if required:
            raise _EntryError(f"missing {key}")
        return None
    if not isinstance(value, str) or node is None or node.tag != _STR:
        raise _EntryError(f"{key} must be text, not {value!r}")
    value = value.strip()
    if not value:
        raise _EntryError(f"{key} is empty")
    return value


def _boolean(fields: dict[str, yaml.Node], key: str) -> bool:
    node = fields.get(key)
    if node is None:
        return False
    value = _scalar(node, key)
    if not isinstance(value, bool):
        raise _EntryError(f"{key} must be true or false")
    return value


def _integer(fields: dict[str, yaml.Node], key: str) -> int | None:
    node = fields.get(key)
    value = None if node is None else _scalar(node, key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise _EntryError(f"{key} must be a positive whole number, not {value!r}")
    return value


def _number(fields: dict[str, yaml.Node], key: str) -> float | None:
    node = fields.get(key)
    value = None if node is None else _scalar(node, key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _EntryError(f"{key} must be a number in decimal degrees, not {value!r}")
    return float(value)


def _coordinates(fields: dict[str, yaml.Node]) -> tuple[float | None, float | None]:
    lat, lon = _number(fields, "lat"), _number(fields, "lon")
    if (lat is None) != (lon is None):
        raise _EntryError("lat and lon go together: give both or neither")
    if lat is not None and not -90.0 <= lat <= 90.0:
        raise _EntryError(f"lat {lat} is outside -90..90")
    if lon is not None and not -180.0 <= lon <= 180.0:
        raise _EntryError(f"lon {lon} is outside -180..180")
    return lat, lon


def _string_list(node: yaml.Node | None, what: str) -> tuple[str, ...]:
    """A string or a list of strings; anything else (numbers, nested lists) is an error."""
    if node is None:
        return ()
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    out: list[str] = []
    for item in items:
        value = _scalar(item, f"an item of {what}")
        if not isinstance(value, str) or item.tag != _STR:
            raise _EntryError(f"{what} has {value!r}, which is not text (line {_line(item)})")
        value = value.strip()
        if not value:
            raise _EntryError(f"{what} has an empty value (line {_line(item)})")
        if value not in out:
            out.append(value)
    return tuple(out)


def _names(node: yaml.Node | None, *, required: bool, strict: bool) -> dict[str, tuple[str, ...]]:
    if node is None:
        if required:
            raise _EntryError("missing names")
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise _EntryError("names must map languages to names (en: …, ar: …)")
    names: dict[str, tuple[str, ...]] = {}
    for lang, value in _mapping(node, "names").items():
        if not _LANG.match(lang):
            raise _EntryError(f"names has {lang!r}, not an ISO 639 language code (en, ar, ku)")
        listed = _string_list(value, f"names.{lang}")
        if not listed:
            raise _EntryError(f"names.{lang} is empty")
        for name in listed:
            if not normalise_name(name):
                raise _EntryError(f"names.{lang} has {name!r}, which has no letters")
        names[lang] = listed
    if required and not names:
        raise _EntryError("names is empty")
    if strict:
        missing = [lang for lang in REQUIRED_LANGS if lang not in names]
        if missing:
            raise _EntryError(f"shipped entries need names in {missing}")
    return names


__all__ = ["ParsedEntry", "parse_kb_file"]
