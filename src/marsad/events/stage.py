"""The ``events`` stage: PLOVER events with actors, place, date and evidence.

Each sentence is coded on its own; its triggers (or, with a model backend, its predicted
type) become events whose evidence is the sentence. A list of demands gives one REQUEST per
sentence that states one, each with its own evidence, and one per item of a numbered list
or per sentence that goes on with the list without a verb of its own (``lists``).
"""

from __future__ import annotations

import logging
import os
import re
from bisect import bisect_left
from dataclasses import replace
from typing import Protocol

from marsad.entities.registry import ID_PREFIX
from marsad.events.lexicon import EVENT_TYPES, Lexicon, lexicon
from marsad.events.lists import continues_list, inline_items, list_item
from marsad.events.roles import ACTOR_LABELS, Roles, actor_name, event_date, find_roles
from marsad.events.triggers import Hit, aux_modes, find_triggers, primary
from marsad.events.typer import EventTyper, TypeScores, default_typer, rule_features
from marsad.pipeline import register
from marsad.types import Article, Event, Mention, Sentence

log = logging.getLogger(__name__)

_SUPPORTED = ("en", "ar")
# Acts done by saying them: inside a quote, the speaker is their source. An attack or an
# arrest a speaker describes is not the speaker's.
_SPEECH_TYPES = frozenset(
    {"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
)
# A subject this far into its sentence is no longer "the sentence's subject" (for
# resolving "It called for ..." to the subject of the sentence before).
_SUBJECT_REACH = 40
# How far after "received by" its host may be named ("by senior officials of the ...").
_HOST_REACH = 60
# Arabic proclitics and article, English article: stripped to compare trigger words.
_CLITICS = re.compile(r"^(?:the\s+|[وف]?[بلك]?ال|[وف])")
# The definite article before (English) or on (Arabic) a trigger word.
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|such)\s+$", re.IGNORECASE)
_DEFINITE_AR = re.compile(r"[وف]?[بلك]?ال")


class SentenceClassifier(Protocol):
    """What a model backend offers: one (type, score) per sentence, type None for none."""

    name: str

    def classify(self, texts: list[str]) -> list[tuple[str | None, float]]: ...


