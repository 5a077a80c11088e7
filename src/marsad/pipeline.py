"""The stage registry and the pipeline that runs stages over batches of articles.

A stage is a callable over a batch that fills fields of each Article in place. It
declares the fields it requires and assigns, so ``Pipeline`` can refuse a wrong order
before any article is touched. One article that makes a stage fail is set aside with its
error; the rest of the batch goes on (spaCy's error-handler habit).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from marsad.errors import PipelineError
from marsad.ids import article_id
from marsad.types import Article

log = logging.getLogger(__name__)

# Fields a reader fills before any stage runs.
READER_FIELDS = frozenset({"id", "source", "raw", "raw_text", "format", "url", "hints", "encoding"})


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    backend: str

    def __call__(self, article: Article) -> None: ...


@dataclass(frozen=True, slots=True)
class StageFailure:
    article: Article
    stage: str
    error: Exception


_REGISTRY: dict[str, Callable[[], Stage]] = {}


def register(name: str) -> Callable[[Callable[[], Stage]], Callable[[], Stage]]:
    """Register a stage factory under ``name`` so configs can name it."""

    def wrap(factory: Callable[[], Stage]) -> Callable[[], Stage]:
        _REGISTRY[name] = factory
        return factory

    return wrap


def registered() -> list[str]:
    _load_builtin_stages()
    return sorted(_REGISTRY)


_BUILTIN_STAGE_MODULES = (
    "marsad.clean.stage",
    "marsad.meta.stage",
    "marsad.lang.stage",
    "marsad.segment.stage",
    "marsad.entities.recognize.stage",
    "marsad.entities.link",
    "marsad.geo.stage",
    "marsad.quotes.stage",
    "marsad.events.stage",
)


def assigned_by(names: Iterable[str]) -> set[str]:
    """What the named stages assign, read from their classes without building them."""
    _load_builtin_stages()
    out: set[str] = set()
    for name in names:
        out.update(getattr(_REGISTRY[name], "assigns", ()))
    return out


def _load_builtin_stages() -> None:
    # Importing the stage modules runs their @register decorators.
    for module in _BUILTIN_STAGE_MODULES:
        importlib.import_module(module)


DEFAULT_STAGES = (
    "clean", "metadata", "lang", "sentences", "mentions", "link", "geo", "quotes", "events",
)  # fmt: skip
# The article stages alone: what `--fast` runs (no names; the stories after them still run).
CORE_STAGES = ("clean", "metadata", "lang", "sentences")


class Pipeline:
    def __init__(self, stages: Sequence[Stage], given: Iterable[str] = READER_FIELDS) -> None:
        """``given``: fields already filled before the first stage (by the reader, or by
        earlier stages run elsewhere, as in ``marsad.parallel``)."""
        self.stages = list(stages)
        self._check_order(set(given))

    @classmethod
    def from_names(
        cls,
        names: Iterable[str] = DEFAULT_STAGES,
        instances: Mapping[str, Stage] | None = None,
        given: Iterable[str] = READER_FIELDS,
    ) -> Pipeline:
        """Stages by name, built by their registered factories; ``instances`` supplies
        ready-made stages for some names (a linker holding the store's entity registry)."""
        _load_builtin_stages()
        names = list(names)
        instances = instances or {}
        missing = [n for n in names if n not in _REGISTRY and n not in instances]
        if missing:
            raise PipelineError(f"unknown stage(s) {missing}; known: {sorted(_REGISTRY)}")
        return cls([instances[n] if n in instances else _REGISTRY[n]() for n in names], given)

    def stage(self, name: str) -> Stage | None:
        return next((s for s in self.stages if s.name == name), None)

    def _check_order(self, have: set[str]) -> None:
        for stage in self.stages:
            lacking = [f for f in stage.requires if f not in have]
            if lacking:
                raise PipelineError(
                    f"stage {stage.name!r} requires {lacking}, which no earlier stage assigns"
                )
            have.update(stage.assigns)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article | StageFailure]:
        """Run every stage on each article; yield the article, or its failure."""
        for article in articles:
            yield self.run_one(article)

    def run_one(self, article: Article) -> Article | StageFailure:
        for stage in self.stages:
            try:
                stage(article)
            except Exception as exc:  # one bad document must not stop the batch
                log.warning("stage %s failed on %s: %s", stage.name, article.source, exc)
                return StageFailure(article, stage.name, exc)
            article.annotated_by[stage.name] = stage.backend
        return article

    def __call__(self, article: Article | str, *, url: str | None = None) -> Article:
        """Process one article; a string is read as a scraped text page."""
        if isinstance(article, str):
            article = Article(
                id=article_id(article, url),
                source=url or "<text>",
                raw=article.encode("utf-8"),
                raw_text=article,
                url=url,
            )
        result = self.run_one(article)
        if isinstance(result, StageFailure):
            raise PipelineError(f"stage {result.stage} failed: {result.error}") from result.error
        return result
