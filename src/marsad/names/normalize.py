"""Script normalization and tokenization of name strings.

Arabic: marks, tatweel and joiners removed; alef/hamza seats, ta marbuta, alef maqsura
folded; Arabic-Indic digits to ASCII. Latin: casefolded, accents stripped (ê -> e) except
where the accent is a different sound (ş -> sh), apostrophes and ʿ dropped.

A name is then split into tokens that know whether they carried the definite article
(al-Hasakah, الحسكة) and with name compounds joined (Abd al-Karim, عبد الكريم), so that the
keying step sees one token per name part in either script.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from marsad.resources import load_yaml

_PKG = "marsad.names"

_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


@dataclass(frozen=True, slots=True)
class Token:
    """One name part. ``text`` keeps the article (``alhasakah``), ``bare`` drops it
    (``hasakah``); they are equal when there is none."""

    text: str
    bare: str
    arabic: bool


@cache
def _arabic_tables() -> tuple[dict[int, str | None], dict[str, object]]:
    data = load_yaml(_PKG, "script.ar.yaml")
    table: dict[int, str | None] = {}
    for lo, hi in data["remove_ranges"]:
        for cp in range(ord(lo), ord(hi) + 1):
            table[cp] = None
    for src, dst in data["fold"].items():
        table[ord(src)] = dst
    for digits in data["digits"]:
        for value, ch in enumerate(digits):
            table[ord(ch)] = str(value)
    return table, data


@cache
def _latin_tables() -> tuple[dict[int, str | None], str]:
    data = load_yaml(_PKG, "spelling.latin.yaml")
    table: dict[int, str | None] = {ord(k): v for k, v in data["letters"].items()}
    for ch in data["drop"]:
        table[ord(ch)] = None
    return table, data["separators"]


@cache
def _particles() -> dict[str, object]:
    data = load_yaml(_PKG, "particles.yaml")
    return {
        "articles": frozenset(data["articles"]),
        "hyphen_only": frozenset(data["hyphen_only_articles"]),
        "ar_article": data["arabic_article"],
        "ar_clitics": tuple(data["arabic_clitic_articles"]),
        "heads": frozenset(data["heads"]["latin"]) | frozenset(data["heads"]["arabic"]),
        "head_canon": data["head_canonical"],
        "glued": tuple(
            sorted(data["head_glued"]["latin"] + data["head_glued"]["arabic"], key=len)[::-1]
        ),
        "tails": frozenset(data["tails"]["latin"]) | frozenset(data["tails"]["arabic"]),
    }


def is_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def normalize_arabic(text: str) -> str:
    """Arabic-script text with marks removed and letter variants folded."""
    table, _ = _arabic_tables()
    return unicodedata.normalize("NFC", text).translate(table)


def normalize_latin(text: str) -> str:
    """Latin-script text casefolded, accents stripped, apostrophes and ʿ dropped."""
    table, _ = _latin_tables()
    text = unicodedata.normalize("NFC", text).casefold().translate(table)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """Both normalizations: a name may mix scripts (``Qamishlo قامشلو``)."""
    return normalize_latin(normalize_arabic(text))


def _split_words(text: str) -> list[list[str]]:
    """Words separated by space or punctuation; each word split further at hyphens."""
    _, separators = _latin_tables()
    words: list[list[str]] = []
    for chunk in text.split():
        parts = [""]
        for ch in chunk:
            if ch == "-" or ch in "‐‑":
                parts.append("")
            elif ch in separators:
                words.append(parts)
                parts = [""]
            elif ch.isalnum():
                parts[-1] += ch
        words.append(parts)
    return [[p for p in parts if p] for parts in words if any(parts)]


def _arabic_token(word: str, particles: dict[str, object]) -> Token:
    article = str(particles["ar_article"])
    # A clitic (و, ب, ل) glued before the article: والحسكة, بالحسكة, للحسكة.
    for clitic in particles["ar_clitics"]:  # type: ignore[attr-defined]
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return Token(word, word[len(clitic) :], True)
    if word.startswith(article) and len(word) - len(article) >= 2:
        return Token(word, word[len(article) :], True)
    return Token(word, word, True)


def _latin_tokens(parts: list[str], particles: dict[str, object]) -> list[Token]:
    articles = particles["articles"]
    hyphen_only = particles["hyphen_only"]
    out: list[Token] = []
    article = ""
    for i, part in enumerate(parts):
        is_last = i == len(parts) - 1
        if not is_last and part in articles:  # type: ignore[operator]
            article = part  # al-Hasakah: "al" belongs to what follows the hyphen
            continue
        out.append(Token(article + part, part, False))
        article = ""
    _ = hyphen_only
    return out


def _join(first: Token, second: Token, canon: str) -> Token:
    head = canon or first.bare
    text = head + second.text
    return Token(text, text, first.arabic)


def _compounds(tokens: list[Token], particles: dict[str, object]) -> list[Token]:
    """Join heads with the next token and tails with the previous one."""
    heads = particles["heads"]
    tails = particles["tails"]
    canon: dict[str, str] = particles["head_canon"]  # type: ignore[assignment]
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.bare in heads and i + 1 < len(tokens):  # type: ignore[operator]
            nxt = tokens[i + 1]
            tok = _join(tok, Token(nxt.text, nxt.bare, nxt.arabic), canon.get(tok.bare, ""))
            i += 1
        elif tok.bare in tails and out:  # type: ignore[operator]
            prev = out.pop()
            tok = Token(prev.text + tok.text, prev.bare + tok.text, prev.arabic)
        else:
            for glued in particles["glued"]:  # type: ignore[attr-defined]
                if tok.bare.startswith(glued) and len(tok.bare) - len(glued) >= 3:
                    text = canon.get(glued, glued) + tok.bare[len(glued) :]
                    tok = Token(text, text, tok.arabic)
                    break
        out.append(tok)
        i += 1
    return out


def tokenize(name: str) -> list[Token]:
    """Normalized name tokens with articles marked and compounds joined."""
    particles = _particles()
    text = normalize(name)
    tokens: list[Token] = []
    pending_article = ""
    for parts in _split_words(text):
        if len(parts) == 1 and parts[0] in particles["articles"] and not is_arabic(parts[0]):  # type: ignore[operator]
            if parts[0] not in particles["hyphen_only"]:  # type: ignore[operator]
                pending_article = parts[0]  # "Abd al Karim": a free-standing al
                continue
        if is_arabic(parts[0]):
            new = [_arabic_token("".join(parts), particles)]
        else:
            new = _latin_tokens(parts, particles)
        if pending_article and new and not new[0].arabic:
            first = new[0]
            new[0] = Token(pending_article + first.text, first.bare, False)
        pending_article = ""
        tokens.extend(new)
    return _compounds(tokens, particles)
