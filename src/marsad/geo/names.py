"""Lookup keys of place names for the gazetteer indexes, and the keys a mention tries.

Names fold with the knowledge base's ``normalise_name`` (one Arabic and Latin normaliser
for the whole project); this module adds only what is particular to gazetteers, from the
word lists in ``data/words.{en,ar}.yaml``: abbreviations (St. = Saint), administrative
words that the press drops ("Laurel County" is also "Laurel"), and heads a mention may
carry that are no part of a name ("the city of", "مدينة", "ريف").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from marsad.errors import DataFileError
from marsad.kb.normalize import clitic_variants, normalise_name, strip_possessive
from marsad.langs import full_pipeline_langs
from marsad.resources import data_path, load_yaml

LANGS = full_pipeline_langs()  # the languages with lexicons: their profiles say so


@dataclass(frozen=True, slots=True)
class _Words:
    abbreviations: dict[str, str]  # folded word -> folded full word
    admin_words: frozenset[str]  # folded
    prefixes: tuple[tuple[str, ...], ...]  # folded word sequences, longest first
    suffixes: tuple[tuple[str, ...], ...]
    directions: frozenset[str]  # folded single words


def _folded_words(phrase: str) -> tuple[str, ...]:
    return tuple(normalise_name(phrase).split())


@cache
def _words() -> _Words:
    abbreviations: dict[str, str] = {}
    admin: set[str] = set()
    prefixes: set[tuple[str, ...]] = set()
    suffixes: set[tuple[str, ...]] = set()
    directions: set[str] = set()
    for lang in LANGS:
        name = f"words.{lang}.yaml"
        data = load_yaml("marsad.geo", name)
        try:
            for short, full in (data.get("abbreviations") or {}).items():
                abbreviations[normalise_name(str(short))] = normalise_name(str(full))
            admin.update(w for word in data["admin_words"] for w in _folded_words(str(word)))
            prefixes.update(_folded_words(str(p)) for p in data["prefixes"])
            suffixes.update(_folded_words(str(s)) for s in data["suffixes"] or ())
            directions.update(w for word in data["directions"] for w in _folded_words(str(word)))
        except (KeyError, TypeError, AttributeError) as exc:
            path = data_path("marsad.geo", name)
            raise DataFileError(path, f"malformed word lists: {exc!r}") from exc
    by_length = sorted(prefixes - {()}, key=len, reverse=True)
    return _Words(
        abbreviations,
        frozenset(admin),
        tuple(by_length),
        tuple(sorted(suffixes - {()}, key=len, reverse=True)),
        frozenset(directions),
    )


# The KB's folding keeps a cache for the names of running text; the gazetteers' 400,000
# names are folded once each, and through that cache they would only evict the useful
# entries and hold some 16 MB of their own.
_fold_once = getattr(normalise_name, "__wrapped__", normalise_name)


def name_key(name: str) -> str:
    """The lookup key of a surface: folded, abbreviations spelled out."""
    return _spell_out(normalise_name(name))


def index_key(name: str) -> str:
    """``name_key`` of a gazetteer name, folded without the cache (built once per name)."""
    return _spell_out(_fold_once(name))


def _spell_out(folded: str) -> str:
    abbreviations = _words().abbreviations
    return " ".join(abbreviations.get(w, w) for w in folded.split())


def is_direction(key: str) -> bool:
    """Whether a folded name is a word of direction alone ("north", "شمال"): GeoNames
    lists some as alternate names of towns (North Salt Lake), which no text means."""
    return key in _words().directions


def bare_admin_key(key: str) -> str | None:
    """The key without its administrative words ("laurel cunty" -> "laurel", "tibet
    autonomous region" -> "tibet"), or None when it has none."""
    words = key.split()
    admin = _words().admin_words
    while len(words) > 1 and words[-1] in admin:
        words.pop()
    while len(words) > 1 and words[0] in admin:
        words.pop(0)
    bare = " ".join(words)
    if bare == key or is_direction(bare):
        return None  # "North Province" is not "North"
    return bare


def surface_keys(surface: str) -> Iterator[tuple[str, str]]:
    """The keys a mention tries, in order, each with how it was made:
    ``exact``, ``possessive`` (Turkey's), ``clitic`` (وبالحسكة), ``head`` (مدينة الحسكة),
    ``direction`` (northern Syria: only an area or a KB place may answer to what is left)."""
    seen: set[str] = set()

    def fresh(key: str) -> bool:
        if not key or key in seen:
            return False
        seen.add(key)
        return True

    key = name_key(surface)
    if fresh(key):
        yield key, "exact"
    bare = strip_possessive(surface)
    if bare != surface and fresh(name_key(bare)):
        yield name_key(bare), "possessive"
    for variant in clitic_variants(surface):
        folded = " ".join(_words().abbreviations.get(w, w) for w in variant.split())
        if fresh(folded):
            yield folded, "clitic"
    for head in _without_heads(key):
        if fresh(head):
            yield head, "head"
    for part in _without_directions(key):
        if fresh(part):
            yield part, "direction"


def _without_heads(key: str) -> Iterator[str]:
    words = tuple(key.split())
    w = _words()
    bare = bare_admin_key(key)
    if bare:
        yield bare
    for prefix in w.prefixes:
        n = len(prefix)
        if len(words) > n and words[:n] == prefix:
            yield " ".join(words[n:])
    for suffix in w.suffixes:
        n = len(suffix)
        if len(words) > n and words[-n:] == suffix:
            yield " ".join(words[:-n])


def _without_directions(key: str) -> Iterator[str]:
    words = key.split()
    directions = _words().directions
    if len(words) > 1 and words[0] in directions:
        yield " ".join(words[1:])
    if len(words) > 1 and words[-1] in directions:
        yield " ".join(words[:-1])
