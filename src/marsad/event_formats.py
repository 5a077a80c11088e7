"""The event table (``marsad.event_rows``) written as CSV, JSON Lines, Parquet or GeoJSON.

Every writer takes the rows as they come (a store's listing is read page by page, never
all at once) and returns what it wrote. Parquet goes through an explicit Arrow schema, so
a column has its type even when every value of a file is null; it needs pyarrow, which
is optional (``pip install 'marsad[parquet]'``). GeoJSON is one FeatureCollection with
one Feature per event that has a point; events without coordinates cannot be drawn and
are counted, not written.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import IO, Any

from marsad.errors import MarsadError
from marsad.event_rows import COLUMNS

EVENT_FORMATS = ("csv", "jsonl", "parquet", "geojson")
BINARY_FORMATS = frozenset({"parquet"})
PARQUET_INSTALL = "pip install 'marsad[parquet]'"
# Columns that are numbers; every other column is text.
_INTEGERS = frozenset({"time_precision", "geo_precision", "iso", "fatalities"})
_FLOATS = frozenset({"latitude", "longitude"})
_ROW_GROUP = 4096


@dataclass(frozen=True, slots=True)
class Written:
    rows: int
    skipped: int = 0  # GeoJSON: events without coordinates


def require_pyarrow() -> tuple[ModuleType, ModuleType]:
    """pyarrow and pyarrow.parquet, or a message that says what to install."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MarsadError(
            f"Parquet output needs pyarrow, which is not installed: {PARQUET_INSTALL}"
        ) from exc
    return pa, pq


def write_csv(rows: Iterable[dict[str, object]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
        count += 1
    return count


def write_jsonl(rows: Iterable[dict[str, object]], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_geojson(rows: Iterable[dict[str, object]], out: IO[str]) -> Written:
    """A FeatureCollection (RFC 7946: longitude first), the row's other columns as the
    Feature's properties, streamed: one Feature per line."""
    out.write('{"type":"FeatureCollection","features":[\n')
    written = skipped = 0
    for row in rows:
        lat, lon = row.get("latitude"), row.get("longitude")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            skipped += 1
            continue
        properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
        feature = {
            "type": "Feature",
            "id": row["event_id"],
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties,
        }
        out.write(("," if written else "") + json.dumps(feature, ensure_ascii=False) + "\n")
        written += 1
    out.write("]}\n")
    return Written(written, skipped)


def parquet_schema() -> Any:
    pa, _ = require_pyarrow()
    return pa.schema(
        [
            (c, pa.int64() if c in _INTEGERS else pa.float64() if c in _FLOATS else pa.string())
            for c in COLUMNS
        ]
    )


def write_parquet(rows: Iterable[dict[str, object]], path: str | os.PathLike[str]) -> int:
    """Write the event rows to ``path``, whole or not at all."""
    return write_parquet_file(rows, Path(path), parquet_schema(), _ROW_GROUP)


def write_parquet_file(
    rows: Iterable[dict[str, Any]], final: Path, schema: Any, row_group: int
) -> int:
    """Write ``rows`` (dicts matching ``schema``) to ``final`` in groups of ``row_group``;
    the file appears whole or not at all (written beside it, then renamed). Shared by the
    event table and the export records (``marsad.batch.parquet``)."""
    pa, pq = require_pyarrow()
    partial = final.with_name(f".{final.name}.partial")
    count = 0
    try:
        with pq.ParquetWriter(partial, schema, compression="zstd") as writer:
            chunk: list[dict[str, Any]] = []
            for row in rows:
                chunk.append(row)
                if len(chunk) >= row_group:
                    writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                    count += len(chunk)
                    chunk = []
            if chunk or not count:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                count += len(chunk)
        os.replace(partial, final)
    finally:
        partial.unlink(missing_ok=True)
    return count


def write_events(
    rows: Iterable[dict[str, object]], fmt: str, out: IO[str] | None, path: str | None
) -> Written:
    """Write ``rows`` in ``fmt`` to the text stream ``out``, or to the file ``path`` (the
    only way for Parquet, a binary format)."""
    if fmt not in EVENT_FORMATS:
        raise MarsadError(f"unknown event format {fmt!r}; choose one of {EVENT_FORMATS}")
    if fmt == "parquet":
        if path is None:
            raise MarsadError("Parquet is a binary file: give it a name with -o FILE")
        return Written(write_parquet(rows, path))
    if path is not None:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            return write_events(rows, fmt, fh, None)
    assert out is not None
    if fmt == "geojson":
        return write_geojson(rows, out)
    return Written(write_csv(rows, out) if fmt == "csv" else write_jsonl(rows, out))


def format_of(path: str) -> str:
    """The format a file name asks for: its suffix (``.parquet``, ``.geojson``,
    ``.jsonl``), else CSV, what ``-o`` wrote before formats existed."""
    suffix = Path(path).suffix.lower()
    return {".parquet": "parquet", ".geojson": "geojson", ".jsonl": "jsonl"}.get(suffix, "csv")
