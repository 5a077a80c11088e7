"""Options shared by several commands, declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from marsad import config
from marsad.ingest import ReadOptions
from marsad.pipeline import CORE_STAGES, DEFAULT_STAGES
from marsad.store import is_postgresql

db_option = click.option(
    "--db",
    default=lambda: config.load().db,
    show_default="$MARSAD_DB, else db in the config file (see marsad config), else marsad.db",
    help="Store to use: a SQLite file path, or a postgresql://user@host/database URL.",
)


def require_db(db: str) -> None:
    """Commands that read a store: a SQLite file must exist (a PostgreSQL database is
    checked when connecting)."""
    if not is_postgresql(db) and not Path(db).exists():
        raise click.ClickException(f"no store at {db}; run `marsad ingest PATH --db {db}` first")


def read_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--max-bytes, --timeout and --no-follow-links, turned into one ReadOptions."""
    defaults = ReadOptions()
    f = click.option(
        "--no-follow-links",
        is_flag=True,
        help="Do not fetch the page of a feed item whose own content is short.",
    )(f)
    f = click.option(
        "--timeout",
        type=float,
        default=defaults.timeout,
        show_default=True,
        help="Seconds to wait for each HTTP request.",
    )(f)
    f = click.option(
        "--max-bytes",
        type=int,
        default=defaults.max_bytes,
        show_default=True,
        help="Skip (and report) files or articles larger than this.",
    )(f)
    return f


def make_read_options(max_bytes: int, timeout: float, no_follow_links: bool) -> ReadOptions:
    return ReadOptions(timeout=timeout, max_bytes=max_bytes, follow_links=not no_follow_links)


def stage_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--fast: only the article stages (clean, metadata, language, sentences)."""
    return click.option(
        "--fast",
        is_flag=True,
        help="Only clean, date, language and sentences: no names, places, quotes or events"
        " for these articles. Stories still run, and their embeddings are most of the time:"
        " measured 1.0-1.7x faster on real news (bench/results/speed.md).",
    )(f)


def stages_for(fast: bool) -> tuple[str, ...]:
    return CORE_STAGES if fast else DEFAULT_STAGES
