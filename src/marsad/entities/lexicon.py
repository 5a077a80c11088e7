"""The linker's language knowledge, read once from ``data/link.<lang>.yaml`` and
``data/common_names.yaml``: titles to take off a person's name, definite descriptions that
refer back to an organisation, words beside a place name that say which kind it is, and
name parts too common to identify anyone alone.

A lexicon is chosen by the script of the text at hand, not by the article's language: an
Arabic-script name in an English article still carries Arabic titles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad.errors import DataFileError
from marsad.kb import normalise_name
from marsad.langs import full_pipeline_langs
from marsad.meta.patterns import alternation, loose
from marsad.names import is_arabic
from marsad.resources import data_path, load_yaml

_PKG = "marsad.entities"
LANGS = full_pipeline_langs()  # the languages with lexicons: their profiles say so

# A conjunction glued to an Arabic word ("والسفير", "فالتنظيم").
_AR_CONJUNCTION = "[وف]"
# Prepositions glued after it ("بالتنظيم", "كالتنظيم"); "لل" is handled on its own because
# the article loses its alef there ("للتنظيم").
_AR_PREPOSITION = "[بك]"


@dataclass(frozen=True, slots=True)
class Description:
    """A definite description ("the organization", "التنظيم") and the KB kinds it may
    refer back to; ``pattern`` finds it in text, group ``ref`` spanning the reference."""

    phrase: str
    kinds: frozenset[str]
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    titles: frozenset[str]  # lookup keys (``normalise_name``) of titles
    longest_title: int  # in words
    descriptions: tuple[Description, ...]
    cues_before: dict[str, re.Pattern[str]]  # kind -> matches a cue ending the window
    cues_after: dict[str, re.Pattern[str]]  # kind -> matches a cue starting the window


def lexicon_for(text: str) -> Lexicon:
    """The lexicon of the script ``text`` is written in."""
    return load_lexicon("ar" if is_arabic(text) else "en")


@cache
def load_lexicon(lang: str) -> Lexicon:
    name = f"link.{lang}.yaml"
    data = load_yaml(_PKG, name)
    try:
        titles = [str(t) for t in data["titles"]]
        descriptions = tuple(
            _description(str(d["phrase"]), d["kinds"], data.get("description_stoppers") or [])
            for d in data["descriptions"]
        )
        cues = data.get("kind_cues") or {}
        before = {str(k): _cue_before(v.get("before") or [], lang) for k, v in cues.items()}
        after = {str(k): _cue_after(v.get("after") or []) for k, v in cues.items()}
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        raise DataFileError(data_path(_PKG, name), f"malformed linker lexicon: {exc!r}") from exc
    keys = {normalise_name(t) for t in titles} - {""}
    return Lexicon(
        lang=lang,
        titles=frozenset(keys),
        longest_title=max((len(t.split()) for t in titles), default=0),
        descriptions=descriptions,
        cues_before={k: p for k, p in before.items() if p is not None},
        cues_after={k: p for k, p in after.items() if p is not None},
    )


def _description(phrase: str, kinds: Any, stoppers: list[Any]) -> Description:
    words = phrase.split()
    if is_arabic(phrase):
        first, rest = words[0], " ".join(words[1:])
        tail = (r"\s+" + loose(rest)) if rest else ""
        if not first.startswith("ال"):
            raise ValueError(f"Arabic description {phrase!r} must start with the article")
        # The reference starts at the article; after the preposition ل the article's alef
        # is not written (للتنظيم), so there it starts at the preposition's lam.
        body = loose(first[2:]) + tail
        ref = rf"(?:{_AR_CONJUNCTION}?{_AR_PREPOSITION}?(?P<ref>{loose('ال')}{body})"
        ref += rf"|{_AR_CONJUNCTION}?(?P<ref2>ل{loose('ل')}{body}))"
        pattern = rf"(?<!\w){ref}(?!\w)"
    else:
        # "The" may be capitalised at a sentence start; the rest must be lower case, since
        # "the Organization for …" is a name of its own.
        parts = [re.escape(w) for w in words]
        if words[0].lower() == "the":
            parts[0] = "[Tt]he"
        body = r"\s+".join(parts)
        stop = "|".join(re.escape(str(s)) for s in stoppers)
        after = rf"(?!\s+(?:{stop})\b)" if stop else ""
        pattern = rf"(?<!\w)(?P<ref>{body})(?!\w){after}"
    return Description(phrase, frozenset(str(k) for k in kinds), re.compile(pattern))


def _cue_before(words: list[Any], lang: str) -> re.Pattern[str] | None:
    group = alternation(str(w) for w in words)
    if group is None:
        return None
    clitic = f"{_AR_CONJUNCTION}?[بلك]?" if lang == "ar" else ""
    return re.compile(rf"(?<!\w){clitic}{group}\s*$", re.IGNORECASE)


def _cue_after(words: list[Any]) -> re.Pattern[str] | None:
    group = alternation(str(w) for w in words)
    if group is None:
        return None
    return re.compile(rf"^\s*{group}(?!\w)", re.IGNORECASE)


def strip_title(name: str) -> str:
    """``name`` without the titles and roles written before it ("Ambassador Zabidov" ->
    "Zabidov", "والسفير زبيدوف" -> "زبيدوف"); unchanged when nothing would be left."""
    lexicon = lexicon_for(name)
    words = name.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for size in range(min(lexicon.longest_title, len(words) - 1), 0, -1):
            if _is_title(words[:size], lexicon):
                words = words[size:]
                changed = True
                break
    rest = " ".join(words)
    return rest if normalise_name(rest) else name


def _is_title(words: list[str], lexicon: Lexicon) -> bool:
    phrase = " ".join(words)
    if normalise_name(phrase) in lexicon.titles:
        return True
    # A conjunction glued to an Arabic title: "والسفير", "فالرئيس".
    if lexicon.lang == "ar" and phrase[:1] in "وف" and len(words[0]) > 3:
        return normalise_name(phrase[1:]) in lexicon.titles
    return False


def kind_cues(text: str, start: int, end: int, window: int = 40) -> set[str]:
    """KB kinds that the words right around ``text[start:end]`` point to ("camp" after a
    name, "مخيم" before it)."""
    lexicon = lexicon_for(text[start:end])
    before = text[max(0, start - window) : start]
    after = text[end : end + window]
    kinds = {k for k, p in lexicon.cues_before.items() if p.search(before)}
    kinds |= {k for k, p in lexicon.cues_after.items() if p.search(after)}
    return kinds


def find_descriptions(text: str, lang: str) -> Iterator[tuple[int, int, Description]]:
    """Every definite description of ``lang``'s lexicon in ``text``: (start, end,
    description), longest phrase first where two start at one place."""
    lexicon = load_lexicon(lang if lang in LANGS else "en")
    found: dict[int, tuple[int, Description]] = {}
    for description in lexicon.descriptions:
        for match in description.pattern.finditer(text):
            group = "ref" if match.group("ref") is not None else "ref2"
            start, end = match.span(group)
            if start not in found or found[start][0] < end:
                found[start] = (end, description)
    for start in sorted(found):
        end, description = found[start]
        yield start, end, description


@cache
def common_name_parts() -> tuple[str, ...]:
    """Every listed common given name, both spellings."""
    data = load_yaml(_PKG, "common_names.yaml")
    try:
        return tuple(str(name) for pair in data["given"] for name in pair)
    except (KeyError, TypeError) as exc:
        path = data_path(_PKG, "common_names.yaml")
        raise DataFileError(path, f"malformed common names: {exc!r}") from exc


__all__ = [
    "LANGS",
    "Description",
    "Lexicon",
    "common_name_parts",
    "find_descriptions",
    "kind_cues",
    "lexicon_for",
    "load_lexicon",
    "strip_title",
]