class EventsStage:
    name: str = "events"
    requires: tuple[str, ...] = ("text", "sentences", "mentions", "lang", "dates")
    assigns: tuple[str, ...] = ("events",)
    backend: str = "rules"

    def __init__(
        self,
        classifier: SentenceClassifier | None = None,
        typer: EventTyper | bool | None = None,
    ) -> None:
        """``classifier`` (a model backend) types every sentence itself; otherwise the
        rules find candidates and ``typer`` (True: the shipped one; None or False: none,
        the rules decide alone) decides their types. The registered stage turns the typer
        on when ``MARSAD_EVENT_TYPER=1`` (see ``events_stage``)."""
        self.classifier = classifier
        chosen = default_typer() if typer is True else typer or None
        self.typer = None if classifier is not None else chosen
        if classifier is not None:
            self.backend = classifier.name
        else:
            self.backend = "rules" if self.typer is None else self.typer.name
        for lang in _SUPPORTED:  # fail on a malformed data file now, not mid-batch
            lexicon(lang)

    def __call__(self, article: Article) -> None:
        article.events = self.code(article)

    def code(self, article: Article) -> list[Event]:
        """The events of an article (pure: the article is not changed)."""
        text = article.text
        sentences = article.sentences or ([Sentence(0, len(text))] if text.strip() else [])
        mentions = sorted(article.mentions, key=lambda m: m.start)
        starts = [m.start for m in mentions]
        predicted = self._predict(text, sentences)
        langs = [self._lang(article, sent) for sent in sentences]
        found = [
            find_triggers(text, lexicon(lang), sent.start, sent.end) if lang else []
            for sent, lang in zip(sentences, langs, strict=True)
        ]
        typed = self._type(text, sentences, langs, found)
        events: list[Event] = []
        last_subject: Mention | None = None
        last_request: Event | None = None  # the request of the sentence before, if any
        for index, sent in enumerate(sentences):
            lang = langs[index]
            if lang is None:
                continue
            lex = lexicon(lang)
            lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
            in_sent = [m for m in mentions[lo:hi] if m.end <= sent.end]
            hits = found[index]
            if predicted is not None:
                hits = _model_hits(hits, predicted[index], sent)
            elif index in typed:
                hits = _typed_hits(hits, typed[index])
            coded: list[Event] = []
            for hit in hits:
                event = self._event(article, sent, hit, in_sent, lex, last_subject)
                if event is None:
                    continue
                if hit.participle and coded:
                    # "It called for ..., accusing the government of ...": the main
                    # clause's subject accuses
                    main = coded[0]
                    event.source, event.source_entity_id = main.source, main.source_entity_id
                coded.append(event)
            coded = [item for e in coded for item in _items(text, lex, e)]
            if (
                last_request is not None
                and not any(e.type == "REQUEST" for e in coded)
                and continues_list(text, lex, sent)
            ):
                # "The statement demanded:" announces the items; they are the requests
                if text[last_request.start : last_request.end].rstrip().endswith(":"):
                    events = [e for e in events if e is not last_request]
                coded.append(list_item(last_request, sent))
            events.extend(coded)
            last_request = next((e for e in reversed(coded) if e.type == "REQUEST"), None)
            subject = next((m for m in in_sent if m.label in ACTOR_LABELS), None)
            if subject is not None and subject.start - sent.start <= _SUBJECT_REACH:
                last_subject = subject
        return _headline_repeats(article, _drop_repeats(text, _one_per_meeting(text, events)))

    def _predict(
        self, text: str, sentences: list[Sentence]
    ) -> list[tuple[str | None, float]] | None:
        if self.classifier is None or not sentences:
            return None
        return self.classifier.classify([text[s.start : s.end] for s in sentences])

    def _type(
        self, text: str, sentences: list[Sentence], langs: list[str | None], found: list[list[Hit]]
    ) -> dict[int, TypeScores]:
        """The typer's scores for every sentence with a trigger, in one batch."""
        if self.typer is None:
            return {}
        chosen = [i for i, hits in enumerate(found) if hits and langs[i]]
        rules = []
        for i in chosen:
            lex, sent = lexicon(langs[i] or "en"), sentences[i]
            main = primary(found[i])
            assert main is not None
            rules.append(rule_features(found[i], aux_modes(text, main, lex, sent.start, sent.end)))
        scores = self.typer.score(
            [text[sentences[i].start : sentences[i].end] for i in chosen],
            rules,
            [langs[i] or "en" for i in chosen],
        )
        return dict(zip(chosen, scores, strict=True))

    @staticmethod
    def _lang(article: Article, sent: Sentence) -> str | None:
        # A paragraph's own language wins: English quotes in an Arabic page exist.
        for para in article.paragraphs:
            if para.start <= sent.start < para.end and para.lang in _SUPPORTED:
                return para.lang
        return article.lang if article.lang in _SUPPORTED else None

    def _event(
        self,
        article: Article,
        sent: Sentence,
        hit: Hit,
        mentions: list[Mention],
        lex: Lexicon,
        last_subject: Mention | None,
    ) -> Event | None:
        text = article.text
        roles = find_roles(article, hit, sent.start, sent.end, mentions, lex.lang)
        if hit.participle and roles.source is not None and roles.source.start >= hit.end:
            # "، متهمةً الحكومة": after a participle stands its object; the subject is
            # the main clause's (set by the caller)
            roles = Roles(None, roles.source, roles.place)
        if hit.guest_before:
            reception = _reception(text, sent, hit, mentions, roles)
            if reception is None:
                return None
            roles = reception
        source = roles.source
        cue_speaker = _cue_speaker(article, hit) if source is None else None
        if source is None and cue_speaker is None:
            source = _anaphoric_subject(article, hit, sent, lex, last_subject)
        source_name, source_id = actor_name(article, source), source.entity_id if source else None
        if cue_speaker is not None:
            source_name, source_id = cue_speaker
        target = roles.target
        speaker = _quote_speaker(article, hit) if hit.type in _SPEECH_TYPES else None
        # A noun ("ضرورة", "the need to") has no subject of its own: inside a quote the act
        # is the speaker's, whatever group the noun phrase names. "X's trafficking is
        # evidence of ..." said by Omar: Omar accuses, X is accused.
        if speaker is not None and (source is None or hit.noun or hit.target_before):
            if hit.target_before and source is not None and source.entity_id != speaker[1]:
                target = source
            source_name, source_id = speaker
        dates = [d for d in article.dates if sent.start <= d.start and d.end <= sent.end]
        today = lex.today is not None and lex.today.search(text, sent.start, sent.end) is not None
        date = event_date(article, dates, text[sent.start : sent.end], today)
        aux = aux_modes(text, hit, lex, sent.start, sent.end)
        if "historical" not in aux and _before_publication(date, article.published):
            aux.append("historical")
        return Event(
            type=hit.type,
            start=sent.start,
            end=sent.end,
            mode=hit.mode,
            aux=aux,
            source=source_name,
            source_entity_id=source_id,
            target=actor_name(article, target),
            target_entity_id=target.entity_id if target else None,
            place=actor_name(article, roles.place),
            place_entity_id=roles.place.entity_id if roles.place else None,
            date=date,
            trigger_start=hit.start if hit.end > hit.start else None,
            trigger_end=hit.end if hit.end > hit.start else None,
            backend=self.backend,
            score=round(hit.weight * (1.0 if source_name else 0.8), 3),
        )


