"""Arabic -> Latin spelling, the bridge into the common key space.

This is a matching aid, not a display romanization: short vowels are not restored and
ʿayn and hamza vanish, because Latin spellings of one name disagree exactly there. Each
letter (or listed letter pair) is spelled on its own, so "سه" stays s+h and never reads
as "sh".
"""

from __future__ import annotations

from functools import cache

from marsad.names.normalize import normalize_arabic
from marsad.resources import load_yaml


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    data = load_yaml("marsad.names", "translit.ar.yaml")

    def table(section: str) -> dict[str, str]:
        return {str(k): str(v) for k, v in (data.get(section) or {}).items()}

    return table("letters"), table("digraphs"), table("final")


def romanize_units(text: str) -> list[str]:
    """The Latin spelling of each letter or letter pair of normalized ``text``;
    characters without a spelling (digits, Latin letters) are kept as they are."""
    letters, digraphs, finals = _tables()
    text = normalize_arabic(text)
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = digraphs.get(text[i : i + 2])
        if pair is not None:
            out.append(pair)
            i += 2
            continue
        ch = text[i]
        word_end = i + 1 == len(text) or text[i + 1] not in letters
        out.append(finals[ch] if word_end and ch in finals else letters.get(ch, ch))
        i += 1
    return out


def romanize(text: str) -> str:
    """Arabic text spelled in Latin letters, e.g. ``قامشلو`` -> ``qamshlw``."""
    return "".join(romanize_units(text))
