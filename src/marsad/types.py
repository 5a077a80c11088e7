"""The data model that passes between pipeline stages.

Every annotation points into ``Article.text`` with character offsets (Python string
indices, end exclusive); nothing copies the text except for display. The original bytes
of the input stay on ``Article.raw`` so the store keeps them losslessly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

Format = Literal["text", "html", "clean"]
"""How ``Article.raw_text`` must be read: a text scrape, an HTML page, or text that is
already clean (the stateless filter's JSONL input, whose offsets must not move)."""


@dataclass(slots=True)
class SourceHints:
    """Metadata a container gave us (JSONL fields, feed items, HTTP headers).

    Hints win over what we read from the text, because the publisher stated them.
    """

    title: str | None = None
    published: str | None = None  # as given; parsed by the metadata stage
    outlet: str | None = None
    byline: str | None = None
    lang: str | None = None
    reference_date: str | None = None  # ISO date the page was fetched or archived


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    lang: str | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class DateMention:
    """A date expression in the text.

    ``value`` is an ISO date when it could be resolved; ``relative`` keeps what the text
    said when it is relative and no reference date resolves it (``-2d``, ``weekday:TUE``).
    """

    start: int
    end: int
    text: str
    value: str | None = None
    relative: str | None = None


@dataclass(slots=True)
class Removed:
    """Something cleaning took out of the page, kept so the digest can say what and why."""

    kind: (
        str  # navigation | widget | repeated | stray_mark | html_chrome | title_suffix | page_date
    )
    text: str


@dataclass(slots=True)
class Geo:
    """Where a place mention is: coordinates, ISO 3166-1 alpha-2 country, first-level admin
    area, what placed it (``kb``, ``geonames``, ``pycountry``) and the kind of place it
    chose (``city``, ``admin1``, ``country`` … or the KB's kind): how precise the point is."""

    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    source: str = ""
    kind: str | None = None


@dataclass(slots=True)
class Mention:
    """A name in the text (``text[start:end]``).

    ``label`` is one of PER ORG GPE LOC FAC NORP. The recogniser fills the span, label and
    the title or role around the name (as offsets, e.g. "co-chair of the Department of
    External Relations", "السفير"); the linker fills ``entity_id`` and ``name`` (the
    canonical name, one id across articles and scripts); the geocoder fills ``geo``.
    """

    start: int
    end: int
    label: str
    entity_id: str | None = None
    name: str | None = None
    role_start: int | None = None
    role_end: int | None = None
    geo: Geo | None = None
    backend: str = ""  # what found it: kb, model, pattern, coref, gazetteer, names
    score: float = 1.0


@dataclass(slots=True)
class Quote:
    """Who said what: ``text[start:end]`` is what was said (inside the quote marks for
    direct speech, the reported clause otherwise). The speaker is null when the text does
    not say who spoke; nothing is guessed."""

    start: int
    end: int
    direct: bool
    cue_start: int | None = None  # the speech verb ("added", "أكد")
    cue_end: int | None = None
    speaker: str | None = None  # canonical name of the speaker's entity, or its surface
    speaker_entity_id: str | None = None
    speaker_start: int | None = None  # the mention naming the speaker, when in the text
    speaker_end: int | None = None
    backend: str = ""


@dataclass(slots=True)
class Event:
    """A PLOVER event with its evidence ``text[start:end]`` (one or more sentences).

    ``mode`` is the PLOVER mode (visit, multilateral, targeted, aerial …); ``aux`` holds
    the auxiliary modes the text states: historical, future, hypothetical, negation.
    """

    type: str  # AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT
    #            THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT
    start: int
    end: int
    mode: str | None = None
    aux: list[str] = field(default_factory=list)
    source: str | None = None
    source_entity_id: str | None = None
    target: str | None = None
    target_entity_id: str | None = None
    place: str | None = None
    place_entity_id: str | None = None
    date: str | None = None  # ISO, resolved against the article date where relative
    trigger_start: int | None = None  # the word(s) that signal the event
    trigger_end: int | None = None
    backend: str = ""
    score: float = 1.0


@dataclass(slots=True)
class Article:
    """One news article, from raw input to annotations.

    Readers fill the first block; the stages fill the rest.
    """

    id: str
    source: str
    raw: bytes
    raw_text: str
    format: Format = "text"
    url: str | None = None
    hints: SourceHints = field(default_factory=SourceHints)
    encoding: str | None = None

    # filled by the stages
    text: str = ""
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    dateline_place: str | None = None
    published: str | None = None
    lang: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    duplicate_of: str | None = None
    story_id: str | None = None
    # stage name -> backend that produced its annotations (provenance of every fact)
    annotated_by: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class LocalEntity:
    """An entity the knowledge base does not know: its names as seen, per language (in the
    order seen), and the name to display."""

    id: str
    label: str
    names: dict[str, list[str]] = field(default_factory=dict)
    canonical: str = ""

    def all_names(self) -> Iterator[tuple[str, str]]:
        for lang, names in self.names.items():
            for name in names:
                yield lang, name
