"""``marsad batch``: the pipeline over a corpus on Ray Data, in two passes.

1. **Per-article pass** (``map_batches``, any number of workers and partitions): each input
   file is read by one task, then the pure stages (``clean`` .. ``mentions``: everything
   ``marsad.parallel`` runs in worker processes; all of ``--fast``) fill each article
   from its own text alone.
   The story embedding of each article (E5 over its lead) is made there too.
2. **Global pass** (this process): the stages that learn across articles, the entity
   registry behind ``link`` and the story clusterer, see the articles in input order
   (file order as ``iter_inputs`` walks it, then record order), which Ray keeps with
   ``preserve_order`` and which is checked on every row. Local entity ids and story ids are
   functions of that order alone, so they are the same whatever the number of blocks,
   batches or workers, and the same as ``marsad extract`` gives on the same input.

Articles travel between passes pickled: Ray's own columns would flatten the nested
dataclasses, and the two passes are the same program.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import count
from typing import Any

import numpy as np

from marsad.batch.inputs import files_of, read_file
from marsad.batch.requirements import require
from marsad.batch.vectors import PrecomputedEmbedder
from marsad.errors import InputError, MarsadError
from marsad.ingest import ReadOptions
from marsad.pipeline import DEFAULT_STAGES, READER_FIELDS, Pipeline, StageFailure, assigned_by
from marsad.stories.embed import default_embedder, lead_text
from marsad.types import Article

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RayOptions:
    address: str | None = None  # a running cluster ("ray://host:10001", "auto"); else local
    num_cpus: int | None = None  # for a local instance: cores Ray may use (default: all)
    workers: int | None = None  # actors running the pure stages (default: Ray's CPUs)
    batch_size: int = 16  # articles per map_batches call: small, so one slow one delays few
    block_bytes: int = 256 * 1024  # Ray block size: about 50 articles read from a file


# The first stage that learns across articles: it and every stage after it run in order.
FIRST_ORDERED_STAGE = "link"


def split(stages: Sequence[str]) -> tuple[list[str], list[str]]:
    """(the per-article stages, the ordered ones): a cut before ``link``, so ``--fast``
    (no names) runs wholly in the first pass."""
    names = list(stages)
    cut = names.index(FIRST_ORDERED_STAGE) if FIRST_ORDERED_STAGE in names else len(names)
    return names[:cut], names[cut:]


def _row(file: int, record: int, item: Article | InputError) -> dict[str, Any]:
    # Empty values, never None: a column of nulls comes back from Arrow as NaN.
    if isinstance(item, InputError):
        return {"file": file, "record": record, "article": b"", "source": item.source,
                "stage": "", "problem": item.reason}  # fmt: skip
    return {"file": file, "record": record, "article": pickle.dumps(item), "source": item.source,
            "stage": "", "problem": ""}  # fmt: skip


def _read_file(task: dict[str, Any], options: ReadOptions) -> Iterator[dict[str, Any]]:
    """Ray task: one file -> one row per article or unreadable record, in file order."""
    records = count()
    for item in read_file(task["path"], options):
        yield _row(task["file"], next(records), item)


class _PureStages:
    """Ray actor: the per-article stages, built once per worker (the NER models)."""

    def __init__(self, stages: list[str]) -> None:
        self.pipeline = Pipeline.from_names(stages)
        self.embedder = default_embedder()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        articles, stages = list(batch["article"]), list(batch["stage"])
        problems = list(batch["problem"])
        leads: dict[int, str] = {}
        for i, blob in enumerate(articles):
            if not blob:
                continue
            result = self.pipeline.run_one(pickle.loads(blob))
            if isinstance(result, StageFailure):
                stages[i], problems[i] = (
                    result.stage,
                    f"{type(result.error).__name__}: {result.error}",
                )
            else:
                leads[i] = lead_text(result)
            articles[i] = pickle.dumps(
                result.article if isinstance(result, StageFailure) else result
            )
        vectors = [b""] * len(articles)
        for i, vector in zip(leads, self.embedder.embed(list(leads.values())), strict=True):
            vectors[i] = vector.tobytes()
        return {**batch, "article": articles, "stage": stages, "problem": problems,
                "lead_vector": vectors}  # fmt: skip


def _ray_dataset(
    files: list[str], head: list[str], options: ReadOptions, ray_options: RayOptions
) -> Any:
    ray, data = require("ray"), require("ray.data")
    if not ray.is_initialized():
        ray.init(
            address=ray_options.address,
            num_cpus=None if ray_options.address else ray_options.num_cpus,
            include_dashboard=False,
            log_to_driver=False,
        )
    context = data.DataContext.get_current()
    context.execution_options.preserve_order = True  # the global pass needs input order
    context.enable_progress_bars = False
    # A block goes to one actor whole: small blocks let one big file feed every worker.
    context.target_max_block_size = ray_options.block_bytes
    tasks = [{"file": i, "path": p} for i, p in enumerate(files)]
    ds = data.from_items(tasks, override_num_blocks=max(1, len(tasks))).flat_map(
        # No CPU reserved: reading is light, and the pure-stage actors hold every core, so a
        # reader that waited for one would wait forever.
        _read_file,
        fn_kwargs={"options": options},
        num_cpus=0,
    )
    if not head:
        return ds
    workers = ray_options.workers or max(1, int(ray.available_resources().get("CPU", 1)))
    return ds.map_batches(
        _PureStages,
        fn_constructor_args=(head,),
        batch_size=ray_options.batch_size,
        batch_format="numpy",
        zero_copy_batch=False,
        compute=data.ActorPoolStrategy(size=workers),
        num_cpus=1,
    )


def processed(
    inputs: Sequence[str],
    instances: dict[str, Any] | None = None,
    *,
    stages: Sequence[str] = DEFAULT_STAGES,
    options: ReadOptions | None = None,
    ray_options: RayOptions | None = None,
    vectors: PrecomputedEmbedder | None = None,
) -> Iterator[Article | InputError | StageFailure]:
    """Every input item in input order: an article through all ``stages``, or why not.
    ``instances``: ready-made stages for the global pass (a linker over a store's registry);
    ``vectors`` receives each article's story embedding, made by the workers."""
    options = options or ReadOptions()
    head, tail = split(stages)
    files: list[str] = []
    for path in files_of(list(inputs)):
        if isinstance(path, InputError):
            yield path
        else:
            files.append(path)
    if not files:
        return
    given = READER_FIELDS | assigned_by(head)
    tail_pipeline = Pipeline.from_names(tail, instances or {}, given=given)
    ds = _ray_dataset(files, head, options, ray_options or RayOptions())
    last = (-1, -1)
    for row in ds.iter_rows():
        key = (int(row["file"]), int(row["record"]))
        if key <= last:
            raise MarsadError(f"rows out of input order ({key} after {last}); please report")
        last = key
        if not row["article"]:
            yield InputError(str(row["source"]), str(row["problem"]))
        elif row["stage"]:
            article = pickle.loads(row["article"])
            yield StageFailure(article, str(row["stage"]), RuntimeError(row["problem"]))
        else:
            result = tail_pipeline.run_one(pickle.loads(row["article"]))
            if vectors is not None and row.get("lead_vector") and isinstance(result, Article):
                vector = np.frombuffer(row["lead_vector"], dtype=np.float32)
                vectors.add(lead_text(result), vector)
            yield result
