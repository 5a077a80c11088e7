"""``marsad migrate`` (create a store or bring its schema up to date) and ``marsad
config`` (the settings in force)."""

from __future__ import annotations

import click

from marsad import config
from marsad.cli.options import db_option
from marsad.store import migrate


@click.command("migrate")
@db_option
def migrate_command(db: str) -> None:
    """Create the store at --db, or apply the schema migrations it lacks, and fill any
    index it lacks. Safe to run again; every other command does it too on first use, so
    this is for a shared PostgreSQL database before its users start (one run, by its
    owner)."""
    applied, schema = migrate(db)
    for name in applied:
        click.echo(f"applied {name}")
    click.echo(f"{len(schema)} migration(s) in {db}: schema is up to date")


@click.command("config")
def config_command() -> None:
    """Show the settings in force and where each comes from: a flag, the environment
    ($MARSAD_DB, $MARSAD_HOME, $MARSAD_WORKERS, $MARSAD_BATCH_SIZE), the config file
    ($MARSAD_CONFIG, else $MARSAD_HOME/config.toml, with db, workers and batch_size) or
    the default."""
    for name, value, source in config.load().shown():
        click.echo(f"{name:<11} {value:<40} ({source})")
