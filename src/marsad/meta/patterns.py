"""Regex pieces and lookup keys that tolerate how Arabic words are spelled on the web.

Scraped Arabic writes one word with or without hamza seats (أبريل, إبريل, ابريل), with ى
or ي, ة or ه, and with or without harakat. ``loose`` turns a phrase from a data file into
a pattern that accepts all of these in the original text, so offsets stay exact; ``fold``
gives the matched text (or a name) one key to look it up by.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

# Harakat, tanween, shadda, sukun, superscript alef and tatweel: never part of a key.
_MARKS = "\u064b-\u065f\u0670\u0640"
_MARKS_RE = re.compile(f"[{_MARKS}]")
_OPTIONAL_MARKS = f"[{_MARKS}]*"

# Letters written interchangeably; each stands for its whole class in a pattern.
_CLASSES = ("اأإآٱ", "يى", "هة")
_CLASS_OF = {ch: f"[{cls}]" for cls in _CLASSES for ch in cls}
_MEMBERS = {ch: cls for cls in _CLASSES for ch in cls}
_FOLD = str.maketrans({ch: cls[0] for cls in _CLASSES for ch in cls[1:]})

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """A lookup key: NFC, case-folded, harakat and tatweel dropped, letter variants merged,
    single spaces."""
    text = _MARKS_RE.sub("", unicodedata.normalize("NFC", text).casefold())
    return _SPACES.sub(" ", text.translate(_FOLD)).strip()


def loose(phrase: str) -> str:
    """A regex for ``phrase`` that accepts its spelling variants and any run of spaces.

    Harakat written in the phrase stay required (غداً "tomorrow" is not غدا "became");
    others are optional after every Arabic letter.
    """
    return _loose_chars(phrase.strip())


def _loose_chars(chars: str) -> str:
    out: list[str] = []
    for ch in chars:
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in _CLASS_OF:
            out.append(_CLASS_OF[ch] + _OPTIONAL_MARKS)
        elif _is_letter(ch):
            out.append(re.escape(ch) + _OPTIONAL_MARKS)
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _is_letter(ch: str) -> bool:
    """An Arabic letter, which harakat may follow."""
    return _ARABIC.match(ch) is not None and _MARKS_RE.match(ch) is None


def alternation(phrases: Iterable[str], capitals: bool = False) -> str | None:
    """One non-capturing group matching any of ``phrases``, longest first so that "تشرين
    الأول" wins over a shorter name; None when there are none.

    With ``capitals``, each phrase also matches in upper case (names are matched with case:
    "May" the month, "MAY" in a header, never "may" the verb).
    """
    variants = {p.strip() for p in phrases if p.strip()}
    if capitals:
        variants |= {v.upper() for v in variants}
    if not variants:
        return None
    ordered = sorted(variants, key=lambda v: (-len(v), v))
    return "(?:" + "|".join(loose(v) for v in ordered) + ")"


def word_alternation(phrases: Iterable[str], before: str) -> str | None:
    """An alternation of ``phrases`` to search long text with, or None when there are none.

    Speed matters here: Python's regex engine tries a plain alternation branch by branch
    at every position. This one is a trie (shared beginnings written once, longer
    continuations first) whose branches open with literal characters, so the engine
    jumps straight to the characters a phrase can start with and follows one path from
    there. ``before`` is a lookbehind that checks what precedes the phrase; it comes after
    the first character, so it must see one character more than usual (``(?<!\\w.)``, not
    ``(?<!\\w)``). Spelling variants are as in ``loose``; give case variants yourself.
    """
    trie: dict[str, Any] = {}
    for phrase in sorted({p.strip() for p in phrases if p.strip()}):
        head, rest = phrase[0], _pieces(phrase[1:])
        marks = _OPTIONAL_MARKS if _is_letter(head) else ""
        for ch in _MEMBERS.get(head, head):
            node = trie.setdefault(re.escape(ch) + before + marks, {})
            for piece in rest:
                node = node.setdefault(piece, {})
            node[""] = {}  # a phrase ends here
    return _serialise(trie) if trie else None


def _pieces(chars: str) -> list[str]:
    """``_loose_chars`` one character at a time, so phrases can share their beginnings."""
    out: list[str] = []
    for ch in chars:
        piece = _loose_chars(ch)
        if piece != r"\s+" or not out or out[-1] != piece:
            out.append(piece)
    return out


def _serialise(node: dict[str, Any]) -> str:
    # Longer continuations before the end of a phrase: "أمس الأول" before "أمس".
    branches = [piece + _serialise(child) for piece, child in node.items() if piece]
    if "" in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
