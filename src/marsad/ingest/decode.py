"""Bytes to text: byte-order marks, UTF-8, declared charsets, then a guarded guess.

The order, and why:

1. a known binary signature (PNG, PDF, ZIP, ...) is no article, whatever else it looks like;
2. a byte-order mark is the strongest evidence there is (UTF-8, UTF-16 and UTF-32);
3. NUL bytes or many control characters mean binary data;
4. strict UTF-8: valid UTF-8 is almost never anything else, even when a page declares
   latin-1 (a common lie of old templates);
5. the charset the HTTP header or the page's ``<meta>`` declares;
6. a preferred legacy encoding (windows-1256 for Arabic first, see ``data/encodings.yaml``)
   whose decoding is clean, then charset-normalizer's best guess.

Before 3, UTF-16 without a byte-order mark; before 6, UTF-8 with a few bad bytes (see
``unmarked``). Every other decoding is strict, so ``raw.decode(encoding) == text`` holds
unless ``Decoded.replaced`` counts bytes that became U+FFFD.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import charset_normalizer

from marsad.errors import DataFileError, DecodeError
from marsad.ingest.unmarked import near_utf8, utf16_without_bom
from marsad.resources import data_path, load_yaml

log = logging.getLogger(__name__)

_PACKAGE = "marsad.ingest"
_SNIFF_BYTES = 8192  # how much of the start decides "binary" and finds a <meta charset>
_FIT_SAMPLE_CHARS = 65_536  # enough text to judge a code page; keeps 10 MB files fast
_MAX_CONTROL_SHARE = 0.1  # of the sniffed bytes; tabs and newlines do not count

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = ("utf-16", "utf-32")
_C1_CONTROL = re.compile("[\x80-\x9f]")
_WORD = re.compile(r"[^\W\d_]+")  # a run of letters
# Control bytes that text does not hold (tab, newlines, form feed and ESC it may).
_BINARY_CONTROLS = bytes(b for b in range(0x20) if b not in b"\t\n\r\f\v\x1b")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name: raw.decode(encoding) == text, unless replaced
    replaced: int = 0  # bad bytes of near-UTF-8 that became U+FFFD


@dataclass(frozen=True, slots=True)
class _Signature:
    name: str
    magic: bytes
    offset: int


@dataclass(frozen=True, slots=True)
class _Preferred:
    encoding: str
    script: str


@dataclass(frozen=True, slots=True)
class _EncodingData:
    preferred: tuple[_Preferred, ...]
    min_script_share: float
    max_chaos: float
    max_mixed_words: float
    no_letters: str
    aliases: dict[str, str]


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` is a charset from HTTP headers, if any.

    Raises ``DecodeError`` (naming ``source``) for binary data and undecodable bytes.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise DecodeError(source, f"binary file ({kind}), not an article")
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return Decoded(data.decode(bom), bom)
        except UnicodeDecodeError as exc:
            raise DecodeError(source, f"{bom} byte-order mark, then {exc.reason}") from exc
    http = _codec_name(declared)
    if http is not None and http.startswith(_WIDE):
        # Wide encodings are full of NULs: believe the header before the binary test.
        decoded = _try(data, http)
        if decoded is not None:
            return decoded
    meta = _codec_name(declared_charset(data))
    if meta is not None and meta.startswith(_WIDE):
        meta = None  # a declaration we could read as ASCII cannot be right (as browsers do)
    declared = http or meta
    wide = utf16_without_bom(data)
    if wide is not None:
        return Decoded(*wide)
    reason = _binary_reason(data)
    if reason is not None:
        raise DecodeError(source, f"binary file ({reason}), not an article")
    for encoding in ("utf-8", declared):
        decoded = _try(data, encoding) if encoding else None
        if decoded is not None:
            return decoded
    near = near_utf8(data)
    if near is not None:
        log.info("%s: UTF-8 with %d bad byte(s), replaced by U+FFFD", source, near[1])
        return Decoded(near[0], "utf-8", replaced=near[1])
    decoded = _guess(data)
    if decoded is None:
        raise DecodeError(
            source, "not UTF-8, no usable declared charset, and no encoding fits the bytes"
        )
    log.debug("%s: guessed encoding %s", source, decoded.encoding)
    return decoded


def binary_kind(data: bytes) -> str | None:
    """The name of the binary format ``data`` starts with, from its signature."""
    for sig in _signatures():
        if data.startswith(sig.magic, sig.offset):
            return sig.name
    return None


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration names near the start."""
    head = data[:_SNIFF_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _binary_reason(data: bytes) -> str | None:
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return "contains NUL bytes"
    controls = len(head) - len(head.translate(None, _BINARY_CONTROLS))
    if head and controls / len(head) > _MAX_CONTROL_SHARE:
        return f"{controls / len(head):.0%} control characters"
    return None


def _codec_name(label: str | None) -> str | None:
    """Python's codec name for a charset label, with the WHATWG aliases; None if unknown."""
    if not label:
        return None
    label = label.strip().lower()
    label = _encoding_data().aliases.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        log.debug("unknown charset label %r ignored", label)
        return None


def _try(data: bytes, encoding: str) -> Decoded | None:
    try:
        return Decoded(data.decode(encoding), encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes) -> Decoded | None:
    conf = _encoding_data()
    for pref in conf.preferred:
        decoded = _try(data, pref.encoding)
        if decoded is None or _C1_CONTROL.search(decoded.text):
            # ISO-8859 code pages map 0x80-0x9F to C1 controls that real text never holds;
            # there they are windows-125x quotes and dashes read with the wrong table.
            continue
        fit = _script_fit(decoded.text[:_FIT_SAMPLE_CHARS], pref.script)
        if fit is None:
            # Beyond ASCII only punctuation, which every windows-125x page reads alike:
            # name it as browsers do for an unlabelled page.
            decoded = _try(data, conf.no_letters) or decoded
        elif fit.share < conf.min_script_share or fit.mixed_words > conf.max_mixed_words:
            continue
        match = charset_normalizer.from_bytes(data, cp_isolation=[decoded.encoding]).best()
        if match is not None and match.chaos <= conf.max_chaos:
            return decoded
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    # charset-normalizer's own name may be an alias; decode ourselves to keep it strict.
    return _try(data, codecs.lookup(best.encoding).name)


@dataclass(frozen=True, slots=True)
class _Fit:
    share: float  # of the non-ASCII letters, those in the script
    mixed_words: float  # of the words with letters in the script, those mixing in another


def _script_fit(text: str, script: str) -> _Fit | None:
    """How well ``text`` reads as ``script``; None when it has no non-ASCII letters.

    A wrong code page betrays itself inside words: "Hänsel" read as windows-1256 is
    "Hنnsel", one Arabic letter among Latin ones, which real text almost never has.
    """
    letters = in_script = words = mixed = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        scripts = set()
        for char in word:
            name = _script_of(char)
            scripts.add(name)
            if not char.isascii():
                letters += 1
                in_script += name == script
        if script in scripts:
            words += 1
            mixed += len(scripts) > 1
    if letters == 0:
        return None
    return _Fit(in_script / letters, mixed / words if words else 0.0)


def _script_of(char: str) -> str:
    """The first word of a letter's Unicode name: LATIN, ARABIC, CYRILLIC, ..."""
    if char.isascii():
        return "LATIN"
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


@cache
def _signatures() -> tuple[_Signature, ...]:
    rows = load_yaml(_PACKAGE, "signatures.yaml")
    try:
        return tuple(
            _Signature(str(r["name"]), bytes.fromhex(str(r["hex"])), int(r.get("offset", 0)))
            for r in rows
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(data_path(_PACKAGE, "signatures.yaml"), f"bad entry: {exc}") from exc


@cache
def _encoding_data() -> _EncodingData:
    raw = load_yaml(_PACKAGE, "encodings.yaml")
    try:
        preferred = tuple(_Preferred(str(p["encoding"]), str(p["script"])) for p in raw["prefer"])
        for pref in preferred:
            codecs.lookup(pref.encoding)
        return _EncodingData(
            preferred=preferred,
            min_script_share=float(raw["min_script_share"]),
            max_chaos=float(raw["max_chaos"]),
            max_mixed_words=float(raw["max_mixed_words"]),
            no_letters=codecs.lookup(str(raw["no_letters"])).name,
            aliases={str(k).lower(): str(v) for k, v in raw["aliases"].items()},
        )
    except (KeyError, TypeError, ValueError, LookupError, AttributeError) as exc:
        raise DataFileError(data_path(_PACKAGE, "encodings.yaml"), f"bad entry: {exc}") from exc
