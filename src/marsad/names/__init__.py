"""Cross-script name matching: one score for "Abdul Karim Omar" and "عبد الكريم عمر".

Both sides are normalized (``normalize``), split into name parts with articles and
compounds handled (``tokenize``), mapped into one phonetic key space (``name_key``:
Arabic through ``data/translit.ar.yaml``, Latin through ``data/phonetic.yaml``) and
compared part by part (``similarity``, ``best_match``).

    >>> similarity("Qamishlo", "القامشلي") >= MATCH_THRESHOLD
    True
"""

from __future__ import annotations

import logging

from marsad.names.keys import NameKey, name_key
from marsad.names.normalize import (
    Token,
    is_arabic,
    normalize,
    normalize_arabic,
    normalize_latin,
    tokenize,
)
from marsad.names.score import MATCH_THRESHOLD, best_match, key_similarity, similarity
from marsad.names.translit import romanize

__all__ = [
    "MATCH_THRESHOLD",
    "NameKey",
    "Token",
    "best_match",
    "is_arabic",
    "key_similarity",
    "name_key",
    "normalize",
    "normalize_arabic",
    "normalize_latin",
    "romanize",
    "similarity",
    "tokenize",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
