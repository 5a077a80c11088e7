"""The author's name, from a byline line at the top or the bottom of an article.

    Reported by Adnan Hamo      -> Adnan Hamo
    By Jane Doe, Reuters        -> Jane Doe (and the outlet Reuters)
    بقلم: محمد أحمد             -> محمد أحمد

Cue phrases are in ``data/byline.{ar,en}.yaml``. A line is a byline only when it is short
and what follows the cue looks like a name (capitalised words in Latin script, no
sentence punctuation), so a sentence that starts with "By" is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from marsad.langs import full_pipeline_langs
from marsad.meta import vocab
from marsad.meta.outlets import OutletList
from marsad.meta.patterns import alternation

LANGS = full_pipeline_langs()  # the languages with lexicons: their profiles say so

# A byline names one or two people; more words are a sentence.
MAX_NAME_WORDS = 6
# Lines looked at, from each end of the article.
EDGE_LINES = 2

# What may follow the name: the outlet or the author's role ("By Jane Doe, Reuters").
_TAIL = re.compile(r"\s*(?:[,|/–—]|\s-\s)\s*")
_NOT_A_NAME = re.compile(r"[\d.!?؟:;؛()\"“”«»@#]")
_INITIAL = re.compile(r"\b[A-Z]\.")


@dataclass(frozen=True, slots=True)
class Byline:
    name: str
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class _Cues:
    pattern: re.Pattern[str]
    particles: frozenset[str]


@cache
def _cues() -> _Cues:
    plain: list[str] = []
    colon: list[str] = []
    particles: set[str] = set()
    for lang in LANGS:
        name = f"byline.{lang}.yaml"
        data = vocab.load(name)
        plain += vocab.words(name, data, "cues")
        colon += vocab.words(name, data, "cues_with_colon")
        particles.update(vocab.words(name, data, "name_particles"))
    either = alternation(plain) or "(?!)"
    needs_colon = alternation(colon) or "(?!)"
    pattern = re.compile(
        rf"(?i:{either}(?!\w)\s*[:：]?|{needs_colon}\s*[:：])\s*(?P<name>\S.*?)\s*$"
    )
    return _Cues(pattern, frozenset(particles))


def _looks_like_name(name: str, particles: frozenset[str]) -> bool:
    words = name.split()
    if not 0 < len(words) <= MAX_NAME_WORDS or _NOT_A_NAME.search(_INITIAL.sub("", name)):
        return False
    for word in words:
        if word.isascii() and word[0].islower():
            # "al-Omar" and "and" are parts of names; "the" starts a sentence.
            if word.split("-")[0] not in particles:
                return False
        elif not word[0].isalpha():
            return False
    return True


def read_byline(line: str, known: OutletList) -> Byline | None:
    """The byline on ``line``, or None when it is not one."""
    cues = _cues()
    m = cues.pattern.match(line.strip())
    if m is None:
        return None
    name, *tail = _TAIL.split(m["name"], maxsplit=1)
    if not _looks_like_name(name, cues.particles):
        return None
    outlet = known.canonical(tail[0]) if tail else None
    return Byline(name.strip(), outlet)


def find_byline(lines: Sequence[str], known: OutletList) -> Byline | None:
    """The first byline among the first and last non-empty ``lines`` of an article body."""
    kept = [line for line in lines if line.strip()]
    edges = kept[:EDGE_LINES] + kept[EDGE_LINES:][-EDGE_LINES:]
    for line in edges:
        byline = read_byline(line, known)
        if byline is not None:
            return byline
    return None
