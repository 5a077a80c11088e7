"""Normalising scraped text without changing what it says, and folding it for matching.

``normalize_line`` is what ends up in ``Article.text``: NFC, no tatweel, no invisible
format characters, single spaces, trimmed. Quotes of every style (curly, guillemets, the
Arabic-style ``”``) are left alone: they mark who said what.

``fold`` is only for comparing a line with the phrase lists; its output is never stored.
"""

from __future__ import annotations

import re
import unicodedata

from marsad.clean.lexicon import lexicon

TATWEEL = "\u0640"

# Runs of horizontal white space of any kind (tabs, NBSP, thin spaces) become one space;
# a NBSP carries no meaning in Arabic or English news prose.
_SPACES = re.compile(r"[^\S\n]+")

# Arabic harakat, tanween, shadda, sukun, superscript alef: spelling variants of one word.
_HARAKAT = re.compile("[\u064b-\u065f\u0670]")
# Hamza and madda forms of alef are written interchangeably in web Arabic ("اقرأ ايضا").
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
# Punctuation and symbols a widget or label carries around its words ("Read more »").
_EDGE_JUNK = " \t:：;،؛.…»«›‹>|-–—•·*#!؟?()[]"


def normalize_line(line: str) -> str:
    """One line as it goes into the clean text."""
    line = unicodedata.normalize("NFC", line)
    line = line.translate(lexicon().invisible_table).replace(TATWEEL, "")
    return _SPACES.sub(" ", line).strip()


def fold(text: str) -> str:
    """A matching key: case-folded, without harakat and tatweel, alef forms merged, single
    spaces, surrounding punctuation trimmed."""
    text = unicodedata.normalize("NFC", text).casefold().replace(TATWEEL, "")
    text = _HARAKAT.sub("", text).translate(_ALEF)
    return " ".join(text.split()).strip(_EDGE_JUNK)
