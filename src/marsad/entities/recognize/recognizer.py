"""The offline recogniser: gazetteer + trained NER models + rules, per language block.

An article is read in blocks of consecutive paragraphs of one language (paragraph
language, else the article's, else the block's script). Each block's candidates from
every source — the knowledge base's gazetteer, the shipped NER model of the block's
language (``ner_model``), and for Arabic the title and role patterns — are merged into
one non-overlapping set (``spans.resolve``: the KB wins an overlap, then patterns, then
the model), then
structural rules join a place and a facility word into a facility ("Al-Hol camp",
"Al-Hasakah (Al-Sina’a) prison", "سجن الحسكة (الصناعة)") and English people get their
roles. Other languages (Kurdish, Turkish …) get the gazetteer alone.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache

from marsad.entities.recognize.arabic import ArabicRules
from marsad.entities.recognize.english import (
    cut_known_place,
    defer_to_longer_spacy,
    given_name_people,
    propagate_people,
    tidy_spacy,
)
from marsad.entities.recognize.english_roles import attach_roles
from marsad.entities.recognize.gazetteer import Gazetteer
from marsad.entities.recognize.lexicon import (
    Phrase,
    arabic_lexicon,
    english_lexicon,
    phrase,
)
from marsad.entities.recognize.ner_model import shipped_model
from marsad.entities.recognize.places import arabic_place_names
from marsad.entities.recognize.spans import Candidate, resolve
from marsad.entities.recognize.tokens import Token, tokenize
from marsad.geo.countries import load_aliases
from marsad.kb import KnowledgeBase, default_kb
from marsad.resources import load_yaml
from marsad.types import Article

log = logging.getLogger(__name__)

ModelFn = Callable[[str, int, int], list[Candidate]]
"""Names in ``text[start:end]`` with offsets into ``text``: a statistical recogniser."""
ModelArg = bool | None | ModelFn | Mapping[str, ModelFn]
Block = tuple[int, int, str]  # start, end, language ("ar", "en", or another code)

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN_LETTER = re.compile("[A-Za-z]")
# A parenthesis holding another name of the same facility: "(Al-Sina’a)", "(الصناعة)".
_PAREN = re.compile(r"[ \t\u00a0]*\(([^()\n]{1,40})\)")


def extra_names() -> dict[Phrase, str]:
    """The recogniser's own names beside the KB: NORP words, world regions and bodies,
    and the Arabic names of the world's countries and large cities."""
    extra: dict[Phrase, str] = dict(arabic_place_names())
    data = load_yaml("marsad.entities", "recognize.ar.yaml")
    for name in data.get("regions", []):
        extra[phrase(name)] = "LOC"
    for name in data.get("organisations", []):
        extra[phrase(name)] = "ORG"
    for words in english_lexicon().norp:
        extra[words] = "NORP"
    for word in arabic_lexicon().norp:
        extra[(word,)] = "NORP"
    return {k: v for k, v in extra.items() if k}


class Recognizer:
    """Finds mentions in an article's text; heavy parts (KB, models) load on first use.

    ``kb`` defaults to ``default_kb()`` (shipped and user entries). ``model`` picks the
    statistical recognisers: True for the shipped models of every language, False or
    None for the gazetteer and rules alone, a mapping of language to ``ModelFn``, or one
    ``ModelFn`` for English only.
    """

    backend = "kb+model+rules"

    def __init__(self, kb: KnowledgeBase | None = None, model: ModelArg = True) -> None:
        self._kb = kb
        self._gazetteer: Gazetteer | None = None
        self._models = _models(model)
        self._arabic = ArabicRules()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(self._kb or default_kb(), extra_names())
        return self._gazetteer

    # -- the article --------------------------------------------------------------

    def recognize(self, article: Article) -> list[Candidate]:
        """Mentions of ``article.text``, sorted and not overlapping."""
        text = article.text
        out: list[Candidate] = []
        for start, end, lang in blocks(article):
            out += self.recognize_block(text, start, end, lang)
        return sorted(out, key=lambda c: (c.start, c.end))

    def recognize_block(self, text: str, start: int, end: int, lang: str) -> list[Candidate]:
        tokens = tokenize(text, start, end)
        if not tokens:
            return []
        known = self.gazetteer.find(text, tokens)
        model_fn = self._models.get(lang)
        if lang == "ar":
            found = self._arabic.find(text, tokens, known)
            model = model_fn(text, start, end) if model_fn else None
            chosen = resolve(_arabic_candidates(text, known, found, model))
            return _facility_parentheses(text, chosen, self.gazetteer.kb, arabic=True)
        if lang != "en":
            return resolve(known)
        spacy = tidy_spacy(text, model_fn(text, start, end), tokens) if model_fn else []
        spacy = _norp_words(spacy, text)
        spacy = cut_known_place(spacy, known, text)
        known = defer_to_longer_spacy(known, spacy, text)
        people = given_name_people(text, tokens)
        spacy = _people_by_given_name(spacy, people)
        chosen = resolve([*known, *spacy, *people])
        chosen = propagate_people(text, tokens, chosen)
        chosen = _english_facilities(text, tokens, chosen, self.gazetteer.kb)
        return attach_roles(text, tokens, chosen)


