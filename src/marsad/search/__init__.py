"""Full-text search over Arabic and English articles, entity-aware.

    >>> from marsad.search import SearchQuery, search
    >>> page = search(store, SearchQuery("الادارة الذاتية", lang="ar"))  # doctest: +SKIP

The index (``search_fts``, kept by the store in the same transaction as each article)
holds a normalised shadow of every article (:mod:`marsad.search.tokens`); queries are
planned here (:mod:`marsad.search.query`) and run by the store.
"""

from marsad.search.model import (
    QueryEntity,
    SearchHit,
    SearchPage,
    SearchQuery,
    Segment,
    Snippet,
    Span,
)
from marsad.search.query import search
from marsad.search.tokens import shadow_text, tokenize, word_key

__all__ = [
    "QueryEntity",
    "SearchHit",
    "SearchPage",
    "SearchQuery",
    "Segment",
    "Snippet",
    "Span",
    "search",
    "shadow_text",
    "tokenize",
    "word_key",
]
