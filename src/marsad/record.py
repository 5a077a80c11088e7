"""Articles as records: the JSON export contract (SCHEMA.md) and the store's annotation
document. One place converts between dataclasses and dicts, so the export, the store
and the stateless filter cannot drift apart."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from marsad.types import (
    Article,
    DateMention,
    Geo,
    Mention,
    Paragraph,
    Removed,
    Sentence,
    SourceHints,
)

# Fields of SCHEMA.md whose stages do not exist yet are null: unknown, never invented.
_NOT_YET_EXTRACTED = ("quotes", "events")


def mention_record(article: Article, m: Mention) -> dict[str, Any]:
    record: dict[str, Any] = {
        "start": m.start,
        "end": m.end,
        "text": article.text[m.start : m.end],
        "label": m.label,
        "entity_id": m.entity_id,
        "name": m.name,
        "role": article.text[m.role_start : m.role_end] if m.role_start is not None else None,
        "backend": m.backend,
    }
    if m.geo is not None:
        record["geo"] = {
            "lat": m.geo.lat,
            "lon": m.geo.lon,
            "country": m.geo.country,
            "admin1": m.geo.admin1,
            "geonames_id": m.geo.geonames_id,
        }
    return record


def to_record(article: Article) -> dict[str, Any]:
    """The export record of SCHEMA.md, plus the fields this version adds."""
    record: dict[str, Any] = {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "lang": article.lang,
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "published": article.published,
        "dateline_place": article.dateline_place,
        "text": article.text,
        "story_id": article.story_id,
        "duplicate_of": article.duplicate_of,
        "paragraphs": [asdict(p) for p in article.paragraphs],
        "sentences": [[s.start, s.end] for s in article.sentences],
        "dates": [asdict(d) for d in article.dates],
        "annotated_by": dict(article.annotated_by),
        # null, not [], when no recogniser ran: "none found" would be a claim.
        "mentions": [mention_record(article, m) for m in article.mentions]
        if "mentions" in article.annotated_by
        else None,
    }
    for name in _NOT_YET_EXTRACTED:
        record[name] = None
    return record


def annotations_json(article: Article) -> str:
    """What the store keeps beside the columns, as compact JSON."""
    return json.dumps(
        {
            "hints": asdict(article.hints),
            "paragraphs": [[p.start, p.end, p.lang] for p in article.paragraphs],
            "sentences": [[s.start, s.end] for s in article.sentences],
            "dates": [asdict(d) for d in article.dates],
            "removed": [[r.kind, r.text] for r in article.removed],
            "mentions": [_mention_json(m) for m in article.mentions],
            "annotated_by": article.annotated_by,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def restore_annotations(article: Article, document: str) -> None:
    data = json.loads(document)
    article.hints = SourceHints(**data.get("hints", {}))
    article.paragraphs = [Paragraph(s, e, lang) for s, e, lang in data.get("paragraphs", [])]
    article.sentences = [Sentence(s, e) for s, e in data.get("sentences", [])]
    article.dates = [DateMention(**d) for d in data.get("dates", [])]
    article.removed = [Removed(k, t) for k, t in data.get("removed", [])]
    article.mentions = [_mention_from_json(m) for m in data.get("mentions", [])]
    article.annotated_by = dict(data.get("annotated_by", {}))


def _mention_json(m: Mention) -> dict[str, Any]:
    data = asdict(m)
    if m.geo is None:
        del data["geo"]
    return {k: v for k, v in data.items() if v is not None}


def _mention_from_json(data: dict[str, Any]) -> Mention:
    geo = data.pop("geo", None)
    return Mention(**data, geo=Geo(**geo) if geo else None)
