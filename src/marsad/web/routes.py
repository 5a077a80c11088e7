"""Web UI routes: server-rendered pages over the store, one store per request.

Every page is HTML from autoescaped Jinja2 templates, sent with a Content-Security-Policy
that allows scripts and styles from this server only: article text is untrusted, and even
if something slipped through the escaping, an inline script would not run.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from marsad.events.lexicon import EVENT_TYPES
from marsad.store import Store
from marsad.web import localize, pages
from marsad.web.deps import get_store
from marsad.web.finder import Facets, find
from marsad.web.labels import UI_LANGS, labels, plural, text_dir
from marsad.web.mapfilter import MapFilter, filtered_places, page_of
from marsad.web.mapsvg import countries_of, map_view
from marsad.web.names import NameBook, country_name
from marsad.web.stories import listed_stories
from marsad.web.timeline import stored_event_dates, timeline_view

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
STATIC_TYPES = {".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml"}
STORIES_PER_PAGE = 20
PANELS_SHOWN = 4  # articles of a story shown open; the rest are folded
NAMES_SHOWN = 8  # per language on an entity page; the rest are counted
UI_COOKIE = "marsad_ui"

_env = Environment(
    loader=PackageLoader("marsad.web", "templates"),
    autoescape=select_autoescape(["html"], default_for_string=True, default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _page_query(params: Mapping[str, str], page: int) -> str:
    """The current query string with another page number: pager links keep the filters."""
    return urlencode({**{k: v for k, v in params.items() if k != "page"}, "page": page})


def _with_param(params: Mapping[str, str], name: str, value: str) -> str:
    """The current query string narrowed by one more facet value, from the first page."""
    kept = {k: v for k, v in params.items() if k not in ("page", name)}
    return urlencode({**kept, name: value})


_env.filters["pagequery"] = _page_query
_env.filters["withparam"] = _with_param
_env.globals["plural"] = plural
templates = Jinja2Templates(env=_env)


def _ui_lang(request: Request) -> str:
    """``?ui=ar`` switches the interface to Arabic and a cookie keeps it; ``?ui=en`` back."""
    asked = request.query_params.get("ui") or request.cookies.get(UI_COOKIE) or "en"
    return asked if asked in UI_LANGS else "en"


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    ui = _ui_lang(request)
    context = {"ui": labels(ui), "ui_lang": ui, "ui_dir": text_dir(ui), **context}
    response = templates.TemplateResponse(request, name, context, status_code=status)
    response.headers.update(SECURITY_HEADERS)
    if request.query_params.get("ui") in UI_LANGS:
        response.set_cookie(UI_COOKIE, ui, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


def not_found(request: Request, what: str) -> Response:
    return render(request, "not_found.html", {"what": what}, status=404)


@router.get("/")
def home(request: Request, store: StoreDep) -> Response:
    facets = Facets.from_params(request.query_params)
    stats = store.stats()
    context: dict[str, Any] = {
        "facets": facets,
        "langs": sorted(lang for lang in stats.by_lang if lang != "unknown"),
        "outlets": sorted(o for o in stats.by_outlet if o != "unknown"),
        "event_types": EVENT_TYPES,
        "total_articles": stats.articles,
    }
    if facets.active:
        context["results"] = find(store, facets)
    else:
        first = (facets.page - 1) * STORIES_PER_PAGE
        context["stories"], context["total_stories"] = listed_stories(
            store, STORIES_PER_PAGE, first
        )
        context["pages"] = max(1, -(-context["total_stories"] // STORIES_PER_PAGE))
    return render(request, "index.html", context)


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str, store: StoreDep) -> Response:
    new_id = store.story_index().redirect(story_id)
    if new_id is not None:  # merged into another story since: its page is the story now
        return RedirectResponse(str(request.url_for("story", story_id=new_id)), 301)
    view = pages.story_view(store, story_id)
    if view is None:
        return not_found(request, f"story {story_id}")
    localize.story(view, NameBook(store, _ui_lang(request)))
    return render(request, "story.html", {"story": view, "panels_shown": PANELS_SHOWN})


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, store: StoreDep) -> Response:
    found = store.get(article_id) if len(article_id) >= 6 else None
    if found is None:
        return not_found(request, f"article {article_id}")
    parts = pages.text_parts(found.text)
    number = min(Facets.from_params(request.query_params).page, len(parts))
    view = pages.article_panel(found, parts[number - 1])
    localize.panel(view, NameBook(store, _ui_lang(request)))
    return render(request, "article.html", {"view": view, "part": number, "parts": len(parts)})


@router.get("/entities/{entity_id:path}")
def entity(request: Request, entity_id: str, store: StoreDep) -> Response:
    number = Facets.from_params(request.query_params).page
    view = pages.entity_view(store, entity_id, number)
    if view is None:
        return not_found(request, f"entity {entity_id}")
    ui = _ui_lang(request)
    book = NameBook(store, ui)
    kb = view.page.entity.kb
    context = {
        "view": view,
        "name": localize.entity(view, book),
        "co": pages.co_mention_links(view, book),
        "country": country_name(kb.country, ui) if kb is not None and kb.country else "",
        "names_shown": NAMES_SHOWN,
        "surfaces_shown": NAMES_SHOWN * 3,
    }
    return render(request, "entity.html", context)


@router.get("/map")
def world_map(request: Request, store: StoreDep) -> Response:
    mf = MapFilter.from_params(request.query_params)
    places = filtered_places(store, mf)
    ui = _ui_lang(request)
    names = NameBook(store, ui)
    for p in places:
        p.name = names.name(p.id, p.name)
    counts = countries_of(places)
    country_names = {code: country_name(code, ui) for code, _ in counts}
    view = map_view(places, mf.country or None)
    rows, page, pages = page_of(view.places if view else [], mf.page)
    context = {
        "map": view,
        "mf": mf,
        "countries": [(code, country_names[code], n) for code, n in counts],
        "country_names": country_names,
        "event_types": EVENT_TYPES,
        "rows": rows,
        "page": page,
        "pages": pages,
        "total_events": sum(p.event_count for p in view.places) if view else 0,
    }
    return render(request, "map.html", context)


@router.get("/timeline")
def timeline(request: Request, store: StoreDep) -> Response:
    view = timeline_view(stored_event_dates(store))
    return render(request, "timeline.html", {"timeline": view})


@router.get("/static/{name:path}")
def static(request: Request, name: str) -> Response:
    # Only plain names of files shipped in web/static: no path can leave that folder.
    folder = resources.files("marsad.web").joinpath("static")
    suffix = name[name.rfind(".") :] if "." in name else ""
    if "/" in name or "\\" in name or name.startswith(".") or suffix not in STATIC_TYPES:
        return not_found(request, name)
    path = folder.joinpath(name)
    if not path.is_file():
        return not_found(request, name)
    return FileResponse(
        str(path),
        media_type=STATIC_TYPES[suffix],
        headers={**SECURITY_HEADERS, "Cache-Control": "public, max-age=3600"},
    )
