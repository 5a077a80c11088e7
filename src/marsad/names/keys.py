"""Phonetic keys: both scripts mapped into one small alphabet of sound classes.

A token gets four keys, from fine to coarse:

- *full*: every sound class, vowels as three classes (A, I, U);
- *written*: the full key without the vowels Arabic would leave unwritten if the name
  were Arabic (Muhammad -> MHMD as in محمد); for Arabic text it is the full key;
- *skeleton*: consonants only, since Arabic leaves short vowels unwritten while Latin
  spellings of one Arabic name disagree mostly on vowels (Omar / Umar / Omer, عمر);
- *coarse*: the skeleton with classes that stand in for each other across scripts merged
  (g is غ or ج, s between vowels is ز, ch is ش or ك or خ); the merge table in
  ``data/coarse.yaml`` is derived from aligned name pairs by ``bench/names_derive.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.names.normalize import Token, tokenize
from marsad.names.translit import romanize_units
from marsad.resources import load_yaml

Keys = tuple[str, str, str, str]
"""(full, written, skeleton, coarse) keys of one token or name."""


@dataclass(frozen=True, slots=True)
class TokenKey:
    """The keys of one name part."""

    keys: Keys
    bare: Keys  # the keys without the definite article; equal to ``keys`` when none
    article: bool  # whether an article was taken off
    arabic: bool


@dataclass(frozen=True, slots=True)
class NameKey:
    """The keys of a whole name: compute once with ``name_key``, compare many times with
    ``key_similarity``."""

    tokens: tuple[TokenKey, ...]
    joined: Keys  # bare keys of all tokens run together (Jiakurd / Jia Kurd)
    arabic: bool  # whether every token is in Arabic script


@dataclass(frozen=True, slots=True)
class _Phonetic:
    graphemes: dict[str, str]
    longest: int
    vowels: frozenset[str]  # upper case
    coarse: dict[int, str]  # str.translate table


@cache
def _phonetic() -> _Phonetic:
    data = load_yaml("marsad.names", "phonetic.yaml")
    graphemes = {str(k): str(v) for k, v in data["graphemes"].items()}
    merges = load_yaml("marsad.names", "coarse.yaml").get("coarse") or {}
    coarse = {ord(str(k)): str(v) for k, v in merges.items()}
    return _Phonetic(graphemes, max(map(len, graphemes)), frozenset(data["vowels"]), coarse)


@cache
def latin_classes(text: str) -> str:
    """Sound classes of a Latin spelling, longest grapheme first; unknown characters are
    dropped, digits kept (a number in a name is part of its identity)."""
    ph = _phonetic()
    out: list[str] = []
    i = 0
    while i < len(text):
        for size in range(min(ph.longest, len(text) - i), 0, -1):
            cls = ph.graphemes.get(text[i : i + size])
            if cls is not None:
                out.append(cls)
                i += size
                break
        else:
            if text[i].isdigit():
                out.append(text[i])
            i += 1
    return "".join(out)


def arabic_classes(text: str) -> str:
    """Sound classes of Arabic text, each letter keyed through its own Latin spelling;
    every vowel it has is written, so all are upper case."""
    return "".join(latin_classes(unit) for unit in romanize_units(text)).upper()


_RUN = re.compile(r"([A-Za-z])\1+")  # letters only: 11 is not 1


def _collapse(classes: str) -> str:
    # Arabic writes no shadda and Latin doubles letters freely: one class per run.
    return _RUN.sub(r"\1", classes)


def _initial_vowel(key: str, vowels: frozenset[str]) -> str:
    # Initial vowels, alef and ʿayn disagree freely across scripts: one class for all.
    return "A" + key[1:] if key[:1] in vowels else key


@lru_cache(maxsize=65536)
def _keys(text: str, arabic: bool) -> Keys:
    ph = _phonetic()
    classes = arabic_classes(text) if arabic else latin_classes(text)
    if len(classes) > 1 and classes[-1] == "H":
        classes = classes[:-1]  # -ah, -eh and -a end one name (ه, ة are spelled "a")
    # Runs collapse before vowels are dropped: "Kiki" keeps both k's, as كيكي does.
    classes = _collapse(classes)
    full = _initial_vowel(_collapse(classes.upper()), ph.vowels)
    if arabic:
        written = full
    else:
        # Short vowels go; the first and last letters stay, as Arabic writes them.
        last = len(classes) - 1
        kept = "".join(ch for i, ch in enumerate(classes) if ch.isupper() or i in (0, last))
        written = _initial_vowel(kept.upper(), ph.vowels)
    skeleton = "".join(ch for ch in full if ch not in ph.vowels)
    return full, written, skeleton, skeleton.translate(ph.coarse)


def token_key(token: Token) -> TokenKey:
    keys = _keys(token.text, token.arabic)
    if token.bare == token.text:
        return TokenKey(keys, keys, False, token.arabic)
    return TokenKey(keys, _keys(token.bare, token.arabic), True, token.arabic)


@lru_cache(maxsize=65536)
def name_key(name: str) -> NameKey:
    """The keys of every part of ``name``; cached, since one name is compared many times."""
    tokens = tuple(k for k in (token_key(t) for t in tokenize(name)) if k.keys[0])
    full, written, skeleton, coarse = ("".join(t.bare[i] for t in tokens) for i in range(4))
    arabic = bool(tokens) and all(t.arabic for t in tokens)
    return NameKey(tokens, (full, written, skeleton, coarse), arabic)
