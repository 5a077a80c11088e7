"""Bytes to text: byte-order marks, UTF-8, declared charsets, legacy Arabic and Western
code pages, and binary or undecodable input."""

from __future__ import annotations

import codecs
import random

import pytest

from marsad.errors import DecodeError
from marsad.ingest.decode import decode_bytes

AR_EN = pytest.mark.parametrize("seed", ["001", "000"], ids=["ar", "en"])


@pytest.mark.parametrize(
    ("seed", "codec", "expected"),
    [
        ("001", "cp1256", "cp1256"),
        ("003", "cp1256", "cp1256"),
        ("003", "iso-8859-6", "iso8859-6"),
        ("000", "cp1252", "cp1252"),
        ("002", "cp1252", "cp1252"),
    ],
    ids=["ar-001-cp1256", "ar-003-cp1256", "ar-003-iso8859-6", "en-000-cp1252", "en-002-cp1252"],
)
def test_decode_legacy_code_page_round_trips_a_seed_exactly(
    seed_texts: dict[str, str], seed: str, codec: str, expected: str
) -> None:
    text = seed_texts[seed]
    data = text.encode(codec)
    decoded = decode_bytes(data, "seed")
    assert decoded.text == text
    assert decoded.encoding == expected
    assert data.decode(decoded.encoding) == decoded.text


@pytest.mark.parametrize("seed", ["001", "003"], ids=["ar-001", "ar-003"])
def test_decode_short_arabic_headline_in_windows_1256(
    seed_texts: dict[str, str], seed: str
) -> None:
    # Short text is where charset-normalizer alone guesses windows-1251 or Big5.
    for line in seed_texts[seed].splitlines():
        if len(line) >= 20:
            assert decode_bytes(line[:24].encode("cp1256"), "t").text == line[:24]


@AR_EN
@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_decode_byte_order_mark_decides(seed_texts: dict[str, str], seed: str, codec: str) -> None:
    bom = {
        "utf-8-sig": b"",  # the codec writes its own mark
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[codec]
    text = seed_texts[seed]
    data = bom + text.encode(codec)
    decoded = decode_bytes(data, "t")
    assert decoded.text == text  # the mark itself is not text
    assert data.decode(decoded.encoding) == text


@pytest.mark.parametrize(
    ("text", "charset", "expected"),
    [
        ("عاجل: اجتماع دولي في القامشلي", "windows-1256", "cp1256"),
        ("Café talks in Qamishli résumé", "iso-8859-1", "cp1252"),
    ],
    ids=["ar", "en"],
)
def test_decode_meta_charset_is_used_when_not_utf8(text: str, charset: str, expected: str) -> None:
    page = f'<html><head><meta charset="{charset}"><title>{text}</title></head></html>'
    decoded = decode_bytes(page.encode(expected), "page.html")
    assert decoded.encoding == expected  # latin-1 labels are read as windows-1252, as browsers do
    assert text in decoded.text


@AR_EN
def test_decode_http_charset_beats_meta(seed_texts: dict[str, str], seed: str) -> None:
    codec = "cp1256" if seed == "001" else "cp1252"
    body = '<meta charset="iso-8859-7">' + seed_texts[seed]
    decoded = decode_bytes(body.encode(codec), "u", declared=codec)
    assert decoded.encoding == codec and decoded.text == body


@AR_EN
def test_decode_valid_utf8_wins_over_a_wrong_declaration(
    seed_texts: dict[str, str], seed: str
) -> None:
    body = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
    decoded = decode_bytes((body + seed_texts[seed]).encode("utf-8"), "u", declared="latin-1")
    assert decoded.encoding == "utf-8"
    assert decoded.text.endswith(seed_texts[seed])


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF executable"),
        (b"\x00\x00\x00\x18ftypmp42", "MP4"),
    ],
    ids=["png", "pdf", "zip", "elf", "mp4"],
)
def test_decode_binary_signature_is_named(data: bytes, name: str) -> None:
    with pytest.raises(DecodeError, match=f"binary file \\({name}.*\\), not an article"):
        decode_bytes(data + bytes(range(256)), "x.bin")


@AR_EN
def test_decode_nul_bytes_mean_binary(seed_texts: dict[str, str], seed: str) -> None:
    data = seed_texts[seed].encode("utf-8")
    assert decode_bytes(data, "t").text == seed_texts[seed]
    with pytest.raises(DecodeError, match="NUL bytes"):
        decode_bytes(data[:100] + b"\x00" + data[100:], "t")


def test_decode_control_characters_mean_binary() -> None:
    with pytest.raises(DecodeError, match="control characters"):
        decode_bytes(bytes(range(1, 9)) * 50 + b"some words", "t")


def test_decode_undecodable_bytes_are_reported() -> None:
    rng = random.Random(3)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    with pytest.raises(DecodeError, match="no encoding fits") as info:
        decode_bytes(noise, "noise.txt")
    assert info.value.source == "noise.txt"


def test_decode_punctuation_only_legacy_text_is_named_windows_1252() -> None:
    # Curly quotes are the same bytes in every windows-125x: no reason to call it Arabic.
    data = "Omar said: “We need support” – and left.".encode("cp1256")
    assert decode_bytes(data, "t").encoding == "cp1252"


def test_decode_latin_word_is_not_read_as_arabic() -> None:
    # One "ä" read as windows-1256 is an Arabic letter inside a Latin word.
    text = "The envoy met Mr. Hämäläinen and Mr. Jäger in Qamishli on Tuesday. " * 3
    assert decode_bytes(text.encode("cp1252"), "t").text == text