def _reception(
    text: str, sent: Sentence, hit: Hit, mentions: list[Mention], roles: Roles
) -> Roles | None:
    """ "X was received by Y": Y hosts, X is the guest, named as the sentence's subject. A
    guest who is no known political actor (nobody named, or a name with no title and no KB
    entry: a private person) makes it a reception, not a meeting PLOVER codes."""
    actors = [m for m in mentions if m.label in ACTOR_LABELS]
    guest = next((m for m in actors if m.end <= hit.start), None)
    if guest is None or guest.start - sent.start > _SUBJECT_REACH:
        return None
    if guest.role_start is None and not _in_kb(guest):
        return None
    host = next((m for m in actors if hit.end <= m.start <= hit.end + _HOST_REACH), None)
    return Roles(host, guest, roles.place)


def _in_kb(mention: Mention) -> bool:
    # names no KB knows get registry ids; KB ids are QIDs or "marsad:..."
    return mention.entity_id is not None and not mention.entity_id.startswith(ID_PREFIX)


def _items(text: str, lex: Lexicon, event: Event) -> list[Event]:
    return inline_items(text, lex, event) if event.type == "REQUEST" else [event]


def _one_per_meeting(text: str, events: list[Event]) -> list[Event]:
    """A report names its meeting again and again ("the meeting discussed ...", "الاجتماع
    ركز على ..."): a later CONSULT of the same mode and the same trigger word is that
    meeting, not a new one, so only the first is kept. So is a later CONSULT that shares a
    side with an earlier one ("A delegation visits the Department" then "The delegation was
    received by the co-chair of the Department"): a visit and its reception are one meeting."""
    seen: set[tuple[str | None, str]] = set()
    sides: set[str] = set()
    kept: list[Event] = []
    for event in events:
        if event.type == "CONSULT" and event.trigger_start is not None:
            key = (event.mode, _stem(text[event.trigger_start : event.trigger_end]))
            own = {i for i in (event.source_entity_id, event.target_entity_id) if i}
            # no side named at all ("The delegation was received by the co-chair ..."):
            # the meeting the article already reported
            if key in seen or own & sides or (not own and sides):
                continue
            seen.add(key)
            sides |= own
        kept.append(event)
    return kept


def _drop_repeats(text: str, events: list[Event]) -> list[Event]:
    """ "The attack launched in tandem with ...", "الهجوم الذي وقع": a definite noun with no
    actor of its own refers back to an event of that type already coded in the article."""
    kept: list[Event] = []
    for event in events:
        if (
            event.source is None
            and event.target is None
            and event.trigger_start is not None
            and any(k.type == event.type for k in kept)
            and _definite(text, event.trigger_start, event.trigger_end or event.trigger_start)
        ):
            continue
        kept.append(event)
    return kept


def _headline_repeats(article: Article, events: list[Event]) -> list[Event]:
    """A headline announces what its body tells ("المرصد يتهم النظام" over "اتهم المرصد
    السوري ... قوات النظام ..."): an event of the title is dropped when the body codes one
    of its type with every actor the title's names (none, often), the same event told
    again in fewer words. Kept twice, the title's stood as a second event of the story.
    A title that names an actor the body's events do not ("Omar: Turkey's trafficking
    ... is evidence", the body naming the MIT) stays: it says something of its own."""
    title = article.title
    if not title or not article.text.startswith(title):
        return events
    end = len(title)
    body = [e for e in events if e.start >= end]

    def told_again(e: Event) -> bool:
        actors = {i for i in (e.source_entity_id, e.target_entity_id) if i}
        return any(
            b.type == e.type and actors <= {b.source_entity_id, b.target_entity_id} for b in body
        )

    return [e for e in events if not (e.end <= end and told_again(e))]


