"""Folding names to lookup keys, so that spelling variants of one name meet.

Arabic: diacritics and tatweel go; alef and hamza forms fold to bare letters; ta marbuta
to ha, alef maqsura to ya; Persian/Kurdish letter shapes to their Arabic twins (Kurdish
outlets write کوبانی as often as كوباني); the article ال is dropped from every word.

Latin: accents and case go (Serêkaniyê = Serekaniye); apostrophes and ʿayn marks go
(al-Sina'a = al-Sina’a = al-Sinaa); hyphens are spaces; transliterated articles (al-, el-,
ash-, ez- …) are dropped from every word, as ال is on the Arabic side, so "Ras al-Ain" and
"Ras el Ain" meet; doubled letters, "ou" and a final "ah" fold (Raqqah = Raqa,
Baghouz = Baghuz), and so do the variants of common heads of place names (Tal = Tel = Tell,
Ain = Ayn, Deir = Dayr, Sheikh = Shaykh).

The letter maps and word lists are data: ``marsad/kb/data/normalise.yaml``.

Short all-capital acronyms (IS, AA, US, WHO) are English words when lower-cased, so they
only match with their capitals: see :func:`required_caps`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from marsad.errors import DataFileError
from marsad.resources import data_path, load_yaml
from marsad.textnorm import ARABIC_MARKS, letter_table

RULES_FILE = "normalise.yaml"


def _load_rules() -> tuple[dict[str, str], str, list[str], list[str], dict[str, str]]:
    """Letter map, Arabic article, proclitics, Latin articles, word variant -> head."""
    rules = load_yaml("marsad.kb", RULES_FILE)
    try:
        arabic, latin = rules["arabic"], rules["latin"]
        letters = {str(k): str(v) for k, v in {**arabic["letters"], **latin["letters"]}.items()}
        variants = {str(v): str(head) for head, vs in latin["words"].items() for v in vs}
        clitics = sorted((str(c) for c in arabic["proclitics"]), key=len, reverse=True)
        articles = [str(a) for a in latin["articles"]]
        return letters, str(arabic["article"]), clitics, articles, variants
    except (KeyError, TypeError, AttributeError) as exc:
        path = data_path("marsad.kb", RULES_FILE)
        raise DataFileError(path, f"malformed normalisation rules: {exc!r}") from exc


_LETTERS, _AR_ARTICLE, _CLITIC_LIST, _ARTICLE_LIST, _WORD_VARIANTS = _load_rules()
# One letter table and one mark set for names and search (marsad.textnorm).
_LETTER_MAP = letter_table()
_CLITICS = tuple(_CLITIC_LIST)
_LATIN_ARTICLES = frozenset(_ARTICLE_LIST)

# Harakat, Quranic marks, superscript alef and tatweel carry no identity in a name.
_AR_MARKS = ARABIC_MARKS
# Apostrophes and the marks used for ʿayn and hamza in transliteration are dropped.
_DROP = re.compile("['’‘`´ʼʻʿʾ\u02b9\u2032.]")
# Everything that is neither a letter nor a digit separates words.
_SEPARATORS = re.compile(r"[^\w]+|_")
_DOUBLED = re.compile(r"([a-z])\1+")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_POSSESSIVE = re.compile(r"['’]s\b")

# Acronyms of two or three capitals: matched only in capitals (see required_caps).
_CAPS_ACRONYM = re.compile(r"^[A-Z]{2,3}$")


def _fold_latin_word(word: str) -> str:
    if word.endswith("ah") and len(word) > 3:
        word = word[:-1]
    word = _DOUBLED.sub(r"\1", word.replace("ou", "u"))
    return _WORD_VARIANTS.get(word, word)


def _fold_word(word: str) -> str | None:
    """Fold one word; None when the word is an article to drop."""
    if _ARABIC_LETTER.match(word):
        # "ال" + at least two letters: the article, not a two-letter root.
        if word.startswith(_AR_ARTICLE) and len(word) >= 4:
            return word[2:]
        return word
    if word in _LATIN_ARTICLES:
        return None
    return _fold_latin_word(word)


@lru_cache(maxsize=65536)
def normalise_name(surface: str) -> str:
    """The lookup key of a name: the same for its spelling variants, "" for no letters.

    >>> normalise_name("القامشلي") == normalise_name("قامشلي")
    True
    >>> normalise_name("Serêkaniyê"), normalise_name("Ras al-Ain") == normalise_name("Ras el Ain")
    ('serekaniye', True)
    """
    text = unicodedata.normalize("NFKD", surface)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _AR_MARKS.sub("", text.casefold()).translate(_LETTER_MAP)
    text = _DROP.sub("", text)
    words = [w for w in _SEPARATORS.split(text) if w]
    folded = [f for f in (_fold_word(w) for w in words) if f]
    if not folded:
        # A name that is only an article word ("Al") keeps it rather than vanish.
        folded = [_fold_latin_word(w) for w in words]
    return " ".join(folded)


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def required_caps(alias: str) -> str | None:
    """The capitals an alias must appear in, for acronyms that are words in lower case.

    "IS", "AA", "U.S.", "WHO" and "MİT" return their capitals (accents dropped); "ISIS"
    (four letters) and mixed-case names return None and match in any case.
    """
    compact = _without_accents(_DROP.sub("", alias)).replace(" ", "")
    return compact if _CAPS_ACRONYM.match(compact) else None


def has_caps(surface: str, caps: str) -> bool:
    """Whether ``surface`` spells the acronym ``caps`` in capitals, as a word of its own."""
    compact = _without_accents(_DROP.sub("", _POSSESSIVE.sub("", surface)))
    return re.search(rf"(?<![A-Za-z]){caps}(?![A-Za-z])", compact) is not None


def clitic_variants(surface: str) -> list[str]:
    """Keys of ``surface`` with an Arabic proclitic taken off its first word.

    Only tried when the surface itself matched nothing, because stripping a letter can
    turn one name into another.
    """
    first, _, rest = surface.strip().partition(" ")
    if not _ARABIC_LETTER.match(first):
        return []
    first = _AR_MARKS.sub("", first).translate(_LETTER_MAP)
    keys: list[str] = []
    for clitic in _CLITICS:
        if first.startswith(clitic) and len(first) - len(clitic) >= 3:
            key = normalise_name(f"{first[len(clitic) :]} {rest}".strip())
            if key and key not in keys:
                keys.append(key)
    return keys


def strip_possessive(surface: str) -> str:
    """ "Turkey's" -> "Turkey": the English possessive is no part of a name."""
    return _POSSESSIVE.sub("", surface)
