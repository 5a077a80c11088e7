"""``marsad kb``: look up, check and extend the knowledge base of actors and places."""

from __future__ import annotations

import re

import click

from marsad.kb import ENTITY_TYPES, KBEntry, add_user_entry, load_kb, user_kb_dir


@click.group("kb")
def kb_group() -> None:
    """The knowledge base: shipped entries plus your own in $MARSAD_HOME/kb/*.yaml
    (default ~/.marsad/kb), which upgrades never touch."""


@kb_group.command("lookup")
@click.argument("name")
def kb_lookup(name: str) -> None:
    """Entries known under NAME, in any script or spelling."""
    found = load_kb().lookup(name)
    if not found:
        raise click.ClickException(f"no entry is known as {name!r}; `marsad kb add` adds one")
    for entry in found:
        names = " · ".join(n for ns in entry.names.values() for n in ns[:3])
        where = f"  ({entry.lat:.3f}, {entry.lon:.3f})" if entry.lat is not None else ""
        click.echo(f"{entry.id}  {entry.type}/{entry.kind or '-'}  {names}{where}")


@kb_group.command("check")
def kb_check() -> None:
    """Load the shipped and user files; report the first malformed entry with its line."""
    from marsad.entities.link import DEMONYMS_FILE, demonyms

    kb = load_kb()
    unknown = sorted({i for i in demonyms().values() if kb.get(i) is None})
    if unknown:
        raise click.ClickException(
            f"{DEMONYMS_FILE} names ids that are not in the KB: {', '.join(unknown)}"
        )
    click.echo(
        f"{len(kb)} entries load (user files in {user_kb_dir()}); every demonym names a KB country"
    )


@kb_group.command("add")
@click.option("--type", "type_", type=click.Choice(sorted(ENTITY_TYPES)), required=True)
@click.option("--en", multiple=True, help="English name(s); the first is the label.")
@click.option("--ar", multiple=True, help="Arabic name(s).")
@click.option("--ku", multiple=True, help="Kurdish (Kurmanji) name(s).")
@click.option("--kind", help="Finer kind: armed_group, camp, town, …")
@click.option("--lat", type=click.FloatRange(-90, 90))
@click.option("--lon", type=click.FloatRange(-180, 180))
@click.option("--country", help="ISO 3166-1 alpha-2 code, e.g. SY.")
@click.option("--source", help="Where the facts come from (a reference a reviewer can check).")
@click.option("--id", "entry_id", help="Default: user:<type>/<name>; a Wikidata QID if known.")
def kb_add(
    type_: str,
    en: tuple[str, ...],
    ar: tuple[str, ...],
    ku: tuple[str, ...],
    kind: str | None,
    lat: float | None,
    lon: float | None,
    country: str | None,
    source: str | None,
    entry_id: str | None,
) -> None:
    """Add an entry to your user file; it is linked from the next ingest on."""
    names = {lang: tuple(v) for lang, v in (("en", en), ("ar", ar), ("ku", ku)) if v}
    if not names:
        raise click.UsageError("give at least one name (--en, --ar or --ku)")
    first = next(iter(names.values()))[0]
    slug = re.sub(r"[^\w]+", "-", first.casefold()).strip("-")
    entry = KBEntry(
        id=entry_id or f"user:{type_.lower()}/{slug}",
        type=type_,
        names=names,
        kind=kind,
        lat=lat,
        lon=lon,
        country=country.upper() if country else None,
        source=source,
    )
    path = add_user_entry(entry)
    click.echo(f"added {entry.id} to {path}")
