"""Files and folders: kinds by name and by content, the walk's order, and every way a
file can be unreadable."""

from __future__ import annotations

import gzip
import os
import shutil
import tracemalloc
from pathlib import Path

import pytest

from marsad.errors import DecodeError, InputError
from marsad.ids import article_id
from marsad.ingest import ReadOptions, iter_inputs

AR_EN = pytest.mark.parametrize("seed", ["001", "000"], ids=["ar", "en"])

# The seed corpus as first read: a change here changes every stored article's id.
SEED_IDS = {
    "000": "2548a2402b0e3e86",
    "001": "1964efc94592bc88",
    "002": "da3afdc163694db3",
    "003": "54d104b87be9565b",
    "004": "6fd1c83aa510b61f",
}


def _seed_folder(seed_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in sorted(seed_dir.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def test_files_seed_folder_gives_five_articles_with_stable_ids(
    read, seed_dir: Path, tmp_path: Path
) -> None:
    articles, errors = read(seed_dir)  # the packaged folder, README.md included
    assert errors == []
    assert {a.id for a in articles} == set(SEED_IDS.values())
    # The same bytes elsewhere, read again: the same ids, in the same order.
    again, _ = read(_seed_folder(seed_dir, tmp_path))
    assert [a.id for a in again] == [a.id for a in articles]
    for article in articles:
        name = Path(article.source).name
        assert article.id == SEED_IDS[name[:3]]
        assert article.source == os.path.join(str(seed_dir), name)
        assert (article.format, article.encoding, article.url) == ("text", "utf-8", None)
        assert article.raw == (seed_dir / name).read_bytes()
        assert article.raw_text == article.raw.decode("utf-8")


def test_files_walk_is_recursive_sorted_and_skips_hidden(read, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for rel in [
        "b.txt",
        "a/z.txt",
        "a/b/c.txt",
        "a.txt",
        ".hidden.txt",
        ".git/x.txt",
        "README.md",
        "notes.md",
        "__init__.py",
        "scraper/run.sh",
    ]:
        path = corpus / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Article {rel} text", encoding="utf-8")
    given = str(corpus) + os.sep  # as a user might type it
    articles, errors = read(given)
    assert errors == []
    assert [a.source for a in articles] == [
        os.path.join(given, rel) for rel in ["a/b/c.txt", "a/z.txt", "a.txt", "b.txt", "notes.md"]
    ]


def test_files_folder_symlink_loop_is_read_once(read, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "one.txt").write_text("one article", encoding="utf-8")
    os.symlink(corpus, corpus / "sub" / "loop")
    articles, errors = read(corpus)
    assert [Path(a.source).name for a in articles] == ["one.txt"] and errors == []


def test_files_named_file_is_read_even_if_hidden_or_readme(read, tmp_path: Path) -> None:
    for name in (".draft.txt", "README.md"):
        (tmp_path / name).write_text("Headline\n\nBody text.", encoding="utf-8")
    articles, _ = read(tmp_path / ".draft.txt", tmp_path / "README.md")
    assert len(articles) == 2


@AR_EN
@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.txt", "text"), ("a.text", "text"), ("a.md", "text"), ("a", "text"), ("a.dat", "text")],
)
def test_files_text_kinds(
    read, tmp_path: Path, seed_texts: dict[str, str], seed: str, name: str, fmt: str
) -> None:
    (tmp_path / name).write_text(seed_texts[seed], encoding="utf-8")
    [article], errors = read(tmp_path / name)
    assert errors == [] and article.format == fmt and article.raw_text == seed_texts[seed]


@AR_EN
@pytest.mark.parametrize("name", ["page.html", "page.htm", "page", "page.xml"])
def test_files_html_by_name_or_sniffed(
    read, tmp_path: Path, seed_texts: dict[str, str], seed: str, name: str
) -> None:
    html = f"<!DOCTYPE html>\n<html><body><p>{seed_texts[seed]}</p></body></html>"
    (tmp_path / name).write_text(html, encoding="utf-8")
    [article], errors = read(tmp_path / name)
    assert errors == [] and article.format == "html" and article.raw_text == html


@AR_EN
def test_files_malformed_html_is_still_an_article(
    read, tmp_path: Path, seed_texts: dict[str, str], seed: str
) -> None:
    broken = f"<html><body><div><p>{seed_texts[seed][:300]}<span></div></tr><p unclosed"
    (tmp_path / "broken.html").write_text(broken, encoding="utf-8")
    [article], errors = read(tmp_path / "broken.html")
    assert errors == [] and article.raw_text == broken and article.format == "html"


def test_files_html_canonical_url_becomes_the_url(read, tmp_path: Path) -> None:
    page = (
        '<html><head><link rel="canonical" href="https://hawarnews.com/ar/1234">'
        "</head><body>نص الخبر</body></html>"
    )
    (tmp_path / "saved.html").write_text(page, encoding="utf-8")
    [article], _ = read(tmp_path / "saved.html")
    assert article.url == "https://hawarnews.com/ar/1234"
    assert article.id == article_id(page, "https://hawarnews.com/ar/1234")


@AR_EN
def test_files_gzipped_text_and_html(
    read, tmp_path: Path, seed_texts: dict[str, str], seed: str
) -> None:
    text = seed_texts[seed]
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(text.encode("utf-8")))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(f"<html>{text}</html>".encode()))
    articles, errors = read(tmp_path)
    assert errors == []
    assert [(a.format, a.raw_text) for a in articles] == [
        ("text", text),
        ("html", f"<html>{text}</html>"),
    ]


