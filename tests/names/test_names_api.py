"""The public API of marsad.names cannot drift unnoticed."""

from __future__ import annotations

import marsad.names

EXPECTED = {
    "MATCH_THRESHOLD",
    "NameKey",
    "Token",
    "best_match",
    "is_arabic",
    "key_similarity",
    "name_key",
    "normalize",
    "normalize_arabic",
    "normalize_latin",
    "romanize",
    "similarity",
    "tokenize",
}


def test_names_api_exports_exactly_the_public_names() -> None:
    assert set(marsad.names.__all__) == EXPECTED
    for name in EXPECTED:
        assert getattr(marsad.names, name) is not None


def test_names_api_key_similarity_equals_similarity() -> None:
    a, b = "Abdul Karim Omar", "عبد الكريم عمر"
    keyed = marsad.names.key_similarity(marsad.names.name_key(a), marsad.names.name_key(b))
    assert keyed == marsad.names.similarity(a, b)
