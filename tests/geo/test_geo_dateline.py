"""A dateline in capitals was read as an area of the same name ("WASHINGTON (AP) —" in
Washington state). (Demonyms the model called places: tests/entities, the recogniser.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.geo import Geocoder
from marsad.geo.locate import locate
from marsad.types import Article

MakeArticle = Callable[..., Article]


@pytest.mark.parametrize(
    ("text", "dateline", "country", "admin1"),
    [
        ("WASHINGTON (AP) — The Senate passed the budget on Tuesday.", "Washington",
         "US", "Washington, D.C."),
        ("WASHINGTON (AP) — Lawmakers from Seattle opposed the budget.", "Washington",
         "US", "Washington, D.C."),
        ("BEIRUT (Reuters) - Clashes broke out in Tripoli overnight.", "Beirut", "LB", None),
    ],
)  # fmt: skip
def test_geo_dateline_is_a_town_not_an_area_of_its_name(
    make_article: MakeArticle,
    geocoder: Geocoder,
    text: str,
    dateline: str,
    country: str,
    admin1: str,
) -> None:
    surface = text.split(" (")[0]
    places = [surface, "Seattle"] if "Seattle" in text else [surface]
    article = make_article(text, places)
    article.dateline_place = dateline
    locate(article, geocoder)
    geo = article.mentions[0].geo
    assert geo is not None and geo.country == country
    assert admin1 is None or geo.admin1 == admin1
    assert geo.kind not in ("admin1", "admin2")  # the capital, not the state


def test_geo_dateline_known_only_by_an_alternate_name_competes_as_any_name(
    make_article: MakeArticle, geocoder: Geocoder
) -> None:
    # "واشنطن" names the United States in the KB; the only towns of that Arabic name are
    # small Washingtons (Utah, Illinois) known through alternate names: not preferred.
    text = "واشنطن (أ ف ب) — أقر مجلس الشيوخ الميزانية يوم الثلاثاء."
    article = make_article(text, ["واشنطن"])
    article.dateline_place = "واشنطن"
    locate(article, geocoder)
    geo = article.mentions[0].geo
    assert geo is not None and geo.country == "US" and geo.admin1 != "Utah"


def test_geo_without_a_dateline_keeps_reading_by_size(
    make_article: MakeArticle, geocoder: Geocoder
) -> None:
    # Not a dateline: "Washington" alone still reads as the state, the larger place; the
    # rule is about where a report was filed, not about the name.
    article = make_article("Wildfires spread across Washington and Oregon.", ["Washington"])
    locate(article, geocoder)
    geo = article.mentions[0].geo
    assert geo is not None and geo.kind == "admin1"
