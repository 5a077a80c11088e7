"""The expensive per-article stages in worker processes, the stateful ones in this one.

Stages up to ``mentions`` are pure functions of one article (the NER models are most of the
cost), so worker processes run them on windows of articles; the linker, which holds the
entity registry shared by all articles, and everything after it run here, in input order,
so ids come out the same as in a single process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, islice
from typing import Any

from marsad.pipeline import READER_FIELDS, Pipeline, StageFailure, assigned_by
from marsad.types import Article

# The last stage that needs nothing but its own article.
LAST_PURE_STAGE = "mentions"
WINDOW = 64  # articles handed to the pool at a time: enough to keep every worker busy
# Fewer articles than this run in this process: starting workers (each loads the models,
# about 3 s) would cost more than it saves.
PARALLEL_AFTER = 2 * WINDOW


def auto_workers(stages: Sequence[str]) -> int:
    """Worker processes worth starting: none unless the pipeline has its costly stage."""
    if LAST_PURE_STAGE not in stages:
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def split(stages: Sequence[str]) -> tuple[list[str], list[str]]:
    names = list(stages)
    if LAST_PURE_STAGE not in names:
        return [], names
    cut = names.index(LAST_PURE_STAGE) + 1
    return names[:cut], names[cut:]


_worker_pipeline: Pipeline | None = None
_worker_error: str | None = None


def _init(stages: list[str]) -> None:
    global _worker_pipeline, _worker_error
    try:
        _worker_pipeline = Pipeline.from_names(stages)
    except Exception as exc:  # reported per article: an initializer that raises respawns forever
        _worker_error = f"{type(exc).__name__}: {exc}"


def _run(job: tuple[Article, bool]) -> tuple[Article, str | None, str | None]:
    article, skip = job
    if skip:
        return article, None, None
    if _worker_pipeline is None:
        return article, "setup", _worker_error
    result = _worker_pipeline.run_one(article)
    if isinstance(result, StageFailure):
        return result.article, result.stage, f"{type(result.error).__name__}: {result.error}"
    return result, None, None


class ParallelPipeline:
    """``pipe`` with the same results as ``Pipeline.from_names(stages).pipe``."""

    def __init__(self, stages: Sequence[str], tail: Pipeline, workers: int) -> None:
        self.head, tail_names = split(stages)
        if [s.name for s in tail.stages] != tail_names:
            raise ValueError(f"tail stages {[s.name for s in tail.stages]} != {tail_names}")
        self.tail = tail
        self.workers = workers

    def pipe(
        self, articles: Iterable[Article], skip: Callable[[str], bool]
    ) -> Iterator[Article | StageFailure]:
        """Run every stage on each article, in order; articles for which ``skip(id)``
        holds pass through untouched (already stored)."""
        context = multiprocessing.get_context("spawn")  # no inherited threads or handles
        source = iter(articles)
        with context.Pool(self.workers, initializer=_init, initargs=(self.head,)) as pool:
            while window := list(islice(source, WINDOW)):
                # The store is asked here, in this thread: SQLite connections stay put.
                jobs = [(a, skip(a.id)) for a in window]
                for (original, skipped), (article, stage, error) in zip(
                    jobs, pool.map(_run, jobs, chunksize=4), strict=True
                ):
                    if skipped:
                        yield original
                    elif stage is not None:
                        yield StageFailure(article, stage, RuntimeError(error))
                    else:
                        yield self.tail.run_one(article)


def tail_pipeline(stages: Sequence[str], instances: dict[str, Any]) -> Pipeline:
    """The stages after ``mentions``, checked against what the head assigns."""
    head, tail = split(stages)
    return Pipeline.from_names(tail, instances, given=READER_FIELDS | assigned_by(head))


Runner = Callable[[Iterable[Article]], Iterator["Article | StageFailure"]]


def in_process(pipeline: Pipeline, skip: Callable[[str], bool] | None = None) -> Runner:
    """All stages here. Articles for which ``skip(id)`` holds pass through unprocessed:
    re-ingesting a corpus costs a lookup per article, not a pipeline run."""

    def run(articles: Iterable[Article]) -> Iterator[Article | StageFailure]:
        for article in articles:
            yield article if skip is not None and skip(article.id) else pipeline.run_one(article)

    return run


def adaptive(
    stages: Sequence[str], instances: dict[str, Any], workers: int, skip: Callable[[str], bool]
) -> Runner:
    """Workers for large inputs, this process alone for small ones; the same results."""

    def run(articles: Iterable[Article]) -> Iterator[Article | StageFailure]:
        source = iter(articles)
        first = list(islice(source, PARALLEL_AFTER))
        if len(first) < PARALLEL_AFTER:
            yield from in_process(Pipeline.from_names(stages, instances), skip)(first)
            return
        fan_out = ParallelPipeline(stages, tail_pipeline(stages, instances), workers)
        yield from fan_out.pipe(chain(first, source), skip)

    return run
