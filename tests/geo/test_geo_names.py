"""The keys a mention tries: folds shared with the KB, plus gazetteer words."""

from __future__ import annotations

import pytest

from marsad.geo.names import bare_admin_key, name_key, surface_keys
from marsad.kb import normalise_name


@pytest.mark.parametrize(
    ("surface", "key", "how"),
    [
        ("Turkey's", "turkey", "possessive"),
        ("وقامشلو", normalise_name("قامشلو"), "clitic"),
        ("بالحسكة", normalise_name("الحسكة"), "clitic"),
        ("the city of Raqqa", normalise_name("Raqqa"), "head"),
        ("Raqqa countryside", normalise_name("Raqqa"), "head"),
        ("مدينة الحسكة", normalise_name("الحسكة"), "head"),
        ("ريف الرقة", normalise_name("الرقة"), "head"),
        ("Akita Prefecture", "akita", "head"),
        ("northern Syria", "syria", "direction"),
        ("شمال سوريا", normalise_name("سوريا"), "direction"),
        ("ريف حلب الشمالي", normalise_name("ريف حلب"), "direction"),
    ],
)
def test_geo_names_surface_keys_try_variants_in_order(surface: str, key: str, how: str) -> None:
    keys = list(surface_keys(surface))
    assert keys[0] == (name_key(surface), "exact")
    assert (key, how) in keys
    assert len({k for k, _ in keys}) == len(keys)  # each key once


@pytest.mark.parametrize(
    ("short", "full"), [("St. Louis", "Saint Louis"), ("Mt. Hermon", "Mount Hermon")]
)
def test_geo_names_abbreviations_fold_to_the_full_word(short: str, full: str) -> None:
    assert name_key(short) == name_key(full)


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Laurel County", "Laurel"),
        ("Tibet Autonomous Region", "Tibet"),
        ("Anhui Sheng", "Anhui"),
        ("محافظة الحسكة", "الحسكة"),
        ("ولاية الخرطوم", "الخرطوم"),
    ],
)
def test_geo_names_admin_words_come_off(name: str, bare: str) -> None:
    assert bare_admin_key(name_key(name)) == name_key(bare)


@pytest.mark.parametrize("name", ["Raqqa", "الرقة", "County", "محافظة"])
def test_geo_names_bare_names_stay(name: str) -> None:
    assert bare_admin_key(name_key(name)) is None
