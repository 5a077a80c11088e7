from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from api_server import Server

from marsad.search import word_key


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("query", "seed"),
    [("الادارة", "003"), ("والادارة", "003"), ("مرتزقه", "003"), ("delegations", "000")],
)
def test_api_search_folds_spelling(
    read_server: Server, seed_ids: dict[str, str], query: str, seed: str
) -> None:
    r = read_server.client.get("/api/search", params={"q": query})
    assert r.status_code == 200
    assert seed_ids[seed] in [h["article_id"] for h in r.json()["hits"]]


@pytest.mark.parametrize(("query", "lang"), [("Qamishli", "ar"), ("قامشلو", "en")])
def test_api_search_is_entity_aware(
    read_server: Server, seed_ids: dict[str, str], query: str, lang: str
) -> None:
    r = read_server.client.get("/api/search", params={"q": query, "lang": lang})
    page = r.json()
    assert seed_ids["001" if lang == "ar" else "000"] in [h["article_id"] for h in page["hits"]]
    assert page["entities"][0]["entity_id"] == "marsad:place/qamishli"


@pytest.mark.parametrize("query", ["الإدارة الذاتية", "ISIS mercenaries"])
def test_api_search_snippet_offsets_index_the_article_text(read_server: Server, query: str) -> None:
    page = read_server.client.get("/api/search", params={"q": query, "limit": 5}).json()
    assert page["hits"]
    for hit in page["hits"]:
        text = read_server.client.get(f"/api/articles/{hit['article_id']}").json()["text"]
        snip = hit["snippet"]
        assert "".join(s["text"] for s in snip["segments"]) == text[snip["start"] : snip["end"]]
        for h in snip["highlights"]:
            marked = text[h["start"] : h["end"]]
            assert (marked and any(word_key(w) in page["terms"] for w in marked.split())) or hit[
                "matched_entities"
            ]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_api_articles_filter_and_page(read_server: Server, lang: str) -> None:
    c = read_server.client
    everything = c.get("/api/articles", params={"lang": lang, "limit": 100}).json()
    assert everything["total"] == len(everything["items"]) >= 2
    assert {a["lang"] for a in everything["items"]} == {lang}
    first = c.get("/api/articles", params={"lang": lang, "limit": 1}).json()
    second = c.get("/api/articles", params={"lang": lang, "limit": 1, "offset": 1}).json()
    assert [a["id"] for a in first["items"] + second["items"]] == [
        a["id"] for a in everything["items"][:2]
    ]


@pytest.mark.parametrize("seed", ["001", "002"])
def test_api_article_is_the_export_record(
    read_server: Server, seed_ids: dict[str, str], seed: str
) -> None:
    record = read_server.client.get(f"/api/articles/{seed_ids[seed][:8]}").json()
    assert record["id"] == seed_ids[seed]
    assert {"text", "sentences", "mentions", "quotes", "events", "dates"} <= set(record)
    for m in record["mentions"]:
        assert record["text"][m["start"] : m["end"]] == m["text"]


@pytest.mark.parametrize(
    ("query", "expected"), [("قامشلو", "marsad:place/qamishli"), ("ISIS", "marsad:org/isis")]
)
def test_api_entities_list_and_page(read_server: Server, query: str, expected: str) -> None:
    c = read_server.client
    listed = c.get("/api/entities", params={"q": query}).json()["items"]
    assert expected in [e["id"] for e in listed]
    page = c.get(f"/api/entities/{expected}").json()
    assert page["entity"]["id"] == expected
    assert page["mentions"] and page["titles"]


def test_api_entity_mentions_are_paged_by_article(read_server: Server) -> None:
    c = read_server.client
    whole = c.get("/api/entities/marsad:org/isis").json()
    assert whole["articles"] >= 3 and len(whole["mentions"]) == whole["articles"]
    pages = [
        c.get("/api/entities/marsad:org/isis", params={"limit": 1, "offset": i}).json()
        for i in range(whole["articles"])
    ]
    assert [list(p["mentions"]) for p in pages] == [[a] for a in whole["mentions"]]
    assert all(list(p["titles"]) == list(p["mentions"]) for p in pages)


@pytest.mark.parametrize("event_type", ["CONSULT", "ASSAULT"])
def test_api_events_filter_by_type(read_server: Server, event_type: str) -> None:
    body = read_server.client.get("/api/events", params={"type": event_type, "limit": 100}).json()
    assert body["total"] >= 1
    assert {e["event_type"] for e in body["items"]} == {event_type}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_api_quotes_by_language(read_server: Server, lang: str) -> None:
    body = read_server.client.get("/api/quotes", params={"lang": lang, "limit": 5}).json()
    assert body["total"] >= 1
    assert {q["lang"] for q in body["items"]} == {lang}