def _arabic_candidates(
    text: str, known: list[Candidate], rules: list[Candidate], model: list[Candidate] | None
) -> list[Candidate]:
    """Arabic: the trained model leads; KB names and demonyms fill the gaps it leaves; the
    title and role patterns lend their roles to names found by the others, and add only
    people named right after a title or role ("نائبا الرئاسة المشتركة عبير إيليا").

    Measured on ANERcorp's tune part: the patterns alone added 60 wrong names for 9
    right ones, the world place list 32 for 17 ("جزيرة", "السيول" are common words), so
    neither may add a name of its own once a model runs. Without a model (``model=False``)
    everything counts, as before.
    """
    if model is None:
        return [*known, *rules]
    kept = [c for c in known if c.source == "kb" or c.label == "NORP"]
    # A KB name as long as the model's or holding it ("قوات سوريا الديمقراطية" around
    # "سوريا", "سجن الحسكة" the model calls a place) wins: it knows the type and the id.
    entries = [k for k in kept if k.source == "kb"]
    titled = [c for c in rules if c.label == "PER" and c.role_start is not None]
    # A person the KB knows or the patterns found after a title is exact; the model's
    # span around it often takes the title in too ("الدكتور عبد الكريم عمر").
    exact = [c for c in [*entries, *titled] if c.label == "PER"]
    leading = [
        replace(c, priority=5)
        for c in model
        if not any(_covers(k, c) for k in entries)
        and not (c.label == "PER" and any(c.contains(p) and c.length > p.length for p in exact))
    ]
    spans = {(c.start, c.end) for c in [*leading, *kept]}
    people = [text[c.start : c.end] for c in [*leading, *kept, *titled] if c.label == "PER"]
    # "جيا كرد" after "بدران جيا كرد": a family name alone, as the rules propagate it.
    surnames = {" ".join(p.split()[k:]) for p in people for k in range(1, len(p.split()))}
    again = [c for c in rules if c.label == "PER" and text[c.start : c.end] in surnames]
    confirmed = [c for c in rules if (c.start, c.end) in spans]
    return [*leading, *kept, *confirmed, *titled, *again]


def _covers(kb: Candidate, model: Candidate) -> bool:
    """The KB name holds the model's, or is it but for a glued clitic the model kept
    ("ومخيم الهول" against the KB's "مخيم الهول")."""
    return kb.contains(model) or (kb.end == model.end and 0 < kb.start - model.start <= 2)


@cache
def _english_norp() -> frozenset[Phrase]:
    """The NORP list and every country's English demonyms (the geocoder's lists: "Sri
    Lankan", "Americans")."""
    demonyms = load_aliases("en").demonyms.values()
    return english_lexicon().norp | {phrase(w) for forms in demonyms for w in forms}


def _norp_words(model: list[Candidate], text: str) -> list[Candidate]:
    """A name the model calls a place or a body that is a word of the NORP list ("Baha'i",
    "Christian") or a demonym ("Sri Lankan") is a group of people: NORP, which is never
    placed on a map. (The geocoder itself still places a demonym it is handed: gold
    toponym sets count "Israeli" as a mention of Israel.)"""
    norp = _english_norp()
    return [
        replace(c, label="NORP")
        if c.label in ("GPE", "LOC", "FAC", "ORG") and phrase(text[c.start : c.end]) in norp
        else c
        for c in model
    ]


def _people_by_given_name(model: list[Candidate], people: list[Candidate]) -> list[Candidate]:
    """A name the model read whole but called an organisation or a place is a person when
    it starts with a known given name ("Natalia Barkal" in quotes reads like a brand)."""
    spans = {(p.start, p.end) for p in people}
    return [
        replace(c, label="PER") if (c.start, c.end) in spans and c.label != "PER" else c
        for c in model
    ]


def _models(arg: ModelArg) -> dict[str, ModelFn]:
    if arg is True:
        return {lang: _lazy(lang) for lang in ("en", "ar")}
    if arg is False or arg is None:
        return {}
    if isinstance(arg, Mapping):
        return dict(arg)
    return {"en": arg}


