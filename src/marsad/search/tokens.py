"""Words of a text and their search keys: the shadow text the full-text index holds.

FTS5's own tokenizer does not fold hamza seats, ta marbuta or the Arabic article, so the
index never sees the article text: it sees one *key* per word, space-separated. Token ``i``
of the shadow text is word ``i`` of the original, so a match maps back to original offsets
by tokenizing the original again (:func:`tokenize`) — nothing else is stored.

Keys: letters folded as in :mod:`marsad.textnorm` (shared with the knowledge base), Latin
accents and apostrophes off, Arabic-Indic digits as ASCII; Arabic words lose the article
and article-bearing clitics (والإدارة → اداره); Latin words lose a possessive and a plural
ending (Harman's S stemmer). The rules are data: ``search/data/search.*.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.errors import DataFileError
from marsad.resources import data_path, load_yaml
from marsad.textnorm import fold_letters, strip_accents

_PKG = "marsad.search"

# A word: letters and digits, with the Arabic marks and Latin combining accents written
# inside it, and apostrophes between letters (Turkey's, al-Sina'a's second half).
# Underscore is excluded: FTS5's unicode61 tokenizer splits at it, and the shadow text must
# split exactly where this does.
_MARK = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
WORD = re.compile(f"(?:[^\\W_]|[{_MARK}])+(?:['’](?:[^\\W_]|[{_MARK}])+)*")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_APOSTROPHES = re.compile("['’]")


@dataclass(frozen=True, slots=True)
class Token:
    """``text[start:end]`` is the word; ``key`` what the index holds for it."""

    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class _Rules:
    article_prefixes: tuple[str, ...]
    min_stem: int
    query_proclitics: tuple[str, ...]
    min_expand: int
    possessives: tuple[str, ...]
    plural_rules: tuple[tuple[str, str, tuple[str, ...]], ...]
    min_stem_length: int
    keep: frozenset[str]


@cache
def _rules() -> _Rules:
    ar, en = load_yaml(_PKG, "search.ar.yaml"), load_yaml(_PKG, "search.en.yaml")
    try:
        return _Rules(
            article_prefixes=tuple(sorted(map(str, ar["article_prefixes"]), key=len, reverse=True)),
            min_stem=int(ar["min_stem"]),
            query_proclitics=tuple(map(str, ar["query_proclitics"])),
            min_expand=int(ar["min_expand"]),
            possessives=tuple(sorted(map(str, en["possessives"]), key=len, reverse=True)),
            plural_rules=tuple(
                (str(s), str(r), tuple(map(str, b))) for s, r, b in en["plural_rules"]
            ),
            min_stem_length=int(en["min_stem_length"]),
            keep=frozenset(map(str, en.get("keep") or [])),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(data_path(_PKG, "search.ar.yaml"), f"malformed rules: {exc!r}") from exc


def _digits(word: str) -> str:
    # Arabic-Indic and Persian digits as ASCII, so ٢٠٢٢ finds 2022.
    if word.isascii():
        return word
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in word)


def _arabic_key(word: str, rules: _Rules) -> str:
    for prefix in rules.article_prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= rules.min_stem:
            return word[len(prefix) :]
    return word


def _latin_key(word: str, rules: _Rules) -> str:
    for ending in rules.possessives:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            word = word[: -len(ending)]
            break
    word = _APOSTROPHES.sub("", word)
    if len(word) < rules.min_stem_length or word in rules.keep:
        return word
    for suffix, replacement, blocked in rules.plural_rules:
        if word.endswith(suffix):
            if not word.endswith(blocked):
                word = word[: -len(suffix)] + replacement
            break
    return word


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The index key of one word (as :data:`WORD` finds it)."""
    rules = _rules()
    folded = _digits(strip_accents(fold_letters(word)))
    if _ARABIC_LETTER.search(folded):
        return _arabic_key(_APOSTROPHES.sub("", folded), rules)
    return _latin_key(folded, rules)


def iter_tokens(text: str) -> Iterator[Token]:
    for match in WORD.finditer(text):
        key = word_key(match.group())
        if key:
            yield Token(match.start(), match.end(), key)


def tokenize(text: str) -> list[Token]:
    """Every word of ``text`` with its offsets and key, in order."""
    return list(iter_tokens(text))


def shadow_text(text: str) -> str:
    """What the full-text index holds for ``text``: its keys, one per word."""
    return " ".join(t.key for t in iter_tokens(text))


def key_variants(key: str) -> list[str]:
    """``key`` and, for an Arabic key, the same word with a one-letter proclitic glued on
    (دمشق → ودمشق, بدمشق …), which the index keeps as written."""
    rules = _rules()
    if not _ARABIC_LETTER.search(key) or len(key) < rules.min_expand:
        return [key]
    return [key, *(p + key for p in rules.query_proclitics)]


def is_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None
