"""What every store does. SQLite implements it today; PostgreSQL follows behind the same
protocol and the same contract tests (tests/store)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from marsad.entities.registry import LocalEntity
from marsad.search.model import SearchPlan, SearchRows
from marsad.types import Article

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
    ) -> list[EntityRow]: ...

    def entity_mentions(self, entity_id: str) -> list[MentionRow]: ...

    def co_mentioned(self, entity_id: str, limit: int = 20) -> list[tuple[str, str, int]]: ...

    def search_rows(self, plan: SearchPlan) -> SearchRows:
        """One page of articles matching a search plan (marsad.search), best first."""
        ...

    def entity_ids_named(self, keys: Sequence[str]) -> dict[str, list[str]]:
        """Entity ids stored under each name key (search keys joined by spaces)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...
