"""``marsad``: turn Arabic and English news into structured, searchable knowledge."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from marsad import config, ops
from marsad.cli.batch import batch_command
from marsad.cli.kb import kb_group
from marsad.cli.options import (
    db_option,
    make_read_options,
    read_options,
    require_db,
    stage_options,
    stages_for,
)
from marsad.cli.render import (
    article_text,
    digest_text,
    entity_table,
    entity_text,
    event_line,
    ingest_summary,
)
from marsad.cli.search import search_command
from marsad.cli.serve import serve_command
from marsad.cli.store import config_command, migrate_command
from marsad.cli.stories import stories_command, story_command
from marsad.cli.train import train_group
from marsad.config import DEFAULT_DB
from marsad.errors import MarsadError
from marsad.event_formats import EVENT_FORMATS, format_of
from marsad.event_rows import STATUS_CHOICES
from marsad.store import open_store


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="marsad")
def cli(verbose: int) -> None:
    """Marsad: structured, searchable knowledge from Arabic and English conflict news.

    Start with `marsad demo`, or `marsad ingest FOLDER` then `marsad digest`.
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(
        level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s"
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@read_options
@stage_options
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Processes for the costly stages (default: one per core, up to 4).",
)
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
def ingest(
    paths: tuple[str, ...],
    db: str,
    max_bytes: int,
    timeout: float,
    no_follow_links: bool,
    fast: bool,
    workers: int | None,
    progress: bool | None,
) -> None:
    """Read files, folders (recursively) and URLs into the store.

    PATHS may be plain text scrapes, HTML pages, JSON Lines (one article per line with
    "text" or "html"), WARC/WARC.gz, RSS/Atom feed files, or http(s) URLs of feeds and
    pages. Broken inputs are reported and skipped; the command fails only when nothing
    could be read.
    """
    show = sys.stderr.isatty() if progress is None else progress
    settings = config.load({"workers": workers})
    report = ops.IngestReport()
    with open_store(db) as store, tqdm(unit=" articles", disable=not show, file=sys.stderr) as bar:
        try:
            ops.ingest(
                list(paths),
                store,
                options=make_read_options(max_bytes, timeout, no_follow_links),
                progress=bar.update,
                report=report,
                stages=stages_for(fast),
                workers=settings.workers,
                batch_size=settings.batch_size,
            )
        except KeyboardInterrupt:
            bar.close()
            click.echo(ingest_summary(report), err=True)
            click.echo(
                f"interrupted: the {report.new + report.copies} article(s) above are committed; "
                "the batch in flight was rolled back. Run the same command again to continue.",
                err=True,
            )
            sys.exit(130)
    click.echo(ingest_summary(report), err=True)
    if report.nothing_read:
        raise click.ClickException("nothing could be read from the given paths (see above)")


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format", "fmt", type=click.Choice(ops.RECORD_FORMATS), default="jsonl", show_default=True
)
@read_options
@stage_options
def extract(
    paths: tuple[str, ...],
    fmt: str,
    max_bytes: int,
    timeout: float,
    no_follow_links: bool,
    fast: bool,
) -> None:
    """Run the pipeline without a store and print records (the export contract).

    With no PATHS or with `-`, read JSON Lines from standard input: one article per line
    with at least "text" (already clean; offsets refer to it verbatim) and optionally
    "id", "title", "lang", "url", "published".
    """
    report = ops.IngestReport()
    options = make_read_options(max_bytes, timeout, no_follow_links)
    if not paths or paths == ("-",):
        records = ops.extract_stream(
            sys.stdin.buffer, options=options, report=report, stages=stages_for(fast)
        )
    else:
        records = ops.extract(list(paths), options=options, report=report, stages=stages_for(fast))
    ops.write_records(records, sys.stdout, fmt)
    for problem in report.skipped:
        click.echo(f"skipped {problem.source}: {problem.reason}", err=True)
    if report.nothing_read:
        raise click.ClickException("nothing could be read")


@cli.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(ops.EXPORT_FORMATS), default="jsonl", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File (default: stdout)."
)
def export(db: str, fmt: str, output: str | None) -> None:
    """Write every stored article as JSON Lines (the export contract), CSV or Parquet (the
    same records), or every event with a point as GeoJSON."""
    require_db(db)
    with open_store(db) as store:
        if fmt == "geojson":
            from marsad.event_rows import EventFilter, stored_event_rows

            _write_events(stored_event_rows(store, EventFilter()), fmt, output)
            return
        try:
            if fmt == "parquet":
                if not output:
                    raise MarsadError("Parquet is a binary file: give it a name with -o FILE")
                n = ops.export_parquet(store, output)
            elif output:
                with open(output, "w", encoding="utf-8", newline="") as fh:
                    n = ops.export(store, fh, fmt)
            else:
                ops.export(store, sys.stdout, fmt)
                return
        except MarsadError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"wrote {n} article(s) to {output}", err=True)


