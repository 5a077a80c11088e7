"""Stories as users see them: listings with their articles side by side, and one story's
page with merged events and quotes, its independent sources and why each article joined.

The command line, the REST API and the web UI call these two functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.search.model import check_iso_date
from marsad.store import Store
from marsad.stories.embed import Embedder
from marsad.stories.explain import LinkExplanation
from marsad.stories.index import StoryRow
from marsad.stories.merge import (
    StoryEvent,
    StoryQuote,
    independent_sources,
    merge_events,
    merge_quotes,
)
from marsad.types import Article


@dataclass(slots=True)
class StoryArticle:
    id: str
    lang: str | None
    outlet: str | None
    published: str | None
    title: str
    duplicate_of: str | None
    link: LinkExplanation

    @property
    def why(self) -> str:
        return self.link.text()


@dataclass(slots=True)
class StoryView:
    id: str
    date: str | None  # the earliest publication day of its articles
    articles: list[StoryArticle] = field(default_factory=list)
    independent_sources: int = 0
    last_date: str | None = None  # the latest publication day: what listings order by

    @property
    def languages(self) -> list[str]:
        return sorted({a.lang for a in self.articles if a.lang})


@dataclass(slots=True)
class StoryPage:
    story: StoryView
    events: list[StoryEvent]
    quotes: list[StoryQuote]
    # The id asked for, when it named a story since merged into this one.
    redirected_from: str | None = None


@dataclass(slots=True)
class StoryListing:
    """One page of stories and how many match in all."""

    stories: list[StoryView]
    total: int
    limit: int
    offset: int


def list_stories(
    store: Store,
    since: str | None = None,
    lang: str | None = None,
    entity: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[StoryView]:
    """Stories by their latest article's date, newest first (then more articles, more
    independent sources; undated stories last); ``since`` an ISO day, ``lang`` a language
    one of its articles is in, ``entity`` an entity id one of them names."""
    check_iso_date("since", since)
    tables = store.story_index()
    return [
        _view(row, _articles(store, row.id))
        for row in tables.story_rows(since, lang, entity, limit, offset)
    ]


def story_listing(
    store: Store,
    since: str | None = None,
    lang: str | None = None,
    entity: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> StoryListing:
    """``list_stories`` with the number of stories that match in all, for paging."""
    total = store.story_index().count_stories(since, lang, entity)
    return StoryListing(
        list_stories(store, since, lang, entity, limit, offset), total, limit, offset
    )


def story_page(store: Store, story_id: str, embedder: Embedder | None = None) -> StoryPage | None:
    """One story (id or unique prefix of 6+ characters), or None. The id of a story since
    merged into another gives that one, with ``redirected_from`` set."""
    tables = store.story_index()
    row = tables.story(story_id)
    if row is None:
        return None
    members = _articles(store, row.id)
    articles = [a for a, _ in members]
    moved = story_id if tables.redirect(story_id) else None
    return StoryPage(
        _view(row, members), merge_events(articles), merge_quotes(articles, embedder), moved
    )


def _articles(store: Store, story_id: str) -> list[tuple[Article, LinkExplanation]]:
    out = []
    for link in store.story_index().members(story_id):
        article = store.get(link.article_id)
        if article is not None:
            out.append((article, link.explanation))
    return out


def _view(row: StoryRow, members: list[tuple[Article, LinkExplanation]]) -> StoryView:
    articles = [a for a, _ in members]
    return StoryView(
        id=row.id,
        date=row.date,
        articles=[
            StoryArticle(a.id, a.lang, a.outlet, a.published, _title(a), a.duplicate_of, why)
            for a, why in members
        ],
        independent_sources=independent_sources(articles),
        last_date=row.last_date,
    )


def _title(article: Article, words: int = 12) -> str:
    if article.title:
        return article.title
    first = article.text.split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")
