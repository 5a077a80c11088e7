"""The word lists of the recogniser, read once from ``marsad/entities/data/recognize*``.

Every word is folded like a KB name (``normalise_name``), so the lists meet the text's
spelling variants; multi-word entries become tuples of folded words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad.errors import DataFileError
from marsad.kb import normalise_name
from marsad.resources import data_path, load_yaml
from marsad.textnorm import ARABIC_MARKS as _MARKS

PACKAGE = "marsad.entities"
AR_FILE = "recognize.ar.yaml"
EN_FILE = "recognize.en.yaml"
NORP_FILE = "recognize.norp.yaml"
NAMES_FILE = "recognize.names.tsv"

Phrase = tuple[str, ...]


def fold(word: str) -> str:
    return normalise_name(word)


_LIGHT = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي"})


def light(word: str) -> str:
    """A lighter fold for function words: hamza and vowel marks go, but the article and
    the final ى stay, so "على" (on) is not "علي" (Ali) and "العلي" is not "علي"."""
    return _MARKS.sub("", word).translate(_LIGHT)


def phrase(words: str) -> Phrase:
    """A multi-word entry as folded words: "Prime Minister" -> ("prime", "minister")."""
    return tuple(normalise_name(words).split())


def _words(data: dict[str, Any], key: str, name: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(data_path(PACKAGE, name), f"{key!r} must be a list of strings")
    return value


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in (fold(w) for w in words) if k)


def _phrases(words: Iterable[str]) -> frozenset[Phrase]:
    return frozenset(p for p in (phrase(w) for w in words) if p)


@dataclass(frozen=True, slots=True)
class GivenNames:
    """Folded given names; ``common`` are also everyday words (علي, أمل) and need support."""

    arabic: frozenset[str]
    common: frozenset[str]
    latin: frozenset[str]
    # Names written with a final ى (مصطفى, ليلى): a word ending in ى folds like one ending
    # in ي, but "على" (on) is no "علي" (Ali).
    final_alef_maqsura: frozenset[str]


@dataclass(frozen=True, slots=True)
class ArabicLexicon:
    titles: frozenset[str]
    bare_titles: frozenset[str]  # titles written without the article ("دكتور", "د.")
    role_heads: frozenset[str]
    role_words: frozenset[str]
    speech_verbs: frozenset[str]
    conjunctions: frozenset[str]
    particles: frozenset[str]
    compound_first: frozenset[str]
    compound_second: frozenset[str]
    ordinals: frozenset[str]
    stopwords: frozenset[str]
    stopwords_light: frozenset[str]  # as written (``light``): ال and ى kept
    common: frozenset[str]
    facility_heads: frozenset[str]
    org_heads: frozenset[str]
    place_cues: frozenset[str]
    needs_place_cue: frozenset[str]
    not_places: frozenset[Phrase]
    norp: frozenset[str]
    names: GivenNames


@dataclass(frozen=True, slots=True)
class EnglishLexicon:
    titles: frozenset[Phrase]
    role_heads: frozenset[Phrase]
    role_head_words: frozenset[str]
    role_links: frozenset[str]
    speech_verbs: frozenset[str]
    not_entity_heads: frozenset[str]
    facility_heads: frozenset[Phrase]
    name_particles: frozenset[str]
    leading_function_words: frozenset[str]
    not_names: frozenset[str]
    norp: frozenset[Phrase]
    names: GivenNames


@cache
def given_names() -> GivenNames:
    path = data_path(PACKAGE, NAMES_FILE)
    arabic: set[str] = set()
    common: set[str] = set()
    latin: set[str] = set()
    maqsura: set[str] = set()
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except FileNotFoundError as exc:
        raise DataFileError(path, "data file is missing from the installed package") from exc
    header_seen = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True  # the column names
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip():
            raise DataFileError(path, "expected 'arabic<TAB>latin[<TAB>flags]'", number)
        key = fold(cells[0])
        arabic.add(key)
        if cells[0].strip().endswith("ى"):
            maqsura.add(key)
        if len(cells) > 2 and cells[2].strip() == "common":
            common.add(key)
        latin.update(fold(w) for w in cells[1].split("|") if w.strip())
    return GivenNames(
        frozenset(arabic), frozenset(common), frozenset(latin - {""}), frozenset(maqsura)
    )


def _arabic_norp(words: list[str]) -> frozenset[str]:
    # Masculine as written; the feminine and plurals are regular for nisba adjectives.
    forms: set[str] = set()
    for word in words:
        forms.update({word, word + "ة", word + "ون", word + "ين", word + "ان"})
    return _folded(forms)


@cache
def arabic_lexicon() -> ArabicLexicon:
    data = load_yaml(PACKAGE, AR_FILE)
    norp = load_yaml(PACKAGE, NORP_FILE)
    if not isinstance(data, dict) or not isinstance(norp, dict):
        raise DataFileError(data_path(PACKAGE, AR_FILE), "expected a mapping of word lists")

    def words(key: str) -> frozenset[str]:
        return _folded(_words(data, key, AR_FILE))

    # Folding makes some titles look like function words (الإمام = أمام "in front of"):
    # the function word wins.
    stopwords = words("stopwords")
    titles = _words(data, "titles", AR_FILE)
    return ArabicLexicon(
        titles=words("titles") - stopwords,
        bare_titles=_folded(t for t in titles if not t.startswith("ال")) - stopwords,
        role_heads=words("role_heads") - stopwords,
        role_words=words("role_words"),
        speech_verbs=words("speech_verbs"),
        conjunctions=frozenset(_words(data, "conjunctions", AR_FILE)),
        particles=words("particles"),
        compound_first=words("compound_first"),
        compound_second=words("compound_second"),
        ordinals=words("ordinals"),
        stopwords=stopwords,
        stopwords_light=frozenset(light(w) for w in _words(data, "stopwords", AR_FILE)),
        common=words("common"),
        facility_heads=words("facility_heads"),
        org_heads=words("org_heads"),
        place_cues=words("place_cues"),
        needs_place_cue=words("needs_place_cue"),
        not_places=_phrases(_words(data, "not_places", AR_FILE)),
        norp=_arabic_norp(_words(norp, "ar", NORP_FILE)),
        names=given_names(),
    )


@cache
def english_lexicon() -> EnglishLexicon:
    data = load_yaml(PACKAGE, EN_FILE)
    norp = load_yaml(PACKAGE, NORP_FILE)
    if not isinstance(data, dict) or not isinstance(norp, dict):
        raise DataFileError(data_path(PACKAGE, EN_FILE), "expected a mapping of word lists")
    role_heads = _phrases(_words(data, "role_heads", EN_FILE))
    return EnglishLexicon(
        titles=_phrases(_words(data, "titles", EN_FILE)),
        role_heads=role_heads,
        role_head_words=frozenset(w for p in role_heads for w in p),
        role_links=frozenset(w.casefold() for w in _words(data, "role_links", EN_FILE)),
        speech_verbs=frozenset(w.casefold() for w in _words(data, "speech_verbs", EN_FILE)),
        not_entity_heads=frozenset(_words(data, "not_entity_heads", EN_FILE)),
        facility_heads=_phrases(_words(data, "facility_heads", EN_FILE)),
        name_particles=frozenset(w.casefold() for w in _words(data, "name_particles", EN_FILE)),
        leading_function_words=frozenset(_words(data, "leading_function_words", EN_FILE)),
        not_names=frozenset(_words(data, "not_names", EN_FILE)),
        norp=_phrases(_words(norp, "en", NORP_FILE)),
        names=given_names(),
    )
