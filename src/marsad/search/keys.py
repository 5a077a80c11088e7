"""The keys of the search index that every store backend writes: the identity of the key
rules (an index built under another one is rebuilt), entity tokens and name keys."""

from __future__ import annotations

import hashlib
import json
from functools import cache

from marsad.resources import data_path
from marsad.search.tokens import shadow_text
from marsad.types import Article

# Bump when tokens.py changes how keys are made; data changes are seen by their hash.
_CODE_VERSION = "3"
_RULE_FILES = (
    ("marsad.search", "search.ar.yaml"),
    ("marsad.search", "search.en.yaml"),
    ("marsad.kb", "normalise.yaml"),
)


@cache
def key_version() -> str:
    """Identity of the key rules: an index built under another one is rebuilt."""
    digest = hashlib.sha256(_CODE_VERSION.encode())
    for package, name in _RULE_FILES:
        with open(data_path(package, name), "rb") as fh:
            digest.update(fh.read())
    return digest.hexdigest()[:16]


def entity_token(entity_id: str) -> str:
    """The index token of an entity id: letters and digits only, so full-text tokenizers
    keep it whole ("marsad:place/qamishli" has separators in it)."""
    return "e" + hashlib.sha256(entity_id.encode()).hexdigest()[:16]


def name_key(name: str) -> str:
    """A name as search keys ("Al-Hasakah city" → "al hasakah city")."""
    return shadow_text(name)


def indexed_names(article: Article) -> list[tuple[str, str]]:
    """(entity id, name) of every linked mention: its surface and its canonical name."""
    return [
        (m.entity_id, surface)
        for m in article.mentions
        if m.entity_id
        for surface in (article.text[m.start : m.end], m.name)
        if surface
    ]


def stored_names_and_types(text: str, annotations: str) -> tuple[list[tuple[str, str]], list[str]]:
    """``indexed_names`` and the event types of a stored article, read from its annotation
    JSON without building the whole ``Article`` (re-indexing a large store)."""
    data = json.loads(annotations)
    names = [
        (m["entity_id"], surface)
        for m in data.get("mentions", [])
        if m.get("entity_id")
        for surface in (text[m["start"] : m["end"]], m.get("name"))
        if surface
    ]
    return names, [e["type"] for e in data.get("events", [])]
