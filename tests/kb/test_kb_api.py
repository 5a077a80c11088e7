"""The public API of marsad.kb is what __all__ says, so it cannot drift unnoticed."""

from __future__ import annotations

import marsad.kb

EXPECTED = {
    "ENTITY_TYPES",
    "KBEntry",
    "KnowledgeBase",
    "add_user_entry",
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
