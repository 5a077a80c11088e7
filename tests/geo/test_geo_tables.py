"""The gazetteer tables: what each source contributes, and our data files kept honest."""

from __future__ import annotations

import numpy as np
import pycountry
import pytest

from marsad.geo import Geocoder, haversine_km
from marsad.geo.cities import keep_alternate
from marsad.geo.countries import load_aliases, load_centres
from marsad.geo.names import LANGS
from marsad.geo.places import box_middle


def test_geo_tables_box_middle_across_the_antimeridian() -> None:
    lat = np.array([-16.0, -18.0])
    lon = np.array([179.0, -179.0])  # Fiji straddles 180
    mid_lat, mid_lon = box_middle(lat, lon)
    assert mid_lat == pytest.approx(-17.0)
    assert abs(mid_lon) == pytest.approx(180.0)
    assert box_middle(np.array([10.0, 20.0]), np.array([30.0, 40.0])) == (15.0, 35.0)


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("طرابلس", True),
        ("طرابلس الشام", True),
        ("ترابلس", True),  # Persian spelling, folded like Arabic
        ("Tarabulus", True),
        ("Trablous", True),
        ("lai sai si ka er de", False),  # lower-case romanisation from another language
        ("LHR", False),  # a code
        ("Kan", False),  # too short to be a name
        ("Москва", False),  # neither script
    ],
)
def test_geo_tables_alternate_names_by_script(name: str, kept: bool) -> None:
    assert keep_alternate(name) is kept


@pytest.mark.parametrize(
    ("surface", "country"),
    [("Brazil", "BR"), ("البرازيل", "BR"), ("Ivory Coast", "CI"), ("ساحل العاج", "CI")],
)
def test_geo_tables_countries_beyond_the_kb(surface: str, country: str, geocoder: Geocoder) -> None:
    """pycountry (with its Arabic catalogue) and our aliases name every country."""
    assert all(c.source != "kb" for c in geocoder.candidates(surface))
    geo = geocoder.geocode(surface)
    assert geo is not None and geo.country == country and geo.source.startswith("pycountry")


@pytest.mark.parametrize(
    ("surface", "country"),
    [("Brazilian", "BR"), ("Syrians", "SY"), ("السوريين", "SY"), ("تركية", "TR"), ("أتراك", "TR")],
)
def test_geo_tables_demonyms_name_their_country(
    surface: str, country: str, geocoder: Geocoder
) -> None:
    found = [c for c in geocoder.candidates(surface) if c.demonym]
    assert [c.country for c in found] == [country]


@pytest.mark.parametrize(
    ("surface", "country", "admin1"),
    [("Texas", "US", "Texas"), ("Tex.", "US", "Texas"), ("Bavaria", "DE", "Bavaria")],
)
def test_geo_tables_subdivisions_are_placed(
    surface: str, country: str, admin1: str, geocoder: Geocoder
) -> None:
    geo = geocoder.geocode(surface)
    assert geo is not None and (geo.country, geo.admin1) == (country, admin1)


@pytest.mark.parametrize("surface", ["Africa", "أفريقيا", "Europe", "أوروبا"])
def test_geo_tables_continents(surface: str, geocoder: Geocoder) -> None:
    geo = geocoder.geocode(surface)
    assert geo is not None and geo.country is None and geo.source.startswith("continent")


@pytest.mark.parametrize(
    ("lat", "lon", "country", "admin1"),
    [
        (36.9, 41.0, "SY", "Al-Hasakah"),  # between Qamishli and Amuda
        (36.2, 44.0, "IQ", "Arbil"),
        (0.0, -140.0, None, None),  # the middle of the Pacific: nothing near
    ],
)
def test_geo_tables_admin1_of_a_point(
    lat: float, lon: float, country: str | None, admin1: str | None, geocoder: Geocoder
) -> None:
    assert geocoder.admin1_at(lat, lon, country) == admin1


@pytest.mark.parametrize("lang", LANGS)
def test_geo_tables_alias_codes_exist(lang: str, geocoder: Geocoder) -> None:
    aliases = load_aliases(lang)
    for code in [*aliases.countries, *aliases.demonyms]:
        assert pycountry.countries.get(alpha_2=code) is not None, code
    for code in aliases.subdivisions:
        assert pycountry.subdivisions.get(code=code) is not None, code
    for geonames_id in aliases.cities:
        assert geocoder.cities.row_of(geonames_id) is not None, geonames_id


def test_geo_tables_country_centres_lie_among_their_towns(geocoder: Geocoder) -> None:
    """A swapped latitude and longitude, or a wrong code, puts a centre far from every
    town of its country."""
    for code, (lat, lon) in load_centres().items():
        assert pycountry.countries.get(alpha_2=code) is not None, code
        middle = geocoder.places.country_middle(code)
        assert middle is not None, code
        assert haversine_km(lat, lon, *middle) < 2_500, code
