"""``marsad batch``: the pipeline over a corpus on Ray, Parquet records out."""

from __future__ import annotations

import sys
from contextlib import nullcontext

import click
from tqdm import tqdm

from marsad import ops
from marsad.cli.options import make_read_options, read_options, stage_options, stages_for
from marsad.cli.render import ingest_summary
from marsad.store import open_store


@click.command("batch")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, writable=True),
    help="Folder for articles.parquet (replaced whole when the run ends).",
)
@click.option(
    "--db",
    help="Also load every article into this store (SQLite file), as `ingest` would.",
)
@click.option(
    "--ray-address",
    help="A running Ray cluster (ray://HOST:10001, or auto); marsad must be installed on"
    " its nodes. Default: a local Ray instance for this run.",
)
@click.option(
    "--num-cpus", type=click.IntRange(1), help="Cores for the local Ray instance (default: all)."
)
@click.option(
    "--workers", type=click.IntRange(1), help="Workers for the pure stages (default: Ray's CPUs)."
)
@read_options
@stage_options
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
def batch_command(
    paths: tuple[str, ...],
    out_dir: str,
    db: str | None,
    ray_address: str | None,
    num_cpus: int | None,
    workers: int | None,
    max_bytes: int,
    timeout: float,
    no_follow_links: bool,
    fast: bool,
    progress: bool | None,
) -> None:
    """Run the pipeline over files and folders on Ray Data; write OUT/articles.parquet.

    PATHS are what `marsad extract` reads (JSON Lines, WARC, HTML, text, feeds) plus
    Parquet tables with a "text" or "html" column and the JSON Lines fields. The records
    are those of `marsad extract` on the same input (the export contract), one row per
    article; entity and story ids do not depend on how Ray splits the work. Needs the
    `batch` extra: pip install 'marsad[batch]'.
    """
    from marsad.batch.job import run_batch
    from marsad.batch.run import RayOptions

    show = sys.stderr.isatty() if progress is None else progress
    report = ops.IngestReport()
    options = make_read_options(max_bytes, timeout, no_follow_links)
    ray_options = RayOptions(ray_address, num_cpus, workers)
    with (
        tqdm(unit=" articles", disable=not show, file=sys.stderr) as bar,
        open_store(db) if db else nullcontext() as store,
    ):
        n = run_batch(
            list(paths),
            out_dir,
            stages=stages_for(fast),
            options=options,
            ray_options=ray_options,
            store=store,
            report=report,
            progress=bar.update,
        )
    for problem in report.skipped:
        click.echo(f"skipped {problem.source}: {problem.reason}", err=True)
    if db:
        click.echo(ingest_summary(report), err=True)
    click.echo(f"wrote {n} article(s) to {out_dir}", err=True)
    if report.nothing_read:
        raise click.ClickException("nothing could be read from the given paths (see above)")
