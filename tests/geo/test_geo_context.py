"""Ambiguous names read by the article around them, in English and Arabic."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.geo import Geocoder, GeoContext, GeoStage
from marsad.types import Article, Geo

MakeArticle = Callable[..., Article]

# (text, its place names, the country the first name must be read in)
TRIPOLI = {
    ("en", "LB"): (
        "Clashes broke out in Tripoli overnight. The army deployed in the northern city, "
        "Lebanon's second largest, officials in Beirut said.",
        ["Tripoli", "Lebanon", "Beirut"],
    ),
    ("en", "LY"): (
        "Clashes broke out in Tripoli overnight. Forces from Misrata and Benghazi moved "
        "west, and the government of Libya called for calm.",
        ["Tripoli", "Misrata", "Benghazi", "Libya"],
    ),
    ("ar", "LB"): (
        "اندلعت اشتباكات في طرابلس شمال لبنان، وقال مسؤولون في بيروت إن الجيش انتشر.",
        ["طرابلس", "لبنان", "بيروت"],
    ),
    ("ar", "LY"): (
        "اندلعت اشتباكات في طرابلس، ووصلت قوات من مصراتة وبنغازي، ودعت حكومة ليبيا إلى التهدئة.",
        ["طرابلس", "مصراتة", "بنغازي", "ليبيا"],
    ),
}


@pytest.mark.parametrize(("lang", "country"), sorted(TRIPOLI))
def test_geo_context_reads_tripoli_by_its_country(
    lang: str, country: str, make_article: MakeArticle, geocoder: Geocoder
) -> None:
    text, places = TRIPOLI[(lang, country)]
    article = make_article(text, places)
    GeoStage(geocoder)(article)
    tripoli = article.mentions[0]
    assert tripoli.geo is not None
    assert tripoli.geo.country == country
    assert all(m.geo is not None and m.geo.country == country for m in article.mentions)


# عمان is Amman and Oman; the KB lists it under both, on purpose.
AMMAN = {
    ("ar", "JO"): (
        "وصل الوفد إلى عمان قادما من دمشق، والتقى وزير خارجية الأردن.",
        ["عمان", "دمشق", "الأردن"],
    ),
    ("ar", "OM"): (
        "وصل الوفد إلى عمان قادما من مسقط، بعد جولة شملت صلالة ونزوى.",
        ["عمان", "مسقط", "صلالة", "نزوى"],
    ),
    ("en", "JO"): (
        "The delegation arrived in Amman from Damascus and met Jordan's foreign minister.",
        ["Amman", "Damascus", "Jordan"],
    ),
    ("en", "OM"): (
        "The delegation arrived in Oman from Muscat airport, and went on to Salalah.",
        ["Oman", "Muscat", "Salalah"],
    ),
}


@pytest.mark.parametrize(("lang", "country"), sorted(AMMAN))
def test_geo_context_tells_amman_from_oman(
    lang: str, country: str, make_article: MakeArticle, geocoder: Geocoder
) -> None:
    text, places = AMMAN[(lang, country)]
    article = make_article(text, places)
    GeoStage(geocoder)(article)
    first = article.mentions[0]
    assert first.geo is not None and first.geo.country == country


@pytest.mark.parametrize(
    ("text", "place", "demonym"),
    [
        ("The Lebanese army deployed in Tripoli.", "Tripoli", "Lebanese"),
        ("انتشر الجيش اللبناني في طرابلس.", "طرابلس", "اللبناني"),
    ],
)
def test_geo_context_demonyms_vote_for_their_country(
    text: str, place: str, demonym: str, make_article: MakeArticle, geocoder: Geocoder
) -> None:
    alone = make_article(text, [place])
    GeoStage(geocoder)(alone)
    assert alone.mentions[0].geo is not None and alone.mentions[0].geo.country == "LY"
    article = make_article(text, [place], norp=[demonym])
    GeoStage(geocoder)(article)
    tripoli = next(m for m in article.mentions if m.label == "GPE")
    assert tripoli.geo is not None and tripoli.geo.country == "LB"
    assert next(m for m in article.mentions if m.label == "NORP").geo is None


@pytest.mark.parametrize("surface", ["Tripoli", "طرابلس"])
def test_geo_context_given_by_the_caller(surface: str, geocoder: Geocoder) -> None:
    """The events stage and the map pass what they know as a GeoContext."""
    assert (geocoder.geocode(surface) or Geo(0, 0)).country == "LY"
    lebanon = Geo(33.83, 35.83, "LB", source="kb")
    geo = geocoder.geocode(surface, GeoContext.of([lebanon]))
    assert geo is not None and geo.country == "LB"
    assert geo.source == "geonames:focus"


@pytest.mark.parametrize(
    ("text", "surface", "entity_id"),
    [
        ("Clashes near Kobani and in Kobani itself.", "Kobani", "marsad:place/kobani"),
        ("اشتباكات قرب كوباني وفي كوباني نفسها.", "كوباني", "marsad:place/kobani"),
    ],
)
def test_geo_context_linked_mentions_take_the_kb_point(
    text: str, surface: str, entity_id: str, make_article: MakeArticle, geocoder: Geocoder
) -> None:
    article = make_article(text, [surface], linked={surface: entity_id})
    GeoStage(geocoder)(article)
    entry = geocoder.kb.get(entity_id)
    assert entry is not None
    for mention in article.mentions:
        assert mention.geo is not None
        assert (mention.geo.lat, mention.geo.lon, mention.geo.source) == (
            entry.lat,
            entry.lon,
            "kb",
        )


@pytest.mark.parametrize(
    ("text", "surface"), [("Shelling hit Raqqa.", "Raqqa"), ("قصف طال الرقة.", "الرقة")]
)
def test_geo_context_unknown_entity_falls_back_to_the_name(
    text: str, surface: str, make_article: MakeArticle, geocoder: Geocoder
) -> None:
    for entity_id in ("marsad:place/no-such-place", "marsad:org/sdf"):
        article = make_article(text, [surface], linked={surface: entity_id})
        GeoStage(geocoder)(article)
        geo = article.mentions[0].geo
        assert geo is not None and geo.country == "SY" and geo.source != "kb"


@pytest.mark.parametrize(
    ("text", "surface"),
    [("Paris said so. Paris was clear.", "Paris"), ("قالت باريس ذلك. وكانت باريس واضحة.", "باريس")],
)
def test_geo_context_a_name_does_not_vote_for_itself(
    text: str, surface: str, make_article: MakeArticle, geocoder: Geocoder
) -> None:
    """Repeating a name is no evidence for any reading of it: the reading stays the one
    of the name alone, and one name is one place in an article."""
    article = make_article(text, [surface])
    GeoStage(geocoder)(article)
    alone = geocoder.resolve(surface)
    assert alone is not None
    assert {m.geo.source for m in article.mentions if m.geo} == {alone.source}
    assert len({(m.geo.lat, m.geo.lon) for m in article.mentions if m.geo}) == 1
