"""Placing the place mentions of one article, each read in the light of the others.

1. A mention the linker tied to a KB place takes the KB's point (``source`` "kb").
2. What is certain makes the first context: linked places, the dateline, and the
   demonyms among the NORP mentions ("Turkish", "سوري").
3. Every other name is read in that context, and votes for each of its readings by how
   likely that reading is (times how often the article repeats the name): a name with
   one reading votes fully for it, "Springfield" spreads its vote thin. The votes make
   the next context; the names are read again in it, each without its own vote. A few
   rounds (``ROUNDS``) let names that only make sense together (two small towns of one
   county) find each other.

A name gets one reading per article (one sense per discourse): "Tripoli" twice is one
place.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from marsad.geo.candidate import Candidate
from marsad.geo.context import GeoContext
from marsad.geo.geocoder import Geocoder
from marsad.geo.names import name_key
from marsad.geo.rank import choose, ranked
from marsad.types import Article, Geo, Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
CONTEXT_LABELS = frozenset({"NORP"})
ROUNDS = 3
# Readings less likely than this cast no vote: they would only add noise and work.
_MIN_SHARE = 0.1
# A dateline names where the report was filed: as good as a linked place.
_DATELINE_WEIGHT = 1.0


@dataclass(slots=True)
class _Name:
    """The mentions of an article that share one surface key."""

    surface: str
    mentions: list[Mention]
    linked: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()
    dateline: Candidate | None = None  # the name is the dateline's: its reading


def locate(article: Article, geocoder: Geocoder) -> None:
    """Fill ``geo`` of the article's GPE, LOC and FAC mentions (None where no gazetteer
    knows the name)."""
    names = _group(article)
    if not names:
        return
    certain = GeoContext()
    for key, name in names.items():
        name.linked = _linked(name, geocoder)
        if name.linked is not None:
            linked = _geo(name.linked, "kb")
            certain.add(linked, len(name.mentions), point=_point(name.linked), key=key)
        else:
            name.candidates = tuple(geocoder.candidates(name.surface))
    dateline = _add_dateline(article, geocoder, certain)
    if dateline is not None and article.dateline_place:
        filed_at = name_key(article.dateline_place)
        for name in names.values():
            if name.linked is None and name_key(name.surface) == filed_at:
                name.dateline = dateline
    _add_demonyms(article, geocoder, certain)

    context = certain
    for _ in range(ROUNDS):
        context = _vote(names, certain, context, geocoder)

    for key, name in names.items():
        placed: Geo | None = None
        if name.linked is not None:
            placed = _geo(name.linked, "kb")
        elif name.dateline is not None:
            placed = name.dateline.geo()
        else:
            chosen = choose(name.candidates, context.view(exclude=key), geocoder.weights)
            placed = chosen.geo if chosen is not None else None
        for mention in name.mentions:
            mention.geo = placed


def _vote(
    names: dict[str, _Name], certain: GeoContext, context: GeoContext, geocoder: Geocoder
) -> GeoContext:
    """The next context: the certain evidence and every name's votes in ``context``."""
    voted = GeoContext(list(certain.evidence))
    for key, name in names.items():
        if name.linked is not None or name.dateline is not None or not name.candidates:
            continue
        view = context.view(exclude=key)
        for scored, share in ranked(name.candidates, view, geocoder.weights):
            if share < _MIN_SHARE:
                break
            candidate = scored.candidate
            voted.add(candidate.geo(), share * len(name.mentions), point=_point(candidate), key=key)
    return voted


def _geo(candidate: Candidate, source: str) -> Geo:
    return candidate.geo(source)


def _point(candidate: Candidate) -> bool:
    return not candidate.is_area


def _group(article: Article) -> dict[str, _Name]:
    names: dict[str, _Name] = {}
    for mention in article.mentions:
        if mention.label not in PLACE_LABELS:
            continue
        surface = article.text[mention.start : mention.end]
        key = name_key(surface)
        if not key:
            mention.geo = None
            continue
        # Mentions linked to different KB entries stay apart even when spelled alike.
        group = f"{key}\x00{mention.entity_id or ''}"
        if group not in names:
            names[group] = _Name(surface, [])
        names[group].mentions.append(mention)
    return names


def _linked(name: _Name, geocoder: Geocoder) -> Candidate | None:
    entity_id = name.mentions[0].entity_id
    return geocoder.kb_candidate(entity_id) if entity_id else None


def _add_dateline(article: Article, geocoder: Geocoder, context: GeoContext) -> Candidate | None:
    """The place the dateline names, added to the context. A report is filed from a town:
    "WASHINGTON (AP) —" is the capital, not the state, so a reading that is a point wins
    over areas of the same name; context and size choose among the points. A town known
    only by an alternate name ("واشنطن" of small Washingtons in Utah) is no such reading:
    then every candidate competes, as for any name."""
    if not article.dateline_place:
        return None
    candidates = geocoder.candidates(article.dateline_place)
    towns = [c for c in candidates if not c.is_area and not c.alias]
    found = choose(towns or candidates, context.view(), geocoder.weights)
    if found is None:
        return None
    context.add(found.geo, _DATELINE_WEIGHT, point=_point(found.candidate), key="\x00dateline")
    return found.candidate


def _add_demonyms(article: Article, geocoder: Geocoder, context: GeoContext) -> None:
    """NORP mentions that are demonyms vote for their country; peoples without a country
    (Kurds, Arabs) find none and are left out."""
    votes: dict[str, float] = defaultdict(float)
    countries: dict[str, Candidate] = {}
    for mention in article.mentions:
        if mention.label not in CONTEXT_LABELS:
            continue
        for candidate in geocoder.candidates(article.text[mention.start : mention.end]):
            if candidate.demonym and candidate.country:
                votes[candidate.country] += 1.0
                countries[candidate.country] = candidate
                break
    for code, weight in votes.items():
        context.add(countries[code].geo(), weight, point=False, key=f"\x00norp:{code}")
