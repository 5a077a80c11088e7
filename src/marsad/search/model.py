"""What a search asks and what it answers: typed, so the CLI, the API and the web UI share it.

Offsets are Python string indices into ``Article.text`` (snippets) or the title (title
highlights), end exclusive. Nothing here is escaped: callers that render HTML escape the
segments themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from marsad.errors import QueryError

MAX_LIMIT = 100
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_iso_date(name: str, value: str | None) -> None:
    """``QueryError`` that says what a date filter wants, unless ``value`` starts with an
    ISO date (or is None). Shared by every date filter: search, events, stories."""
    if value is None:
        return
    try:
        # fromisoformat alone also takes "20220408" and "2022-W14-5", which no one means.
        if not _ISO_DAY.fullmatch(value):
            raise ValueError(value)
        date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{name} must be an ISO date like 2022-04-08, not {value!r}") from None


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A query and its filters.

    ``text``: words (all must match), ``"quoted phrases"``, ``word*`` prefixes; a word or
    phrase that names an entity also matches articles that mention that entity in any
    script. ``since``/``until``: ISO dates, inclusive, on the publication date. ``entity``
    and ``place``: an entity id, or for ``place`` also a place name in any script.
    """

    text: str = ""
    lang: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    entity: str | None = None
    event_type: str | None = None
    place: str | None = None
    limit: int = 20
    offset: int = 0
    include_copies: bool = False

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            check_iso_date(name, getattr(self, name))
        if not 1 <= self.limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
        if self.offset < 0:
            raise QueryError("offset must be 0 or more")


@dataclass(frozen=True, slots=True)
class Clause:
    """One query unit that must match: full-text alternatives (FTS5 phrases of index keys,
    any of which matches) or a mention of any of ``entity_ids``."""

    words: str  # the query words it came from, as typed
    phrases: tuple[tuple[str, ...], ...]  # alternatives; each a sequence of keys
    prefix: bool = False  # the last key of each phrase is a prefix
    entity_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchPlan:
    """A query the store can run: clauses, and filters already resolved to ids."""

    clauses: tuple[Clause, ...]
    lang: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    entity_ids: tuple[str, ...] = ()  # articles must mention one of these (the entity filter)
    place_ids: tuple[str, ...] = ()  # … and one of these (the place filter), when set
    place_name: str | None = None  # or have this dateline place
    event_type: str | None = None
    include_copies: bool = False
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class SearchRow:
    article_id: str
    score: float


@dataclass(slots=True)
class SearchRows:
    total: int
    rows: list[SearchRow]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a snippet; ``hit`` pieces are what the query matched."""

    text: str
    hit: bool


@dataclass(slots=True)
class Snippet:
    """``text[start:end]`` of the article, with the matched words at ``highlights``."""

    start: int
    end: int
    highlights: list[Span]
    segments: list[Segment]
    truncated_start: bool
    truncated_end: bool


@dataclass(slots=True)
class SearchHit:
    article_id: str
    title: str | None
    lang: str | None
    outlet: str | None
    published: str | None
    url: str | None
    score: float
    snippet: Snippet
    title_highlights: list[Span]
    matched_entities: list[str]  # entity ids from the query this article mentions


@dataclass(frozen=True, slots=True)
class QueryEntity:
    """An entity the query names: which words, which id, its display name."""

    words: str
    entity_id: str
    name: str


@dataclass(slots=True)
class SearchPage:
    query: SearchQuery
    total: int
    hits: list[SearchHit]
    terms: list[str]  # the index keys the query looked for
    entities: list[QueryEntity]
    facets: dict[str, dict[str, int]]  # lang, outlet -> value -> matching articles
