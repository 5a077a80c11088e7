"""Speech cues of one language, compiled once from ``data/speech.<lang>.yaml``.

A cue is a match with the speech verb (``cue``) and, for reported speech, where the
reported clause begins (``match.end()``). English and Arabic differ in word order, so
each language gets its own patterns; the logic that uses them is shared.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad.errors import DataFileError
from marsad.langs import writes_arabic_script
from marsad.resources import data_path, load_yaml

_PACKAGE = "marsad.quotes"


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    """Compiled cues. Every pattern has a named group ``cue`` (the speech verb)."""

    lang: str
    verb: re.Pattern[str]  # any speech verb: the cue of a direct quote
    reported: re.Pattern[str]  # verb + complementizer / object cue: clause starts at end()
    participle: re.Pattern[str]  # continues the current speaker
    statement: re.Pattern[str]  # "the statement" (English: before the verb; Arabic: after)
    pronoun_person: re.Pattern[str] | None  # English subject pronouns, at the end of a gap
    pronoun_any: re.Pattern[str] | None
    complementizer: re.Pattern[str] | None  # Arabic: a complementizer at the match start
    complementizer_word: re.Pattern[str] | None  # Arabic: the next complementizer word
    subject_filler: re.Pattern[str] | None  # Arabic: what may separate subject and verb
    min_quote_words: int
    trailing_words: tuple[str, ...] = ()  # conjunctions trimmed off a clipped clause
    # A subject named by a common noun, group ``np`` ("the official Turkish media",
    # "مصادر محلية"): English searched in the text before the verb, Arabic matched after it.
    collective: re.Pattern[str] | None = None


def _alternation(words: list[str]) -> str:
    # Longest first so "pointed out" wins over a shorter prefix; spaces match any run.
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


def _words(data: dict[str, Any], key: str, path: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(path, f"{key!r} must be a list of strings")
    return list(value)


@cache
def speech_lexicon(lang: str | None) -> SpeechLexicon | None:
    """The cues of ``lang`` ("en", "ar", "ku", "ckb"); None for a language we have no
    ``speech.<lang>.yaml`` for. A language's script picks the patterns: Sorani's cues are
    compiled as Arabic's are (the lexicon's ``lang`` says which patterns), Kurmanji's as
    English's."""
    if lang is None or not os.path.exists(data_path(_PACKAGE, f"speech.{lang}.yaml")):
        return None
    name = f"speech.{lang}.yaml"
    path = data_path(_PACKAGE, name)
    data = load_yaml(_PACKAGE, name)
    if not isinstance(data, dict):
        raise DataFileError(path, "expected a mapping")
    return _arabic(data, path) if writes_arabic_script(lang) else _english(data, path)


def _english(data: dict[str, Any], path: str) -> SpeechLexicon:
    flags = re.IGNORECASE
    verbs = _alternation(_words(data, "verbs", path))
    adverbs = _alternation(_words(data, "adverbs", path))
    comps = _alternation(_words(data, "complementizers", path))
    comma_verbs = _alternation(_words(data, "comma_verbs", path))
    objects = _alternation(_words(data, "object_cues", path))
    participles = _alternation(_words(data, "participles", path))
    pronouns = data.get("pronouns") or {}
    statements = _alternation(_words(data, "statement_nouns", path))
    person = _alternation(pronouns.get("person", []))
    anyone = _alternation(pronouns.get("any", []))
    reported = (
        rf"\b(?:(?P<cue>{objects})\s+"  # "called for" + what was called for
        rf"|(?P<cue2>{verbs})(?:\s+(?:{adverbs}))?\s+(?:{comps})\s+"
        rf"|(?P<cue3>{comma_verbs}),\s+)"
    )
    return SpeechLexicon(
        lang="en",
        verb=re.compile(rf"\b(?P<cue>{verbs}|{objects})\b", flags),
        reported=re.compile(reported, flags),
        participle=re.compile(rf"(?:,|\bby)\s+(?P<cue>{participles})(?:\s+(?:{comps}))?\s+", flags),
        statement=re.compile(
            rf"\b(?:the|its|a|this)\s+(?:{statements})\s*$",
            flags,
        ),
        pronoun_person=re.compile(
            rf"(?:^|[\s,;])(?:and\s+)?(?:{person})(?:\s+(?:{adverbs}))?\s*$",
            flags,
        ),
        pronoun_any=re.compile(
            rf"(?:^|[\s,;])(?:and\s+)?(?:{anyone})(?:\s+(?:{adverbs}))?\s*$",
            flags,
        ),
        complementizer=None,
        complementizer_word=None,
        subject_filler=None,
        min_quote_words=int(data.get("min_quote_words", 4)),
        trailing_words=tuple(" " + w for w in _words(data, "trailing_words", path)),
        collective=_english_collective(data, path),
    )


