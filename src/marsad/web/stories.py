"""Stories as the pages need them: a summary per story and the articles of one story.

Stories come from ``marsad.stories``; an article with no story yet (a store filled before
stories existed) is a story of its own, under its article id, so every article can be
reached the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from marsad.store import Store
from marsad.stories.views import story_listing
from marsad.types import Article
from marsad.web.labels import text_dir


@dataclass(slots=True)
class Headline:
    article_id: str
    title: str
    lang: str | None
    dir: str
    outlet: str | None
    published: str | None


@dataclass(slots=True)
class StorySummary:
    id: str
    headlines: list[Headline] = field(default_factory=list)

    @property
    def langs(self) -> list[str]:
        return sorted({h.lang for h in self.headlines if h.lang})

    @property
    def outlets(self) -> list[str]:
        return sorted({h.outlet for h in self.headlines if h.outlet})

    @property
    def date(self) -> str | None:
        dates = [h.published for h in self.headlines if h.published]
        return min(dates) if dates else None


def headline(article: Article) -> Headline:
    return Headline(
        article.id,
        display_title(article),
        article.lang,
        text_dir(article.lang),
        article.outlet,
        article.published,
    )


def display_title(article: Article, words: int = 12) -> str:
    """The title, or the first words of the text for pages that had none."""
    if article.title:
        return article.title
    first = article.text.split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")


def listed_stories(store: Store, limit: int, offset: int) -> tuple[list[StorySummary], int]:
    """One page of stories as ``marsad.stories`` lists them (latest article first,
    undated last) and how many there are; a store whose articles were never clustered
    lists each article as its own story instead."""
    listing = story_listing(store, limit=limit, offset=offset)
    if not listing.total:
        grouped = group_stories(store.iter_articles())
        return grouped[offset : offset + limit], len(grouped)
    summaries = [
        StorySummary(
            v.id,
            [
                Headline(a.id, a.title, a.lang, text_dir(a.lang), a.outlet, a.published)
                for a in v.articles
                if not a.duplicate_of
            ],
        )
        for v in listing.stories
    ]
    return summaries, listing.total


def story_key(article: Article) -> str:
    return article.story_id or article.id


def group_stories(articles: Iterable[Article]) -> list[StorySummary]:
    """Stories newest first (undated last), copies of other articles left out."""
    stories: dict[str, StorySummary] = {}
    for article in articles:
        if article.duplicate_of:
            continue
        key = story_key(article)
        stories.setdefault(key, StorySummary(key)).headlines.append(headline(article))
    return sorted(stories.values(), key=lambda s: (s.date is None, _neg(s.date), s.id))


def _neg(date: str | None) -> str:
    # Newest first on ISO dates without reversing the whole key.
    return "".join(chr(0x10FFFF - ord(c)) for c in date) if date else ""


def story_articles(store: Store, story_id: str) -> list[Article]:
    """An article not yet in any story, as a story of its own; [] for any other id.

    Full ids only (16 characters): the store also resolves id prefixes, and a story URL
    must not land on whichever article happens to share its first characters."""
    if len(story_id) < 16:
        return []
    single = store.get(story_id)
    return [single] if single is not None and single.id == story_id else []
