from __future__ import annotations

import pytest

from marsad.kb import default_kb
from marsad.search import SearchQuery, search, shadow_text, word_key
from marsad.store import SQLiteStore


def _ids(store: SQLiteStore, **kwargs: object) -> list[str]:
    return [h.article_id for h in search(store, SearchQuery(**kwargs)).hits]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "seed"),
    [
        ("الادارة", "003"),  # bare alef finds الإدارة
        ("والادارة", "003"),  # a clitic in the query is folded too
        ("الإدارة", "001"),
        ("ادارة", "003"),  # no article
        ("والاحداث", "001"),  # the page writes الأحداث
        ("مرتزقه", "003"),  # ta marbuta written as ha
        ("Delegations", "000"),  # English plural and case
        ("turkey's", "004"),
    ],
)
def test_search_query_finds_spelling_variants(
    seed_store: SQLiteStore, seed_ids: dict[str, str], query: str, seed: str
) -> None:
    assert seed_ids[seed] in _ids(seed_store, text=query)


@pytest.mark.parametrize(
    ("query", "lang"),
    [("Qamishli", "ar"), ("Qamishlo", "ar"), ("قامشلو", "en"), ("القامشلي", "en")],
)
def test_search_query_entity_names_match_across_scripts(
    seed_store: SQLiteStore, seed_ids: dict[str, str], query: str, lang: str
) -> None:
    page = search(seed_store, SearchQuery(query, lang=lang))
    # 001 (Arabic) only says قامشلو; 000 (English) only says Qamishlo
    assert seed_ids["001" if lang == "ar" else "000"] in [h.article_id for h in page.hits]
    assert [e.entity_id for e in page.entities] == ["marsad:place/qamishli"]
    hit = page.hits[0]
    assert hit.matched_entities == ["marsad:place/qamishli"]
    article = seed_store.get(hit.article_id)
    assert article is not None
    marked = {article.text[s.start : s.end] for s in hit.snippet.highlights}
    assert marked & {"قامشلو", "Qamishlo"}


@pytest.mark.parametrize("query", ["الادارة الذاتية", "ISIS mercenaries", "al-Hol", "deleg*"])
def test_search_query_snippet_offsets_point_at_matches(seed_store: SQLiteStore, query: str) -> None:
    page = search(seed_store, SearchQuery(query))
    assert page.hits
    for hit in page.hits:
        article = seed_store.get(hit.article_id)
        assert article is not None
        snip = hit.snippet
        assert "".join(s.text for s in snip.segments) == article.text[snip.start : snip.end]
        assert [s.text for s in snip.segments if s.hit] == [
            article.text[h.start : h.end] for h in snip.highlights
        ]
        mentioned = {
            (m.start, m.end) for m in article.mentions if m.entity_id in hit.matched_entities
        }
        named = {
            shadow_text(n)
            for e in page.entities
            if (entry := default_kb().get(e.entity_id))
            for ns in entry.names.values()
            for n in ns
        }
        for h in snip.highlights:
            marked = article.text[h.start : h.end]
            keys = {word_key(w) for w in marked.replace("-", " ").split()}
            by_words = any(k.startswith(t) for k in keys for t in page.terms)
            # merged spans: a name of the entity, or its mention, inside the highlight
            by_name = any(n in shadow_text(marked) for n in named)
            by_mention = any(h.start <= s and e <= h.end for s, e in mentioned)
            assert by_words or by_name or by_mention, marked
        for span in hit.title_highlights:
            assert hit.title is not None and word_key(hit.title[span.start : span.end])


def test_search_query_phrase_needs_words_in_order(seed_store: SQLiteStore) -> None:
    assert _ids(seed_store, text='"External Relations"')
    assert not _ids(seed_store, text='"Relations External"')


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_search_query_language_filter(seed_store: SQLiteStore, lang: str) -> None:
    page = search(seed_store, SearchQuery("", lang=lang))
    assert page.total == sum(1 for a in seed_store.iter_articles() if a.lang == lang)
    assert {h.lang for h in page.hits} == {lang}
    assert page.facets["lang"] == {lang: page.total}


@pytest.mark.parametrize(("since", "until"), [("2022-04-08", None), (None, "2022-04-07")])
def test_search_query_date_filter(
    seed_store: SQLiteStore, since: str | None, until: str | None
) -> None:
    expected = {
        a.id
        for a in seed_store.iter_articles()
        if a.published
        and (since is None or a.published[:10] >= since)
        and (until is None or a.published[:10] <= until)
    }
    assert set(_ids(seed_store, since=since, until=until)) == expected


@pytest.mark.parametrize("query", ["", "سوريا", "Syria"])
def test_search_query_event_type_filter(seed_store: SQLiteStore, query: str) -> None:
    articles = list(seed_store.iter_articles())
    types = sorted({e.type for a in articles for e in a.events})
    assert types, "the seeds have events"
    for event_type in types:
        got = set(_ids(seed_store, text=query, event_type=event_type))
        everything = set(_ids(seed_store, text=query))
        expected = {a.id for a in articles if any(e.type == event_type for e in a.events)}
        assert got == expected & everything


@pytest.mark.parametrize(
    ("entity", "lang"), [("marsad:place/qamishli", None), ("قامشلو", "en"), ("Qamishli", "ar")]
)
def test_search_query_entity_and_place_filters(
    seed_store: SQLiteStore, entity: str, lang: str | None
) -> None:
    expected = {
        a.id
        for a in seed_store.iter_articles()
        if any(m.entity_id == "marsad:place/qamishli" for m in a.mentions)
        and (lang is None or a.lang == lang)
    }
    assert expected
    assert set(_ids(seed_store, entity=entity, lang=lang)) == expected
    assert set(_ids(seed_store, place=entity, lang=lang)) >= expected


@pytest.mark.parametrize("outlet", ["North Press", "north press", "ANHA"])
def test_search_query_outlet_filter(seed_store: SQLiteStore, outlet: str) -> None:
    expected = {
        a.id for a in seed_store.iter_articles() if (a.outlet or "").lower() == outlet.lower()
    }
    assert expected
    assert set(_ids(seed_store, outlet=outlet)) == expected


@pytest.mark.parametrize("query", ["", "ISIS", "داعش"])
def test_search_query_pages_do_not_overlap(seed_store: SQLiteStore, query: str) -> None:
    first = search(seed_store, SearchQuery(query, limit=2))
    second = search(seed_store, SearchQuery(query, limit=2, offset=2))
    everything = search(seed_store, SearchQuery(query, limit=100))
    assert first.total == second.total == everything.total >= 3
    ids = [h.article_id for h in first.hits + second.hits]
    assert ids == [h.article_id for h in everything.hits][:4]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize(
    "query",
    [
        "' OR 1=1 --",
        '"',
        '"unclosed phrase',
        "NEAR(ISIS",
        "ISIS*",
        "*",
        "AND OR NOT",
        "title:ISIS",
        "^داعش",
        "'); DROP TABLE articles; --",
        "\x00",
        "قامشلو' OR '1'='1",
        "ISIS داعش " * 400,  # long queries are cut, not run whole
    ],
)
def test_search_query_operators_are_words_not_syntax(seed_store: SQLiteStore, query: str) -> None:
    page = search(seed_store, SearchQuery(query))
    assert page.total >= 0
    assert seed_store.stats().articles == 5


@pytest.mark.parametrize(
    "kwargs", [{"since": "yesterday"}, {"until": "2022-13-01"}, {"limit": 0}, {"offset": -1}]
)
def test_search_query_rejects_bad_filters(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"ISO date|limit|offset"):
        SearchQuery(**kwargs)  # type: ignore[arg-type]
