"""The names of a page in the interface's language: ``?ui=ar`` shows an entity's Arabic
name wherever the knowledge base or the articles give one (chips, actors of events,
speakers, "appears with", story event headings); the article text itself is never
changed. Applied to a page's views after they are built, so building them stays
language-free."""

from __future__ import annotations

from collections.abc import Iterable

from marsad.web.facts import Fact, MergedFact, detail_of
from marsad.web.names import NameBook
from marsad.web.pages import ArticlePanel, EntityView, StoryView


def fact(f: Fact, book: NameBook) -> None:
    for link in f.links:
        link.name = book.name(link.entity_id, link.name)
    if f.kind == "event" and f.links:
        f.detail = detail_of(f.links)
    elif f.kind == "quote" and f.links:
        f.heading = f.links[0].name


def facts(items: Iterable[Fact], book: NameBook) -> None:
    for f in items:
        fact(f, book)


def panel(p: ArticlePanel, book: NameBook) -> None:
    for e in p.entities:
        e.name = book.name(e.id, e.name)
    facts(p.events, book)
    facts(p.quotes, book)


def merged(groups: Iterable[MergedFact], book: NameBook) -> None:
    for g in groups:
        for link in g.links:
            link.name = book.name(link.entity_id, link.name)
        if g.links and g.links[0].role == "speaker":
            g.heading = g.links[0].name
        elif g.links:
            g.detail = detail_of(g.links)
        facts(g.facts, book)


def story(view: StoryView, book: NameBook) -> None:
    for p in view.panels:
        panel(p, book)
    merged(view.events, book)
    merged(view.quotes, book)


def entity(view: EntityView, book: NameBook) -> str:
    """Localizes the timeline's events; returns the entity's name to show."""
    for a in view.timeline:
        facts(a.events, book)
    e = view.page.entity
    own = e.names.get(book.lang) if book.lang != "en" else None
    return own[0] if own else e.name
