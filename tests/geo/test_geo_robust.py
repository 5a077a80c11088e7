"""No invention and no crash: names no gazetteer knows, and input that is not a name."""

from __future__ import annotations

import pytest

from marsad.geo import Geocoder, GeoStage
from marsad.kb import load_kb
from marsad.types import Article, Mention

NOWHERE = ["Xqzvbnm Wrtplk", "Flurbington-upon-Qux", "ظظظظ ضضضض", "بلدة زقزقستان الفوقانية"]

ODD = [
    "",
    " ",
    "\n\t",
    "\x00",
    "\u200f",
    "\u0301",
    "🙂",
    "123",
    "-",
    "'s",
    "ال",
    "the",
    "؟؟",
    "Raqqa الرقة",
    "a" * 10_000,
    "الرقة" * 2_000,
    "St.",
    "((Raqqa",
]


@pytest.mark.parametrize("surface", NOWHERE)
def test_geo_robust_unknown_names_get_nothing(surface: str, geocoder: Geocoder) -> None:
    assert geocoder.candidates(surface) == []
    assert geocoder.geocode(surface) is None


# Gazetteers hold a "West" (a region of Cameroon) and towns whose alternate name is "North";
# a word of direction alone never means them.
@pytest.mark.parametrize("surface", ["the West", "North", "Central", "الشمال", "شرق", "الغربية"])
def test_geo_robust_directions_alone_are_no_place(surface: str, geocoder: Geocoder) -> None:
    assert geocoder.candidates(surface) == []


@pytest.mark.parametrize(
    ("surface", "country"), [("East Bank", None), ("northern Syria", "SY"), ("شمال سوريا", "SY")]
)
def test_geo_robust_directions_never_leave_a_stray_word(
    surface: str, country: str | None, geocoder: Geocoder
) -> None:
    """Without its direction a name must leave an area or a KB place, never a town that
    happens to be called "Bank"."""
    found = geocoder.candidates(surface)
    assert [c.country for c in found] == ([country] if country else [])
    assert all(c.is_area or c.source == "kb" for c in found)


@pytest.mark.parametrize("surface", ODD)
def test_geo_robust_odd_surfaces_never_crash(surface: str, geocoder: Geocoder) -> None:
    geo = geocoder.geocode(surface)
    assert geo is None or (-90 <= geo.lat <= 90 and -180 <= geo.lon <= 180)
    assert isinstance(geocoder.candidates(surface), list)


@pytest.mark.parametrize("text", ["Shelling hit Raqqa and Xqzvbnm.", "قصف طال الرقة وظظظظ."])
def test_geo_robust_odd_mentions_never_crash(text: str, geocoder: Geocoder) -> None:
    article = Article(id="t", source="t", raw=b"", raw_text=text, text=text)
    article.mentions = [
        Mention(len(text) + 5, len(text) + 9, "GPE"),  # past the end
        Mention(10, 4, "LOC"),  # backwards
        Mention(0, 0, "FAC"),  # empty
        Mention(-3, -1, "GPE"),  # negative: Python slices from the end
        Mention(0, len(text), "GPE"),  # the whole sentence
        Mention(0, 5, "PER", geo=None),  # not a place: left alone
    ]
    GeoStage(geocoder)(article)
    assert article.mentions[0].geo is None
    assert article.mentions[1].geo is None
    assert article.mentions[2].geo is None
    assert article.mentions[5].geo is None


@pytest.mark.parametrize("text", ["No places here.", "لا أماكن هنا."])
def test_geo_robust_articles_without_places(text: str, geocoder: Geocoder) -> None:
    article = Article(id="t", source="t", raw=b"", raw_text=text, text=text)
    GeoStage(geocoder)(article)
    assert article.mentions == []
    article.mentions = [Mention(0, 2, "PER"), Mention(3, 9, "ORG")]
    GeoStage(geocoder)(article)
    assert all(m.geo is None for m in article.mentions)


def test_geo_robust_cold_geocoder_loads_its_tables_in_any_order(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A fresh geocoder's first question goes through the KB, whose places need the city
    table, which needs the place table: the lazy loads nest without deadlock. (One fresh
    geocoder for both scripts: building one takes seconds.)"""
    fresh = Geocoder(load_kb(user_dir=tmp_path_factory.mktemp("kb")))
    for surface in ("كوباني", "Kobani"):
        geo = fresh.geocode(surface)
        assert geo is not None and geo.country == "SY"
