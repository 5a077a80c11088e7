"""Words with their offsets, folded the way the knowledge base folds names.

The gazetteer and the Arabic rules compare words, not strings: each word carries its
lookup key (``marsad.kb.normalise_name`` of the word alone) and, for Arabic, the keys it
has with a glued proclitic taken off ("وقامشلو" → "قامشلو", "بالحسكة" → "الحسكة"), with how
many characters that proclitic takes, so a match can start after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.kb import normalise_name
from marsad.resources import load_yaml
from marsad.textnorm import ARABIC_MARKS as _MARKS

# A word: letters and digits, with the Arabic vowel marks and tatweel inside it, and
# apostrophes between letters (al-Sina’a, Kata'ib), but not an English possessive ('s).
# Dotted capitals (U.S., U.N.) are one word so that they meet the KB's "US".
_WORD = re.compile(
    r"(?:[A-Z]\.){2,}"
    r"|[^\W_][\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]*"
    r"(?:['’ʼ](?![sS]\b)[^\W_][\w\u0610-\u061a\u064b-\u065f\u0670\u0640]*)*"
)
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")


def _normalise_rules() -> tuple[frozenset[str], tuple[str, ...]]:
    # The KB's own folding data: transliterated articles and Arabic proclitics.
    rules = load_yaml("marsad.kb", "normalise.yaml")
    articles = frozenset(str(a) for a in rules["latin"]["articles"])
    clitics = tuple(sorted((str(c) for c in rules["arabic"]["proclitics"]), key=len))
    return articles, clitics


LATIN_ARTICLES, PROCLITICS = _normalise_rules()


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the text: ``text[start:end]``.

    ``key`` is the word folded as KB names are (``""`` for a bare article word);
    ``variants`` are ``(cut, key)`` pairs for an Arabic word read without a proclitic of
    ``cut`` characters, shortest proclitic first (``cut`` 0, the word as written, first).
    """

    start: int
    end: int
    text: str
    key: str
    variants: tuple[tuple[int, str], ...]
    arabic: bool
    article: bool

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    def folds(self) -> tuple[str, ...]:
        return tuple(key for _, key in self.variants)


@lru_cache(maxsize=131072)
def _fold(word: str) -> tuple[str, tuple[tuple[int, str], ...], bool, bool]:
    arabic = bool(_ARABIC.match(word))
    if not arabic:
        article = word.casefold() in LATIN_ARTICLES
        key = "" if article else normalise_name(word)
        return key, ((0, key),), False, article
    key = normalise_name(word)
    variants: list[tuple[int, str]] = [(0, key)]
    bare = _MARKS.sub("", word)
    for clitic in PROCLITICS:
        # Three letters must remain: stripping more turns words into other words.
        if bare.startswith(clitic) and len(bare) - len(clitic) >= 3:
            cut = _offset_after(word, len(clitic))
            stripped = normalise_name(word[cut:])
            if stripped and all(stripped != k for _, k in variants):
                variants.append((cut, stripped))
    return key, tuple(variants), True, word == "ال"


def _offset_after(word: str, letters: int) -> int:
    """Index in ``word`` just after its first ``letters`` letters (vowel marks skipped)."""
    seen = 0
    for i, ch in enumerate(word):
        if _MARKS.match(ch):
            continue
        if seen == letters:
            return i
        seen += 1
    return len(word)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]``, with offsets into ``text``."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        key, variants, arabic, article = _fold(word)
        tokens.append(Token(m.start(), m.end(), word, key, variants, arabic, article))
    return tokens


def gap(text: str, left: Token, right: Token) -> str:
    """What separates two words: ``" "``, ``"-"``, ``", "`` …"""
    return text[left.end : right.start]


_JOINING_GAP = re.compile(r"[ \t\u00a0\u200c\u200f\u200e]*[-–/]?[ \t\u00a0\u200c\u200f\u200e]*")


def joined(text: str, left: Token, right: Token) -> bool:
    """Whether two words may be parts of one name: only spaces, a hyphen or a slash
    between them (no comma, bracket, quote or line break)."""
    between = gap(text, left, right)
    return bool(between) and _JOINING_GAP.fullmatch(between) is not None
