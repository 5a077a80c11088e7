"""Who spoke: the subject of a speech cue, found locally, then resolved in text order.

``local_subject`` looks only at the words around the cue: a PER/ORG mention before the
verb in English ("Ambassador Zabidov, for his part, said"), after it in Arabic ("ونوه
عمر", or a title that an earlier mention carried: "أكد الرئيس المشترك …"), a pronoun
("He said"), or a document ("the statement read"). What the pronoun or document points
to depends on who spoke before, which ``SpeakerState`` tracks as the quotes are read in
order. Nothing found means no speaker: it is never guessed from elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from marsad.quotes.lexicon import SpeechLexicon
from marsad.types import Mention

SPEAKER_LABELS = frozenset({"PER", "ORG"})
Fallback = Literal["none", "person", "org", "any"]

# What may separate an English subject from its verb: an aside between commas
# ("Zabidov, for his part, said"), an apposition comma, a few adverbs.
_EN_GAP = re.compile(
    r"^[)\]]?\s*(?:,[^,.;:“”\"«»]{0,40},)?,?\s*(?:(?:also|then|later|further|has|had|have)\s+)*$",
    re.IGNORECASE,
)
# A verb coordinated with the one before it shares its subject ("…, and said:").
_EN_COORDINATED = re.compile(r"(?:^|[\s,])and\s+(?:(?:also|then|later)\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Subject:
    """The subject of one cue: a mention, or what to fall back on (pronoun, document).

    ``named`` is a subject the text names without a mention of it ("the official Turkish
    media", "مصادر محلية"): the speaker is those words, with no entity."""

    mention: Mention | None
    fallback: Fallback
    start: int | None  # where the subject's words begin, when they precede the verb
    named: tuple[int, int] | None = None


class SpeakerState:
    """The speakers met so far, for pronouns, documents and Arabic subjectless verbs."""

    def __init__(self) -> None:
        self.last: Mention | None = None
        self.person: Mention | None = None
        self.org: Mention | None = None

    def resolve(self, subject: Subject) -> Mention | None:
        if subject.mention is not None:
            found: Mention | None = subject.mention
        elif subject.fallback == "person":
            found = self.person
        elif subject.fallback == "org":
            found = self.org
        elif subject.fallback == "any":
            found = self.last
        else:
            found = None
        if found is not None:
            self.last = found
            if found.label == "PER":
                self.person = found
            else:
                self.org = found
        return found


def speakers(mentions: Sequence[Mention]) -> list[Mention]:
    return sorted((m for m in mentions if m.label in SPEAKER_LABELS), key=lambda m: m.start)


def local_subject(
    text: str,
    lex: SpeechLexicon,
    candidates: Sequence[Mention],
    cue_start: int,
    cue_end: int,
    floor: int,
) -> Subject:
    """The subject of the verb at ``cue_start:cue_end``; ``floor`` is where the clause
    that may hold it begins (the sentence start, or the end of a quote before a cue)."""
    if lex.lang == "ar":
        return _arabic_subject(text, lex, candidates, cue_start, cue_end, floor)
    return _english_subject(text, lex, candidates, cue_start, floor)


def _english_subject(
    text: str, lex: SpeechLexicon, candidates: Sequence[Mention], cue_start: int, floor: int
) -> Subject:
    left = text[floor:cue_start]
    if (m := lex.statement.search(left)) is not None:
        return Subject(None, "org", floor + m.start())
    mention = _mention_before(text, candidates, cue_start, floor, _EN_GAP)
    if mention is not None:
        return Subject(mention, "none", mention.start)
    if lex.collective is not None and (m := lex.collective.search(left)) is not None:
        return _named(candidates, floor + m.start("np"), floor + m.end("np"))
    for pattern, fallback in ((lex.pronoun_person, "person"), (lex.pronoun_any, "any")):
        if pattern is not None and (m := pattern.search(left)) is not None:
            start = floor + m.start() + len(m.group()) - len(m.group().lstrip(" ,;"))
            return Subject(None, fallback, start)  # type: ignore[arg-type]
    if (m := _EN_COORDINATED.search(left)) is not None:
        return Subject(None, "any", floor + m.start())
    return Subject(None, "none", None)


def _arabic_subject(
    text: str,
    lex: SpeechLexicon,
    candidates: Sequence[Mention],
    cue_start: int,
    cue_end: int,
    floor: int,
) -> Subject:
    at = cue_end
    while at < len(text) and text[at] in " \t":
        at += 1
    for mention in candidates:
        named = mention.start == at or (mention.role_start == at and mention.start > at)
        if named and mention.start - at < 120:
            return Subject(mention, "none", None)
        if mention.start > at + 120:
            break
    if lex.statement.match(text, cue_end) is not None:
        return Subject(None, "org", None)
    if lex.collective is not None and (m := lex.collective.match(text, at)) is not None:
        words = _named(candidates, m.start("np"), m.end("np"))
        # the words follow the verb: no subject before it to anchor an attribution on
        return Subject(words.mention, "none", None, words.named)
    titled = _by_title(text, candidates, at, cue_start)
    if titled is not None:
        return Subject(titled, "none", None)
    if lex.subject_filler is not None:
        fronted = _mention_before(text, candidates, cue_start, floor, lex.subject_filler)
        if fronted is not None:
            return Subject(fronted, "none", fronted.start)
    # An Arabic verb carries its subject: with none written, it is who spoke last.
    return Subject(None, "any", None)


def _named(candidates: Sequence[Mention], start: int, end: int) -> Subject:
    """A subject noun phrase without a mention of its own; a speaker mention inside it
    ("the news agency SANA") is the speaker after all."""
    inside = next((m for m in candidates if start <= m.start and m.end <= end), None)
    if inside is not None:
        return Subject(inside, "none", start)
    return Subject(None, "none", start, (start, end))


def _mention_before(
    text: str, candidates: Sequence[Mention], cue_start: int, floor: int, gap: re.Pattern[str]
) -> Mention | None:
    best: Mention | None = None
    for mention in candidates:
        if mention.start < floor:
            continue
        if mention.end > cue_start:
            break
        best = mention
    if best is not None and gap.match(text[best.end : cue_start]) is not None:
        return best
    return None


def _by_title(text: str, candidates: Sequence[Mention], at: int, before: int) -> Mention | None:
    """A person named earlier with the title that follows the verb ("أكد الرئيس المشترك
    لدائرة …" -> the co-chair named before): most title words in common, latest wins."""
    following = _WORD.findall(text[at : at + 80])[:6]
    if len(following) < 2:
        return None
    best, best_shared = None, 1
    for mention in candidates:
        if mention.start >= before:
            break
        if mention.label != "PER" or mention.role_start is None or mention.role_end is None:
            continue
        title = _WORD.findall(text[mention.role_start : mention.role_end])
        shared = 0
        for a, b in zip(title, following, strict=False):
            if a != b:
                break
            shared += 1
        if shared >= 2 and shared >= best_shared:
            best, best_shared = mention, shared
    return best
