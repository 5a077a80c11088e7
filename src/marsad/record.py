"""Articles as records: the JSON export contract (SCHEMA.md) and the store's annotation
document. One place converts between dataclasses and dicts, so the export, the store
and the stateless filter cannot drift apart."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from marsad.events.status import event_status
from marsad.types import (
    Article,
    DateMention,
    Event,
    Geo,
    Mention,
    Paragraph,
    Quote,
    Removed,
    Sentence,
    SourceHints,
)


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
    record["quotes"] = (
        [quote_record(article, q) for q in article.quotes]
        if "quotes" in article.annotated_by
        else None
    )
    record["events"] = (
        [event_record(article, e) for e in article.events]
        if "events" in article.annotated_by
        else None
    )
    return record


def _span(article: Article, start: int | None, end: int | None) -> str | None:
    return article.text[start:end] if start is not None and end is not None else None


def quote_record(article: Article, q: Quote) -> dict[str, Any]:
    return {
        "start": q.start,
        "end": q.end,
        "text": article.text[q.start : q.end],
        "direct": q.direct,
        "speaker": q.speaker,
        "speaker_entity_id": q.speaker_entity_id,
        "cue": _span(article, q.cue_start, q.cue_end),
        "backend": q.backend,
    }


def event_record(article: Article, e: Event) -> dict[str, Any]:
    record = {k: v for k, v in asdict(e).items() if k not in ("trigger_start", "trigger_end")}
    record["text"] = article.text[e.start : e.end]
    record["trigger"] = _span(article, e.trigger_start, e.trigger_end)
    # Added to the contract: real, negated or hypothetical, from ``aux``.
    record["status"] = event_status(e.aux)
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
            "quotes": [_compact(asdict(q)) for q in article.quotes],
            "events": [_compact(asdict(e)) for e in article.events],
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
    article.quotes = [Quote(**q) for q in data.get("quotes", [])]
    article.events = [Event(**e) for e in data.get("events", [])]
    article.annotated_by = dict(data.get("annotated_by", {}))


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _mention_json(m: Mention) -> dict[str, Any]:
    data = asdict(m)
    if m.geo is None:
        del data["geo"]
    return {k: v for k, v in data.items() if v is not None}


def _mention_from_json(data: dict[str, Any]) -> Mention:
    geo = data.pop("geo", None)
    return Mention(**data, geo=Geo(**geo) if geo else None)
