"""What one Ray read task reads: one input file, as ``marsad extract`` would read it, plus
Parquet tables of articles (one row per article, the JSON Lines fields as columns)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from typing import Any

from marsad.errors import InputError
from marsad.ingest import ReadOptions, iter_inputs
from marsad.ingest.guard import checked, guarded, guarded_iter
from marsad.ingest.jsonl import article_from_object
from marsad.ingest.walk import walk
from marsad.types import Article

PARQUET_SUFFIX = ".parquet"


def files_of(inputs: list[str]) -> Iterator[str | InputError]:
    """The files the inputs name, in the order ``iter_inputs`` reads them (folders sorted)."""
    for given in inputs:
        if "://" in given:
            yield InputError(
                given, "`marsad batch` reads files and folders; fetch URLs with ingest"
            )
            continue
        yield from walk(given)


def read_file(path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """The articles of one file: the same items, sources and ids as ``iter_inputs([path])``."""
    if path.lower().endswith(PARQUET_SUFFIX):
        yield from guarded_iter(path, _parquet_articles(path, options))
    else:
        yield from iter_inputs([path], options)


def _parquet_articles(path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    from marsad.batch.requirements import require

    pq = require("pyarrow.parquet")
    table = pq.ParquetFile(path)
    row_number = 0
    for group in range(table.num_row_groups):
        for row in table.read_row_group(group).to_pylist():
            row_number += 1
            where = f"{path}:row {row_number}"
            obj = {k: _plain(v) for k, v in row.items()}
            size = sum(len(v.encode()) for v in obj.values() if isinstance(v, str))
            if size > options.max_bytes:
                yield InputError(where, f"larger than --max-bytes ({options.max_bytes})")
                continue
            item = guarded(where, partial(article_from_object, obj, where, f"{path}#R{row_number}"))
            yield checked(item) if isinstance(item, Article) else item
    if row_number == 0:
        yield InputError(path, "empty file")


def _plain(value: Any) -> Any:
    """Dates and times as ISO strings, as JSON Lines would carry them."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value
