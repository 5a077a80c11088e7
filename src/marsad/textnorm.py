"""The letter folds that Arabic and Latin matching share, in one place.

Hamza seats and madda (أ إ آ ؤ ئ), alef maqsura (ى), ta marbuta (ة), the Persian and
Kurdish letter shapes, and a few Latin letters that Unicode does not decompose fold to
one shape each; harakat, Quranic marks, superscript alef and tatweel go. The table is
data: the ``letters`` of ``marsad/kb/data/normalise.yaml``, which the knowledge base's
name keys (``marsad.kb.normalise_name``) and the search index (``marsad.search``) both read,
so a name and a search term cannot fold two different ways.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from marsad.errors import DataFileError
from marsad.resources import data_path, load_yaml

_RULES = ("marsad.kb", "normalise.yaml")

ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
"""Harakat, Quranic marks, superscript alef and tatweel: no part of a word's identity."""


@cache
def letter_table() -> dict[int, str]:
    """``str.translate`` table of the letter folds (Arabic and Latin)."""
    rules = load_yaml(*_RULES)
    try:
        letters = {**rules["arabic"]["letters"], **rules["latin"]["letters"]}
        return str.maketrans({str(k): str(v) for k, v in letters.items()})
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(data_path(*_RULES), f"malformed letter folds: {exc!r}") from exc


def fold_letters(text: str) -> str:
    """Case-folded ``text`` without Arabic marks and tatweel, letter variants folded."""
    return ARABIC_MARKS.sub("", text.casefold()).translate(letter_table())


def strip_accents(text: str) -> str:
    """Latin accents off (Serêkaniyê → Serekaniye); decomposition also takes the hamza
    off a seat that the letter table did not fold."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
