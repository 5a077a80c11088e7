"""``marsad search``: full-text, entity-aware search over the store."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

import click

from marsad.cli.options import db_option, require_db
from marsad.search import SearchPage, SearchQuery, search
from marsad.search.model import MAX_LIMIT
from marsad.store import open_store


def page_text(page: SearchPage, styled: bool) -> str:
    """Hits as text; matched words in bold on a terminal, in «…» otherwise."""

    def mark(text: str) -> str:
        return click.style(text, bold=True, fg="yellow") if styled else f"«{text}»"

    q = page.query
    shown = f"{q.offset + 1}-{q.offset + len(page.hits)}" if page.hits else "none"
    lines = [f"{page.total} article(s) match; showing {shown}"]
    for e in page.entities:
        lines.append(f"  {e.words!r} names {e.name} ({e.entity_id}): mentions of it match too")
    for hit in page.hits:
        title = hit.title or ""
        for span in reversed(hit.title_highlights):
            title = title[: span.start] + mark(title[span.start : span.end]) + title[span.end :]
        lines.append("")
        lines.append(
            f"{hit.article_id}  {hit.lang or '?':2}  {hit.published or 'undated':10}  "
            f"{(hit.outlet or '?')[:14]:14}  {title}"
        )
        body = "".join(mark(s.text) if s.hit else s.text for s in hit.snippet.segments)
        body = " ".join(body.split())
        lead = "… " if hit.snippet.truncated_start else ""
        tail = " …" if hit.snippet.truncated_end else ""
        lines.append(f"    {lead}{body}{tail}")
    return "\n".join(lines)


@click.command("search")
@click.argument("query", default="")
@db_option
@click.option("--lang", help="Only articles in this language (ar, en).")
@click.option("--outlet", help="Only articles from this outlet (as `marsad digest` names it).")
@click.option("--since", help="ISO date: published on or after it.")
@click.option("--until", help="ISO date: published on or before it.")
@click.option("--entity", help="Only articles mentioning this entity (an id or a name).")
@click.option("--type", "event_type", help="Only articles with an event of this PLOVER type.")
@click.option("--place", help="Only articles naming this place (an id or a name, any script).")
@click.option("--limit", type=click.IntRange(1, MAX_LIMIT), default=10, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many hits (paging).")
@click.option("--json", "as_json", is_flag=True, help="Print the result page as JSON.")
def search_command(
    query: str,
    db: str,
    lang: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    entity: str | None,
    event_type: str | None,
    place: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """Find articles: QUERY words in Arabic or English, all of which must match.

    Spelling is forgiven: الادارة finds الإدارة and والإدارة; "attacks" finds "attack". A name
    of a place or actor also finds articles naming it in the other script (Qamishli finds
    قامشلو). Use "double quotes" for a phrase and word* for a prefix. With no QUERY, lists
    the newest articles that pass the filters.
    """
    require_db(db)
    try:
        wanted = SearchQuery(
            query, lang, outlet, since, until, entity, event_type, place, limit, offset
        )
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    with open_store(db) as store:
        page = search(store, wanted)
    if as_json:
        click.echo(json.dumps(asdict(page), ensure_ascii=False, indent=2))
    else:
        click.echo(page_text(page, styled=sys.stdout.isatty()))
