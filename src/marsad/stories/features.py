"""What two articles share: entity ids, places, dates, numbers, quoted speakers, shingles
and the direction of their leads.

``ArticleFeatures`` is computed once per article and stored; ``compare`` reads two of them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from marsad.names.normalize import normalize_arabic
from marsad.stories import minhash
from marsad.stories.embed import lead_text
from marsad.stories.shingles import shingles
from marsad.types import Article

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(slots=True)
class ArticleFeatures:
    article_id: str
    lang: str | None
    outlet: str | None
    date: str | None  # the article's publication day, ISO
    entities: frozenset[str]
    places: frozenset[str]
    dates: frozenset[str]  # every full ISO day the article states
    numbers: frozenset[str]
    speakers: frozenset[str]  # entity ids of quoted speakers
    has_entities: bool  # whether names were recognised at all (not ingested with --fast)
    signature: np.ndarray  # MinHash, uint64[NUM_PERM]
    lead: str  # what is embedded: title and the start of the text
    # Unit-length float32, computed only once a candidate pair needs it (see cluster.py).
    embedding: np.ndarray | None = None
    bands: list[int] = field(default_factory=list)

    def index_keys(self) -> list[str]:
        """Index keys that find story candidates: entity ids, and the publication day."""
        out = sorted(self.entities)
        if self.date:
            out.append(f"date:{self.date}")
        return out

    def to_json(self) -> str:
        return json.dumps(
            {
                "entities": sorted(self.entities),
                "places": sorted(self.places),
                "dates": sorted(self.dates),
                "numbers": sorted(self.numbers),
                "speakers": sorted(self.speakers),
                "has_entities": self.has_entities,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_stored(
        cls,
        article_id: str,
        lang: str | None,
        outlet: str | None,
        day: str | None,
        document: str,
        signature: bytes,
        lead: str,
        embedding: bytes | None,
    ) -> ArticleFeatures:
        data = json.loads(document)
        sig = np.frombuffer(signature, dtype=np.uint64)
        return cls(
            article_id=article_id,
            lang=lang,
            outlet=outlet,
            date=day,
            entities=frozenset(data["entities"]),
            places=frozenset(data["places"]),
            dates=frozenset(data["dates"]),
            numbers=frozenset(data["numbers"]),
            speakers=frozenset(data["speakers"]),
            has_entities=bool(data["has_entities"]),
            signature=sig,
            lead=lead,
            # Stored as float16: half the size, and cosine to three decimals is plenty.
            embedding=np.frombuffer(embedding, dtype=np.float16).astype(np.float32)
            if embedding is not None
            else None,
            # No band keys: a stored article is only compared with, never looked up by
            # them, and computing them was a third of the cost of reading candidates.
        )


def article_features(article: Article) -> ArticleFeatures:
    """The features of one processed article (its embedding comes later, if needed)."""
    sig = minhash.signature(shingles(article.text))
    entities = frozenset(m.entity_id for m in article.mentions if m.entity_id)
    places = frozenset(
        m.entity_id for m in article.mentions if m.entity_id and m.label in PLACE_LABELS
    )
    day = _day(article.published)
    dates = {d.value for d in article.dates if d.value and _ISO_DAY.match(d.value)}
    if day:
        dates.add(day)
    return ArticleFeatures(
        article_id=article.id,
        lang=article.lang,
        outlet=article.outlet,
        date=day,
        entities=entities,
        places=places,
        dates=frozenset(dates),
        numbers=numbers_in(article.text),
        speakers=frozenset(q.speaker_entity_id for q in article.quotes if q.speaker_entity_id),
        has_entities="mentions" in article.annotated_by,
        signature=sig,
        lead=lead_text(article),
        bands=minhash.band_keys(sig),
    )


def numbers_in(text: str) -> frozenset[str]:
    """Numbers of two or more digits (Arabic-Indic digits read as ASCII): counts of dead,
    years, sums that a translation keeps verbatim."""
    found = _NUMBER.findall(normalize_arabic(text))
    return frozenset(n.replace(",", "") for n in found if len(n.replace(",", "")) >= 2)


def _day(value: str | None) -> str | None:
    return value[:10] if value and _ISO_DAY.match(value[:10]) else None


@dataclass(frozen=True, slots=True)
class Shared:
    """What a new article shares with one candidate."""

    entities: int
    entity_jaccard: float
    places: int
    dates: tuple[str, ...]
    numbers: int
    speakers: int
    overlap: float  # estimated shingle Jaccard
    cosine: float | None  # when both embeddings are known
    days_apart: int | None  # between publication days, when both have one


def compare(a: ArticleFeatures, b: ArticleFeatures) -> Shared:
    union = len(a.entities | b.entities)
    common = len(a.entities & b.entities)
    return Shared(
        entities=common,
        entity_jaccard=common / union if union else 0.0,
        places=len(a.places & b.places),
        dates=tuple(sorted(a.dates & b.dates)),
        numbers=len(a.numbers & b.numbers),
        speakers=len(a.speakers & b.speakers),
        overlap=minhash.overlap(a.signature, b.signature),
        cosine=float(a.embedding @ b.embedding)
        if a.embedding is not None and b.embedding is not None
        else None,
        days_apart=days_apart(a.date, b.date),
    )


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two ISO days, or None when either is unknown."""
    if not a or not b:
        return None
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
