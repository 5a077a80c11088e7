"""The shipped knowledge base: size, required fields, ids, coordinates, name clashes."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from marsad.kb import KnowledgeBase, normalise_name, shipped_paths
from marsad.kb.parse import parse_kb_file

PLACE_TYPES = {"GPE", "LOC", "FAC"}


def test_kb_data_has_at_least_400_entries(shipped_kb: KnowledgeBase) -> None:
    assert len(shipped_kb) >= 400


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_kb_data_every_entry_is_named_in(shipped_kb: KnowledgeBase, lang: str) -> None:
    unnamed = [e.id for e in shipped_kb if not e.names.get(lang)]
    assert unnamed == []


@pytest.mark.parametrize(
    ("lang", "script"),
    [("en", re.compile(r"[A-Za-z]")), ("ar", re.compile("[\u0621-\u064a]"))],
)
def test_kb_data_names_are_in_their_script(shipped_kb: KnowledgeBase, lang: str, script) -> None:
    wrong = [(e.id, n) for e in shipped_kb for n in e.names.get(lang, ()) if not script.search(n)]
    assert wrong == []


def test_kb_data_ids_are_unique_across_files() -> None:
    ids = Counter(p.entry.id for path in shipped_paths() for p in parse_kb_file(path, strict=True))
    assert [i for i, n in ids.items() if n > 1] == []


def test_kb_data_ids_are_qids_or_marsad_ids(shipped_kb: KnowledgeBase) -> None:
    pattern = re.compile(r"^(Q[1-9][0-9]*|marsad:(place|facility|org|per)/[a-z0-9]+(-[a-z0-9]+)*)$")
    assert [e.id for e in shipped_kb if not pattern.match(e.id)] == []


def test_kb_data_has_qids_for_the_states_it_is_sure_of(shipped_kb: KnowledgeBase) -> None:
    # A handful read from Wikidata-derived data: a typo in one of these ids fails here.
    expected = {"Q858": "Syria", "Q43": "Turkey", "Q796": "Iraq", "Q3766": "Damascus"}
    assert {q: shipped_kb.get(q).label for q in expected if shipped_kb.get(q)} == expected


def test_kb_data_places_have_coordinates(shipped_kb: KnowledgeBase) -> None:
    assert [e.id for e in shipped_kb if e.type in PLACE_TYPES and not e.is_place] == []


def test_kb_data_places_lie_in_their_country(
    shipped_kb: KnowledgeBase, country_boxes: dict[str, tuple[float, float, float, float]]
) -> None:
    outside = []
    for e in shipped_kb:
        if not e.is_place or e.country is None:
            continue
        assert e.country in country_boxes, f"no test box for {e.country} ({e.id})"
        lat0, lat1, lon0, lon1 = country_boxes[e.country]
        assert e.lat is not None and e.lon is not None
        if not (lat0 <= e.lat <= lat1 and lon0 <= e.lon <= lon1):
            outside.append((e.id, e.lat, e.lon, e.country))
    assert outside == []


def test_kb_data_syrian_places_name_their_governorate(shipped_kb: KnowledgeBase) -> None:
    # Only the country, its governorates and its cross-governorate regions have none.
    exempt = {"country", "governorate", "region"}
    missing = [
        e.id
        for e in shipped_kb
        if e.country == "SY" and e.is_place and e.kind not in exempt and e.admin1 is None
    ]
    assert missing == []


def test_kb_data_has_all_fourteen_syrian_governorates(shipped_kb: KnowledgeBase) -> None:
    governorates = [e for e in shipped_kb if e.kind == "governorate" and e.country == "SY"]
    assert len(governorates) == 14


def test_kb_data_references_name_entries(shipped_kb: KnowledgeBase) -> None:
    dangling = [
        (e.id, ref)
        for e in shipped_kb
        for ref in (e.parent, e.admin1, *e.part_of)
        if ref is not None and ref not in shipped_kb
    ]
    assert dangling == []


def test_kb_data_no_unmarked_name_clash(shipped_kb: KnowledgeBase) -> None:
    clashes = {k: [e.id for e in v] for k, v in shipped_kb.unmarked_shared_names().items()}
    assert clashes == {}


def test_kb_data_ambiguous_marks_are_really_shared(shipped_kb: KnowledgeBase) -> None:
    shared = shipped_kb.shared_names()
    stale = [
        (e.id, name)
        for e in shipped_kb
        for name in e.ambiguous
        if len(shared.get(normalise_name(name), ())) < 2
    ]
    assert stale == []


def test_kb_data_every_entry_has_a_source(shipped_kb: KnowledgeBase) -> None:
    assert [e.id for e in shipped_kb if not e.source] == []
