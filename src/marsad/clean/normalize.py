"""Normalising scraped text without changing what it says, and folding it for matching.

``normalize_line`` is what ends up in ``Article.text``: NFC, no tatweel, no invisible
format characters, single spaces, trimmed. Quotes of every style (curly, guillemets, the
Arabic-style ``”``) are left alone: they mark who said what.

``fold`` is only for comparing a line with the phrase lists; its output is never stored.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from marsad.errors import DataFileError
from marsad.resources import data_path, load_yaml

TATWEEL = "\u0640"

# Runs of horizontal white space of any kind (tabs, NBSP, thin spaces) become one space;
# a NBSP carries no meaning in Arabic or English news prose.
_SPACES = re.compile(r"[^\S\n]+")

# Arabic harakat, tanween, shadda, sukun, superscript alef: spelling variants of one word.
_HARAKAT = re.compile("[\u064b-\u065f\u0670]")
# Hamza and madda forms of alef are written interchangeably in web Arabic ("اقرأ ايضا").
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
# Punctuation and symbols a widget or label carries around its words ("Read more »").
_SPACE_BEFORE_COLON = re.compile(r"\s+([:：])")
_EDGE_JUNK = " \t:：;،؛.…»«›‹>|-–—•·*#!؟?()[]"


@cache
def _invisible_table() -> dict[int, None]:
    marks = load_yaml("marsad.clean", "marks.yaml")
    chars = marks.get("invisible") if isinstance(marks, dict) else None
    if not isinstance(chars, list) or not all(isinstance(c, str) and len(c) == 1 for c in chars):
        raise DataFileError(
            data_path("marsad.clean", "marks.yaml"), "'invisible' must be a list of characters"
        )
    return dict.fromkeys(map(ord, chars))


def normalize_line(line: str) -> str:
    """One line as it goes into the clean text."""
    line = unicodedata.normalize("NFC", line)
    line = line.translate(_invisible_table()).replace(TATWEEL, "")
    return _SPACES.sub(" ", line).strip()


def fold(text: str, trim: bool = True) -> str:
    """A matching key: case-folded, without harakat and tatweel, alef forms merged, single
    spaces. ``trim`` also strips surrounding punctuation ("Read more »" -> "read more");
    prefixes such as "Tags:" are folded without it, because their colon is what tells a
    label from a sentence that starts with the same word."""
    text = unicodedata.normalize("NFC", text).casefold().replace(TATWEEL, "")
    text = _HARAKAT.sub("", text).translate(_ALEF)
    text = _SPACE_BEFORE_COLON.sub(r"\1", " ".join(text.split()))
    return text.strip(_EDGE_JUNK) if trim else text
