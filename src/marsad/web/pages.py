"""What each page shows, built from the store: plain dataclasses the templates iterate.

Nothing here renders HTML except through ``highlight``, which escapes every text piece.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markupsafe import Markup

from marsad.entities.views import EntityPage, entity_page
from marsad.store import Store
from marsad.stories.merge import Report, StoryEvent, StoryQuote
from marsad.stories.views import story_page
from marsad.types import Article
from marsad.web.facts import (
    Fact,
    MergedFact,
    detail_of,
    event_facts,
    event_links,
    merge,
    quote_facts,
    speaker_links,
)
from marsad.web.highlight import (
    Span,
    article_spans,
    entity_href,
    highlight,
    mention_spans,
    sentence_window,
)
from marsad.web.labels import labels, text_dir
from marsad.web.names import NameBook
from marsad.web.stories import display_title, story_articles, story_key


@dataclass(slots=True)
class EntityRef:
    id: str
    name: str
    label: str
    count: int

    @property
    def href(self) -> str:
        return entity_href(self.id) or ""


@dataclass(slots=True)
class ArticlePanel:
    """One article with its facts: the body of an article page, a column of a story page."""

    article: Article
    title: str
    lang: str | None
    dir: str
    labels: dict[str, str]  # in the article's own language, so Arabic panels read Arabic
    body: Markup
    quotes: list[Fact]
    events: list[Fact]
    entities: list[EntityRef]
    story_id: str
    url: str | None  # the source page, only when it is an http(s) address
    why: str | None = None  # why the story linker put it in its story


PART_CHARS = 6000  # of article text per page: ~4,000 px on a phone


def text_parts(text: str, size: int = PART_CHARS) -> list[tuple[int, int]]:
    """``text`` cut into parts of about ``size`` characters, each ending at a paragraph
    break (else a line break, else a space) so no part starts mid-sentence when it can
    be helped. One part for a text that fits."""
    parts, start = [], 0
    while len(text) - start > size * 1.25:
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(mark, start + size // 2, start + size)
            if cut > start:
                cut += len(mark)
                break
        cut = cut if cut > start else start + size
        parts.append((start, cut))
        start = cut
    parts.append((start, len(text)))
    return parts


def article_panel(article: Article, part: tuple[int, int] | None = None) -> ArticlePanel:
    """The panel of an article; with ``part``, its body is that slice of the text only
    (facts and names still cover the whole article)."""
    mentions = mention_spans(article)
    start, end = part if part is not None else (0, len(article.text))
    return ArticlePanel(
        article=article,
        title=display_title(article),
        lang=article.lang,
        dir=text_dir(article.lang),
        labels=labels(article.lang),
        body=highlight(article.text, article_spans(article), start, end),
        quotes=quote_facts(article, mentions),
        events=event_facts(article, mentions),
        entities=entities_of(article),
        story_id=story_key(article),
        url=web_url(article.url),
    )


def web_url(url: str | None) -> str | None:
    """``url`` if it is safe to link to: a ``javascript:`` source would run on click."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def entities_of(article: Article) -> list[EntityRef]:
    """Linked names of the article, most mentioned first."""
    counts: Counter[str] = Counter()
    first: dict[str, tuple[str, str]] = {}
    for m in article.mentions:
        if m.entity_id is None:
            continue
        counts[m.entity_id] += 1
        first.setdefault(m.entity_id, (m.name or article.text[m.start : m.end], m.label))
    return [EntityRef(eid, first[eid][0], first[eid][1], n) for eid, n in counts.most_common()]


@dataclass(slots=True)
class StoryView:
    id: str
    title: str
    panels: list[ArticlePanel]
    events: list[MergedFact]
    quotes: list[MergedFact]

    @property
    def langs(self) -> list[str]:
        return sorted({p.lang for p in self.panels if p.lang})


def story_view(store: Store, story_id: str) -> StoryView | None:
    """The story as ``marsad.stories`` merged it, by story id or by the id of one of its
    articles; an article not yet in any story is shown as a story of its own, its facts
    grouped the same way."""
    page = story_page(store, story_id)
    articles = story_articles(store, story_id) if page is None else []
    if articles and articles[0].story_id:  # an article id: show the story it belongs to
        page = story_page(store, articles[0].story_id)
    if page is None:
        if not articles:
            return None
        panels = [article_panel(a) for a in articles]
        events = merge(f for p in panels for f in p.events)
        quotes = merge(f for p in panels for f in p.quotes)
        return StoryView(story_id, _story_title(panels), panels, events, quotes)
    loaded = [store.get(a.id) for a in page.story.articles if not a.duplicate_of]
    by_id = {a.id: a for a in loaded if a is not None}
    members = sorted(by_id.values(), key=lambda a: (a.lang == "ar", a.published or "", a.id))
    panels = [article_panel(a) for a in members]
    why = {a.id: a.why for a in page.story.articles}
    for panel in panels:
        panel.why = why.get(panel.article.id)
    events = [g for g in (_merged_event(e, by_id) for e in page.events) if g.facts]
    quotes = [g for g in (_merged_quote(q, by_id) for q in page.quotes) if g.facts]
    return StoryView(page.story.id, _story_title(panels), panels, events, quotes)


