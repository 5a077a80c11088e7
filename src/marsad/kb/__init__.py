"""The knowledge base of actors, places and facilities of the Syrian conflict.

Entries carry their names in English, Arabic and Kurmanji with the common
transliterations, so that ``Qamishlo``, ``القامشلي`` and ``قامشلو`` are one entity; ids are
Wikidata QIDs where we are sure of them, else local ids (``marsad:place/ain-issa-camp``).
The shipped data is in ``marsad/kb/data/`` (see its README); users add their own entries
in ``$MARSAD_HOME/kb/*.yaml``.

    >>> kb = load_kb()
    >>> [e.id for e in kb.lookup("قامشلو")] == [e.id for e in kb.lookup("Qamishli")]
    True
"""

from __future__ import annotations

from marsad.kb.base import KnowledgeBase
from marsad.kb.entry import ENTITY_TYPES, KBEntry
from marsad.kb.load import (
    add_user_entry,
    default_kb,
    load_kb,
    marsad_home,
    shipped_paths,
    user_kb_dir,
)
from marsad.kb.normalize import normalise_name

__all__ = [
    "ENTITY_TYPES",
    "KBEntry",
    "KnowledgeBase",
    "add_user_entry",
    "default_kb",
    "load_kb",
    "marsad_home",
    "normalise_name",
    "shipped_paths",
    "user_kb_dir",
]
