from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from functools import partial
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from api_server import MAX_UPLOAD, TOKEN, Server
from hostile_cases import load_cases

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _jsonl(lang: str, marker: str) -> bytes:
    text = {
        "ar": f"قال مسؤول في الإدارة الذاتية إن الوفد وصل إلى قامشلو يوم الأحد {marker}.",
        "en": f"An official of the Autonomous Administration said the delegation reached"
        f" Qamishli on Sunday {marker}.",
    }[lang]
    return (
        json.dumps({"text": text, "title": f"{marker} {lang}"}, ensure_ascii=False) + "\n"
    ).encode()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_api_ingest_files_with_token_then_searchable(ingest_server: Server, lang: str) -> None:
    c = ingest_server.client
    marker = f"zzmarker{lang}"
    r = c.post(
        "/api/ingest/files",
        headers=AUTH,
        files=[("files", (f"../../etc/{lang}.jsonl", _jsonl(lang, marker)))],
    )
    assert r.status_code == 200, r.text
    assert r.json()["new"] == 1
    hits = c.get("/api/search", params={"q": marker}).json()["hits"]
    assert len(hits) == 1 and hits[0]["lang"] == lang
    # the full pipeline ran: the place is linked, so the other script's name finds it
    other = {"ar": "Qamishli", "en": "قامشلو"}[lang]
    assert hits[0]["article_id"] in [
        h["article_id"]
        for h in c.get("/api/search", params={"q": other, "limit": 100}).json()["hits"]
    ]


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}]
)
def test_api_ingest_rejects_missing_or_wrong_token(
    ingest_server: Server, headers: dict[str, str]
) -> None:
    c = ingest_server.client
    before = c.get("/api/stats").json()["articles"]
    r = c.post(
        "/api/ingest/files", headers=headers, files=[("files", ("a.jsonl", _jsonl("en", "zzx")))]
    )
    assert r.status_code == 401
    assert "Bearer" in r.json()["error"]
    r = c.post("/api/ingest/feeds", headers=headers, json={"url": "http://127.0.0.1:9/feed"})
    assert r.status_code == 401
    assert c.get("/api/stats").json()["articles"] == before


@pytest.mark.parametrize("path", ["/api/ingest/files", "/api/ingest/feeds"])
def test_api_ingest_disabled_without_server_token(read_server: Server, path: str) -> None:
    r = read_server.client.post(path, headers=AUTH, json={"url": "http://127.0.0.1:9/"})
    assert r.status_code == 403
    assert "--token" in r.json()["error"] and "MARSAD_API_TOKEN" in r.json()["error"]


@pytest.mark.parametrize("declared", [True, False])
def test_api_ingest_oversize_upload_is_413(ingest_server: Server, declared: bool) -> None:
    c = ingest_server.client
    body = b"x" * (MAX_UPLOAD + 1024)
    if declared:
        r = c.post("/api/ingest/files", headers=AUTH, files=[("files", ("big.txt", body))])
    else:
        # streamed without a Content-Length: counted as it arrives
        def chunks():  # type: ignore[no-untyped-def]
            yield b'--b\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n\r\n'
            for i in range(0, len(body), 65536):
                yield body[i : i + 65536]
            yield b"\r\n--b--\r\n"

        r = c.post(
            "/api/ingest/files",
            headers={**AUTH, "Content-Type": "multipart/form-data; boundary=b"},
            content=chunks(),
        )
    assert r.status_code == 413
    assert "MiB" in r.json()["error"]


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/feed", "not a url", "", "http://"]
)
def test_api_ingest_feed_needs_http_url(ingest_server: Server, url: str) -> None:
    r = ingest_server.client.post("/api/ingest/feeds", headers=AUTH, json={"url": url})
    assert r.status_code == 422  # the schema's pattern
    assert "url" in r.json()["error"] and "https?://" in r.json()["error"]


def test_api_ingest_feed_reports_unreachable(ingest_server: Server) -> None:
    r = ingest_server.client.post(
        "/api/ingest/feeds", headers=AUTH, json={"url": "http://127.0.0.1:9/feed.xml", "fast": True}
    )
    assert r.status_code == 200
    body = r.json()
    assert body["read"] == 0 and body["skipped"]


