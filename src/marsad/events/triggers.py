"""Finding the trigger words of PLOVER events in one sentence.

Pure text work: no mentions, no article. The stage and the evaluation both call
``find_triggers``, so what is measured is what runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from marsad.events.lexicon import Lexicon

# A framing trigger ("demanded", "the need to", "ضرورة") governs the rest of its clause:
# "the need to take action ... and cooperation with the AA" asks for cooperation, it does
# not report it. The clause ends at a semicolon or a dash.
_CLAUSE_END = re.compile(r";|؛|\s[–—-]\s")
# How much text before a verb trigger may hold the relative pronoun that backgrounds it.
_BACKGROUND_REACH = 24
# A participle right after a comma opens a clause of its own: "-ing" in English, the
# accusative active participle in Arabic ("متهماً").
_COMMA_BEFORE = re.compile(r"[,،]\s*$")
_PARTICIPLE = {"en": re.compile(r"\w+ing\b"), "ar": re.compile(r"و?م\w+(?:اً|ا|ةً)(?!\w)")}
# How close before a report verb its negation stands ("لم يقتل", "did not kill").
_NEGATION_REACH = 8
# A question reports nothing ("هل يجوز تبرير القتل؟", "Could Israel have killed him?").
_QUESTION = re.compile(r"[?؟]")


@dataclass(frozen=True, slots=True)
class Hit:
    type: str
    mode: str | None
    start: int  # offsets in the text given to find_triggers
    end: int
    weight: float
    target_before: bool
    frames: bool
    noun: bool = False  # a noun or impersonal phrase, not a verb: no subject follows it
    guest_before: bool = False  # a passive reception: the guest is named before it
    # A participle after a comma ("..., accusing the government of ..."): an act of its
    # own by the subject of the main clause, not content of a framing trigger before it.
    participle: bool = False


def find_triggers(text: str, lex: Lexicon, start: int = 0, end: int | None = None) -> list[Hit]:
    """The event triggers in ``text[start:end]``, one per type (its first), in text order.

    Overlapping triggers keep the heavier (then longer) one; a trigger inside the reach of
    an earlier framing trigger is the content of that act and is dropped.
    """
    end = len(text) if end is None else end
    found: list[Hit] = []
    vetoed = {t for t, p in lex.veto.items() if p.search(text, start, end) is not None}
    for trig in lex.triggers:
        if trig.type in vetoed:
            continue
        match = next(
            (
                m
                for m in trig.pattern.finditer(text, start, end)
                if m.end() > m.start()
                and (not trig.noun or _reported(text, m, trig.type, lex, start, end))
                and (trig.noun or not _background(text, m.start(), lex, start))
            ),
            None,
        )
        if match is None:
            continue
        found.append(
            Hit(
                trig.type,
                trig.mode,
                match.start(),
                match.end(),
                trig.weight,
                trig.target_before,
                trig.frames,
                trig.noun,
                trig.guest_before,
            )
        )
    found.sort(key=lambda h: (h.start, -h.weight, -(h.end - h.start)))
    kept: list[Hit] = []
    frame_ends: dict[int, int] = {}
    for hit in found:
        if _participle_clause(text, hit, lex, start):
            hit = replace(hit, participle=True)
        if any(_overlaps(hit, k) for k in kept):
            clash = [k for k in kept if _overlaps(hit, k)]
            if all(hit.weight > k.weight for k in clash):
                kept = [k for k in kept if k not in clash]
            else:
                continue
        framed = any(k.frames and k.end <= hit.start < frame_ends[k.start] for k in kept)
        if framed and not hit.participle:
            continue
        if any(k.type == hit.type for k in kept):
            continue
        kept.append(hit)
        if hit.frames:
            clause_end = _CLAUSE_END.search(text, hit.end, end)
            frame_ends[hit.start] = clause_end.start() if clause_end else end
    return sorted(kept, key=lambda h: h.start)


def primary(hits: list[Hit]) -> Hit | None:
    """The main event of a sentence: the heaviest trigger, the first among equals (the
    main verb of a news sentence tends to come before what it governs)."""
    if not hits:
        return None
    return max(hits, key=lambda h: (h.weight, -h.start))


def aux_modes(text: str, hit: Hit, lex: Lexicon, start: int, end: int) -> list[str]:
    """The auxiliary modes whose cue words stand within their window before the trigger
    (``historical`` looks on both sides: "the attack last year")."""
    modes: list[str] = []
    for mode, pattern in lex.aux.items():
        window = lex.aux_window[mode]
        lo = max(start, hit.start - window)
        hi = min(end, hit.end + window) if mode == "historical" else hit.start
        if _search(pattern, text, lo, hi, hit):
            modes.append(mode)
    if "hypothetical" not in modes and _QUESTION.search(text, hit.end, end):
        modes.append("hypothetical")
    return modes


def _background(text: str, trigger_start: int, lex: Lexicon, start: int) -> bool:
    if lex.background is None:
        return False
    lo = max(start, trigger_start - _BACKGROUND_REACH)
    return lex.background.search(text, lo, trigger_start) is not None


def _search(pattern: re.Pattern[str], text: str, lo: int, hi: int, hit: Hit) -> bool:
    # the cue must not be the trigger itself ("refused" is not its own negation)
    return any(not hit.start <= m.start() < hit.end for m in pattern.finditer(text, lo, hi))


def _reported(
    text: str, match: re.Match[str], type_: str, lex: Lexicon, start: int, end: int
) -> bool:
    """Whether a noun trigger ("المتظاهرين", "الاغتيال") stands in a sentence that reports
    the event happening: a finite verb of that type elsewhere in the sentence, and no
    condemnation, negation or plan right before the noun."""
    if lex.noun_block is not None:
        lo = max(start, match.start() - lex.noun_block_window)
        if lex.noun_block.search(text, lo, match.start()) is not None:
            return False
    cue = lex.report.get(type_)
    if cue is None:
        return True
    return any(
        not (m.start() < match.end() and match.start() < m.end())
        and not _background(text, m.start(), lex, start)
        and not _negated(text, m.start(), lex, start)
        for m in cue.finditer(text, start, end)
    )


def _participle_clause(text: str, hit: Hit, lex: Lexicon, start: int) -> bool:
    participle = _PARTICIPLE.get(lex.lang)
    return (
        participle is not None
        and _COMMA_BEFORE.search(text, max(start, hit.start - 3), hit.start) is not None
        and participle.match(text, hit.start) is not None
    )


def _negated(text: str, cue_start: int, lex: Lexicon, start: int) -> bool:
    # "لم يقتل أي عسكري في هذا الهجوم": a denied toll reports no attack.
    negation = lex.aux.get("negation")
    if negation is None:
        return False
    lo = max(start, cue_start - _NEGATION_REACH)
    return any(m.end() >= cue_start - 1 for m in negation.finditer(text, lo, cue_start))


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end