def _english_collective(data: dict[str, Any], path: str) -> re.Pattern[str]:
    heads = _alternation(_words(data, "collective_heads", path))
    modifiers = _alternation(_words(data, "collective_modifiers", path))
    # Up to three modifiers, listed or capitalised ("official Turkish"), then the head.
    np = rf"(?P<np>(?:(?i:{modifiers})\s+|[A-Z][\w'’.-]*\s+){{0,3}}(?i:{heads}))\b"
    article = r"(?:(?i:the|an?|its)\s+)?"
    # The noun phrase opens the clause and nothing after it starts another ("The official
    # Turkish media and the spokesperson for the AKP revealed ..."), or it stands alone
    # after a comma right before the verb ("..., Turkish media reported").
    clean = r"(?![^,;:“”\"«»]*\b(?i:that|who|which|whom|when|after|before|while)\b)[^,;:“”\"«»]*"
    return re.compile(rf"(?:^|[,;])\s*{article}{np}{clean}$")


def _arabic(data: dict[str, Any], path: str) -> SpeechLexicon:
    prefixes = "".join(re.escape(p) for p in _words(data, "prefixes", path))
    verbs = _alternation(_words(data, "verbs", path))
    stems = _alternation(_words(data, "participle_stems", path))
    endings = _alternation(_words(data, "participle_endings", path))
    comps = _alternation(_words(data, "complementizers", path))
    statements = _alternation(_words(data, "statement_nouns", path))
    # \w covers Arabic letters, so the lookarounds keep "أكدوا" from matching "أكد".
    verb = rf"(?<!\w)[{prefixes}]?(?P<cue>{verbs})(?!\w)"
    return SpeechLexicon(
        lang="ar",
        verb=re.compile(verb),
        # Arabic puts the subject between the verb and the complementizer; the finder
        # walks past it, so ``reported`` is the verb alone here.
        reported=re.compile(verb),
        participle=re.compile(rf"(?<!\w)[{prefixes}]?(?P<cue>(?:{stems})(?:{endings}))(?!\w)\s*"),
        statement=re.compile(rf"^\s*(?:{statements})(?!\w)"),
        pronoun_person=None,
        pronoun_any=None,
        complementizer=re.compile(rf"\s*(?:{comps})(?!\w)\s*"),
        complementizer_word=re.compile(rf"(?<!\w)(?:{comps})(?!\w)\s*"),
        subject_filler=re.compile(
            rf"^[\s،,]*(?:(?:{_alternation(_words(data, 'subject_fillers', path))})[\s،,]*)?$"
        ),
        min_quote_words=int(data.get("min_quote_words", 4)),
        trailing_words=tuple(" " + w for w in _words(data, "trailing_words", path)),
        collective=_arabic_collective(data, path),
    )


def _arabic_collective(data: dict[str, Any], path: str) -> re.Pattern[str]:
    heads = _alternation(_words(data, "collective_heads", path))
    stops = _alternation(_words(data, "collective_stops", path))
    # The head and up to three words that describe it; a complementizer, a preposition or
    # a word with the preposition ل ("لنورث برس": told to whom) ends the phrase.
    word = rf"(?!(?:{stops})(?!\w))(?!ل[^ا\s])[\u0621-\u064a\u0640]+"
    return re.compile(rf"(?P<np>(?:{heads})(?:\s+{word}){{0,3}})(?!\w)")
