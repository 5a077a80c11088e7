"""WARC and WARC.gz: each successful HTTP response with an HTML or text payload is an article.

Other records (requests, metadata, images, redirects) are skipped and counted in the log.
warcio silently stops at a truncated file, so truncation is detected here: gzip is
decompressed by Python's ``gzip`` (which raises on a cut stream) and an uncompressed
record whose block ends before its Content-Length is reported instead of read half.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from functools import partial
from io import BufferedIOBase
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException

from marsad.errors import InputError
from marsad.ingest.dates import iso_date
from marsad.ingest.files import GZIP_ERRORS, gzip_error, too_big
from marsad.ingest.guard import guarded
from marsad.ingest.html import document_article
from marsad.ingest.options import ReadOptions
from marsad.ingest.sniff import kind_from_media_type, parse_content_type, sniff
from marsad.types import Article, SourceHints

log = logging.getLogger(__name__)

_DRAIN_CHUNK = 1 << 16
_WARC_MAGIC_BYTES = 16
# Content types that say nothing: the payload's first bytes decide.
_UNTYPED = frozenset({None, "application/octet-stream", "binary/octet-stream"})


class _Truncated(Exception):
    """A gzip stream ended early. Not an EOFError, which warcio takes for a clean end."""


class _RaiseOnTruncation:
    """A read-only stream over gzip data that turns truncation into ``_Truncated``."""

    def __init__(self, stream: gzip.GzipFile) -> None:
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        try:
            # read1, not read: read(n) keeps reading to fill n bytes and, when the cut
            # comes first, drops what it had decompressed, records before the cut included.
            return self._stream.read1(size)
        except GZIP_ERRORS as exc:
            raise _Truncated(str(exc)) from exc

    def readline(self, size: int = -1) -> bytes:
        try:
            return self._stream.readline(size)
        except GZIP_ERRORS as exc:
            raise _Truncated(str(exc)) from exc

    def tell(self) -> int:
        return self._stream.tell()


def read_warc(
    stream: BufferedIOBase, source: str, options: ReadOptions
) -> Iterator[Article | InputError]:
    """Articles from the WARC in ``stream``, a plain stream or a ``GzipFile`` over one."""
    try:
        head = stream.read(_WARC_MAGIC_BYTES)
        stream.seek(0)
    except GZIP_ERRORS as exc:
        yield gzip_error(source, exc)
        return
    if not head.lstrip().startswith(b"WARC/"):
        # warcio would skip such bytes with a warning on stderr and yield nothing.
        yield InputError(source, "not a readable WARC file: it does not start with 'WARC/'")
        return
    reader: Any = _RaiseOnTruncation(stream) if isinstance(stream, gzip.GzipFile) else stream
    # A plain file can be searched for the next record when one is damaged (a wrong
    # Content-Length makes warcio lose its place); a gzip stream cannot seek cheaply.
    plain = not isinstance(stream, gzip.GzipFile) and stream.seekable()
    skipped: Counter[str] = Counter()
    articles = 0
    base: int | None = 0
    while base is not None:
        stream.seek(base)
        archive = ArchiveIterator(reader)
        records, last = iter(archive), base
        try:
            while (record := _next_record(records, source)) is not None:
                last = archive.offset  # where this record starts, in bytes of the file
                read = partial(_record_article, record, source, options, skipped)
                item = guarded(source, read, passes=(_Truncated,))
                if isinstance(item, Article):
                    articles += 1
                if item is not None:
                    yield item
            base = None
        except _Truncated as exc:
            yield gzip_error(source, f"{exc}; {articles} article(s) read before the cut")
            base = None
        except InputError as exc:
            base = _next_record_start(stream, last + 1) if plain else None
            if base is None:
                yield exc
            else:
                yield InputError(
                    f"{source}@{last}",
                    f"damaged record (wrong Content-Length?): {exc.reason}; went on at the"
                    f" next record, byte {base}",
                )
    if skipped:
        log.info("%s: %d article(s); skipped %s", source, articles, dict(sorted(skipped.items())))


def _next_record_start(stream: BufferedIOBase, start: int) -> int | None:
    """The offset of the first line at or after ``start`` that begins a WARC record."""
    stream.seek(start)
    offset, tail = start, b""
    while chunk := stream.read(_DRAIN_CHUNK):
        window = tail + chunk
        found = window.find(b"\nWARC/1.")
        if found >= 0:
            return offset - len(tail) + found + 1
        tail = window[-8:]
        offset += len(chunk)
    return None


def _next_record(records: Iterator[Any], source: str) -> Any:
    """The next record, None at the end; ``InputError`` when the file stops being a WARC."""
    try:
        return next(records)
    except StopIteration:
        return None
    except _Truncated:
        raise
    except Exception as exc:
        # warcio fails in many ways on damaged files (ArchiveLoadFailed, header parse
        # errors, even AttributeError on a response without a target URI). The bytes are
        # at fault, not our code, and one damaged file must not end the ingest.
        log.debug("%s: warcio failed", source, exc_info=True)
        detail = " ".join(str(exc).split())  # warcio quotes lines with their line ends
        raise InputError(
            source, f"not a readable WARC file: {type(exc).__name__}: {detail}"
        ) from exc


def _record_article(
    record: Any, source: str, options: ReadOptions, skipped: Counter[str]
) -> Article | InputError | None:
    """The article in one record, an error, or None when the record is not an article."""
    if record.rec_type != "response":
        skipped[f"{record.rec_type} record"] += 1
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{source}#{uri}"
    http = record.http_headers
    if http is None:
        skipped["response without HTTP headers"] += 1
        return None
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        skipped[f"HTTP {status}"] += 1
        return None
    media_type, charset = parse_content_type(http.get_header("Content-Type"))
    try:
        payload = record.content_stream().read(options.max_bytes + 1)
        complete = _drain(record)
    except (ChunkedDataException, zlib.error, OSError) as exc:
        return InputError(where, f"unreadable payload: {exc}")
    if not complete:
        return InputError(where, "record is truncated: the file ends inside it")
    if len(payload) > options.max_bytes:
        return too_big(where, None, options.max_bytes)
    kind = kind_from_media_type(media_type)
    if kind is None and media_type in _UNTYPED:
        kind = sniff(payload)
    if kind not in ("html", "text"):
        skipped[media_type or "payload of unknown type"] += 1
        return None
    if not payload.strip():
        skipped["empty payload"] += 1
        return None
    hints = SourceHints(reference_date=iso_date(record.rec_headers.get_header("WARC-Date")))
    try:
        return document_article(
            kind, payload, where, url=uri or None, hints=hints, charset=charset, what="record"
        )
    except InputError as exc:
        return exc


def _drain(record: Any) -> bool:
    """Read the rest of the record's block; False when the file ended before it did."""
    raw = record.raw_stream
    while raw.read(_DRAIN_CHUNK):
        pass
    return getattr(raw, "limit", 0) == 0
