"""The derived columns of the event table (``marsad.event_rows``): ISO day and precision of
an event's date, country names and codes, how precise a place is, actors' country and
sector. Each reads only what the pipeline recorded; what it cannot tell stays None.

Dates. The events stage keeps a date as the text gave it: ``2019-10-05``, ``2019-W46``,
``2019-10`` or ``2019``. The table gives every date as an ISO day, the first day of the
period, with its precision (``day``, ``week``, ``month``, ``year``) and ACLED's
``time_precision`` (1 day, 2 week, 3 month or longer). An event whose text gives no date
takes its article's publication date (``date_source`` says ``published``, not ``text``).

Places. ``geo_precision`` is ACLED's: 1 a town or a smaller place, 2 a region (an admin
area, a governorate, a district), 3 a country. A continent or an unplaced name has none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from marsad.resources import load_yaml

DatePrecision = Literal["day", "week", "month", "year"]
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{1,2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")


@dataclass(frozen=True, slots=True)
class EventWhen:
    date: str | None  # ISO day: the first day of the period the text names
    precision: DatePrecision | None
    source: Literal["text", "published"] | None

    @property
    def time_precision(self) -> int | None:
        """ACLED's code of the precision."""
        return _TIME_PRECISION[self.precision] if self.precision else None


def iso_day(value: str | None) -> tuple[str, DatePrecision] | None:
    """``value`` (a date as the pipeline writes it) as an ISO day and its precision, or
    None when it is none of the shapes the pipeline writes (or no real date)."""
    if not value:
        return None
    value = value.strip()
    try:
        if m := _DAY.fullmatch(value[:10]):
            return dt.date(*map(int, m.groups())).isoformat(), "day"
        if m := _WEEK.fullmatch(value):
            year, week = map(int, m.groups())
            return dt.date.fromisocalendar(year, week, 1).isoformat(), "week"
        if m := _MONTH.fullmatch(value):
            return dt.date(int(m[1]), int(m[2]), 1).isoformat(), "month"
        if m := _YEAR.fullmatch(value):
            return dt.date(int(m[1]), 1, 1).isoformat(), "year"
    except ValueError:  # 2019-02-30, week 54
        return None
    return None


def event_when(date: str | None, published: str | None) -> EventWhen:
    """The event's own date when the text gives one, else its article's."""
    if own := iso_day(date):
        return EventWhen(own[0], own[1], "text")
    if of_article := iso_day(published):
        return EventWhen(of_article[0], of_article[1], "published")
    return EventWhen(None, None, None)


def event_day(date: str | None, published: str | None) -> str | None:
    """The ISO day an event counts on (its date, else its article's): what the index's
    ``day`` column holds and the ``since`` filter compares."""
    return event_when(date, published).date


@dataclass(frozen=True, slots=True)
class Country:
    name: str  # pycountry's common name where it has one ("Syria", not "Syrian Arab Republic")
    alpha3: str
    numeric: int  # ACLED's ``iso``


@cache
def country(alpha2: str | None) -> Country | None:
    """The country of an ISO 3166-1 alpha-2 code, or None for none pycountry knows."""
    if not alpha2:
        return None
    import pycountry

    record = pycountry.countries.get(alpha_2=alpha2.upper())
    if record is None:
        return None
    name = getattr(record, "common_name", None) or record.name
    return Country(name, record.alpha_3, int(record.numeric))


# The gazetteers' kinds of place (``marsad.geo.candidate``, KB ``kind``) by ACLED precision.
_TOWN_KINDS = frozenset(
    {"city", "capital", "town", "place", "village", "camp", "neighbourhood", "border_crossing",
     "military_base", "prison", "dam", "oil_field", "airport", "fac", "facility"}
)  # fmt: skip
_REGION_KINDS = frozenset(
    {"admin1", "admin2", "governorate", "province", "district", "region", "admin_region",
     "autonomous_region", "loc", "river", "mountain"}
)  # fmt: skip


def geo_precision(kind: str | None) -> int | None:
    """ACLED's ``geo_precision`` of a place of this kind: 1 town, 2 region, 3 country."""
    if kind is None:
        return None
    if kind in _TOWN_KINDS:
        return 1
    if kind in _REGION_KINDS:
        return 2
    return 3 if kind == "country" else None


@dataclass(frozen=True, slots=True)
class ActorInfo:
    country: str | None  # ISO 3166-1 alpha-3, as POLECAT codes actors
    sector: str | None


@cache
def _sectors() -> dict[str, str]:
    data: dict[str, list[str]] = load_yaml("marsad.events", "sectors.yaml")
    return {kind: sector for sector, kinds in data.items() for kind in kinds}


def actor_info(entity_id: str | None) -> ActorInfo:
    """An actor's country and sector as its KB entry gives them; None for both when the
    actor is in no KB (a local id) or the entry does not say."""
    if not entity_id:
        return ActorInfo(None, None)
    from marsad.kb import default_kb

    entry = default_kb().get(entity_id)
    if entry is None:
        return ActorInfo(None, None)
    found = country(entry.country)
    return ActorInfo(found.alpha3 if found else None, _sectors().get(entry.kind or ""))


def place_kind(entity_id: str | None) -> str | None:
    """The KB's kind of a place: the precision of places geocoded before the geocoder
    recorded the kind of place it chose."""
    if not entity_id:
        return None
    from marsad.kb import default_kb

    entry = default_kb().get(entity_id)
    return (entry.kind or entry.type.lower()) if entry is not None else None
