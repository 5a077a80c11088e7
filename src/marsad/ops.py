"""What the command line, the API and the web UI call: plain functions over a store.

No argument parsing and no printing here; callers get typed reports back.
"""

from __future__ import annotations

import csv
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import IO, Any

from marsad import parallel
from marsad.config import DEFAULT_BATCH_SIZE
from marsad.entities.link import LinkStage
from marsad.entities.registry import EntityRegistry
from marsad.errors import InputError, StoreError
from marsad.ids import article_id
from marsad.ingest import ReadOptions, iter_inputs
from marsad.ingest.guard import checked, guarded
from marsad.ingest.jsonl import jsonl_lines, load_object
from marsad.pipeline import DEFAULT_STAGES, Pipeline, StageFailure
from marsad.record import to_record
from marsad.store import Store
from marsad.stories.cluster import Clusterer
from marsad.stories.embed import Embedder
from marsad.stories.index import MemoryIndex
from marsad.types import Article, SourceHints

log = logging.getLogger(__name__)

BATCH_SIZE = DEFAULT_BATCH_SIZE  # articles per store transaction (marsad.config)


@dataclass(slots=True)
class Problem:
    source: str
    reason: str


@dataclass(slots=True)
class IngestReport:
    read: int = 0  # articles read from the inputs
    new: int = 0
    known: int = 0  # already in the store: same input as before
    copies: int = 0  # stored, but the text copies an earlier article
    skipped: list[Problem] = field(default_factory=list)
    removed: Counter[str] = field(default_factory=Counter)  # what cleaning took away, by kind

    @property
    def nothing_read(self) -> bool:
        return self.read == 0


ProgressFn = Callable[[int], None]


def _processed(
    items: Iterable[Article | InputError],
    run: parallel.Runner,
    report: IngestReport,
    rename: Callable[[str], str] | None = None,
) -> Iterator[Article]:
    """Run the stages over readable items, recording what was skipped and why.
    ``rename`` rewrites every source (kept, stored and reported) before the stages."""

    def readable() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                source = rename(item.source) if rename else item.source
                report.skipped.append(Problem(source, item.reason))
                continue
            if rename:
                item.source = rename(item.source)
            yield item

    return tally(run(readable()), report)


def tally(
    results: Iterable[Article | InputError | StageFailure], report: IngestReport
) -> Iterator[Article]:
    """The processed articles of ``results``; what could not be read or processed goes to
    ``report.skipped`` with its reason."""
    for result in results:
        if isinstance(result, InputError):
            report.skipped.append(Problem(result.source, result.reason))
            continue
        report.read += 1
        if isinstance(result, StageFailure):
            report.skipped.append(
                Problem(result.article.source, f"stage {result.stage} failed: {result.error}")
            )
            continue
        for removed in result.removed:
            report.removed[removed.kind] += 1
        yield result


