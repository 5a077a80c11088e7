"""Find the quotes of an article: direct speech in quote marks and reported clauses.

Three passes: (1) candidates, each with its cue and the subject words around the cue;
(2) reported clauses are clipped so they stop where the next cue or quote begins, and
those inside a direct quote are dropped (the quote already holds those words), unless
the narrator breaks in after a semicolon ("…; He added that …"); (3) speakers are
resolved in text order, so "He said" and "وأشار" take the speaker before them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.quotes.headline import headline_quotes
from marsad.quotes.lexicon import SpeechLexicon, speech_lexicon
from marsad.quotes.marks import Span, quoted_spans
from marsad.quotes.speaker import SpeakerState, Subject, local_subject, speakers
from marsad.types import Article, Mention, Paragraph, Quote, Sentence

BACKEND = "rules"
_MIN_WORDS_NO_LEXICON = 4
_TRAILING = " \t\n,;:.،؛"
# How far before an opening mark a speech verb still introduces the quote.
_NEAR_CUE = 80
# How far after a closing mark a cue may follow ("…,” the statement noted").
_AFTER_CUE = 40


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    direct: bool
    cue_start: int | None
    cue_end: int | None
    subject: Subject
    anchor: int  # where the attribution begins: the subject before the verb, or the verb
    participle: bool = False


def find_quotes(article: Article) -> list[Quote]:
    """The quotes of ``article`` (needs text, sentences, mentions, lang), in text order."""
    text = article.text
    if not text:
        return []
    sentences = sorted(article.sentences, key=lambda s: s.start) or [Sentence(0, len(text))]
    lex = speech_lexicon(article.lang)
    mentions = speakers(article.mentions)
    paragraphs = article.paragraphs
    if not paragraphs:
        paragraphs = [Paragraph(0, len(text))]
    spans = quoted_spans(text, paragraphs, sentences, lex.verb if lex else None)
    min_words = lex.min_quote_words if lex else _MIN_WORDS_NO_LEXICON
    spans = [s for s in spans if len(text[s.start : s.end].split()) >= min_words]
    starts = [s.start for s in sentences]
    direct = [_direct(text, lex, mentions, sentences, starts, span, spans) for span in spans]
    reported = _reported(text, lex, mentions, sentences) if lex else []
    trailing = lex.trailing_words if lex else ()
    candidates = _arrange(text, direct, reported, trailing)
    quotes = _resolve(text, candidates)
    quotes += headline_quotes(text, paragraphs, mentions, quotes, min_words)
    return sorted(quotes, key=lambda q: q.start)


def _sentence_of(sentences: Sequence[Sentence], starts: list[int], at: int) -> Sentence:
    i = max(bisect.bisect_right(starts, at) - 1, 0)
    return sentences[i]


def _direct(
    text: str,
    lex: SpeechLexicon | None,
    mentions: Sequence[Mention],
    sentences: Sequence[Sentence],
    starts: list[int],
    span: Span,
    spans: Sequence[Span],
) -> _Candidate:
    start, end = _trim(text, span.start, span.end)
    none = _Candidate(start, end, True, None, None, Subject(None, "none", None), span.open_at)
    if lex is None:
        return none
    sentence = _sentence_of(sentences, starts, span.open_at)
    floor = max([sentence.start] + [s.end + 1 for s in spans if s.end < span.open_at])
    floor = min(floor, span.open_at)
    before = list(lex.verb.finditer(text, floor, span.open_at))
    cue: re.Match[str] | None = None
    if before and span.open_at - before[-1].end() <= _NEAR_CUE:
        cue = before[-1]
    elif span.closed:
        after = lex.verb.search(text, span.end + 1, min(span.end + 1 + _AFTER_CUE, len(text)))
        if after is not None and after.start() < _sentence_of(sentences, starts, span.end).end:
            cue, floor = after, span.end + 1
    if cue is None and before:
        cue = before[-1]
    if cue is None:
        return none
    subject = local_subject(text, lex, mentions, cue.start("cue"), cue.end("cue"), floor)
    anchor = subject.start if subject.start is not None else cue.start("cue")
    if cue.start() > span.open_at:  # the cue follows the quote: attribution starts there
        anchor = span.open_at
    return replace(
        none,
        cue_start=cue.start("cue"),
        cue_end=cue.end("cue"),
        subject=subject,
        anchor=min(anchor, span.open_at),
    )


def _reported(
    text: str, lex: SpeechLexicon, mentions: Sequence[Mention], sentences: Sequence[Sentence]
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for sentence in sentences:
        for match in lex.reported.finditer(text, sentence.start, sentence.end):
            cue_start, cue_end = _cue(match)
            subject = local_subject(text, lex, mentions, cue_start, cue_end, sentence.start)
            if lex.lang == "en":
                clause = match.end()
            else:
                clause = _arabic_clause(text, lex, subject, cue_end)
            anchor = subject.start if subject.start is not None else cue_start
            if clause >= sentence.end:
                continue
            end = sentence.end
            found.append(_Candidate(clause, end, False, cue_start, cue_end, subject, anchor))
        if lex.lang == "en":
            found += _attributed_after(text, lex, mentions, sentence)
        for match in lex.participle.finditer(text, sentence.start, sentence.end):
            cue_start, cue_end = match.start("cue"), match.end("cue")
            clause = match.end()
            if lex.complementizer is not None and (c := lex.complementizer.match(text, clause)):
                clause = c.end()
            if clause < sentence.end:
                subject = Subject(None, "any", None)
                found.append(
                    _Candidate(
                        clause,
                        sentence.end,
                        False,
                        cue_start,
                        cue_end,
                        subject,
                        cue_start,
                        participle=True,
                    )
                )
    return found


def _attributed_after(
    text: str, lex: SpeechLexicon, mentions: Sequence[Mention], sentence: Sentence
) -> list[_Candidate]:
    """English clauses attributed at the end: "…, the statement read." The clause runs
    from the sentence start to the comma before the subject."""
    found: list[_Candidate] = []
    for match in lex.verb.finditer(text, sentence.start, sentence.end):
        if text[match.end() : sentence.end].strip(' .!"”’'):
            continue
        cue_start, cue_end = match.start("cue"), match.end("cue")
        subject = local_subject(text, lex, mentions, cue_start, cue_end, sentence.start)
        if subject.start is None:
            continue
        head = text[sentence.start : subject.start].rstrip()
        if head.endswith((",", "”", '"')) and len(head) > 1:
            found.append(
                _Candidate(
                    sentence.start,
                    sentence.start + len(head),
                    False,
                    cue_start,
                    cue_end,
                    subject,
                    sentence.start,
                )
            )
    return found


def _cue(match: re.Match[str]) -> tuple[int, int]:
    for group in ("cue", "cue2", "cue3"):
        if group in match.re.groupindex and match.group(group) is not None:
            return match.start(group), match.end(group)
    return match.start(), match.end()


def _arabic_clause(text: str, lex: SpeechLexicon, subject: Subject, cue_end: int) -> int:
    """Where an Arabic reported clause begins: after the complementizer that follows the
    verb and its subject; with none, right after the subject (or the verb)."""
    assert lex.complementizer is not None
    at = cue_end
    mention = subject.mention
    if mention is not None and mention.start >= cue_end:
        at = mention.end
    elif subject.named is not None:
        at = subject.named[1]
    after_comma = at
    while after_comma < len(text) and text[after_comma] in " \t،,":
        after_comma += 1
    if (m := lex.complementizer.match(text, after_comma)) is not None:
        return m.end()
    if mention is None or mention.start < cue_end:
        # A title or aside may stand before the complementizer ("أكد الرئيس …، إن").
        window = text[at : at + 120]
        m = lex.complementizer_word.search(window) if lex.complementizer_word else None
        if m is not None and not any(mark in window[: m.start()] for mark in '”“"«.؟!'):
            return at + m.end()
    return after_comma


def _arrange(
    text: str, direct: list[_Candidate], reported: list[_Candidate], trailing: tuple[str, ...]
) -> list[_Candidate]:
    kept: list[_Candidate] = []
    direct = sorted(direct, key=lambda c: c.start)
    direct_cues = {d.cue_start for d in direct if d.cue_start is not None}
    for cand in reported:
        if cand.cue_start in direct_cues:  # "“…,” the statement noted": one quote
            continue
        inside = next((d for d in direct if d.start <= cand.cue_start < d.end), None)  # type: ignore[operator]
        if inside is None:
            kept.append(cand)
            continue
        before = text[inside.start : cand.anchor].rstrip()
        if before.endswith((";", "؛")):  # the narrator breaks into a quote left open
            cut = len(before) + inside.start - 1
            direct[direct.index(inside)] = replace(inside, end=_trim(text, inside.start, cut)[1])
            kept.append(replace(cand, end=min(cand.end, inside.end)))
    # A reported clause that opens with a direct quote is that quote: give it the cue.
    final_direct: list[_Candidate] = []
    for d in direct:
        for cand in kept:
            if cand.start <= d.start <= cand.start + 2 and cand.start < d.start:
                kept.remove(cand)
                if d.cue_start is None or d.cue_start != cand.cue_start:
                    d = replace(
                        d,
                        cue_start=cand.cue_start,
                        cue_end=cand.cue_end,
                        subject=cand.subject,
                        anchor=min(cand.anchor, d.anchor),
                    )
                break
        final_direct.append(d)
    every = sorted(final_direct + kept, key=lambda c: (c.anchor, c.start))
    clipped: list[_Candidate] = []
    for i, cand in enumerate(every):
        if cand.direct:
            clipped.append(cand)
            continue
        end = cand.end
        for later in every[i + 1 :]:
            if later.anchor > cand.start and later.anchor < end:
                end = later.anchor
                break
            if later.direct and cand.start < later.start - 1 < end:
                end = later.anchor if later.anchor > cand.start else later.start - 1
                break
        start, end = _trim(text, cand.start, end, trailing)
        if len(text[start:end].split()) >= 2:
            clipped.append(replace(cand, start=start, end=end))
    return sorted(clipped, key=lambda c: c.cue_start if c.cue_start is not None else c.start)


def _trim(text: str, start: int, end: int, words: tuple[str, ...] = ()) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    changed = True
    while changed and end > start:
        changed = False
        while end > start and text[end - 1] in _TRAILING:
            end, changed = end - 1, True
        for word in words:
            if text[start:end].endswith(word):
                end, changed = end - len(word), True
    return start, end


def _resolve(text: str, candidates: Sequence[_Candidate]) -> list[Quote]:
    state = SpeakerState()
    quotes: list[Quote] = []
    for cand in candidates:
        mention = state.resolve(cand.subject)
        named = cand.subject.named
        quotes.append(
            Quote(
                start=cand.start,
                end=cand.end,
                direct=cand.direct,
                cue_start=cand.cue_start,
                cue_end=cand.cue_end,
                speaker=_speaker_name(text, mention, named),
                speaker_entity_id=mention.entity_id if mention else None,
                speaker_start=mention.start if mention else named[0] if named else None,
                speaker_end=mention.end if mention else named[1] if named else None,
                backend=BACKEND,
            )
        )
    return sorted(quotes, key=lambda q: q.start)


def _speaker_name(text: str, mention: Mention | None, named: tuple[int, int] | None) -> str | None:
    if mention is not None:
        return mention.name or text[mention.start : mention.end]
    if named is not None:
        return " ".join(text[named[0] : named[1]].split())
    return None
