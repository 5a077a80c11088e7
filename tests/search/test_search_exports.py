from __future__ import annotations

import marsad.search

EXPECTED = [
    "QueryEntity", "SearchHit", "SearchPage", "SearchQuery", "Segment", "Snippet", "Span",
    "search", "shadow_text", "tokenize", "word_key",
]  # fmt: skip


def test_search_exports_are_pinned() -> None:
    # The web UI and the API build on these names: changing them is a deliberate act.
    assert sorted(marsad.search.__all__) == sorted(EXPECTED)
    for name in EXPECTED:
        assert getattr(marsad.search, name) is not None
