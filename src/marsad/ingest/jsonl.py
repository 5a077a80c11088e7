"""JSON Lines: one article per line, read as a stream so a corpus of any size fits.

Each line is an object with ``text`` or ``html`` (``html`` wins when both are given: it is
the page as published, and cleaning is Marsad's job) and optional string fields ``url``,
``title``, ``published``, ``outlet``, ``byline``, ``lang`` and ``fetched`` (the date the
page was fetched, which becomes ``hints.reference_date``). Other fields are ignored. A bad
line is reported as ``file:line`` and the rest goes on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from functools import partial
from io import BufferedIOBase
from typing import Any

from marsad.errors import InputError
from marsad.ids import article_id
from marsad.ingest.dates import iso_date
from marsad.ingest.files import GZIP_ERRORS, gzip_error, too_big
from marsad.ingest.guard import guarded, has_surrogate, surrogate_error
from marsad.ingest.options import ReadOptions
from marsad.types import Article, Format, SourceHints

log = logging.getLogger(__name__)

_STRING_FIELDS = ("text", "html", "url", "title", "published", "outlet", "byline", "lang",
                  "fetched")  # fmt: skip
_BODY_FIELDS: tuple[tuple[str, Format], ...] = (("html", "html"), ("text", "text"))
_JSON_TYPES = {dict: "an object", list: "an array", bool: "a boolean", int: "a number",
               float: "a number", str: "a string"}  # fmt: skip


def read_jsonl(
    stream: BufferedIOBase, source: str, options: ReadOptions
) -> Iterator[Article | InputError]:
    """Articles from the JSON Lines in ``stream``; ``source`` names it in sources and errors."""
    records = 0
    for lineno, line in jsonl_lines(stream, source, options.max_bytes):
        if isinstance(line, InputError):
            yield line
            continue
        records += 1
        where = f"{source}:{lineno}"
        read = partial(_article, line, where, f"{source}#L{lineno}", first=lineno == 1)
        yield guarded(where, read)
    if records == 0:
        yield InputError(source, "empty file")


def jsonl_lines(
    stream: BufferedIOBase, source: str, limit: int
) -> Iterator[tuple[int, bytes | InputError]]:
    """(line number, bytes) of each non-blank line; a line over ``limit`` bytes is an error
    and is never held in memory whole (stdin included: a 20 MB line costs 1 MB)."""
    lineno = 0
    while True:
        try:
            # Room for the line ending on top of the limit; longer lines are cut here.
            line = stream.readline(limit + 2)
            cut = len(line) == limit + 2 and not line.endswith(b"\n")
            if cut:
                _skip_to_line_end(stream)
        except GZIP_ERRORS as exc:
            yield lineno + 1, gzip_error(f"{source}:{lineno + 1}", exc)
            return
        if not line:
            return
        lineno += 1
        if cut or len(line.rstrip(b"\r\n")) > limit:
            yield lineno, too_big(f"{source}:{lineno}", None, limit)
        elif line.strip():
            yield lineno, line


def load_object(line: bytes, where: str, *, first: bool = False) -> dict[str, Any] | InputError:
    """The JSON object on one line, or why there is none. Hostile JSON (numbers of
    thousands of digits, nesting deeper than the interpreter's stack) is an error here."""
    try:
        obj = json.loads(line.decode("utf-8-sig" if first else "utf-8"))
    except UnicodeDecodeError as exc:
        return InputError(
            where, f"not UTF-8 ({exc.reason} at byte {exc.start}); JSON Lines are UTF-8"
        )
    except json.JSONDecodeError as exc:
        return InputError(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return InputError(where, "invalid JSON: nested too deeply")
    except ValueError:
        # int() refuses numbers of more than 4,300 digits (CVE-2020-10735).
        return InputError(where, "invalid JSON: a number too long to read")
    if not isinstance(obj, dict):
        return InputError(where, f"expected a JSON object, got {_json_type(obj)}")
    return obj


def _article(line: bytes, where: str, source: str, *, first: bool) -> Article | InputError:
    obj = load_object(line, where, first=first)
    if isinstance(obj, InputError):
        return obj
    return article_from_object(obj, where, source)


def article_from_object(obj: dict[str, Any], where: str, source: str) -> Article | InputError:
    """The article one record describes (a JSON Lines object, a Parquet row), or why none."""
    for key in _STRING_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return InputError(where, f"field {key!r} must be a string, got {_json_type(value)}")
        if value is not None and has_surrogate(value):
            # JSON can escape one (\ud800); no UTF-8 file or store can hold it.
            return surrogate_error(where, key)
    body, fmt = _body(obj)
    if body is None:
        return InputError(where, "no 'text' or 'html' field with content")
    fetched = obj.get("fetched")
    reference_date = iso_date(fetched)
    if fetched and reference_date is None:
        return InputError(where, f"field 'fetched' is not an ISO 8601 or HTTP date: {fetched!r}")
    url = obj.get("url") or None
    return Article(
        id=article_id(body, url),
        source=source,
        raw=body.encode("utf-8"),
        raw_text=body,
        format=fmt,
        url=url,
        hints=SourceHints(
            title=obj.get("title"),
            published=obj.get("published"),
            outlet=obj.get("outlet"),
            byline=obj.get("byline"),
            lang=obj.get("lang"),
            reference_date=reference_date,
        ),
        encoding="utf-8",
    )


def _body(obj: dict[str, Any]) -> tuple[str | None, Format]:
    for key, fmt in _BODY_FIELDS:
        value = obj.get(key)
        if value and value.strip():
            return value, fmt
    return None, "text"


def _skip_to_line_end(stream: BufferedIOBase) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _json_type(value: object) -> str:
    return "null" if value is None else _JSON_TYPES.get(type(value), type(value).__name__)