@pytest.fixture
def feed_url(tmp_path: Path) -> Iterator[str]:
    """A real feed on a loopback HTTP server: one Arabic and one English item, with their
    text in the feed (no page fetches)."""
    items = {
        "ar": "قال مسؤول في الإدارة الذاتية إن وفداً وصل إلى قامشلو zzfeedar. " * 6,
        "en": "An official said a delegation reached Qamishli on Sunday zzfeeden. " * 6,
    }
    body = "".join(
        f"<item><title>zzfeed{lang}</title><link>http://127.0.0.1:9/{lang}</link>"
        f"<content:encoded><![CDATA[<p>{escape(text)}</p>]]></content:encoded></item>"
        for lang, text in items.items()
    )
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>'
        f"{body}</channel></rss>",
        encoding="utf-8",
    )
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()
    thread.join()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_api_ingest_feed_url_then_searchable(
    ingest_server: Server, feed_url: str, lang: str
) -> None:
    c = ingest_server.client
    r = c.post("/api/ingest/feeds", headers=AUTH, json={"url": feed_url, "fast": True})
    assert r.status_code == 200, r.text
    assert r.json()["read"] == 2 and r.json()["new"] + r.json()["known"] == 2
    hits = c.get("/api/search", params={"q": f"zzfeed{lang}"}).json()["hits"]
    assert [h["lang"] for h in hits] == [lang]


def test_api_ingest_hostile_corpus_in_one_upload(ingest_server: Server) -> None:
    """Every file of tests/hostile in one request: 200, each bad record one skip, every
    good record stored, and no server path in what is stored or answered."""
    cases = load_cases()
    files = [("files", (c.file, c.path.read_bytes())) for c in cases]
    r = ingest_server.client.post(
        "/api/ingest/files", headers=AUTH, params={"fast": True}, files=files
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["read"] == sum(c.articles for c in cases)
    assert len(body["skipped"]) == sum(len(c.reasons) for c in cases)
    assert all(s["source"].startswith("upload:") for s in body["skipped"])
    listed = ingest_server.client.get("/api/articles", params={"limit": 100}).json()["items"]
    for item in listed:
        source = ingest_server.client.get(f"/api/articles/{item['id']}").json()["source"]
        assert "marsad-upload" not in source and not source.startswith("/tmp")


def test_api_events_default_to_real_ones(ingest_server: Server) -> None:
    """An ingested report that states a denied attack and a conditional threat: /api/events
    lists only the real shelling unless ``status`` asks for others."""
    c = ingest_server.client
    text = (
        "The Turkish army shelled the town of Kobani on Sunday, local officials said."
        " The Syrian Democratic Forces did not attack Turkish positions near the border."
        " If the talks fail, the government could impose sanctions on the SDF."
    )
    record = json.dumps({"text": text, "url": "https://example.org/kobani", "lang": "en"})
    r = c.post("/api/ingest/files", headers=AUTH, files=[("files", ("k.jsonl", record))])
    assert r.status_code == 200, r.text

    def rows(status: str | None) -> list[dict[str, object]]:
        found, offset = [], 0
        while True:
            params: dict[str, object] = {"limit": 100, "offset": offset}
            if status is not None:
                params["status"] = status
            body = c.get("/api/events", params=params)
            assert body.status_code == 200, body.text
            items = body.json()["items"]
            found += [e for e in items if e["source"] == "https://example.org/kobani"]
            if len(items) < 100:
                return found
            offset += 100

    assert [e["event_type"] for e in rows(None)] == ["ASSAULT"]  # the shelling alone
    assert rows(None)[0]["status"] == "real"
    assert [e["status"] for e in rows("negated")] == ["negated"]
    assert {e["status"] for e in rows("all")} >= {"negated", "hypothetical"}
    assert rows("") == rows(None)  # a blank form field is the default
    assert c.get("/api/events", params={"status": "maybe"}).status_code == 422