def _story_title(panels: list[ArticlePanel]) -> str:
    english = [p for p in panels if p.lang == "en"]
    return (english or panels)[0].title if panels else ""


def _merged_event(e: StoryEvent, articles: dict[str, Article]) -> MergedFact:
    facts = []
    for report in e.reports:
        article = articles.get(report.article_id)
        if article is None:
            continue
        own = [
            ev
            for ev in article.events
            if (ev.start, ev.end, ev.type) == (report.start, report.end, e.type)
        ]
        facts.extend(
            event_facts(article, events=own[:1]) or [_report_fact("event", article, report)]
        )
    heading = e.type + (f" / {e.mode}" if e.mode else "")
    links = event_links(e)
    return MergedFact((e.type,), heading, detail_of(links), facts, links)


def _merged_quote(q: StoryQuote, articles: dict[str, Article]) -> MergedFact:
    facts = []
    for report in q.reports:
        article = articles.get(report.article_id)
        if article is None:
            continue
        own = [x for x in article.quotes if (x.start, x.end) == (report.start, report.end)]
        facts.extend(
            quote_facts(article, quotes=own[:1]) or [_report_fact("quote", article, report)]
        )
    links = speaker_links(q.speaker, q.speaker_entity_id)
    return MergedFact(("quote",), q.speaker or "", "", facts, links)


def _report_fact(kind: str, article: Article, report: Report) -> Fact:
    """A report whose own event or quote is no longer in the article: its text, highlighted."""
    start, end = sentence_window(article, report.start, report.end)
    spans = [*mention_spans(article), Span(report.start, report.end, kind)]
    return Fact(
        kind,
        (kind,),
        "",
        "",
        highlight(article.text, spans, start, end),
        article.id,
        article.lang,
        text_dir(article.lang),
        article.published,
    )


@dataclass(slots=True)
class Appearance:
    """One article on an entity's timeline: where it is named, and its events there."""

    article_id: str
    title: str
    date: str | None
    lang: str | None
    dir: str
    story_id: str
    snippets: list[Markup] = field(default_factory=list)
    events: list[Fact] = field(default_factory=list)


@dataclass(slots=True)
class EntityView:
    page: EntityPage
    timeline: list[Appearance]  # the articles of this page, oldest first
    event_types: dict[str, int]  # of the events of this page's articles
    page_number: int = 1
    pages: int = 1

    @property
    def total_articles(self) -> int:
        return len(self.page.mentions_by_article)


SNIPPETS_PER_ARTICLE = 3
# Reading an article costs ~1 ms; a page about "Syria" in a large store must not read them
# all: its articles are listed in pages (the store's order: first stored first), each
# page read and sorted by date. The mention counts above the timeline cover every article.
ARTICLES_PER_PAGE = 10


def entity_view(store: Store, entity_id: str, page_number: int = 1) -> EntityView | None:
    page = entity_page(store, entity_id)
    if page is None:
        return None
    timeline = []
    types: Counter[str] = Counter()
    listed = list(page.mentions_by_article.items())
    pages = max(1, -(-len(listed) // ARTICLES_PER_PAGE))
    page_number = min(max(1, page_number), pages)
    first = (page_number - 1) * ARTICLES_PER_PAGE
    for article_id, rows in listed[first : first + ARTICLES_PER_PAGE]:
        article = store.get(article_id)
        if article is None:
            continue
        appearance = Appearance(
            article.id,
            display_title(article),
            article.published,
            article.lang,
            text_dir(article.lang),
            story_key(article),
        )
        spans = mention_spans(article)
        # One snippet per sentence: a sentence naming it three times is shown once, with
        # every naming outlined.
        windows: dict[tuple[int, int], list[Span]] = {}
        for row in rows:
            window = sentence_window(article, row.start, row.end)
            if window in windows or len(windows) < SNIPPETS_PER_ARTICLE:
                own = Span(row.start, row.end, "focus", title=row.surface)
                windows.setdefault(window, []).append(own)
        for (start, end), own_spans in windows.items():
            appearance.snippets.append(highlight(article.text, [*spans, *own_spans], start, end))
        facts = event_facts(article, spans)
        for event, fact in zip(article.events, facts, strict=True):
            if entity_id in (event.source_entity_id, event.target_entity_id, event.place_entity_id):
                appearance.events.append(fact)
                types[event.type] += 1
        timeline.append(appearance)
    timeline.sort(key=lambda a: (a.date is None, a.date or "", a.article_id))
    return EntityView(page, timeline, dict(types.most_common()), page_number, pages)


def co_mention_links(view: EntityView, book: NameBook) -> list[tuple[str, str, int]]:
    """(href, name in the interface's language, shared articles) of the actors named
    with this one."""
    return [
        (entity_href(eid) or "", book.name(eid, name), n) for eid, name, n in view.page.co_mentioned
    ]
