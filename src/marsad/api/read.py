"""Read endpoints under /api: articles, entities, events, quotes, search, stats, stories.

They only read: no endpoint here writes to the store (a test compares a dump of the
database before and after a sweep of every one). Filters arrive as typed query
parameters and reach SQL only as bound parameters (see ``marsad.store.sqlite.search``).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse

from marsad.api.deps import get_store
from marsad.api.errors import READ_ERRORS, ApiError, declared
from marsad.api.params import (
    MAX_LIMIT,
    Day,
    EntityLabel,
    EntityParam,
    EventStatus,
    EventType,
    Lang,
    Limit,
    NameFilter,
    Offset,
    Outlet,
    Place,
)
from marsad.event_rows import EventFilter, stored_event_rows
from marsad.record import to_record
from marsad.search import SearchPage, SearchQuery, search
from marsad.search.query import plan
from marsad.store import Store
from marsad.store.protocol import QuoteQuery, StoredQuote
from marsad.types import Article

router = APIRouter(prefix="/api", responses=READ_ERRORS)
NOT_FOUND = declared(404)
NO_STORIES = declared(501)
MERGED: dict[int | str, dict[str, Any]] = {
    301: {"description": "The story was merged into another: Location is its address."}
}
StoreDep = Annotated[Store, Depends(get_store)]


def _envelope(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _with_current_names(store: Store, article: Article) -> Article:
    """Local entities' names can grow after an article was linked; show the latest."""
    for mention in article.mentions:
        if mention.entity_id and mention.entity_id.startswith("L-"):
            local = store.local_entity(mention.entity_id)
            if local is not None:
                mention.name = local.canonical
    return article


def _summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "lang": article.lang,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        "story_id": article.story_id,
        "duplicate_of": article.duplicate_of,
    }


