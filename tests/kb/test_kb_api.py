"""The public API of marsad.kb is what __all__ says, so it cannot drift unnoticed."""

from __future__ import annotations

import marsad.kb

EXPECTED = {
    "ENTITY_TYPES",
    "KBEntry",
    "KnowledgeBase",
    "add_user_entry",
    "default_kb",
    "load_kb",
    "marsad_home",
    "normalise_name",
    "shipped_paths",
    "user_kb_dir",
}


def test_kb_api_exports_exactly_the_documented_names() -> None:
    assert set(marsad.kb.__all__) == EXPECTED
    assert all(hasattr(marsad.kb, name) for name in EXPECTED)


def test_kb_api_shipped_files_are_package_data() -> None:
    names = {p.name for p in marsad.kb.shipped_paths()}
    assert {"actors.yaml", "places.yaml", "facilities.yaml", "people.yaml"} <= names


def test_kb_default_is_one_shared_instance_for_every_stage() -> None:
    # The recogniser, the linker and the geocoder index the KB once per process.
    from marsad.entities.link import LinkStage
    from marsad.entities.recognize.recognizer import Recognizer
    from marsad.geo import Geocoder

    assert LinkStage().kb is marsad.kb.default_kb()
    assert Geocoder().kb is marsad.kb.default_kb()
    assert Recognizer(model=False).gazetteer.kb is marsad.kb.default_kb()
