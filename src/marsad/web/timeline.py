"""Events by type over time, as stacked SVG bars: one column per day, or per month when
the events span more than three months; events with no date get a column of their own."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from marsad.event_fields import event_day
from marsad.store import Store
from marsad.types import Article

WIDTH = 1000.0
HEIGHT = 260.0
AXIS = 24.0  # room for the column labels under the bars
DAILY_SPAN_DAYS = 92
UNDATED = ""


@dataclass(slots=True)
class Segment:
    type: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(slots=True)
class Column:
    key: str  # ISO day or month; UNDATED for events without a date
    counts: dict[str, int]
    x: float
    segments: list[Segment]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(slots=True)
class TimelineView:
    width: float
    height: float
    columns: list[Column]
    types: list[tuple[str, int]]  # event type and its total, most frequent first
    by_month: bool

    @property
    def total(self) -> int:
        return sum(n for _, n in self.types)


def event_dates(articles: Iterable[Article]) -> list[tuple[str | None, str]]:
    """(ISO date or None, type) per event: the event's own date, else its article's."""
    out = []
    for article in articles:
        if article.duplicate_of:
            continue
        for e in article.events:
            # the day the store's index counts it on (marsad.event_fields.event_day)
            out.append((_day(event_day(e.date, article.published)), e.type))
    return out


def stored_event_dates(store: Store) -> Counter[tuple[str | None, str]]:
    """How many events of each type fall on each day, from the store's event index: the
    counts of ``event_dates`` over every stored article, without reading the articles."""
    counts: Counter[tuple[str | None, str]] = Counter()
    for when, kind, n in store.event_counts("day"):
        counts[_day(when), kind] += n
    return counts


def _day(when: str | None) -> str | None:
    return when[:10] if when and _valid(when[:10]) else None


def _valid(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def timeline_view(
    dated: list[tuple[str | None, str]] | Mapping[tuple[str | None, str], int],
) -> TimelineView | None:
    """The chart of (day, type) per event, or of how many events each (day, type) has."""
    tally = dated if isinstance(dated, Mapping) else Counter(dated)
    tally = {k: n for k, n in tally.items() if n > 0}
    if not tally:
        return None
    days = sorted({d for d, _ in tally if d})
    by_month = (
        bool(days)
        and (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days > DAILY_SPAN_DAYS
    )
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    by_type: Counter[str] = Counter()
    for (day, kind), n in tally.items():
        key = UNDATED if day is None else day[:7] if by_month else day
        counts[key][kind] += n
        by_type[kind] += n
    keys = sorted(k for k in counts if k != UNDATED) + ([UNDATED] if UNDATED in counts else [])
    types = by_type.most_common()
    order = {kind: i for i, (kind, _) in enumerate(types)}
    tallest = max(sum(c.values()) for c in counts.values())
    slot = WIDTH / len(keys)
    bar = min(slot * 0.7, 80.0)
    unit = (HEIGHT - AXIS - 8) / tallest
    columns = []
    for i, key in enumerate(keys):
        x = round(i * slot + (slot - bar) / 2, 1)
        y = HEIGHT - AXIS
        segments = []
        for kind, n in sorted(counts[key].items(), key=lambda kv: order[kv[0]]):
            h = round(n * unit, 1)
            y = round(y - h, 1)
            segments.append(Segment(kind, n, x, y, round(bar, 1), h))
        columns.append(Column(key, dict(counts[key]), x, segments))
    return TimelineView(WIDTH, HEIGHT, columns, types, by_month)
