"""Word shingles of an article's text, after the script normalisation names use.

Arabic letter variants, marks and Arabic-Indic digits fold (``marsad.names.normalize``), and
Latin text is casefolded, so two copies of one press release that differ in hamza seats,
tatweel or capitals give the same shingles.
"""

from __future__ import annotations

import re

from marsad.names.normalize import normalize

_WORD = re.compile(r"\w+")
SHINGLE_WORDS = 3  # three-word shingles: one edited word changes at most three of them


def words(text: str) -> list[str]:
    """The normalised words of ``text``, in order."""
    return _WORD.findall(normalize(text))


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Distinct ``size``-word shingles of ``text`` (a shorter text is one shingle)."""
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}
