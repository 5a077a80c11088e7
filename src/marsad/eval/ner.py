"""How well the ``mentions`` stage finds names, on CoNLL-2003 English and ANERcorp Arabic.

Data (read from outside the package, never shipped):

- CoNLL-2003 (``conll2003_en/dev.conll``): ``token POS chunk NER`` per line, sentences
  separated by blank lines, IOB1 tags (an entity starts at ``B-`` or at an ``I-`` whose
  type differs from the previous tag's);
- ANERcorp (``anercorp/dev.txt``): ``token tag`` per line, no blank lines (a sentence
  ends at a "." token), IOB2 tags ``B-PERS I-PERS B-ORG B-LOC B-MISC``;
- NewsFANE / WikiFANE: ``word<TAB>tag``, fine classes folded to PER, ORG and LOC.

``marsad.train.corpora`` reads all three; ``part`` picks the held-out, tune or train part
of the fixed split by record id (``marsad.eval.split``). Held-out figures come first:
neither the models nor any rule were fitted on them.

The text is rebuilt from the tokens joined by spaces (one paragraph per sentence, a few
dozen consecutive sentences per article, so that names found once can be found again),
the stage runs on it, and each mention is read as the tokens it overlaps. Scoring is
CoNLL's: an entity counts when its tokens and type are exactly the gold ones. Types are
compared as PER, ORG and LOC (our GPE, LOC and FAC are LOC); MISC is left out on both
sides (our NORP is MISC).
"""

from __future__ import annotations

import bisect
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.train.corpora import read_records
from marsad.types import Article, Mention, Paragraph, Sentence

log = logging.getLogger(__name__)

SENTENCES_PER_ARTICLE = 40
TYPES = ("PER", "ORG", "LOC")
GOLD_TYPES = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
PARTS = ("held-out", "tune")
"""What ``marsad eval ner`` reports by default, in this order (train parts are fitted)."""
OUR_TYPES = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC"}

Predict = Callable[[Article], list[Mention]]
Entity = tuple[int, int, str]  # first token, last token (inclusive), type


@dataclass(frozen=True, slots=True)
class Doc:
    """One rebuilt article: its text, token offsets and gold entities."""

    article: Article
    tokens: list[tuple[int, int]]
    gold: set[Entity]


def read_sentences(path: Path, part: str = "all") -> list[list[tuple[str, str]]]:
    """Sentences of (token, coarse IOB2 tag) from a CoNLL-2003, ANERcorp or FANE file,
    only those of ``part`` of the fixed split (``marsad.eval.split``)."""
    return [s for r in read_records(path) if part in ("all", r.part) for s in r.sentences]


def gold_entities(tags: list[str]) -> set[Entity]:
    """Entities from IOB1 or IOB2 tags."""
    out: set[Entity] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        name = GOLD_TYPES.get(name, name)
        begins = prefix == "B" or (prefix == "I" and name != kind)
        if kind and (tag == "O" or begins):
            out.add((start, i - 1, kind))
            kind = ""
        if tag != "O" and (begins or not kind):
            start, kind = i, name
    return out


def build_docs(
    sentences: list[list[tuple[str, str]]], lang: str, per_article: int = SENTENCES_PER_ARTICLE
) -> Iterator[Doc]:
    for first in range(0, len(sentences), per_article):
        group = sentences[first : first + per_article]
        parts: list[str] = []
        offsets: list[tuple[int, int]] = []
        tags: list[str] = []
        paragraphs: list[Paragraph] = []
        pos = 0
        for sentence in group:
            if parts:
                parts.append("\n\n")
                pos += 2
            begin = pos
            for k, (token, tag) in enumerate(sentence):
                if k:
                    parts.append(" ")
                    pos += 1
                parts.append(token)
                offsets.append((pos, pos + len(token)))
                tags.append(tag)
                pos += len(token)
            paragraphs.append(Paragraph(begin, pos, lang))
        text = "".join(parts)
        article = Article(
            id=f"{lang}-{first}",
            source=f"eval:{lang}:{first}",
            raw=text.encode("utf-8"),
            raw_text=text,
            format="clean",
            text=text,
            lang=lang,
            paragraphs=paragraphs,
            sentences=[Sentence(p.start, p.end) for p in paragraphs],
        )
        yield Doc(article, offsets, gold_entities(tags))


def predicted_entities(mentions: list[Mention], tokens: list[tuple[int, int]]) -> set[Entity]:
    """Each mention as the tokens it overlaps (a clitic left outside the mention still
    makes its token part of it, as ANERcorp's tokens keep clitics)."""
    out: set[Entity] = set()
    starts = [s for s, _ in tokens]
    for m in mentions:
        kind = OUR_TYPES.get(m.label)
        if kind is None:
            continue
        first = max(0, bisect.bisect_right(starts, m.start) - 1)
        if tokens[first][1] <= m.start:
            first += 1
        last = bisect.bisect_left(starts, m.end) - 1
        if first <= last < len(tokens):
            out.add((first, last, kind))
    return out


def score(gold: Counter[str], found: Counter[str], hits: Counter[str]) -> dict[str, Any]:
    def prf(tp: int, n_found: int, n_gold: int) -> dict[str, Any]:
        p = tp / n_found if n_found else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "tp": tp,
            "fp": n_found - tp,
            "fn": n_gold - tp,
        }

    per_type = {t: prf(hits[t], found[t], gold[t]) for t in TYPES}
    micro = prf(
        sum(hits[t] for t in TYPES), sum(found[t] for t in TYPES), sum(gold[t] for t in TYPES)
    )
    return {"per_type": per_type, "micro": micro}


def evaluate_ner(
    path: Path,
    lang: str,
    limit: int | None = None,
    predict: Predict | None = None,
    part: str = "all",
) -> dict[str, Any]:
    """Entity-level P/R/F1 of ``predict`` (default: the ``mentions`` stage) on a CoNLL,
    ANERcorp or FANE file, on ``part`` of its fixed split; ``limit`` keeps the first that
    many sentences."""
    if predict is None:
        from marsad.entities.recognize.stage import MentionStage

        predict = MentionStage().predict
    sentences = read_sentences(path, part)
    if limit is not None:
        sentences = sentences[:limit]
    gold: Counter[str] = Counter()
    found: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    seconds = 0.0
    articles = tokens = 0
    for doc in build_docs(sentences, lang):
        began = time.perf_counter()
        mentions = predict(doc.article)
        seconds += time.perf_counter() - began
        ours = {e for e in predicted_entities(mentions, doc.tokens) if e[2] != "MISC"}
        truth = {e for e in doc.gold if e[2] != "MISC"}
        gold.update(e[2] for e in truth)
        found.update(e[2] for e in ours)
        hits.update(e[2] for e in ours & truth)
        articles += 1
        tokens += len(doc.tokens)
    result = score(gold, found, hits)
    result.update(
        {
            "lang": lang,
            "file": path.name,
            "part": part,
            "sentences": len(sentences),
            "tokens": tokens,
            "articles": articles,
            "seconds": round(seconds, 3),
        }
    )
    return result
