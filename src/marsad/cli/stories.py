"""``marsad stories`` and ``marsad story``: parsing and printing only; the logic is in
``marsad.stories.views``."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any

import click
from tqdm import tqdm

from marsad import ops
from marsad.cli.options import db_option, require_db
from marsad.store import open_store
from marsad.stories.merge import Report
from marsad.stories.views import StoryPage, StoryView, story_listing, story_page


@click.command("stories")
@db_option
@click.option("--since", help="ISO date: stories with an article dated on or after it.")
@click.option("--lang", help="Only stories with an article in this language (ar, en …).")
@click.option("--entity", help="Only stories naming this entity id (see `marsad entities`).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many stories.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story.")
@click.option(
    "--backfill",
    is_flag=True,
    help="First give stories to articles stored before stories existed (safe to repeat).",
)
def stories_command(
    db: str,
    since: str | None,
    lang: str | None,
    entity: str | None,
    limit: int,
    offset: int,
    as_json: bool,
    backfill: bool,
) -> None:
    """List stories by their latest article's date, newest first (undated last), with
    their articles side by side."""
    require_db(db)
    with open_store(db) as store:
        if backfill:
            with tqdm(unit=" articles", desc="stories", disable=None, file=sys.stderr) as bar:
                done = ops.backfill_stories(store, bar.update)
            click.echo(f"gave stories to {done} article(s)", err=True)
        listing = story_listing(store, since, lang, entity, limit, offset)
    views = listing.stories
    if as_json:
        for view in views:
            click.echo(json.dumps(_story_json(view), ensure_ascii=False))
        return
    if not views:
        click.echo(f"no stories match ({listing.total} in all)")
    else:
        click.echo(
            f"stories {offset + 1}-{offset + len(views)} of {listing.total}, latest first",
            err=True,
        )
    for view in views:
        click.echo(story_heading(view))
        for a in view.articles:
            copy = f"  (copy of {a.duplicate_of})" if a.duplicate_of else ""
            click.echo(
                f"    {a.id}  {a.lang or '?':2}  {(a.outlet or '?')[:14]:14}  "
                f"{a.published or 'undated':10}  {a.title}{copy}"
            )


@click.command("story")
@click.argument("story_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The story page as JSON.")
def story_command(story_id: str, db: str, as_json: bool) -> None:
    """Show one story: articles and why each joined, merged events and quotes, sources."""
    require_db(db)
    with open_store(db) as store:
        page = story_page(store, story_id)
    if page is None:
        raise click.ClickException(f"no story {story_id!r} in {db}; `marsad stories` lists them")
    if page.redirected_from:
        click.echo(
            f"story {page.redirected_from} was merged into {page.story.id}; showing that",
            err=True,
        )
    if as_json:
        click.echo(json.dumps(_page_json(page), ensure_ascii=False, indent=2))
    else:
        click.echo(story_text(page))


def story_heading(view: StoryView) -> str:
    return (
        f"{view.id}  {_days(view)}  {len(view.articles)} article(s)  "
        f"{'+'.join(view.languages) or '?'}  {view.independent_sources} independent source(s)"
    )


def _days(view: StoryView) -> str:
    if not view.date:
        return "undated"
    if view.last_date and view.last_date != view.date:
        return f"{view.date}..{view.last_date}"
    return view.date


def story_text(page: StoryPage) -> str:
    lines = [story_heading(page.story), "", "articles:"]
    for a in page.story.articles:
        lines.append(
            f"  {a.id}  {a.lang or '?':2}  {(a.outlet or '?')[:14]:14}  "
            f"{a.published or 'undated':10}  {a.title}"
        )
        lines.append(f"      why: {a.why}")
    lines += ["", f"events ({len(page.events)}):"]
    for e in page.events:
        who = f"{e.source or '?'} → {e.target or '?'}"
        where = f" in {e.place}" if e.place else ""
        # "on 2022-04-08" but "in 2019" / "in 2022-04": a date is only as precise as the text.
        when = f" {'on' if e.date and len(e.date) == 10 else 'in'} {e.date}" if e.date else ""
        lines.append(
            f"  {e.type}{'/' + e.mode if e.mode else ''} {who}{where}{when}"
            f"  [{len(e.reports)} report(s): {_reports(e.reports)}]"
        )
    lines += ["", f"quotes ({len(page.quotes)}):"]
    for q in page.quotes:
        lines.append(f"  {q.speaker or '(speaker not given)'}  [{len(q.reports)} report(s)]")
        for r in q.reports:
            lines.append(f"      {r.lang or '?':2} {_words(r.text)}")
    return "\n".join(lines)


def _reports(reports: list[Report]) -> str:
    return ", ".join(f"{r.article_id}@{r.start}" for r in reports)


def _words(text: str, n: int = 16) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def _story_json(view: StoryView) -> dict[str, Any]:
    data = asdict(view)
    data["languages"] = view.languages
    for article, plain in zip(view.articles, data["articles"], strict=True):
        plain["why"] = article.why
    return data


def _page_json(page: StoryPage) -> dict[str, Any]:
    return {
        "redirected_from": page.redirected_from,
        "story": _story_json(page.story),
        "events": [asdict(e) for e in page.events],
        "quotes": [asdict(q) for q in page.quotes],
    }