@AR_EN
def test_files_windows_1256_and_utf16_files_decode(
    read, tmp_path: Path, seed_texts: dict[str, str], seed: str
) -> None:
    text = seed_texts[seed]
    legacy = "cp1256" if seed == "001" else "cp1252"
    (tmp_path / "legacy.txt").write_bytes(text.encode(legacy))
    (tmp_path / "wide.txt").write_bytes(text.encode("utf-16"))  # with its BOM
    articles, errors = read(tmp_path)
    assert errors == []
    assert [(a.encoding, a.raw_text) for a in articles] == [(legacy, text), ("utf-16", text)]
    # One text, one id, whatever the bytes were.
    assert articles[0].id == articles[1].id == article_id(text)


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  ", "\u3000\n".encode()])
def test_files_empty_file_is_reported(read, tmp_path: Path, content: bytes) -> None:
    (tmp_path / "empty.txt").write_bytes(content)
    articles, [error] = read(tmp_path / "empty.txt")
    assert articles == [] and error.reason == "empty file"
    assert error.source == str(tmp_path / "empty.txt")


@pytest.mark.parametrize("name", ["photo.txt", "photo.png", "photo.jsonl", "photo.warc"])
def test_files_binary_file_is_reported_once(read, tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    articles, [error] = read(tmp_path / name)
    assert articles == [] and isinstance(error, DecodeError)
    assert error.reason == "binary file (PNG image), not an article"


def test_files_undecodable_bytes_are_a_decode_error(read, tmp_path: Path) -> None:
    (tmp_path / "garbage.txt").write_bytes(bytes(range(0x80, 0x100)) * 20)
    _, [error] = read(tmp_path / "garbage.txt")
    assert isinstance(error, DecodeError) and "no encoding fits" in error.reason


def test_files_missing_and_not_a_directory(read, tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("a short text", encoding="utf-8")
    missing, below_file = str(tmp_path / "missing.txt"), str(tmp_path / "file.txt" / "child")
    articles, errors = read(missing, below_file, tmp_path / "file.txt")
    assert len(articles) == 1
    assert [(e.source, e.reason) for e in errors] == [
        (missing, "no such file or directory"),
        (below_file, "not a directory (a part of the path is a file)"),
    ]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_files_permission_denied_is_reported(read, tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    try:
        _, [error] = read(locked)
    finally:
        locked.chmod(0o600)
    assert error.reason == "permission denied"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_files_fifo_is_not_read(read, tmp_path: Path) -> None:
    # Opening a FIFO would block the whole ingest until someone writes to it.
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "a.txt").write_text("an article", encoding="utf-8")
    articles, [error] = read(tmp_path)
    assert len(articles) == 1 and error.reason == "not a regular file"


def test_files_50_mb_file_is_reported_without_being_loaded(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: instant, and no disk used
    tracemalloc.start()
    try:
        [error] = list(iter_inputs([str(big)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, InputError) and not isinstance(error, DecodeError)
    assert "52,428,800 bytes, over the 10,000,000-byte limit" in error.reason
    assert "--max-bytes" in error.reason
    assert peak < 1_000_000  # bytes: the file was never read


def test_files_gzip_over_the_limit_stops_reading_early(tmp_path: Path) -> None:
    # 20 MB of text compresses to a few KB: only decompressing tells, and only up to the limit.
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"word " * 4_000_000))
    tracemalloc.start()
    try:
        [error] = list(iter_inputs([str(tmp_path / "bomb.txt.gz")], ReadOptions(max_bytes=100_000)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "more than 100,000 bytes, over the 100,000-byte limit" in error.reason
    assert peak < 2_000_000


def test_files_truncated_gzip_text_is_reported(read, tmp_path: Path) -> None:
    data = gzip.compress(("نص عربي طويل " * 2000).encode("utf-8"))
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    _, [error] = read(tmp_path / "cut.txt.gz")
    assert "truncated or corrupt gzip" in error.reason


def test_files_xml_that_is_no_feed_is_reported(read, tmp_path: Path) -> None:
    sitemap = '<?xml version="1.0"?>\n<urlset><url><loc>https://x.org/a</loc></url></urlset>'
    (tmp_path / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    _, [error] = read(tmp_path / "sitemap.xml")
    assert "neither an RSS/Atom feed nor a web page" in error.reason


def test_files_bad_inputs_do_not_stop_the_rest(read, tmp_path: Path) -> None:
    (tmp_path / "1-empty.txt").write_bytes(b"")
    (tmp_path / "2-image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "3-good.txt").write_text("Headline\n\nA body.", encoding="utf-8")
    articles, errors = read(tmp_path, tmp_path / "nope")
    assert [Path(a.source).name for a in articles] == ["3-good.txt"]
    assert [Path(e.source).name for e in errors] == ["1-empty.txt", "2-image.txt", "nope"]
