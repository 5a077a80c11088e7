"""What every store does. SQLite implements it today; PostgreSQL follows behind the same
protocol and the same contract tests (tests/store)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from marsad.types import Article

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


class Store(Protocol):
    def add(self, articles: Sequence[Article]) -> list[AddResult]:
        """Store a batch atomically: all of it or, on any error, none of it."""
        ...

    def contains(self, article_id: str) -> bool: ...

    def get(self, article_id: str) -> Article | None:
        """One article by id, or by a unique id prefix of at least 6 characters."""
        ...

    def get_raw(self, article_id: str) -> bytes | None: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def stats(self) -> StoreStats: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...
