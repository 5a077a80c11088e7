"""The ``geo`` stage: coordinates, country and admin1 for every place mention."""

from __future__ import annotations

from marsad.geo.geocoder import Geocoder, default_geocoder
from marsad.geo.locate import locate
from marsad.pipeline import register
from marsad.types import Article


@register("geo")
class GeoStage:
    """Fills ``Mention.geo`` of GPE, LOC and FAC mentions; runs after the linker, whose
    KB ids it honours. The gazetteers load on the first article, once per process."""

    name: str = "geo"
    requires: tuple[str, ...] = ("mentions",)
    assigns: tuple[str, ...] = ("mentions",)
    backend: str = "kb+geonames"

    def __init__(self, geocoder: Geocoder | None = None) -> None:
        self._geocoder = geocoder

    @property
    def geocoder(self) -> Geocoder:
        if self._geocoder is None:
            self._geocoder = default_geocoder()
        return self._geocoder

    def __call__(self, article: Article) -> None:
        locate(article, self.geocoder)
