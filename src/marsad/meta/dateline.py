"""The dateline that opens a news story: where it was filed, and by which outlet.

    HASAKAH, Syria (North Press) – The Autonomous Administration ...  -> Hasakah, North Press
    BEIRUT, April 8 (Reuters) - ...                                   -> Beirut, Reuters
    قامشلو - هاوار                                                    -> قامشلو, ANHA
    الحسكة – نورث برس أكد ...                                         -> الحسكة, North Press
    BEIRUT — ...                                                      -> Beirut, no outlet

A name after the dash is taken as the outlet when the outlet list knows it, or, in Arabic,
when it is all that is left of the line (a dateline on a line of its own), so prose that
happens to hold a dash early ("Damascus - The government said") is not read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.meta import vocab
from marsad.meta.outlets import OutletList
from marsad.meta.patterns import fold

# A dateline is short; looking further into the line only finds prose.
_HEAD = 160
# Most words an outlet written alone after the dash may have ("قامشلو - وكالة أنباء هاوار").
_MAX_OUTLET_WORDS = 4
_MAX_PLACE_WORDS = 4

# "PLACE[, Region][, date] (Outlet) –"
_PAREN = re.compile(
    r"(?P<place>[^\W\d_][^()\n,–—]{0,40}?)(?:\s*,\s*[^()\n,]{1,30}?){0,2}"
    r"\s*\((?P<outlet>[^()\n]{2,40})\)\s*[-–—:]"
)
# "place – rest": up to three words, then a dash (a hyphen only with a space beside it,
# since "Al-Hol" holds one) or a slash.
_WORD = r"[^\W\d_][^\s()\-–—/:،,.]*"
_DASH = re.compile(rf"(?P<place>{_WORD}(?:\s+{_WORD}){{0,2}})\s*(?:[–—/]|\s-|-\s)\s*(?P<rest>.*)")
# "BEIRUT —": a place in capitals, no outlet.
_CAPS = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\- ]{2,30}[A-Z])(?:\s*,\s*[A-Z][\w'’. -]{1,30}?)?"
    r"\s*[-–—]\s+(?=[A-Z\"“‘'])"
)
_ARABIC = re.compile("[\u0600-\u06ff]")
_SENTENCE_MARK = re.compile(r"[.!?؟:;؛،,\"“”«»]")


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class _Words:
    desks: frozenset[str]
    not_outlets: frozenset[str]


@cache
def _words() -> _Words:
    name = "dateline.yaml"
    data = vocab.load(name)
    return _Words(
        desks=frozenset(fold(w) for w in vocab.words(name, data, "desks")),
        not_outlets=frozenset(fold(w) for w in vocab.words(name, data, "not_outlets")),
    )


def _place(written: str) -> str | None:
    place = written.strip(" -–—,")
    if not place or fold(place) in _words().desks:
        return None
    # Wire style writes the place in capitals; store it as a name ("AL-HASAKAH" -> "Al-Hasakah").
    return place.title() if place.isupper() else place


def find_dateline(paragraph: str, known: OutletList) -> Dateline | None:
    """The dateline at the start of ``paragraph``, or None when it has none."""
    line = paragraph.lstrip().split("\n", 1)[0][:_HEAD]
    if not line:
        return None
    m = _PAREN.match(line)
    if m is not None and len(m["place"].split()) <= _MAX_PLACE_WORDS:
        outlet = known.canonical(m["outlet"])
        # An unknown name in brackets is an outlet only in the wire form with capitals.
        if outlet is not None or m["place"].isupper():
            return Dateline(_place(m["place"]), outlet or known.normalise(m["outlet"]))
    m = _DASH.match(line)
    if m is not None:
        rest = m["rest"].split()
        leading = known.leading(rest)
        if leading is not None:
            return Dateline(_place(m["place"]), leading[0])
        alone = " ".join(rest)
        if rest and fold(rest[0]) in _words().not_outlets:
            return Dateline(_place(m["place"]), None)  # "دمشق - خاص": a place, no outlet
        if (
            rest
            and len(rest) <= _MAX_OUTLET_WORDS
            and _ARABIC.search(alone)
            and not _SENTENCE_MARK.search(alone)
        ):
            return Dateline(_place(m["place"]), known.normalise(alone))
    m = _CAPS.match(line)
    if m is not None:
        outlet = known.canonical(m["place"])  # "SANA –": an outlet with no place
        return Dateline(None, outlet) if outlet else Dateline(_place(m["place"]), None)
    return None