def ingest(
    inputs: Sequence[str],
    store: Store,
    *,
    options: ReadOptions | None = None,
    pipeline: Pipeline | None = None,
    progress: ProgressFn | None = None,
    report: IngestReport | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
    workers: int | None = None,
    rename: Callable[[str], str] | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestReport:
    """Read, process and store ``inputs``; each batch is committed whole or not at all.

    Pass ``report`` to keep the counts of what was committed if the run is interrupted.
    ``workers`` processes run the costly stages (default: one per core, up to 4, when the
    pipeline recognises names; results are the same as with one). ``rename`` maps each
    input's source to the one stored (the API's uploads: no server paths).
    """
    report = report if report is not None else IngestReport()
    writer = StoreWriter(store, report, progress, batch_size=batch_size)
    instances: dict[str, Any] = {"link": LinkStage(registry=writer.registry)}
    workers = workers if workers is not None else parallel.auto_workers(stages)
    run: parallel.Runner
    if pipeline is None and workers > 1:
        run = parallel.adaptive(stages, instances, workers, store.contains)
    else:
        run = parallel.in_process(
            pipeline or Pipeline.from_names(stages, instances), store.contains
        )
    for _ in writer.write(
        _processed(iter_inputs(inputs, options or ReadOptions()), run, report, rename)
    ):
        pass
    return report


class StoreWriter:
    """Processed articles into a store, ``batch_size`` per transaction, with the local
    entities they created (``registry``, which the linker must use) and their stories."""

    def __init__(
        self,
        store: Store,
        report: IngestReport,
        progress: ProgressFn | None = None,
        embedder: Embedder | None = None,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.store = store
        self.batch_size = batch_size
        self.report = report
        self.progress = progress
        self.registry = EntityRegistry.from_entities(store.local_entities())
        self.clusterer = Clusterer(embedder)

    def write(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Store ``articles``; yield each once its batch is committed (story ids set)."""
        batch: list[Article] = []
        mark = self.registry.mark()
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                mark = self._flush(batch, mark)
                yield from batch
                batch.clear()
        if batch:
            self._flush(batch, mark)
            yield from batch

    def _flush(self, batch: list[Article], mark: int) -> int:
        # The batch's articles, the local entities they created and their story links go in
        # one transaction: a kill never leaves an article without its story.
        stories = self.clusterer.assign(batch, self.store.story_index())
        results = self.store.add(batch, self.registry.new_since(mark), stories)
        for result in results:
            if result.status == "new":
                self.report.new += 1
            elif result.status == "known":
                self.report.known += 1
            else:
                self.report.copies += 1
        if self.progress:
            self.progress(len(batch))
        return self.registry.mark()


def extract(
    inputs: Sequence[str],
    *,
    options: ReadOptions | None = None,
    pipeline: Pipeline | None = None,
    report: IngestReport | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
) -> Iterator[dict[str, object]]:
    """The stateless filter: run the pipeline over inputs and yield export records.

    Local entity ids are shared across the articles of one run (one registry per call)."""
    pipeline = pipeline or Pipeline.from_names(stages)
    report = report if report is not None else IngestReport()
    yield from with_stories(
        _processed(
            iter_inputs(inputs, options or ReadOptions()), parallel.in_process(pipeline), report
        )
    )


STORY_CHUNK = 32  # articles embedded together by the stateless filter


def with_stories(
    articles: Iterable[Article], embedder: Embedder | None = None
) -> Iterator[dict[str, object]]:
    """Export records with story ids over the articles of one run: the clusterer of
    ``ingest`` over an index in memory."""
    clusterer, index = Clusterer(embedder), MemoryIndex()
    chunk: list[Article] = []

    def assign() -> Iterator[dict[str, object]]:
        index.apply(clusterer.assign(chunk, index))
        yield from (to_record(a) for a in chunk)
        chunk.clear()

    for article in articles:
        chunk.append(article)
        if len(chunk) >= STORY_CHUNK:
            yield from assign()
    if chunk:
        yield from assign()


def articles_from_jsonl(
    stream: IO[bytes], options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """Articles from JSON Lines that are already clean text (the stateless filter's stdin).

    The text is kept verbatim (format "clean") so that offsets refer to the caller's string.
    Lines over ``options.max_bytes`` are reported without being read whole.
    """
    limit = (options or ReadOptions()).max_bytes
    for lineno, line in jsonl_lines(stream, "<stdin>", limit):  # type: ignore[arg-type]
        source = f"<stdin>#L{lineno}"
        if isinstance(line, InputError):
            yield line
            continue
        item = guarded(source, partial(_clean_article, line, source, first=lineno == 1))
        yield checked(item) if isinstance(item, Article) else item


def _clean_article(line: bytes, source: str, *, first: bool) -> Article | InputError:
    obj = load_object(line, source, first=first)
    if isinstance(obj, InputError):
        return obj
    text = obj.get("text")
    if not isinstance(text, str):
        return InputError(source, 'each line needs a "text" string')
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    given_id = obj.get("id")
    return Article(
        id=str(given_id) if given_id is not None else article_id(text, url),
        source=source,
        raw=text.encode("utf-8", "surrogatepass"),  # a lone surrogate is refused by checked()
        raw_text=text,
        format="clean",
        url=url,
        hints=SourceHints(
            title=_str(obj.get("title")),
            published=_str(obj.get("published")),
            lang=_str(obj.get("lang")),
            outlet=_str(obj.get("outlet")),
        ),
    )


def process_stream(
    stream: IO[bytes],
    *,
    options: ReadOptions | None = None,
    pipeline: Pipeline | None = None,
    report: IngestReport | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
) -> Iterator[Article]:
    """JSON Lines of clean text through the pipeline, in order (no stories)."""
    pipeline = pipeline or Pipeline.from_names(stages)
    report = report if report is not None else IngestReport()
    return _processed(articles_from_jsonl(stream, options), parallel.in_process(pipeline), report)


def extract_stream(
    stream: IO[bytes],
    *,
    options: ReadOptions | None = None,
    pipeline: Pipeline | None = None,
    report: IngestReport | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
) -> Iterator[dict[str, object]]:
    yield from with_stories(
        process_stream(stream, options=options, pipeline=pipeline, report=report, stages=stages)
    )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


RECORD_FORMATS = ("jsonl", "csv")  # text formats of the records (export and extract)
# ``marsad export`` also writes Parquet (``export_parquet``) and its events as GeoJSON.
EXPORT_FORMATS = (*RECORD_FORMATS, "parquet", "geojson")
CSV_COLUMNS = (
    "id", "source", "url", "lang", "title", "outlet", "byline", "published", "dateline_place",
    "story_id", "duplicate_of", "sentences", "text",
)  # fmt: skip


def write_records(records: Iterable[dict[str, object]], out: IO[str], fmt: str = "jsonl") -> int:
    """Write export records as JSON Lines or CSV; return how many."""
    if fmt not in RECORD_FORMATS:
        raise ValueError(f"unknown record format {fmt!r}; choose one of {RECORD_FORMATS}")
    writer = csv.writer(out) if fmt == "csv" else None
    if writer:
        writer.writerow(CSV_COLUMNS)
    count = 0
    for record in records:
        if writer:
            writer.writerow(csv_row(record))
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def backfill_stories(store: Store, progress: ProgressFn | None = None) -> int:
    """Give a story to every stored article that has none (stored before stories existed),
    a batch per transaction, oldest first; return how many. Running it again does nothing."""
    clusterer, done = Clusterer(), 0
    while batch := store.without_story(BATCH_SIZE):
        writes = clusterer.assign(batch, store.story_index())
        if any(a.story_id is None for a in batch):
            raise StoreError("the story clusterer left an article without a story; please report")
        store.set_stories(batch, writes)
        done += len(batch)
        if progress is not None:
            progress(len(batch))
    return done


def export(store: Store, out: IO[str], fmt: str = "jsonl") -> int:
    """Write every stored article to ``out``; return how many."""
    return write_records((to_record(a) for a in stored_articles(store)), out, fmt)


def export_parquet(store: Store, path: str) -> int:
    """Write every stored article's export record to the Parquet file ``path`` (the schema
    of ``marsad batch``'s output); return how many."""
    from pathlib import Path

    from marsad.event_formats import require_pyarrow

    require_pyarrow()  # before the batch module says "marsad batch needs pyarrow"
    from marsad.batch.parquet import write_file

    return write_file((to_record(a) for a in stored_articles(store)), Path(path))


def stored_articles(store: Store) -> Iterator[Article]:
    """Stored articles with the current name of each local entity: a name can grow after an
    article was linked ("Zabidov" → "زبيد الله زبيدوف" once the Arabic report arrives)."""
    canonical = {e.id: e.canonical for e in store.local_entities()}
    for article in store.iter_articles():
        for mention in article.mentions:
            if mention.entity_id in canonical:
                mention.name = canonical[mention.entity_id]
        yield article


@dataclass(slots=True)
class Digest:
    articles: int
    copies: int
    by_lang: dict[str, int]
    by_outlet: dict[str, int]
    published: dict[str, int]  # ISO date -> articles
    undated: int
    date_mentions: int
    relative_dates: int
    removed: Counter[str]
    removed_chars: Counter[str]
    rows: list[Article]
    stories: int = 0
    multilingual_stories: int = 0  # stories reported in more than one language
    events: Counter[str] = field(default_factory=Counter)  # PLOVER type -> events
    quotes: int = 0


def digest(store: Store, *, max_rows: int = 50) -> Digest:
    """A short summary of what the store holds, for humans (``marsad digest``)."""
    stats = store.stats()
    published: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    removed_chars: Counter[str] = Counter()
    mentions = relative = undated = 0
    rows: list[Article] = []
    story_langs: dict[str, set[str]] = {}
    events: Counter[str] = Counter()
    quotes = 0
    for article in store.iter_articles():
        if article.story_id:
            story_langs.setdefault(article.story_id, set()).add(article.lang or "?")
        events.update(e.type for e in article.events or ())
        quotes += len(article.quotes or ())
        if article.published:
            published[article.published] += 1
        else:
            undated += 1
        mentions += len(article.dates)
        relative += sum(1 for d in article.dates if d.value is None)
        for r in article.removed:
            removed[r.kind] += 1
            removed_chars[r.kind] += len(r.text)
        if len(rows) < max_rows:
            rows.append(article)
    return Digest(
        articles=stats.articles,
        copies=stats.copies,
        by_lang=stats.by_lang,
        by_outlet=stats.by_outlet,
        published=dict(sorted(published.items())),
        undated=undated,
        date_mentions=mentions,
        relative_dates=relative,
        removed=removed,
        removed_chars=removed_chars,
        rows=rows,
        stories=len(story_langs),
        multilingual_stories=sum(1 for langs in story_langs.values() if len(langs) > 1),
        events=events,
        quotes=quotes,
    )


def csv_row(record: dict[str, object]) -> list[object]:
    """One CSV row of an export record; sentences become their count."""
    row: list[object] = []
    for column in CSV_COLUMNS:
        value = record.get(column)
        if column == "sentences" and isinstance(value, list):
            value = len(value)
        row.append("" if value is None else value)
    return row
