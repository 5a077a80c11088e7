"""Query parameters shared by the read endpoints, declared once with their bounds.

What the OpenAPI schema says is what the server checks: a client (or a fuzzer) that keeps
to the schema gets an answer, one that does not gets a 4xx that says why. Two habits of
real clients are honoured: an empty optional text parameter (``since=`` from a form left
blank) means "not given", and dates are plain ISO days.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated

from fastapi import Query
from pydantic import BeforeValidator

from marsad.event_rows import STATUS_CHOICES
from marsad.events.lexicon import EVENT_TYPES
from marsad.search.model import MAX_LIMIT

__all__ = ["MAX_LIMIT", "MAX_OFFSET"]

# Far past any store's size, far below SQLite's 2**63 - 1 (which answered 500 when passed).
MAX_OFFSET = 1_000_000_000
ENTITY_LABELS = ("PER", "ORG", "GPE", "LOC", "FAC", "NORP")
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _blank_is_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _one_of(choices: Sequence[str]) -> Callable[[object], object]:
    """Blank is None, else one of ``choices`` (one validator: pydantic runs a stack of
    "before" validators last first)."""

    def check(value: object) -> object:
        value = _blank_is_none(value)
        if value is not None and value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}")
        return value

    return check


Blank = BeforeValidator(_blank_is_none)


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (paging).")]
# Dates are checked by the query objects (SearchQuery, EventFilter), which answer 400 with
# an example; the schema declares the format so generated clients send days.
Day = Annotated[
    str | None,
    Blank,
    Query(description="ISO date (2022-04-08), inclusive.", json_schema_extra={"format": "date"}),
]
Lang = Annotated[str | None, Blank, Query(description="Language code: ar, en.")]
Outlet = Annotated[str | None, Blank, Query(description="Outlet name, any case.")]
EntityParam = Annotated[
    str | None, Blank, Query(description="An entity id, or a name in any script.")
]
Place = Annotated[str | None, Blank, Query(description="A place id or name in any script.")]
NameFilter = Annotated[
    str | None, Blank, Query(description="An entity id or part of a name, any script.")
]
EventType = Annotated[
    str | None,
    BeforeValidator(_one_of(EVENT_TYPES)),
    Query(description="PLOVER event type.", json_schema_extra={"enum": list(EVENT_TYPES)}),
]
# Blank (a form left empty) is the default, real events; "all" is every status.
EventStatus = Annotated[
    str,
    BeforeValidator(lambda v: _one_of(STATUS_CHOICES)(v) or "real"),
    Query(
        description="Events reported as happening (real), denied (negated), possible or"
        " planned (hypothetical), or all of them.",
        json_schema_extra={"enum": list(STATUS_CHOICES)},
    ),
]
EntityLabel = Annotated[
    str | None,
    BeforeValidator(_one_of(ENTITY_LABELS)),
    Query(description="Entity type.", json_schema_extra={"enum": list(ENTITY_LABELS)}),
]