def test_api_stats_and_openapi(read_server: Server) -> None:
    c = read_server.client
    stats = c.get("/api/stats").json()
    assert stats["articles"] == 5 and stats["by_lang"] == {"en": 3, "ar": 2}
    schema = c.get("/api/openapi.json").json()
    paths = ["/api/articles", "/api/search", "/api/entities", "/api/events", "/api/quotes",
             "/api/stats", "/api/stories", "/api/ingest/files", "/api/ingest/feeds"]  # fmt: skip
    for path in paths:
        assert path in schema["paths"], path
    assert c.get("/api/docs").status_code == 200


def test_api_stories_list_and_page(read_server: Server) -> None:
    c = read_server.client
    listed = c.get("/api/stories").json()["items"]
    assert listed, "the seeds make stories"
    story = c.get(f"/api/stories/{listed[0]['id']}").json()
    assert story["story"]["id"] == listed[0]["id"]
    assert all(a["why"] for a in story["story"]["articles"])


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/api/articles/nope", 404, "GET /api/articles"),
        ("/api/entities/Q0", 404, "GET /api/entities"),
        ("/api/stories/s-nope", 404, "GET /api/stories"),
        ("/api/search?since=yesterday", 400, "ISO date"),
        ("/api/search?limit=5000", 422, "limit"),
        ("/api/articles?offset=-1", 422, "offset"),
        ("/api/quotes?offset=9223372036854775808", 422, "offset"),
        ("/api/events?since=garbage", 400, "ISO date"),
        ("/api/stories?since=20220408", 400, "ISO date"),
        ("/api/events?type=NOPE", 422, "must be one of"),
        ("/api/entities?type=XYZ", 422, "must be one of"),
        ("/api/nowhere", 404, "/api/docs"),
    ],
)
def test_api_errors_are_json_that_say_what_to_do(
    read_server: Server, path: str, status: int, says: str
) -> None:
    r = read_server.client.get(path)
    assert r.status_code == status
    assert says in r.json()["error"]


@pytest.mark.parametrize(
    "query",
    ["' OR 1=1 --", '"', "NEAR(", "*", "ISIS*", "'); DROP TABLE articles; --", "title:x", "\\"],
)
def test_api_search_injection_looking_queries_are_plain_words(
    read_server: Server, query: str
) -> None:
    for params in ({"q": query}, {"q": "ISIS", "outlet": query}, {"q": "", "place": query}):
        r = read_server.client.get("/api/search", params=params)
        assert r.status_code == 200, r.text
    assert read_server.client.get("/api/stats").json()["articles"] == 5


def test_api_read_endpoints_never_change_the_store(
    read_server: Server, seed_ids: dict[str, str]
) -> None:
    c = read_server.client
    before = _dump(read_server.db)
    story_ids = [s["id"] for s in c.get("/api/stories").json()["items"]]
    paths = [
        "/api/stats", "/api/articles", "/api/articles?lang=ar&since=2022-01-01",
        "/api/search?q=Qamishli", "/api/search?q=الادارة&type=CONSULT", "/api/search?q=",
        "/api/entities", "/api/entities?q=قامشلو", "/api/entities/marsad:place/qamishli",
        "/api/events", "/api/events?type=ASSAULT", "/api/quotes", "/api/stories",
        "/api/openapi.json", "/api/docs",
        *(f"/api/articles/{i}" for i in seed_ids.values()),
        *(f"/api/stories/{i}" for i in story_ids),
    ]  # fmt: skip
    for path in paths:
        assert c.get(path).status_code == 200, path
    assert _dump(read_server.db) == before


def test_api_blank_optional_parameters_mean_not_given(read_server: Server) -> None:
    c = read_server.client
    for path in ("/api/articles", "/api/events", "/api/search", "/api/stories"):
        plain = c.get(path).json()
        blank = c.get(path, params={"since": "", "lang": "", "type": ""})
        assert blank.status_code == 200, blank.text
        assert blank.json() == plain


def test_api_entities_page_with_the_true_total(read_server: Server) -> None:
    c = read_server.client
    everything = c.get("/api/entities", params={"limit": 100}).json()
    first = c.get("/api/entities", params={"limit": 3}).json()
    second = c.get("/api/entities", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] == len(everything["items"]) > 6
    ids = [e["id"] for e in everything["items"]]
    assert [e["id"] for e in first["items"] + second["items"]] == ids[:6]


def test_api_wrong_method_is_405_with_allow(read_server: Server) -> None:
    r = read_server.client.delete("/api/stats")
    assert r.status_code == 405 and r.headers["allow"] == "GET"


def test_api_docs_load_nothing_from_the_internet(read_server: Server) -> None:
    c = read_server.client
    for page in ("/api/docs", "/api/redoc"):
        html = c.get(page).text
        assets = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert assets and all(a.startswith("/api/") for a in assets), assets
        assert "http://" not in html and "https://" not in html
        for asset in assets:
            assert c.get(asset).status_code == 200
    schema = c.get("/api/openapi.json").json()
    for path, methods in schema["paths"].items():
        for op in methods.values():
            assert "500" in op["responses"], path
            declared = op["responses"].get("422", {}).get("content", {})
            if declared:
                ref = declared["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorBody"), path