def _definite(text: str, start: int, end: int) -> bool:
    return bool(_DEFINITE_BEFORE.search(text, max(0, start - 8), start)) or bool(
        _DEFINITE_AR.match(text, start, end)
    )


def _stem(word: str) -> str:
    # clitics and article off, so "اجتماع", "الاجتماع" and "وبالاجتماع" are one word
    return _CLITICS.sub("", word.casefold().strip())


def _anaphoric_subject(
    article: Article, hit: Hit, sent: Sentence, lex: Lexicon, last_subject: Mention | None
) -> Mention | None:
    """ "It called for ...": the pronoun (or "the statement") before the trigger stands for
    the subject of an earlier sentence."""
    if last_subject is None or lex.pronoun_subject is None:
        return None
    # Inside a quote the pronoun of the reporting clause ("He said: ...") is the speaker,
    # not the one who acts in what is said.
    if any(q.start <= hit.start < q.end for q in article.quotes):
        return None
    if lex.pronoun_subject.search(article.text, sent.start, hit.start) is None:
        return None
    return last_subject


def _quote_speaker(article: Article, hit: Hit) -> tuple[str | None, str | None] | None:
    # An accusation inside a quote is the speaker's act.
    for quote in article.quotes:
        # Overlap, not containment: the trigger may begin with the preposition the cue
        # governs ("أكد على أهمية"), just before the reported words.
        inside = hit.start < quote.end and quote.start < hit.end
        if inside and (quote.speaker or quote.speaker_entity_id):
            return quote.speaker, quote.speaker_entity_id
    return None


def _cue_speaker(article: Article, hit: Hit) -> tuple[str | None, str | None] | None:
    # "The statement called the international community to ...": a trigger that is the
    # speech verb of a quote has that quote's speaker as its source.
    for quote in article.quotes:
        if quote.cue_start is None or quote.cue_end is None:
            continue
        if quote.cue_start < hit.end and hit.start < quote.cue_end and quote.speaker:
            return quote.speaker, quote.speaker_entity_id
    return None


def _before_publication(date: str | None, published: str | None) -> bool:
    # A year stated before the article's year ("since 2019" in a 2022 article).
    if not date or not published:
        return False
    return date[:4] < published[:4]


def _model_hits(hits: list[Hit], predicted: tuple[str | None, float], sent: Sentence) -> list[Hit]:
    """The model decides the type; a rule trigger of that type, when there is one, anchors
    the arguments, else the sentence start does."""
    type_, score = predicted
    if type_ is None or type_ not in EVENT_TYPES:
        return []
    anchor = next((h for h in hits if h.type == type_), None)
    if anchor is not None:
        return [
            Hit(
                type_,
                anchor.mode,
                anchor.start,
                anchor.end,
                score,
                anchor.target_before,
                anchor.frames,
            )
        ]
    return [Hit(type_, None, sent.start, sent.start, score, False, False)]


def _typed_hits(hits: list[Hit], scores: TypeScores) -> list[Hit]:
    """The typer's main type, anchored on a rule trigger of that type, else on the rules'
    main trigger; other rule triggers stay when their type scores high enough. Weights
    become the typer's scores, so the main event is the heaviest."""
    main = scores.main
    if main is None:
        return []
    top = scores.score(main)
    anchor = next((h for h in hits if h.type == main), None) or primary(hits)
    assert anchor is not None
    mode = anchor.mode if anchor.type == main else None  # a mode belongs to its own type
    out = [replace(anchor, type=main, mode=mode, weight=round(top, 3))]
    for hit in hits:
        if hit.type != main and scores.clears(hit.type):
            other = scores.score(hit.type)
            out.append(replace(hit, weight=round(min(other, top - 0.001), 3)))
    # Text order, as the rules give them: a participle's subject is the clause before it.
    return sorted(out, key=lambda h: h.start)


TYPER_ENV = "MARSAD_EVENT_TYPER"


@register("events")
def events_stage() -> EventsStage:
    """Rules alone unless ``MARSAD_EVENT_TYPER=1``: the typer runs E5 on every sentence
    with a trigger (~460 ms per article here against 9 ms for the rules) and on the
    held-out gold it scores what the rules score (docs/quality.md), so it is opt-in."""
    return EventsStage(typer=os.environ.get(TYPER_ENV, "") not in ("", "0"))


__all__ = ["EventsStage", "Roles", "SentenceClassifier"]
