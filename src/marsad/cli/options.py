"""Options shared by several commands, declared once."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import click

from marsad.ingest import ReadOptions
from marsad.pipeline import CORE_STAGES, DEFAULT_STAGES

DEFAULT_DB = "marsad.db"

db_option = click.option(
    "--db",
    default=lambda: os.environ.get("MARSAD_DB", DEFAULT_DB),
    show_default="./marsad.db or $MARSAD_DB",
    help="Store to use: a SQLite file path.",
)


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