@cli.command()
@click.argument("article_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the export record instead.")
def show(article_id: str, db: str, as_json: bool) -> None:
    """Print one article readably (ARTICLE_ID may be a unique prefix of 6+ characters)."""
    require_db(db)
    with open_store(db) as store:
        article = store.get(article_id)
    if article is None:
        raise click.ClickException(
            f"no article {article_id!r} in {db}; `marsad digest` lists the ids"
        )
    if as_json:
        from marsad.record import to_record

        click.echo(json.dumps(to_record(article), ensure_ascii=False, indent=2))
    else:
        click.echo(article_text(article))


@cli.command()
@db_option
def digest(db: str) -> None:
    """Summarise the store: articles per language and outlet, dates, what was cleaned."""
    require_db(db)
    with open_store(db) as store:
        click.echo(digest_text(ops.digest(store)))


@cli.command()
@db_option
def demo(db: str) -> None:
    """Ingest the bundled sample corpus (five seed articles) and print the digest."""
    from marsad.sample import sample_dir

    with open_store(db) as store:
        report = ops.ingest([str(sample_dir())], store)
        click.echo(ingest_summary(report), err=True)
        click.echo(digest_text(ops.digest(store)))
    db_arg = "" if db == DEFAULT_DB else f" --db {db}"
    click.echo(
        f"\nNext: `marsad stories{db_arg}`, `marsad events{db_arg}`, or"
        f" `marsad serve{db_arg}` and open http://127.0.0.1:8000 in a browser."
    )


@cli.group("eval")
def eval_group() -> None:
    """Measure quality against gold data."""


@eval_group.command("extraction")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, help="Only the first N pages.")
def eval_extraction(data_dir: Path, limit: int | None) -> None:
    """Token-level F1 of Marsad's HTML path next to plain trafilatura.

    DATA_DIR holds ground-truth.json and html/ (the article-extraction-benchmark layout).
    """
    from marsad.eval.extraction import evaluate_extraction

    click.echo(json.dumps(evaluate_extraction(data_dir, limit=limit), indent=2))


@cli.command()
@db_option
@click.option(
    "--type",
    "label",
    type=click.Choice(["PER", "ORG", "GPE", "LOC", "FAC", "NORP"]),
    help="Only entities of this type.",
)
@click.option("--query", "-q", help="A name in any script or spelling (Qamishli, قامشلو).")
@click.option("--limit", type=int, default=50, show_default=True)
def entities(db: str, label: str | None, query: str | None, limit: int) -> None:
    """List canonical entities with their names and mention counts."""
    from marsad.entities.views import list_entities

    require_db(db)
    with open_store(db) as store:
        click.echo(entity_table(list_entities(store, label, query, limit)))


@cli.command()
@click.argument("entity_id")
@db_option
def entity(entity_id: str, db: str) -> None:
    """Show one entity: names in every script, mentions per article, co-mentioned actors."""
    from marsad.entities.views import entity_page

    require_db(db)
    with open_store(db) as store:
        page = entity_page(store, entity_id)
    if page is None:
        raise click.ClickException(
            f"no mentions of {entity_id!r} in {db}; `marsad entities` lists the ids"
        )
    click.echo(entity_text(page))


