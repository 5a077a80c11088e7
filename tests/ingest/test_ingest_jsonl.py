"""JSON Lines: one article per line with its hints, bad lines reported by file:line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from marsad.ids import article_id

AR_EN = pytest.mark.parametrize("seed", ["001", "000"], ids=["ar", "en"])


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


@AR_EN
def test_jsonl_fields_become_hints(
    read, tmp_path: Path, seed_texts: dict[str, str], seed: str
) -> None:
    text = seed_texts[seed]
    lang = "ar" if seed == "001" else "en"
    record = _line(
        text=text,
        url="https://hawarnews.com/a/1",
        title="T",
        published="2022-04-08",
        outlet="ANHA",
        byline="Reporter",
        lang=lang,
        fetched="2022-04-09T07:30:00Z",
        extra={"ignored": True},
    )
    path = tmp_path / "corpus.jsonl"
    path.write_text(record + "\n", encoding="utf-8")
    [article], errors = read(path)
    assert errors == []
    assert article.source == f"{path}#L1"
    assert (article.raw_text, article.format, article.encoding) == (text, "text", "utf-8")
    assert article.raw == text.encode("utf-8")
    assert article.url == "https://hawarnews.com/a/1"
    assert article.id == article_id(text, "https://hawarnews.com/a/1")
    h = article.hints
    assert (h.title, h.published, h.outlet, h.byline, h.lang, h.reference_date) == (
        "T",
        "2022-04-08",
        "ANHA",
        "Reporter",
        lang,
        "2022-04-09",
    )


@AR_EN
def test_jsonl_html_field_is_an_html_article(
    read, tmp_path: Path, seed_texts: dict[str, str], seed: str
) -> None:
    html = f"<html><body><p>{seed_texts[seed]}</p></body></html>"
    path = tmp_path / "pages.ndjson"
    path.write_text(_line(html=html, text="an extraction of it") + "\n", encoding="utf-8")
    [article], _ = read(path)
    assert (article.format, article.raw_text) == ("html", html)


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("{not json", "invalid JSON"),
        ('["a", "list"]', "expected a JSON object, got an array"),
        (_line(title="no body"), "no 'text' or 'html' field"),
        (_line(text="   "), "no 'text' or 'html' field"),
        (_line(text=42), "field 'text' must be a string, got a number"),
        (_line(text="نص", title=["x"]), "field 'title' must be a string, got an array"),
        (_line(text="Text", fetched="last Tuesday"), "field 'fetched' is not an ISO 8601"),
        ('"just a string"', "expected a JSON object, got a string"),
    ],
    ids=["syntax", "array", "no-body", "blank-body", "number", "title-type", "fetched", "string"],
)
def test_jsonl_bad_line_is_reported_and_the_rest_goes_on(
    read, tmp_path: Path, bad: str, reason: str
) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [_line(text="قال المسؤول إن الوضع خطير."), bad, "", _line(text="The official spoke.")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, [error] = read(path)
    assert [a.source for a in articles] == [f"{path}#L1", f"{path}#L4"]
    assert error.source == f"{path}:2"
    assert reason in error.reason


def test_jsonl_invalid_utf8_line_is_reported(read, tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n' + _line(text="an article").encode() + b"\n")
    articles, [error] = read(path)
    assert len(articles) == 1 and error.source == f"{path}:1" and "not UTF-8" in error.reason


def test_jsonl_byte_order_mark_on_the_first_line_is_accepted(read, tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _line(text="نص الخبر").encode("utf-8") + b"\n")
    [article], errors = read(path)
    assert errors == [] and article.raw_text == "نص الخبر"


def test_jsonl_line_over_the_limit_is_skipped_alone(read, tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = [_line(text="short one"), _line(text="x " * 2500), _line(text="one after")]
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline at the end either
    articles, [error] = read(path, max_bytes=1000)
    assert [a.raw_text for a in articles] == ["short one", "one after"]
    assert error.source == f"{path}:2" and "over the 1,000-byte limit" in error.reason


def test_jsonl_file_bigger_than_the_limit_is_streamed(read, tmp_path: Path) -> None:
    # The limit is per article: a corpus file may be far larger than any one article.
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(_line(text=f"Article {i} " * 20) + "\n" for i in range(200)))
    articles, errors = read(path, max_bytes=1000)
    assert len(articles) == 200 and errors == []


@AR_EN
def test_jsonl_gz_and_truncated_gz(
    read, tmp_path: Path, seed_texts: dict[str, str], seed: str
) -> None:
    lines = "".join(_line(text=f"{i}: {seed_texts[seed]}") + "\n" for i in range(300))
    data = gzip.compress(lines.encode("utf-8"))
    (tmp_path / "whole.jsonl.gz").write_bytes(data)
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    whole, errors = read(tmp_path / "whole.jsonl.gz")
    assert len(whole) == 300 and errors == []
    kept, [error] = read(tmp_path / "cut.jsonl.gz")
    assert 0 < len(kept) < 300
    assert [a.id for a in kept] == [a.id for a in whole[: len(kept)]]
    assert error.source == f"{tmp_path / 'cut.jsonl.gz'}:{len(kept) + 1}"
    assert "truncated or corrupt gzip" in error.reason


def test_jsonl_only_blank_lines_is_an_empty_file(read, tmp_path: Path) -> None:
    (tmp_path / "blank.jsonl").write_text("\n  \n\n", encoding="utf-8")
    _, [error] = read(tmp_path / "blank.jsonl")
    assert error.reason == "empty file"


def test_jsonl_sniffed_without_extension(read, tmp_path: Path) -> None:
    (tmp_path / "export").write_text(
        _line(text="an article") + "\n" + _line(text="the next") + "\n"
    )
    articles, _ = read(tmp_path / "export")
    assert [a.raw_text for a in articles] == ["an article", "the next"]


def test_jsonl_pretty_printed_json_file_is_reported(read, tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": "a"}, indent=2), encoding="utf-8")
    _, [error] = read(tmp_path / "one.json")
    assert "JSON Lines" in error.reason
