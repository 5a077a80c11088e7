"""Articles as records: the JSON export contract (SCHEMA.md) and the store's annotation
document. One place converts between dataclasses and dicts, so the export, the store
and the stateless filter cannot drift apart."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from marsad.types import Article, DateMention, Paragraph, Removed, Sentence, SourceHints

# Fields of SCHEMA.md whose stages do not exist yet are null: unknown, never invented.
_NOT_YET_EXTRACTED = ("mentions", "quotes", "events")


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
    article.annotated_by = dict(data.get("annotated_by", {}))