@cli.command()
@db_option
@click.option("--type", "type_", help="PLOVER type: CONSULT, REQUEST, ACCUSE, ASSAULT, …")
@click.option("--actor", help="Source or target: an entity id or part of a name.")
@click.option("--place", help="An entity id or part of a place name.")
@click.option("--since", help="ISO date: events on or after it.")
@click.option(
    "--status",
    type=click.Choice(STATUS_CHOICES),
    default="real",
    show_default=True,
    help="Events the text reports as happening (real), denied, or only possible or planned.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EVENT_FORMATS),
    help="A table for PLOVER/ACLED users (default: lines to read; with -o, from its suffix).",
)
@click.option("--csv", "as_csv", is_flag=True, help="The same as --format csv.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True))
def events(
    db: str,
    type_: str | None,
    actor: str | None,
    place: str | None,
    since: str | None,
    status: str,
    fmt: str | None,
    as_csv: bool,
    output: str | None,
) -> None:
    """List coded events with actors, place, date and evidence (one row per event)."""
    from marsad.event_rows import EventFilter, stored_event_rows

    try:
        where = EventFilter(type_, actor, place, since, status)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    fmt = "csv" if as_csv else fmt or (format_of(output) if output else None)
    require_db(db)
    with open_store(db) as store:
        rows = stored_event_rows(store, where)
        if fmt is not None:
            _write_events(rows, fmt, output)
            return
        shown = 0
        for row in rows:
            shown += 1
            click.echo(event_line(row))
        if not shown:
            click.echo("no events match")


def _write_events(rows: Any, fmt: str, output: str | None) -> None:
    from marsad.event_formats import write_events

    try:
        written = write_events(rows, fmt, None if output else sys.stdout, output)
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc
    if output:
        click.echo(f"wrote {written.rows} event(s) to {output}", err=True)
    if written.skipped:
        click.echo(f"left out {written.skipped} event(s) without coordinates", err=True)


def _stdout() -> Any:
    import contextlib

    return contextlib.nullcontext(sys.stdout)


@cli.group("names")
def names_group() -> None:
    """Cross-script name matching (Arabic and Latin spellings)."""


@names_group.command("similarity")
@click.argument("a")
@click.argument("b")
def names_similarity(a: str, b: str) -> None:
    """How likely A and B are the same name, 0..1 (e.g. "Abdul Karim Omar" "عبد الكريم عمر")."""
    from marsad.names import MATCH_THRESHOLD, similarity

    score = similarity(a, b)
    verdict = "same name" if score >= MATCH_THRESHOLD else "different names"
    click.echo(f"{score:.3f}  ({verdict} at threshold {MATCH_THRESHOLD})")


cli.add_command(batch_command)
cli.add_command(kb_group)
cli.add_command(stories_command)
cli.add_command(story_command)
cli.add_command(search_command)
cli.add_command(serve_command)
cli.add_command(train_group)
cli.add_command(migrate_command)
cli.add_command(config_command)


@eval_group.command("stories")
@click.option(
    "--part",
    type=click.Choice(["held-out", "tune", "all"]),
    default="held-out",
    show_default=True,
    help="Part of the dev set: held-out (fixed by a hash of the record id), tune or all.",
)
def eval_stories(part: str) -> None:
    """Same-story grouping on real English and Arabic reports grouped by hand: pairwise
    and B-cubed precision/recall/F1 per language pair (JSON)."""
    from tqdm import tqdm

    from marsad.eval.stories import evaluate_stories

    with tqdm(unit=" articles", desc=f"stories {part}", disable=None, file=sys.stderr) as bar:
        report = evaluate_stories(part, progress=bar.update)
    click.echo(json.dumps(report, indent=2))


@eval_group.command("ner")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["en", "ar"]), required=True)
@click.option("--limit", type=int, help="Only the first N sentences of each part.")
@click.option(
    "--part",
    type=click.Choice(["held-out", "tune", "train", "all"]),
    multiple=True,
    help="Parts of the fixed split to score (default: held-out, then tune).",
)
def eval_ner(path: Path, lang: str, limit: int | None, part: tuple[str, ...]) -> None:
    """Entity-level P/R/F1 of the mentions stage on CoNLL-2003, ANERcorp or FANE gold.

    Each part of the fixed split by record id is scored apart: held-out (never trained
    on, never read) first, then tune (picked the training epoch). The train parts of
    ANERcorp and FANE trained the Arabic model; their figures are fitted.
    """
    from marsad.eval.ner import PARTS, evaluate_ner

    report = {p: evaluate_ner(path, lang, limit=limit, part=p) for p in part or PARTS}
    click.echo(json.dumps(report, indent=2, ensure_ascii=False))


@eval_group.command("geo")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=int, help="Only the first N articles.")
@click.option("--no-recogniser", is_flag=True, help="Only geocode the gold toponym spans.")
def eval_geo(path: Path, limit: int | None, no_recogniser: bool) -> None:
    """Share of gold toponyms placed within 161 km (LGL, TR-News, GeoVirus XML)."""
    from marsad.eval.geo import evaluate_geo

    result = evaluate_geo(path, limit, with_recogniser=not no_recogniser)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False))


@eval_group.command("events")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, help="Only the first N sentences of each set.")
@click.option(
    "--part",
    type=click.Choice(["held-out", "tune", "all"]),
    multiple=True,
    help="Parts of the fixed split by record id to score (default: held-out, then tune).",
)
@click.option("--typer", is_flag=True, help="Type events with the learned typer (E5 + rules).")
def eval_events(data_dir: Path, limit: int | None, part: tuple[str, ...], typer: bool) -> None:
    """Per-type precision, recall and F1 of the events stage (PLOVER gold, English and Arabic).

    DATA_DIR holds plover_gsr_en/ and plover_gsr_ar/ (or is one of them). The held-out
    third (by a hash of the record id) trained nothing and its errors were never read;
    the tune part trained the event-type heads, so its figures are fitted.
    """
    from marsad.eval.events import evaluate_events
    from marsad.events.stage import EventsStage

    stage = EventsStage(typer=typer)
    parts = part or ("held-out", "tune")
    report = {p: evaluate_events(data_dir, limit, stage=stage, part=p) for p in parts}
    click.echo(json.dumps(report, indent=2, ensure_ascii=False))


def main() -> None:
    try:
        cli(standalone_mode=True)
    except MarsadError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
