"""What every store does. SQLite implements it today; PostgreSQL follows behind the same
protocol and the same contract tests (tests/store)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from marsad.search.model import SearchPlan, SearchRows
from marsad.types import Article, LocalEntity

if TYPE_CHECKING:  # stories import the store's protocol types; no cycle at run time
    from marsad.stories.index import StoryTables, StoryWrites

AddStatus = Literal["new", "known", "copy"]
"""new: stored; known: this id was already stored (same input); copy: stored, and its
cleaned text equals an earlier article's, so ``duplicate_of`` points there."""


@dataclass(frozen=True, slots=True)
class AddResult:
    article_id: str
    status: AddStatus
    duplicate_of: str | None = None


@dataclass(slots=True)
class StoreStats:
    articles: int = 0
    copies: int = 0
    by_lang: dict[str, int] = field(default_factory=dict)
    by_outlet: dict[str, int] = field(default_factory=dict)
    with_published: int = 0
    schema: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EntityRow:
    entity_id: str
    label: str
    name: str
    mentions: int
    articles: int
    surfaces: list[str]


@dataclass(frozen=True, slots=True)
class MentionRow:
    article_id: str
    start: int
    end: int
    label: str
    surface: str


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Event filters: ``actor`` and ``place`` are an entity id or a part of a name (any
    case); ``since`` is an ISO date, compared with the article's date for undated events."""

    type: str | None = None
    actor: str | None = None
    place: str | None = None
    since: str | None = None
    copies: bool = True  # False: leave out the events of articles that copy another
    status: str | None = None  # real, negated or hypothetical (marsad.events.status); None: all


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    speaker: str | None = None  # an entity id or a part of a name (any case)
    lang: str | None = None
    copies: bool = True


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """One event as the index holds it, with its evidence text and its article's metadata;
    ``lat``/``lon`` are those of its place's mention (inside the evidence first)."""

    article_id: str
    position: int  # in the article's events
    type: str
    mode: str | None
    aux: list[str]
    source: str | None
    source_entity_id: str | None
    target: str | None
    target_entity_id: str | None
    place: str | None
    place_entity_id: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    date: str | None
    start: int
    end: int
    evidence: str  # text[start:end], as stored
    lang: str | None
    outlet: str | None
    published: str | None
    url: str | None
    article_source: str
    status: str  # real, negated or hypothetical (from ``aux``)
    geo_precision: int | None  # ACLED's: 1 town, 2 region, 3 country


@dataclass(frozen=True, slots=True)
class StoredQuote:
    article_id: str
    position: int
    start: int
    end: int
    text: str
    direct: bool
    speaker: str | None
    speaker_entity_id: str | None
    cue: str | None
    backend: str
    lang: str | None


@dataclass(slots=True)
class PlaceCount:
    """A geocoded place as first named, with its mentions and the articles naming it."""

    id: str  # entity id, or "lat,lon" to 3 decimals for an unlinked place
    name: str
    lat: float
    lon: float
    country: str | None
    mentions: int = 0
    articles: set[str] = field(default_factory=set)


class Store(Protocol):
    def add(
        self,
        articles: Sequence[Article],
        entities: Sequence[LocalEntity] = (),
        stories: StoryWrites | None = None,
    ) -> list[AddResult]:
        """Store a batch atomically, with the local entities it created or changed and its
        story links and index rows: all of it or, on any error, none of it."""
        ...

    def story_index(self) -> StoryTables:
        """The story index over this store (what ``marsad.stories`` reads)."""
        ...

    def without_story(self, limit: int) -> list[Article]: ...

    def set_stories(self, articles: Sequence[Article], stories: StoryWrites) -> None: ...

    def contains(self, article_id: str) -> bool: ...

    def get(self, article_id: str) -> Article | None:
        """One article by id, or by a unique id prefix of at least 6 characters."""
        ...

    def get_raw(self, article_id: str) -> bytes | None: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def stats(self) -> StoreStats: ...

    def local_entities(self) -> Iterator[LocalEntity]: ...

    def local_entity(self, entity_id: str) -> LocalEntity | None: ...

    def entity_rows(
        self,
        label: str | None = None,
        query: str | None = None,
        limit: int = 100,
        ids: Sequence[str] = (),
        offset: int = 0,
    ) -> list[EntityRow]: ...

    def count_entities(
        self, label: str | None = None, query: str | None = None, ids: Sequence[str] = ()
    ) -> int: ...

    def entity_mentions(self, entity_id: str) -> list[MentionRow]: ...

    def co_mentioned(self, entity_id: str, limit: int = 20) -> list[tuple[str, str, int]]: ...

    def article_titles(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Title of each stored article, or its first ten words and "…" when it has none."""
        ...

    def events(
        self, query: EventQuery, limit: int | None = None, offset: int = 0
    ) -> Iterator[StoredEvent]:
        """Events matching ``query`` in the articles' order, then their order in each."""
        ...

    def count_events(self, query: EventQuery) -> int: ...

    def quotes(
        self, query: QuoteQuery, limit: int | None = None, offset: int = 0
    ) -> Iterator[StoredQuote]: ...

    def count_quotes(self, query: QuoteQuery) -> int: ...

    def event_counts(self, by: Literal["place", "day"]) -> list[tuple[str | None, str, int]]:
        """(place entity id or day, type, events) over articles that are not copies."""
        ...

    def place_counts(self) -> list[PlaceCount]:
        """Geocoded places named in articles that are not copies, first named first."""
        ...

    def search_rows(self, plan: SearchPlan) -> SearchRows:
        """One page of articles matching a search plan (marsad.search), best first."""
        ...

    def entity_ids_named(self, keys: Sequence[str]) -> dict[str, list[str]]:
        """Entity ids stored under each name key (search keys joined by spaces)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...
