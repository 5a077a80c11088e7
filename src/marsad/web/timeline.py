"""Events by type over time, as stacked SVG bars on a real time axis.

The bucket (day, ISO week, month or year) is chosen from the span of the dates so that
the axis holds at most ``MAX_SLOTS`` buckets; every event is counted in a bucket of that
one size (never a mix of months and weeks). Buckets sit where their time is: a gap in the
news is a gap on the axis. Events with no date get a bar of their own, apart, after the
axis. All numbers are computed here; the template only writes them into attributes.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.event_fields import event_day
from marsad.store import Store
from marsad.types import Article

WIDTH = 1000.0
HEIGHT = 280.0
TOP = 22.0  # room above the tallest bar for its total
AXIS = 26.0  # room under the bars for the axis labels
MARGIN = 8.0
UNDATED_GAP = 24.0  # between the last dated bucket and the undated bar
UNDATED_WIDTH = 48.0
MAX_SLOTS = 120
MIN_SEGMENT = 2.0  # the height of a segment of one event among thousands
LABEL_CHAR = 7.0  # width of one character of a 12px axis label, in viewBox units
TOTAL_CHAR = 8.0  # the same for a 13px bold total
UNDATED = ""

# (unit, largest span in days it is used for)
UNITS = (("day", 92), ("week", 7 * 104), ("month", 31 * MAX_SLOTS), ("year", math.inf))


@dataclass(slots=True)
class Segment:
    type: str
    count: int
    y: float
    height: float


@dataclass(slots=True)
class Column:
    key: str  # the bucket's label (2019-10-07, 2019-W41, 2019-10, 2019); UNDATED
    since: str | None  # first and last day of the bucket, for the search links
    until: str | None
    counts: dict[str, int]
    x: float
    width: float
    segments: list[Segment]
    total_shown: bool = True  # False where the bar is too narrow to carry its total

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def top(self) -> float:
        return self.segments[-1].y if self.segments else HEIGHT - AXIS

    @property
    def middle(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass(slots=True)
class Tick:
    x: float
    label: str


@dataclass(slots=True)
class TimelineView:
    width: float
    height: float
    unit: str  # day | week | month | year
    columns: list[Column]
    ticks: list[Tick]
    types: list[tuple[str, int]]  # event type and its total, most frequent first
    first: str | None  # the first and last dated bucket
    last: str | None
    undated_x: float | None  # where the undated bar sits, when there is one

    @property
    def total(self) -> int:
        return sum(n for _, n in self.types)

    @property
    def baseline(self) -> float:
        return HEIGHT - AXIS


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
    """The day of an ISO date; a month or week alone ('2019-10', '2019-W46') has none."""
    if not when or len(when) < 10:
        return None
    try:
        return date.fromisoformat(when[:10]).isoformat()
    except ValueError:
        return None


def choose_unit(first: date, last: date) -> str:
    span = (last - first).days
    return next(unit for unit, most in UNITS if span <= most)


def bucket_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())  # ISO weeks start on Monday
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def next_bucket(start: date, unit: str) -> date:
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def bucket_label(start: date, unit: str) -> str:
    if unit == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        return start.isoformat()[:7]
    if unit == "year":
        return str(start.year)
    return start.isoformat()


def timeline_view(
    dated: list[tuple[str | None, str]] | Mapping[tuple[str | None, str], int],
) -> TimelineView | None:
    """The chart of (day, type) per event, or of how many events each (day, type) has."""
    tally = dated if isinstance(dated, Mapping) else Counter(dated)
    tally = {k: n for k, n in tally.items() if n > 0}
    if not tally:
        return None
    days = sorted({date.fromisoformat(d) for d, _ in tally if d})
    unit = choose_unit(days[0], days[-1]) if days else "day"
    counts: dict[date | None, Counter[str]] = defaultdict(Counter)
    by_type: Counter[str] = Counter()
    for (day, kind), n in tally.items():
        key = bucket_start(date.fromisoformat(day), unit) if day else None
        counts[key][kind] += n
        by_type[kind] += n
    types = by_type.most_common()
    order = {kind: i for i, (kind, _) in enumerate(types)}
    # The undated bar has a scale of its own: in real news most events carry no date of
    # their own, and on one scale that bar would flatten every dated one.
    plot_height = HEIGHT - AXIS - TOP
    dated_tallest = max((sum(c.values()) for k, c in counts.items() if k is not None), default=1)
    scale = plot_height / dated_tallest

    slots = _slots(days[0], days[-1], unit) if days else []
    undated = None in counts
    plot = WIDTH - 2 * MARGIN - ((UNDATED_GAP + UNDATED_WIDTH) if undated else 0.0)
    slot = plot / max(1, len(slots))
    bar = max(1.0, min(slot * 0.8, 60.0))
    position = {start: MARGIN + i * slot for i, start in enumerate(slots)}

    columns = []
    for start in slots:
        if start in counts:
            x = round(position[start] + (slot - bar) / 2, 1)
            columns.append(_column(start, unit, counts[start], x, bar, order, scale))
    undated_x = None
    if undated:
        undated_x = round(WIDTH - MARGIN - UNDATED_WIDTH, 1)
        own = plot_height / sum(counts[None].values())
        columns.append(_column(None, unit, counts[None], undated_x, UNDATED_WIDTH, order, own))
    for c in columns:
        c.total_shown = TOTAL_CHAR * len(str(c.total)) <= max(c.width, slot) + 2
    ticks = _ticks(slots, unit, slot, MARGIN + plot)
    first = bucket_label(slots[0], unit) if slots else None
    last = bucket_label(slots[-1], unit) if slots else None
    return TimelineView(WIDTH, HEIGHT, unit, columns, ticks, types, first, last, undated_x)


def _slots(first: date, last: date, unit: str) -> list[date]:
    out, start, end = [], bucket_start(first, unit), bucket_start(last, unit)
    while start <= end:
        out.append(start)
        start = next_bucket(start, unit)
    return out


def _column(
    start: date | None,
    unit: str,
    counts: Counter[str],
    x: float,
    width: float,
    order: dict[str, int],
    scale: float,
) -> Column:
    kinds = sorted(counts.items(), key=lambda kv: order[kv[0]])
    # Every segment stays visible (MIN_SEGMENT), and the column no taller than the plot.
    heights = [max(MIN_SEGMENT, n * scale) for _, n in kinds]
    fit = min(1.0, (HEIGHT - AXIS - TOP) / sum(heights))
    y = HEIGHT - AXIS
    segments = []
    for (kind, n), h in zip(kinds, heights, strict=True):
        h = round(h * fit, 1)
        y = round(y - h, 1)
        segments.append(Segment(kind, n, y, h))
    if start is None:
        return Column(UNDATED, None, None, dict(counts), x, round(width, 1), segments)
    until = next_bucket(start, unit) - timedelta(days=1)
    label = bucket_label(start, unit)
    return Column(
        label, start.isoformat(), until.isoformat(), dict(counts), x, round(width, 1), segments
    )


def _ticks(slots: list[date], unit: str, slot: float, right: float) -> list[Tick]:
    """Axis labels every ``step`` buckets, ``step`` wide enough for labels not to touch;
    months and years are labelled at round steps (every 1, 2, 3, 6 or 12 months)."""
    if not slots:
        return []
    width = LABEL_CHAR * len(bucket_label(slots[0], unit)) + 12
    need = math.ceil(width / slot)
    steps = {"month": (1, 2, 3, 6, 12, 24, 60), "year": (1, 2, 5, 10, 20, 50, 100)}
    step = next((s for s in steps.get(unit, ()) if s >= need), need)
    ticks = []
    for i, start in enumerate(slots):
        index = (start.month - 1) if unit == "month" else start.year if unit == "year" else i
        if unit == "month":
            index += start.year * 12
        if index % step == 0:
            x = MARGIN + i * slot + slot / 2
            ticks.append(Tick(round(x, 1), bucket_label(start, unit)))
    # No label runs off the chart or into the undated bar's label (``right``: plot end).
    half = width / 2  # the label and a margin: estimates of text width run short
    return [t for t in ticks if t.x - half >= 0 and t.x + half <= right]
