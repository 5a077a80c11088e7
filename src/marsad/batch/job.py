"""One batch run: Ray's two passes, export records to Parquet, optionally a store too."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Any

from marsad import ops
from marsad.batch import parquet
from marsad.batch.requirements import require
from marsad.batch.run import RayOptions, processed
from marsad.batch.vectors import PrecomputedEmbedder
from marsad.entities.link import LinkStage
from marsad.ingest import ReadOptions
from marsad.pipeline import DEFAULT_STAGES
from marsad.record import to_record
from marsad.store import Store


def run_batch(
    inputs: Sequence[str],
    out_dir: str | os.PathLike[str],
    *,
    stages: Sequence[str] = DEFAULT_STAGES,
    options: ReadOptions | None = None,
    ray_options: RayOptions | None = None,
    store: Store | None = None,
    report: ops.IngestReport | None = None,
    progress: ops.ProgressFn | None = None,
) -> int:
    """Process ``inputs`` on Ray and write their export records to ``out_dir``; return how
    many. Without ``store`` the records are those of ``marsad extract`` on the same inputs
    (a fresh entity registry, stories over this run). With ``store`` every article is also
    loaded into it, a batch per transaction as ``ingest`` does, linked against the store's
    entities and stories: the records are then what ``marsad export`` gives for them."""
    require("ray.data")  # before anything is read or written
    report = report if report is not None else ops.IngestReport()
    vectors = PrecomputedEmbedder()
    common: dict[str, Any] = {
        "stages": stages, "options": options, "ray_options": ray_options, "vectors": vectors
    }  # fmt: skip
    if store is None:
        articles = ops.tally(processed(inputs, **common), report)
        records = ops.with_stories(articles, vectors)
    else:
        writer = ops.StoreWriter(store, report, embedder=vectors)
        linker = {"link": LinkStage(registry=writer.registry)}
        articles = ops.tally(processed(inputs, linker, **common), report)
        records = (to_record(a) for a in writer.write(articles))
    return parquet.write_records(_counted(records, progress), out_dir)


def _counted(
    records: Iterator[dict[str, Any]], progress: ops.ProgressFn | None
) -> Iterator[dict[str, Any]]:
    for record in records:
        if progress is not None:
            progress(1)
        yield record
