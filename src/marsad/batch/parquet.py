"""The export contract (SCHEMA.md) as Parquet: one row per article, nested lists of structs.

The Arrow schema is written out here, not inferred from the first rows: inference would
give a column the type of whatever the first batch happened to hold (all nulls, no geo),
and outside tools rely on the contract's types. ``read_records`` gives back exactly the
records ``marsad.record.to_record`` makes, so Parquet and JSON Lines can be compared.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from marsad.batch.requirements import require

pa, pq = require("pyarrow"), require("pyarrow.parquet")

_int, _str, _float, _bool = pa.int64(), pa.string(), pa.float64(), pa.bool_()

GEO = pa.struct(
    [("lat", _float), ("lon", _float), ("country", _str), ("admin1", _str),
     ("geonames_id", _int)]
)  # fmt: skip
MENTION = pa.struct(
    [("start", _int), ("end", _int), ("text", _str), ("label", _str), ("entity_id", _str),
     ("name", _str), ("role", _str), ("backend", _str), ("geo", GEO)]
)  # fmt: skip
QUOTE = pa.struct(
    [("start", _int), ("end", _int), ("text", _str), ("direct", _bool), ("speaker", _str),
     ("speaker_entity_id", _str), ("cue", _str), ("backend", _str)]
)  # fmt: skip
EVENT = pa.struct(
    [("type", _str), ("start", _int), ("end", _int), ("mode", _str), ("aux", pa.list_(_str)),
     ("source", _str), ("source_entity_id", _str), ("target", _str),
     ("target_entity_id", _str), ("place", _str), ("place_entity_id", _str), ("date", _str),
     ("backend", _str), ("score", _float), ("text", _str), ("trigger", _str),
     ("status", _str)]
)  # fmt: skip
PARAGRAPH = pa.struct([("start", _int), ("end", _int), ("lang", _str)])
DATE = pa.struct(
    [("start", _int), ("end", _int), ("text", _str), ("value", _str), ("relative", _str)]
)
SCHEMA = pa.schema(
    [("id", _str), ("source", _str), ("url", _str), ("lang", _str), ("title", _str),
     ("outlet", _str), ("byline", _str), ("published", _str), ("dateline_place", _str),
     ("text", _str), ("story_id", _str), ("duplicate_of", _str),
     ("paragraphs", pa.list_(PARAGRAPH)), ("sentences", pa.list_(pa.list_(_int))),
     ("dates", pa.list_(DATE)), ("annotated_by", pa.map_(_str, _str)),
     ("mentions", pa.list_(MENTION)), ("quotes", pa.list_(QUOTE)),
     ("events", pa.list_(EVENT))]
)  # fmt: skip

ROW_GROUP = 1024  # records per row group: bounded memory for writer and readers
FILE_NAME = "articles.parquet"


def _arrow_row(record: dict[str, Any]) -> dict[str, Any]:
    row = dict(record)
    row["annotated_by"] = list(record["annotated_by"].items())
    return row


def write_records(records: Iterable[dict[str, Any]], out_dir: str | os.PathLike[str]) -> int:
    """Write export records to ``out_dir/articles.parquet``; return how many.

    The file appears whole or not at all (written beside, then renamed), so an interrupted
    run leaves the previous output as it was and a re-run replaces it."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    return write_file(records, folder / FILE_NAME)


def write_file(records: Iterable[dict[str, Any]], final: Path) -> int:
    """Write export records to the file ``final`` (``marsad export --format parquet``),
    whole or not at all; return how many."""
    from marsad.event_formats import write_parquet_file

    return write_parquet_file((_arrow_row(_known(r)) for r in records), final, SCHEMA, ROW_GROUP)


def _known(record: dict[str, Any]) -> dict[str, Any]:
    unknown = record.keys() - set(SCHEMA.names)
    if unknown:  # a field added to the contract must be added here too
        raise ValueError(f"export fields missing from the Parquet schema: {unknown}")
    return record


def read_records(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The export records in a Parquet file (or folder) this module wrote, as
    ``to_record`` made them."""
    path = Path(path)
    parquet = pq.ParquetFile(path / FILE_NAME if path.is_dir() else path)
    for group in range(parquet.num_row_groups):
        for row in parquet.read_row_group(group).to_pylist():
            yield _record(row)


def _record(row: dict[str, Any]) -> dict[str, Any]:
    row["annotated_by"] = dict(row["annotated_by"])
    for mention in row["mentions"] or ():
        if mention["geo"] is None:  # the JSON record leaves it out for non-places
            del mention["geo"]
    return row
