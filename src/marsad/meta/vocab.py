"""Word lists from this package's data files, checked as they are read so that a bad edit
fails with the file's name instead of deep inside a regex."""

from __future__ import annotations

from typing import Any

from marsad.errors import DataFileError
from marsad.resources import data_path, load_yaml

PACKAGE = "marsad.meta"


def bad(name: str, reason: str) -> DataFileError:
    """The error for a malformed ``data/<name>``."""
    return DataFileError(data_path(PACKAGE, name), reason)


def load(name: str) -> dict[str, Any]:
    """The mapping in ``data/<name>``."""
    data = load_yaml(PACKAGE, name)
    if not isinstance(data, dict):
        raise bad(name, "expected a mapping")
    return data


def words(name: str, data: dict[str, Any], key: str) -> list[str]:
    """``data[key]`` as a list of strings; a ``{code: [words]}`` mapping gives all its words.
    A missing key is an empty list."""
    items = data.get(key) or []
    if isinstance(items, dict):
        items = [w for ws in items.values() for w in (ws or [])]
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise bad(name, f"{key!r} must list strings (quote YAML words like on, no)")
    return items


def groups(name: str, data: dict[str, Any], key: str) -> dict[str, list[str]]:
    """``data[key]`` as a mapping of keys to lists of strings."""
    items = data.get(key) or {}
    if not isinstance(items, dict):
        raise bad(name, f"{key!r} must map keys to lists")
    return {str(k): words(name, items, k) for k in items}
