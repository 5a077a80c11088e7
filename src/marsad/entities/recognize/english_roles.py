"""The title or role written around an English person's name, as offsets.

Three places, tried in order:

- right before the name: a title or role head, with the names and capitalised words
  that qualify it ("Ambassador Zabidov", "Dr. Abdul Karim Omar", "SDF commander Mazloum
  Abdi", "Turkish President Erdogan");
- before the name and a comma, an appositive that starts at a role head ("the co-chair
  of the Department of External Relations, Abdul Karim Omar");
- after the name and a comma ("Abdul Karim Omar, co-chair of the Department …, said").

A person joined by "and" to one with a role shares it ("the two co-chairs, Abeer Elia
and Fanar Al-Kait").
"""

from __future__ import annotations

import bisect
import re

from marsad.entities.recognize.lexicon import EnglishLexicon, Phrase, english_lexicon
from marsad.entities.recognize.spans import Candidate
from marsad.entities.recognize.tokens import Token, joined

# How far an appositive role may reach, in words.
MAX_ROLE_WORDS = 20
_SPACES = re.compile(r"[ \t\u00a0]+")
_TITLE_GAP = re.compile(r"\.?[ \t\u00a0]+")


def attach_roles(text: str, tokens: list[Token], mentions: list[Candidate]) -> list[Candidate]:
    lex = english_lexicon()
    starts = [t.start for t in tokens]
    inside = _mention_index(tokens, mentions)
    out: list[Candidate] = []
    previous: Candidate | None = None
    for cand in mentions:
        if cand.label == "PER" and cand.role_start is None:
            first = bisect.bisect_left(starts, cand.start)
            last = bisect.bisect_left(starts, cand.end) - 1
            role = (
                _title_before(text, tokens, first, lex, inside)
                or _appositive_before(text, tokens, first, lex, inside)
                or _appositive_after(text, tokens, last, lex, inside)
                or _shared_role(text, cand, previous)
            )
            if role is not None:
                cand = cand.with_role(*role)
        out.append(cand)
        previous = cand
    return out


def _mention_index(tokens: list[Token], mentions: list[Candidate]) -> dict[int, Candidate]:
    """Token index -> the mention that covers it."""
    index: dict[int, Candidate] = {}
    j = 0
    for i, tok in enumerate(tokens):
        while j < len(mentions) and mentions[j].end <= tok.start:
            j += 1
        if j < len(mentions) and mentions[j].start <= tok.start < mentions[j].end:
            index[i] = mentions[j]
    return index


def _phrase_ending(tokens: list[Token], last: int, phrases: frozenset[Phrase]) -> int | None:
    """Index of the first word of the longest phrase of ``phrases`` ending at ``last``."""
    for size in (4, 3, 2, 1):
        first = last - size + 1
        if first >= 0 and tuple(t.key for t in tokens[first : last + 1]) in phrases:
            return first
    return None


def _title_before(
    text: str, tokens: list[Token], first: int, lex: EnglishLexicon, inside: dict[int, Candidate]
) -> tuple[int, int] | None:
    k = first - 1
    if k < 0 or not _TITLE_GAP.fullmatch(text[tokens[k].end : tokens[first].start]):
        return None
    head = _phrase_ending(tokens, k, lex.titles)
    if head is None:
        head = _phrase_ending(tokens, k, lex.role_heads)
    if head is None:
        return None
    # Qualifiers written before the title: "Turkish President", "SDF commander".
    start = head
    while start > 0 and start - head > -3:
        prev = tokens[start - 1]
        if not _SPACES.fullmatch(text[prev.end : tokens[start].start]):
            break
        if ((start - 1) in inside and inside[start - 1].label != "PER") or prev.text.isupper():
            start -= 1
        else:
            break
    end = tokens[k].end
    if text[end : end + 1] == "." and (tokens[k].key,) in lex.titles:
        end += 1  # "Dr."
    return tokens[start].start, end


def _is_material(tok: Token, i: int, lex: EnglishLexicon, inside: dict[int, Candidate]) -> bool:
    """Words a role phrase is made of: links, capitalised words, names, role heads."""
    return (
        tok.text.casefold() in lex.role_links
        or tok.capitalised
        or i in inside
        or tok.key in lex.role_head_words
        or tok.text[:1].isdigit()
        or tok.text.casefold() in {"two", "three", "deputy", "general", "foreign", "senior"}
    )


def _appositive_before(
    text: str, tokens: list[Token], first: int, lex: EnglishLexicon, inside: dict[int, Candidate]
) -> tuple[int, int] | None:
    k = first - 1
    if k < 0 or text[tokens[k].end : tokens[first].start].strip() != ",":
        return None
    head: int | None = None
    i = k
    while i >= 0 and k - i < MAX_ROLE_WORDS:
        tok = tokens[i]
        if i < k and not joined(text, tok, tokens[i + 1]):
            break
        if not _is_material(tok, i, lex, inside):
            break
        if i not in inside and _phrase_ending(tokens, i, lex.role_heads) is not None:
            head = _phrase_ending(tokens, i, lex.role_heads)
        i -= 1
    if head is None:
        return None
    return tokens[head].start, tokens[k].end


def _appositive_after(
    text: str, tokens: list[Token], last: int, lex: EnglishLexicon, inside: dict[int, Candidate]
) -> tuple[int, int] | None:
    k = last + 1
    if k >= len(tokens) or text[tokens[last].end : tokens[k].start].strip() != ",":
        return None
    while k < len(tokens) and tokens[k].text.casefold() in {"the", "a", "an"}:
        k += 1
    if k >= len(tokens):
        return None
    head_end = None
    for size in (3, 2, 1):
        if k + size <= len(tokens) and tuple(t.key for t in tokens[k : k + size]) in lex.role_heads:
            head_end = k + size - 1
            break
    if head_end is None:
        return None
    end = head_end
    i = head_end + 1
    while i < len(tokens) and i - k < MAX_ROLE_WORDS:
        if not joined(text, tokens[i - 1], tokens[i]):
            break
        tok = tokens[i]
        # After the head, the role runs to the clause's end: "member of the council".
        if tok.text.casefold() in lex.speech_verbs:
            break
        end = i
        i += 1
    # Trailing link words ("of the") are not part of the role.
    while end > head_end and tokens[end].text.casefold() in lex.role_links:
        end -= 1
    return tokens[k].start, tokens[end].end


def _shared_role(text: str, cand: Candidate, previous: Candidate | None) -> tuple[int, int] | None:
    if previous is None or previous.label != "PER" or previous.role_start is None:
        return None
    between = text[previous.end : cand.start].strip()
    if between in {"and", ",", ", and", "&"}:
        return previous.role_start, previous.role_end  # type: ignore[return-value]
    return None
