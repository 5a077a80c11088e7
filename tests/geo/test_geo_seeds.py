"""The places of the seed articles, in English and Arabic, against coordinates read from
GeoNames and Wikipedia (not from our data), and golden readings of the seeds themselves."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.geo import Geocoder, GeoStage, haversine_km
from marsad.types import Article

MakeArticle = Callable[..., Article]

HASAKAH, ALEPPO, RAQQA, DEIR = "Al-Hasakah", "Aleppo", "Ar-Raqqah", "Deir ez-Zor"

# surface -> (lat, lon, country, GeoNames admin1): towns from GeoNames / Wikipedia.
TOWNS = {
    "Qamishlo": (37.0522, 41.2314, "SY", HASAKAH),
    "قامشلو": (37.0522, 41.2314, "SY", HASAKAH),
    "Al-Hasakah": (36.5024, 40.7477, "SY", HASAKAH),
    "الحسكة": (36.5024, 40.7477, "SY", HASAKAH),
    "Hasakah": (36.5024, 40.7477, "SY", HASAKAH),
    "Baghouz": (34.4606, 40.9381, "SY", DEIR),
    "الباغوز": (34.4606, 40.9381, "SY", DEIR),
    "Kobani": (36.8906, 38.3536, "SY", ALEPPO),
    "كوباني": (36.8906, 38.3536, "SY", ALEPPO),
    "Afrin": (36.5092, 36.8692, "SY", ALEPPO),
    "عفرين": (36.5092, 36.8692, "SY", ALEPPO),
    "Raqqa": (35.9500, 39.0167, "SY", RAQQA),
    "الرقة": (35.9500, 39.0167, "SY", RAQQA),
    "Serêkaniyê": (36.8500, 40.0667, "SY", HASAKAH),
    "سري كانيه": (36.8500, 40.0667, "SY", HASAKAH),
    "Tel-Abyed": (36.6972, 38.9567, "SY", RAQQA),
    "تل أبيض": (36.6972, 38.9567, "SY", RAQQA),
    "Ain Issa": (36.3856, 38.8622, "SY", RAQQA),
    "عين عيسى": (36.3856, 38.8622, "SY", RAQQA),
    "al-Hol camp": (36.3770, 41.1490, "SY", HASAKAH),
    "مخيم الهول": (36.3770, 41.1490, "SY", HASAKAH),
}

# Countries are placed at a centre, and gazetteers disagree on centres by a few hundred km
# (GeoNames puts Libya at 28N 17E, the Factbook at 25N 17E): a looser bound for them.
COUNTRIES = {
    "Kuwait": (29.5, 47.75, "KW"),
    "الكويت": (29.5, 47.75, "KW"),
    "Tajikistan": (39.0, 71.0, "TJ"),
    "طاجيكستان": (39.0, 71.0, "TJ"),
    "Libya": (27.0, 17.0, "LY"),
    "ليبيا": (27.0, 17.0, "LY"),
    "Turkey": (39.0, 35.0, "TR"),
    "تركيا": (39.0, 35.0, "TR"),
    "Syria": (35.0, 38.0, "SY"),
    "سوريا": (35.0, 38.0, "SY"),
}
TOWN_KM, COUNTRY_KM = 25.0, 350.0


@pytest.mark.parametrize("surface", sorted(TOWNS))
def test_geo_seed_towns_within_25km(geocoder: Geocoder, surface: str) -> None:
    lat, lon, country, admin1 = TOWNS[surface]
    geo = geocoder.geocode(surface)
    assert geo is not None
    assert haversine_km(lat, lon, geo.lat, geo.lon) < TOWN_KM
    assert (geo.country, geo.admin1) == (country, admin1)


@pytest.mark.parametrize("surface", sorted(COUNTRIES))
def test_geo_seed_countries_placed_with_their_code(geocoder: Geocoder, surface: str) -> None:
    lat, lon, country = COUNTRIES[surface]
    geo = geocoder.geocode(surface)
    assert geo is not None
    assert geo.country == country
    assert geo.admin1 is None  # a country has no admin1
    assert haversine_km(lat, lon, geo.lat, geo.lon) < COUNTRY_KM


# Golden readings of the seeds: (seed, surface) -> (country, admin1, source), for every
# occurrence of the surface in the seed, read with the rest of the article. "pop" where
# the name also names a larger area or a smaller town: Al-Hasakah the city rather than
# the governorate, الكويت the country rather than Kuwait City.
GOLDEN = {
    ("000", "Qamishlo"): ("SY", HASAKAH, "kb:only"),
    ("000", "Al-Hasakah"): ("SY", HASAKAH, "kb:pop"),
    ("000", "Al-Hol camp"): ("SY", HASAKAH, "kb:only"),
    ("000", "Baghouz"): ("SY", DEIR, "kb:only"),
    ("000", "Syria"): ("SY", None, "kb:only"),
    ("001", "قامشلو"): ("SY", HASAKAH, "kb:only"),
    ("001", "الحسكة"): ("SY", HASAKAH, "kb:only"),
    ("001", "مخيم الهول"): ("SY", HASAKAH, "kb:only"),
    ("001", "الباغوز"): ("SY", DEIR, "kb:only"),
    ("001", "الكويت"): ("KW", None, "kb:pop"),
    ("001", "طاجيكستان"): ("TJ", None, "kb:only"),
    ("001", "سوريا"): ("SY", None, "kb:only"),
    ("002", "Hasakah"): ("SY", HASAKAH, "kb:pop"),
    ("002", "Turkey"): ("TR", None, "kb:only"),
    ("004", "Kobani"): ("SY", ALEPPO, "kb:focus"),
    ("004", "Afrin"): ("SY", ALEPPO, "kb:only"),
    ("004", "Raqqa"): ("SY", RAQQA, "kb:pop"),
    ("004", "Serêkaniyê"): ("SY", HASAKAH, "kb:only"),
    ("004", "Tel-Abyed"): ("SY", RAQQA, "kb:only"),
    ("004", "Ain Issa"): ("SY", RAQQA, "kb:only"),
    ("004", "al-Hol camp"): ("SY", HASAKAH, "kb:only"),
    ("004", "Libya"): ("LY", None, "kb:only"),
    ("004", "Turkey"): ("TR", None, "kb:only"),
}


def _seed_article(seed_texts: dict[str, str], seed: str, make_article: MakeArticle) -> Article:
    surfaces = [s for (number, s) in GOLDEN if number == seed]
    return make_article(seed_texts[seed], surfaces)


@pytest.mark.parametrize("seed", ["000", "001", "002", "004"])
def test_geo_seed_articles_golden(
    seed: str, seed_texts: dict[str, str], make_article: MakeArticle, geocoder: Geocoder
) -> None:
    article = _seed_article(seed_texts, seed, make_article)
    GeoStage(geocoder)(article)
    for mention in article.mentions:
        surface = article.text[mention.start : mention.end]
        assert mention.geo is not None, surface
        got = (mention.geo.country, mention.geo.admin1, mention.geo.source)
        assert got == GOLDEN[(seed, surface)], surface


@pytest.mark.parametrize(("english", "arabic"), [("000", "001")])
def test_geo_seed_twins_share_places(
    english: str,
    arabic: str,
    seed_texts: dict[str, str],
    make_article: MakeArticle,
    geocoder: Geocoder,
) -> None:
    """The same story in two languages puts its places at the same points (the Arabic
    names two countries more)."""
    points = []
    for seed in (english, arabic):
        article = _seed_article(seed_texts, seed, make_article)
        GeoStage(geocoder)(article)
        points.append({(m.geo.lat, m.geo.lon) for m in article.mentions if m.geo is not None})
    assert points[0] and points[0] <= points[1]
