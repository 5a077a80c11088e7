"""The dispatch: from what the user named (paths, folders, URLs) to the reader of each kind.

Every input yields its articles, or one ``InputError`` per thing that could not be read,
and the iteration goes on. Only a programmer's mistake (a string where a list of inputs
belongs) raises.
"""

from __future__ import annotations

import io
import logging
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from marsad.errors import DecodeError, InputError
from marsad.ingest.decode import binary_kind
from marsad.ingest.feed import read_feed
from marsad.ingest.fetch import Fetcher
from marsad.ingest.files import (
    GZIP_ERRORS,
    decompressed,
    gzip_error,
    os_error,
    read_limited,
    too_big,
)
from marsad.ingest.guard import checked, guarded_iter
from marsad.ingest.html import document_article
from marsad.ingest.jsonl import read_jsonl
from marsad.ingest.options import ReadOptions
from marsad.ingest.sniff import classify, kind_from_name
from marsad.ingest.walk import walk
from marsad.ingest.warc import read_warc
from marsad.types import Article, SourceHints

log = logging.getLogger(__name__)

DEFAULT_OPTIONS = ReadOptions()
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_SIGNATURE_BYTES = 64  # enough for every signature in data/signatures.yaml


def iter_inputs(
    inputs: Sequence[str], options: ReadOptions = DEFAULT_OPTIONS
) -> Iterator[Article | InputError]:
    """Articles from files, folders (recursively, sorted) and http(s) URLs, in order.

    Each article's ``source`` is the path as given joined with its place inside a folder,
    or the URL, plus ``#...`` for one record of a container (``#L3`` in JSON Lines).
    Whatever a reader raises, and text too short to be an article, becomes an
    ``InputError`` (``marsad.ingest.guard``): no input ends the iteration.
    """
    if isinstance(inputs, str | bytes):
        raise TypeError("inputs must be a sequence of paths or URLs, not a single string")
    with Fetcher(options) as fetcher:
        reader = _Reader(options, fetcher)
        for given in inputs:
            if not isinstance(given, str):
                raise TypeError(f"each input must be a str, got {type(given).__name__}")
            for item in guarded_iter(given, reader.read(given)):
                yield checked(item) if isinstance(item, Article) else item


class _Reader:
    def __init__(self, options: ReadOptions, fetcher: Fetcher) -> None:
        self.options = options
        self.fetcher = fetcher

    def read(self, given: str) -> Iterator[Article | InputError]:
        scheme = _SCHEME.match(given)
        if scheme is None:
            for path in walk(given):
                if isinstance(path, InputError):
                    yield path
                else:
                    yield from _read_file(path, self)
            return
        if scheme.group(1).lower() not in ("http", "https"):
            yield InputError(given, f"unsupported URL scheme {scheme.group(1)!r}; use http(s)")
            return
        yield from self.read_url(given)

    def read_url(self, url: str) -> Iterator[Article | InputError]:
        try:
            resp = self.fetcher.get(url)
        except InputError as exc:
            yield exc
            return
        yield from self.read_payload(
            resp.body,
            url,
            name=urlsplit(resp.url).path,
            media_type=resp.media_type,
            charset=resp.charset,
            url=resp.url,
            hints=SourceHints(reference_date=resp.reference_date),
        )

    def read_payload(
        self,
        data: bytes,
        source: str,
        *,
        name: str,
        media_type: str | None = None,
        charset: str | None = None,
        url: str | None = None,
        hints: SourceHints | None = None,
    ) -> Iterator[Article | InputError]:
        """Articles from one in-memory document, whatever kind it turns out to be."""
        what = "response" if url else "file"
        if not data.strip():
            yield InputError(source, f"empty {what}")
            return
        try:
            kind = classify(data, source, name, media_type)
            if kind == "warc":
                yield from read_warc(decompressed(io.BytesIO(data)), source, self.options)
            elif kind == "jsonl":
                yield from read_jsonl(io.BytesIO(data), source, self.options)
            elif kind == "feed":
                yield from read_feed(
                    data,
                    source,
                    self.options,
                    fetch_page=self.fetch_page,
                    url=url,
                    content_type=media_type,
                    reference_date=hints.reference_date if hints else None,
                )
            else:
                yield document_article(
                    kind, data, source, url=url, hints=hints, charset=charset, what=what
                )
        except InputError as exc:
            yield exc

    def fetch_page(self, link: str, hints: SourceHints) -> Article:
        """A feed item's page as one article carrying the item's hints."""
        resp = self.fetcher.get(link)
        hints = replace(hints, reference_date=resp.reference_date)
        kind = classify(resp.body, link, urlsplit(resp.url).path, resp.media_type)
        if kind not in ("html", "text"):
            raise InputError(link, f"the item's link is a {kind} document, not an article page")
        return document_article(
            kind, resp.body, link, url=resp.url, hints=hints, charset=resp.charset, what="response"
        )


def _read_file(path: str, reader: _Reader) -> Iterator[Article | InputError]:
    """Articles from the file at ``path`` (which is also its source)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            # A FIFO or device would block or never end; only regular files are read.
            yield InputError(path, "not a regular file")
            return
        if st.st_size == 0:
            yield InputError(path, "empty file")
            return
        fh = open(path, "rb")  # noqa: SIM115  # closed below; the readers stream from it
    except OSError as exc:
        yield os_error(path, exc)
        return
    with fh:
        yield from _read_open_file(fh, path, st.st_size, reader)


def _read_open_file(
    fh: io.BufferedReader, path: str, size: int, reader: _Reader
) -> Iterator[Article | InputError]:
    options = reader.options
    try:
        stream = decompressed(fh)
        if stream is fh and path.lower().endswith(".gz"):
            # Read as plain text it would be whatever bytes happen to be there.
            yield InputError(path, "named .gz but not gzip data (no gzip header)")
            return
        head = stream.read(_SIGNATURE_BYTES)
        stream.seek(0)
        kind = binary_kind(head)
        if kind is not None:
            yield DecodeError(path, f"binary file ({kind}), not an article")
            return
        by_name = kind_from_name(path)
        if by_name == "warc" or head.startswith(b"WARC/"):
            yield from read_warc(stream, path, options)
            return
        if by_name == "jsonl":
            yield from read_jsonl(stream, path, options)
            return
        if stream is fh and size > options.max_bytes:
            yield too_big(path, size, options.max_bytes)
            return
        data = read_limited(stream, path, options.max_bytes)
    except InputError as exc:
        yield exc
        return
    except GZIP_ERRORS as exc:
        yield gzip_error(path, exc)
        return
    except OSError as exc:
        yield os_error(path, exc)
        return
    yield from reader.read_payload(data, path, name=path)