def _lazy(lang: str) -> ModelFn:
    # The model loads on the first block of its language, not when the recogniser is built.
    def run(text: str, start: int, end: int) -> list[Candidate]:
        return shipped_model(lang).entities(text, start, end)

    return run


def blocks(article: Article) -> list[Block]:
    """Runs of consecutive paragraphs of one language: (start, end, lang)."""
    text = article.text
    spans = [(p.start, p.end, p.lang) for p in article.paragraphs]
    if not spans and text.strip():
        spans = [(0, len(text), article.lang)]
    out: list[Block] = []
    for start, end, lang in spans:
        start, end = max(0, start), min(len(text), end)
        if start >= end:
            continue
        code = _block_language(text[start:end], lang or article.lang)
        if out and out[-1][2] == code:
            out[-1] = (out[-1][0], end, code)
        else:
            out.append((start, end, code))
    return out


def _block_language(chunk: str, lang: str | None) -> str:
    arabic = len(_ARABIC_LETTER.findall(chunk))
    latin = len(_LATIN_LETTER.findall(chunk))
    if lang in {"ar", "en"}:
        # A paragraph tagged Arabic in an English page (a quote) is read by its script.
        if lang == "ar" and latin > 2 * arabic:
            return "en"
        if lang == "en" and arabic > 2 * latin:
            return "ar"
        return lang
    if lang is None:
        return "ar" if arabic > latin else "en"
    return lang


def _english_facilities(
    text: str, tokens: list[Token], chosen: list[Candidate], kb: KnowledgeBase
) -> list[Candidate]:
    """A name followed by a facility word is the facility: "Al-Hol camp",
    "Al-Hasakah (Al-Sina’a) prison" (the parenthesis is another name of it)."""
    heads = english_lexicon().facility_heads
    by_start = {t.start: i for i, t in enumerate(tokens)}
    out: list[Candidate] = []
    i = 0
    while i < len(chosen):
        cand = chosen[i]
        end = cand.end
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        paren = _PAREN.match(text, end)
        inner = None
        if paren and nxt is not None and nxt.start == paren.start(1) and nxt.end == paren.end(1):
            inner, end = nxt, paren.end()
        elif paren:
            end = paren.end()
        else:
            end = cand.end
        head_end = _head_after(text, tokens, by_start, end, heads)
        if cand.label in {"GPE", "LOC", "ORG", "PER", "FAC"} and head_end is not None:
            surface = text[cand.start : head_end]
            entries = kb.lookup(surface)
            if not entries and inner is not None:
                entries = kb.lookup(f"{text[inner.start : inner.end]} {text[end:head_end]}")
            fac = [e for e in entries if e.type == "FAC"]
            unique = fac[0] if len(fac) == 1 else None
            out.append(
                Candidate(
                    cand.start,
                    head_end,
                    "FAC",
                    "kb" if unique else "pattern",
                    entity_id=unique.id if unique else None,
                    name=unique.label if unique else None,
                )
            )
            i += 2 if inner is not None else 1
            continue
        out.append(cand)
        i += 1
    return out


def _head_after(
    text: str,
    tokens: list[Token],
    by_start: dict[int, int],
    end: int,
    heads: frozenset[Phrase],
) -> int | None:
    """End of a facility word written right after ``end`` (" camp"), or None."""
    gap = end
    while gap < len(text) and text[gap] in " \t\u00a0":
        gap += 1
    k = by_start.get(gap)
    if k is None or gap == end:
        return None
    for size in (2, 1):
        words = tokens[k : k + size]
        if len(words) == size and tuple(t.key for t in words) in heads:
            return words[-1].end
    return None


def _facility_parentheses(
    text: str, chosen: list[Candidate], kb: KnowledgeBase, arabic: bool
) -> list[Candidate]:
    """ "سجن الحسكة (الصناعة)": a facility followed by another of its names in brackets
    takes the brackets into its mention."""
    out: list[Candidate] = []
    skip = False
    for i, cand in enumerate(chosen):
        if skip:
            skip = False
            continue
        paren = _PAREN.match(text, cand.end)
        if cand.label == "FAC" and paren:
            inner = paren.group(1).strip()
            head = text[cand.start : cand.end].split()[0] if arabic else ""
            entries = kb.lookup(inner) or kb.lookup(f"{head} {inner}".strip())
            if cand.entity_id and any(e.id == cand.entity_id for e in entries):
                close = cand.end + len(paren.group(0).rstrip())
                nxt = chosen[i + 1] if i + 1 < len(chosen) else None
                skip = nxt is not None and nxt.start < close
                out.append(replace(cand, end=close))
                continue
        out.append(cand)
    return out
