"""The ``geo`` stage in a pipeline: declared order, provenance, the dateline as context."""

from __future__ import annotations

import pytest

import marsad.geo.stage  # noqa: F401  (registers "geo")
from marsad.errors import PipelineError
from marsad.geo import Geocoder, GeoStage
from marsad.pipeline import Pipeline
from marsad.types import Article, Mention

TEXTS = {
    "en": (
        "Shelling hit Ain Issa and Raqqa, officials in Qamishlo said.",
        ["Ain Issa", "Raqqa", "Qamishlo"],
    ),
    "ar": ("طال قصف عين عيسى والرقة، بحسب مسؤولين في قامشلو.", ["عين عيسى", "الرقة", "قامشلو"]),
}


class _FindPlaces:
    """A stand-in for the recogniser: the given names, as GPE mentions."""

    name = "mentions"
    requires: tuple[str, ...] = ("raw_text",)
    assigns: tuple[str, ...] = ("mentions",)
    backend = "test"

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def __call__(self, article: Article) -> None:
        for name in self.names:
            start = article.text.index(name)
            article.mentions.append(Mention(start, start + len(name), "GPE"))


def _article(text: str) -> Article:
    return Article(id="t", source="t", raw=text.encode(), raw_text=text, text=text)


def test_geo_stage_declares_its_place() -> None:
    stage = GeoStage()
    assert (stage.name, stage.requires, stage.assigns, stage.backend) == (
        "geo",
        ("mentions",),
        ("mentions",),
        "kb+geonames",
    )
    with pytest.raises(PipelineError, match="mentions"):
        Pipeline.from_names(["geo"])  # registered, and refused before the recogniser


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_geo_stage_in_a_pipeline(lang: str, geocoder: Geocoder) -> None:
    text, names = TEXTS[lang]
    pipeline = Pipeline([_FindPlaces(names), GeoStage(geocoder)])
    article = pipeline(_article(text))
    assert article.annotated_by["geo"] == "kb+geonames"
    assert [m.geo.country if m.geo else None for m in article.mentions] == ["SY"] * 3
    assert {m.geo.admin1 for m in article.mentions if m.geo} == {"Ar-Raqqah", "Al-Hasakah"}


@pytest.mark.parametrize(
    ("text", "place", "dateline"),
    [
        ("Clashes broke out in Tripoli overnight.", "Tripoli", "BEIRUT"),
        ("اندلعت اشتباكات في طرابلس ليلا.", "طرابلس", "بيروت"),
    ],
)
def test_geo_stage_reads_the_dateline_as_context(
    text: str, place: str, dateline: str, geocoder: Geocoder
) -> None:
    article = _article(text)
    _FindPlaces([place])(article)
    GeoStage(geocoder)(article)
    assert article.mentions[0].geo is not None and article.mentions[0].geo.country == "LY"
    article.dateline_place = dateline
    GeoStage(geocoder)(article)
    assert article.mentions[0].geo is not None and article.mentions[0].geo.country == "LB"


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_geo_stage_runs_twice_the_same(lang: str, geocoder: Geocoder) -> None:
    text, names = TEXTS[lang]
    article = _article(text)
    _FindPlaces(names)(article)
    GeoStage(geocoder)(article)
    first = [m.geo for m in article.mentions]
    GeoStage(geocoder)(article)
    assert [m.geo for m in article.mentions] == first
