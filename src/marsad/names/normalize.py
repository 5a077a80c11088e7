"""Script normalization and tokenization of name strings.

Arabic: marks, tatweel and invisible joiners removed; alef/hamza seats, ta marbuta and
alef maqsura folded; Arabic-Indic digits to ASCII. Latin: casefolded, accents stripped
(ê -> e) except where the accent is another sound (ş -> sh); apostrophes and ʿ dropped.

``tokenize`` then splits a name into parts that remember whether they carried the
definite article (al-Hasakah, الحسكة), with name compounds joined (Abd al-Karim,
عبد الكريم), so that keying sees one token per name part in either script.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from marsad.resources import load_yaml

_PKG = "marsad.names"

_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_LETTER = re.compile(f"[{_ARABIC}]")
_SCRIPT_RUN = re.compile(f"[{_ARABIC}]+|[^{_ARABIC}]+")
_HYPHEN = re.compile("[-‐‑]")
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Token:
    """One name part. ``text`` keeps the article (``alhasakah``), ``bare`` drops it
    (``hasakah``); they are equal when there is none."""

    text: str
    bare: str
    arabic: bool


@dataclass(frozen=True, slots=True)
class _Particles:
    articles: frozenset[str]
    free_articles: frozenset[str]
    arabic_article: str
    arabic_clitic_articles: tuple[str, ...]
    latin_joiner: str
    arabic_joiner: str
    heads: dict[str, str]
    glued_heads: dict[str, str]
    glued_head_re: re.Pattern[str]  # a glued head, then at least three letters
    tails: dict[str, str]
    glued_tails: dict[str, str]
    glued_tail_re: re.Pattern[str]  # at least three letters, then a glued tail


@cache
def _arabic_table() -> dict[int, str | None]:
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
    return table


@dataclass(frozen=True, slots=True)
class _Orthography:
    marks: re.Pattern[str]  # letters that show a name is spelled this way
    table: dict[int, str | None]  # the letter table with this spelling's readings


@cache
def _latin_table() -> tuple[dict[int, str | None], dict[int, str], tuple[_Orthography, ...]]:
    """The letter table, a table that turns separators into spaces, and the other
    orthographies (Kurmanji, Turkish) with their own letter tables."""
    data = load_yaml(_PKG, "spelling.latin.yaml")
    table: dict[int, str | None] = {ord(k): v for k, v in data["letters"].items()}
    for ch in data["drop"]:
        table[ord(ch)] = None
    orthographies = tuple(
        _Orthography(
            re.compile(f"[{re.escape(o['marks'])}]"),
            {**table, **{ord(k): v for k, v in o["letters"].items()}},
        )
        for o in data.get("orthographies") or []
    )
    return table, {ord(ch): " " for ch in data["separators"]}, orthographies


@cache
def _particles() -> _Particles:
    data = load_yaml(_PKG, "particles.yaml")

    def alternatives(table: dict[str, str]) -> str:
        return "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))

    heads, tails = dict(data["glued_heads"]), dict(data["glued_tails"])
    return _Particles(
        articles=frozenset(data["articles"]),
        free_articles=frozenset(data["free_articles"]),
        arabic_article=data["arabic_article"],
        arabic_clitic_articles=tuple(data["arabic_clitic_articles"]),
        latin_joiner=data["latin_article_joiner"],
        arabic_joiner=data["arabic_article_joiner"],
        heads=dict(data["heads"]),
        glued_heads=heads,
        glued_head_re=re.compile(f"({alternatives(heads)})(.{{3,}})"),
        tails=dict(data["tails"]),
        glued_tails=tails,
        glued_tail_re=re.compile(f"(.{{3,}}?)({alternatives(tails)})"),
    )


def is_arabic(text: str) -> bool:
    """Whether ``text`` holds any Arabic-script letter."""
    return _ARABIC_LETTER.search(text) is not None


def normalize_arabic(text: str) -> str:
    """Arabic-script text with marks removed and letter variants folded."""
    return unicodedata.normalize("NFC", text).translate(_arabic_table())


def normalize_latin(text: str) -> str:
    """Latin-script text casefolded, accents stripped, apostrophes and ʿ dropped; a text
    spelled the Kurmanji or Turkish way (it has ê, ş …) is read with their letters."""
    table, _, orthographies = _latin_table()
    text = unicodedata.normalize("NFC", text).casefold()
    for orthography in orthographies:
        if orthography.marks.search(text):
            table = orthography.table
            break
    text = text.translate(table)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """Both normalizations, since one name string may mix scripts."""
    return normalize_latin(normalize_arabic(text))


def _words(text: str) -> list[list[str]]:
    """Words split at spaces and punctuation, each a list of its hyphen-separated parts;
    a part that runs Latin into Arabic (a scraper's "Qamishloقامشلو") is split there."""
    _, separators, _ = _latin_table()
    words: list[list[str]] = []
    for chunk in text.translate(separators).split():
        parts = [
            run
            for piece in _HYPHEN.split(chunk)
            for run in _SCRIPT_RUN.findall(_NOT_WORD.sub("", piece))
        ]
        if parts:
            words.append(parts)
    return words


def _arabic_token(word: str, p: _Particles) -> Token:
    for clitic in p.arabic_clitic_articles:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return Token(word, word[len(clitic) :], True)
    if word.startswith(p.arabic_article) and len(word) - len(p.arabic_article) >= 2:
        return Token(word, word[len(p.arabic_article) :], True)
    return Token(word, word, True)


def _word_tokens(parts: list[str], p: _Particles) -> list[Token]:
    out: list[Token] = []
    article = ""
    for i, part in enumerate(parts):
        if is_arabic(part):
            out.append(_arabic_token(part, p))
        elif part in p.articles and i < len(parts) - 1 and not is_arabic(parts[i + 1]):
            article = part  # al-Hasakah: the article belongs to what follows the hyphen
        else:
            out.append(Token(article + part, part, False))
            article = ""
    return out


def _stem(tok: Token, p: _Particles) -> str:
    """The word after a head: its tail stem (Allah -> lah) or its text without article."""
    return p.tails.get(tok.text) or p.tails.get(tok.bare) or tok.bare


def _unglue(word: str, arabic: bool, p: _Particles) -> str:
    """One spelling for compounds written as one word (Abdulkarim, Nasrullah)."""
    head = p.glued_head_re.fullmatch(word)
    if head is not None:
        return p.glued_heads[head[1]] + head[2]
    tail = p.glued_tail_re.fullmatch(word)
    if tail is not None:
        joiner = p.arabic_joiner if arabic else p.latin_joiner
        return tail[1] + joiner + p.glued_tails[tail[2]]
    return word


def _join_compounds(tokens: list[Token], p: _Particles) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        head = p.heads.get(tok.bare)
        tail = p.tails.get(tok.text) or p.tails.get(tok.bare)
        if head is not None and i + 1 < len(tokens):
            text = head + _stem(tokens[i + 1], p)  # Abd al-Karim / Abdul Karim -> abdalkarim
            tok = Token(text, text, tok.arabic)
            i += 1
        elif tail is not None and out:
            prev = out.pop()  # Zubaid Allah -> zubaidallah
            joiner = p.arabic_joiner if prev.arabic else p.latin_joiner
            tok = Token(prev.text + joiner + tail, prev.bare + joiner + tail, prev.arabic)
        else:
            text = _unglue(tok.bare, tok.arabic, p)
            if text != tok.bare:
                tok = Token(text, text, tok.arabic)
        out.append(tok)
        i += 1
    return out


def tokenize(name: str) -> list[Token]:
    """Normalized name parts with articles marked and compounds joined."""
    p = _particles()
    tokens: list[Token] = []
    free_article = ""
    for parts in _words(normalize(name)):
        if len(parts) == 1 and parts[0] in p.free_articles:
            free_article = parts[0]  # "Abd al Karim": an article written as a word
            continue
        new = _word_tokens(parts, p)
        if free_article and new and not new[0].arabic:
            new[0] = Token(free_article + new[0].text, new[0].bare, False)
        free_article = ""
        tokens.extend(new)
    if free_article:
        tokens.append(Token(free_article, free_article, False))
    return _join_compounds(tokens, p)