@router.get("/articles", summary="List articles, newest first, with filters")
def list_articles(
    store: StoreDep,
    lang: Lang = None,
    outlet: Outlet = None,
    since: Day = None,
    until: Day = None,
    entity: EntityParam = None,
    type: EventType = None,
    place: Place = None,
    copies: Annotated[bool, Query(description="Include copies of other articles.")] = True,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Article summaries (id, title, lang, outlet, published, url, story_id, duplicate_of).
    `GET /api/articles/{id}` gives the full record."""
    query = SearchQuery("", lang, outlet, since, until, entity, type, place, limit, offset, copies)
    found = store.search_rows(plan(store, query))
    items = [_summary(a) for r in found.rows if (a := store.get(r.article_id)) is not None]
    return _envelope(items, found.total, limit, offset)


@router.get("/articles/{article_id}", summary="One article: the export record", responses=NOT_FOUND)
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """The export record of SCHEMA.md (`marsad show --json`); the id may be a unique prefix
    of 6+ characters."""
    article = store.get(article_id)
    if article is None:
        raise ApiError(404, f"no article {article_id!r}; GET /api/articles lists the ids")
    return to_record(_with_current_names(store, article))


@router.get("/search", response_model=SearchPage, summary="Full-text, entity-aware search")
def search_articles(
    store: StoreDep,
    q: Annotated[str, Query(description='Words (all must match), "phrases", prefix*.')] = "",
    lang: Lang = None,
    outlet: Outlet = None,
    since: Day = None,
    until: Day = None,
    entity: EntityParam = None,
    type: EventType = None,
    place: Place = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchPage:
    """Arabic spelling variants (hamza, ta marbuta, alef maqsura, diacritics, tatweel, the
    article and clitics) and English plurals match; a name of an entity also matches
    articles naming it in any script. Snippet offsets index the article's `text`."""
    return search(
        store, SearchQuery(q, lang, outlet, since, until, entity, type, place, limit, offset)
    )


def _entity_json(view: Any) -> dict[str, Any]:
    kb = view.kb
    return {
        "id": view.id,
        "label": view.label,
        "name": view.name,
        "mentions": view.mentions,
        "articles": view.articles,
        "origin": view.origin,
        "names": view.names,
        "seen_as": view.seen_as,
        "lat": kb.lat if kb else None,
        "lon": kb.lon if kb else None,
        "country": kb.country if kb else None,
        "kind": kb.kind if kb else None,
    }


@router.get("/entities", summary="Entities with mention counts, most mentioned first")
def list_entities(
    store: StoreDep,
    type: EntityLabel = None,
    q: Annotated[str | None, Query(description="A name in any script or spelling.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    from marsad.entities.views import count_entities
    from marsad.entities.views import list_entities as entity_list

    items = [_entity_json(v) for v in entity_list(store, type, q, limit, offset)]
    return _envelope(items, count_entities(store, type, q), limit, offset)


@router.get(
    "/entities/{entity_id:path}",
    summary="One entity: names, mentions, co-mentions",
    responses=NOT_FOUND,
)
def get_entity(
    entity_id: str,
    store: StoreDep,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="Articles per page of mentions.")
    ] = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The entity, its mentions grouped by article (a page of ``limit`` articles: a place
    like Qamishli is named in a tenth of a large store), their titles, and co-mentions.
    ``articles`` is how many articles name it in all."""
    from marsad.entities.views import entity_page

    page = entity_page(store, entity_id)
    if page is None:
        raise ApiError(404, f"no mentions of {entity_id!r}; GET /api/entities lists the ids")
    shown = list(page.mentions_by_article.items())[offset : offset + limit]
    return {
        "entity": _entity_json(page.entity),
        "articles": len(page.mentions_by_article),
        "limit": limit,
        "offset": offset,
        "mentions": {article_id: [asdict(m) for m in mentions] for article_id, mentions in shown},
        "titles": {a: page.titles[a] for a, _ in shown if a in page.titles},
        "co_mentioned": [
            {"id": i, "name": name, "articles": n} for i, name, n in page.co_mentioned
        ],
    }


@router.get("/events", summary="Coded events, one row per event (as `marsad events`)")
def list_events(
    store: StoreDep,
    type: EventType = None,
    actor: NameFilter = None,
    place: NameFilter = None,
    since: Day = None,
    status: EventStatus = "real",
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Rows shaped like PLOVER/ACLED tables: date with its precision, type, mode, status,
    actors, place with coordinates and country, article URL and evidence (the columns of
    `marsad events`, docs/events.md). Only real events unless ``status`` says otherwise."""
    where = EventFilter(type, actor, place, since, status)
    items = list(stored_event_rows(store, where, limit, offset))
    return _envelope(items, store.count_events(where.query()), limit, offset)


def _quote_json(q: StoredQuote) -> dict[str, Any]:
    """A quote's export record (``marsad.record.quote_record``), its article and language."""
    return {
        "article_id": q.article_id,
        "lang": q.lang,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "direct": q.direct,
        "speaker": q.speaker,
        "speaker_entity_id": q.speaker_entity_id,
        "cue": q.cue,
        "backend": q.backend,
    }


@router.get("/quotes", summary="Who said what, with the evidence offsets")
def list_quotes(
    store: StoreDep,
    speaker: NameFilter = None,
    lang: Lang = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    query = QuoteQuery(speaker, lang)
    items = [_quote_json(q) for q in store.quotes(query, limit, offset)]
    return _envelope(items, store.count_quotes(query), limit, offset)


@router.get("/stats", summary="What the store holds")
def stats(store: StoreDep) -> dict[str, Any]:
    return asdict(store.stats())


def _story_views() -> Any:
    try:
        from marsad.stories import views
    except ImportError as exc:
        raise ApiError(501, f"stories are not available in this installation ({exc})") from exc
    return views


def _story_json(view: Any) -> dict[str, Any]:
    data = asdict(view)
    data["languages"] = view.languages
    for article, record in zip(view.articles, data["articles"], strict=True):
        record["why"] = article.why
    return data


@router.get(
    "/stories",
    summary="Stories by their latest article's date, newest first; undated last",
    responses=NO_STORIES,
)
def list_stories(
    store: StoreDep,
    since: Day = None,
    lang: Lang = None,
    entity: EntityParam = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    listing = _story_views().story_listing(store, since, lang, entity, limit, offset)
    items = [_story_json(v) for v in listing.stories]
    return {"limit": limit, "offset": offset, "total": listing.total, "items": items}


@router.get(
    "/stories/{story_id}",
    summary="One story: its articles, merged events and quotes",
    description="The id of a story since merged into another answers 301 with the new "
    "story's address in Location and its id in the X-Merged-Into header.",
    response_model=None,
    responses={**MERGED, **NOT_FOUND, **NO_STORIES},
)
def get_story(
    request: Request, story_id: str, store: StoreDep
) -> dict[str, Any] | RedirectResponse:
    new_id = store.story_index().redirect(story_id)
    if new_id is not None:
        response = RedirectResponse(str(request.url_for("get_story", story_id=new_id)), 301)
        response.headers["X-Merged-Into"] = new_id
        return response
    page = _story_views().story_page(store, story_id)
    if page is None:
        raise ApiError(404, f"no story {story_id!r}; GET /api/stories lists the ids")
    return {
        "story": _story_json(page.story),
        "events": [asdict(e) for e in page.events],
        "quotes": [asdict(q) for q in page.quotes],
    }
