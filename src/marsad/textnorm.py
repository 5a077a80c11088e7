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
from marsad.langs import profile
from marsad.resources import data_path, load_yaml

_RULES = ("marsad.kb", "normalise.yaml")


def _arabic_marks() -> re.Pattern[str]:
    arabic = profile("ar")
    if arabic is None or arabic.marks_pattern is None:
        raise DataFileError("marsad/langs/data/ar.yaml", "the Arabic profile lists no marks")
    return arabic.marks_pattern


ARABIC_MARKS = _arabic_marks()
"""Harakat, Quranic marks, superscript alef and tatweel: no part of a word's identity (the
``marks`` of the Arabic profile, which every Arabic-script profile shares)."""


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
