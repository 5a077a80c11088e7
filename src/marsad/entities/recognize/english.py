"""English names: the gazetteer and spaCy's NER, merged and corrected by rules.

spaCy finds the names the KB does not list (Abeer Elia, Zabidov) but mislabels the
region's places and groups (al-Hol is a PERSON, Daesh a GPE to it), so a KB match keeps
its span and type wherever the two overlap. spaCy's spans are then tidied: no leading
"the" (the KB spells a name with it when it belongs to it), no possessive, a person's
name ends at its last capitalised word ("Abdul Karim Omar drew" → "Abdul Karim Omar"),
and a phrase ending in "Act" or "Treaty" is a law, not an organisation.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from marsad.entities.recognize.lexicon import EnglishLexicon, english_lexicon
from marsad.entities.recognize.spacy_import import spacy_module
from marsad.entities.recognize.spans import STATISTICAL, Candidate
from marsad.entities.recognize.tokens import Token, joined

_SEPARATOR = re.compile(r"\s*\n\s*|\s+[-–—]\s+|\s*\(\s*|\s*\)\s*")


def tidy_spacy(text: str, cands: list[Candidate], tokens: list[Token]) -> list[Candidate]:
    """spaCy's spans without the words that belong to no name; laws dropped."""
    lex = english_lexicon()
    out: list[Candidate] = []
    for cand in cands:
        for start, end in _pieces(text, cand.start, cand.end):
            tidy = _tidy_one(
                text, Candidate(start, end, cand.label, cand.source, score=cand.score), tokens, lex
            )
            if tidy is not None:
                out.append(tidy)
    return out


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at what no name crosses: a line break, a spaced dash, an open bracket."""
    pieces: list[tuple[int, int]] = []
    begin = start
    for m in _SEPARATOR.finditer(text, start, end):
        pieces.append((begin, m.start()))
        begin = m.end()
    pieces.append((begin, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


@cache
def _stop_words() -> frozenset[str]:
    spacy_module()  # spaCy's first import goes through it (without torch)
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _stop_word(word: str) -> bool:
    """A capitalised function word alone ("Moreover", "However") is no name; an acronym
    ("US", "IT") may be."""
    return not word.isupper() and word.casefold() in _stop_words()


def _tidy_one(
    text: str, cand: Candidate, tokens: list[Token], lex: EnglishLexicon
) -> Candidate | None:
    start, end = cand.start, cand.end
    words = [t for t in tokens if start <= t.start and t.end <= end]
    # Leading "the"/"a" and lower-case words, and trailing lower-case words, numbers and
    # a possessive, are never part of the name ("Interfax news agency", "Lotte 5").
    while words and (
        words[0].text in lex.leading_function_words
        or not (_name_word(words[0]) or _glued_particle(text, words[0], lex))
    ):
        words = words[1:]
    while words and not _name_word(words[-1]):
        words = words[:-1]
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    if cand.label == "PER":
        words = _name_words(words, lex)
        if not words:
            return None
        start, end = words[0].start, words[-1].end
    if not any(t.capitalised for t in words):
        return None  # "hundreds", "two": no name
    if words[-1].text in lex.not_entity_heads:
        return None  # "Caesar Act" is a law
    if len(words) == 1 and (words[0].text in lex.not_names or _stop_word(words[0].text)):
        return None
    label = cand.label
    if _is_demonym(words, lex):
        label = "NORP"  # spaCy calls "Tajik" and "Moldovan" persons
    return Candidate(start, end, label, cand.source, score=cand.score)


def _name_word(tok: Token) -> bool:
    """A word that can end a name: capitalised (not a number, not a lower-case word)."""
    return tok.capitalised


def _glued_particle(text: str, tok: Token, lex: EnglishLexicon) -> bool:
    """ "al-" in "al-Baghdadi": an article or particle hyphened to the name opens it."""
    particle = tok.article or tok.text.casefold() in lex.name_particles
    return particle and text[tok.end : tok.end + 1] == "-"


def _name_words(words: list[Token], lex: EnglishLexicon) -> list[Token]:
    """A person's name runs between its first and last capitalised word; particles
    (al, bin, van) may sit inside it, other lower-case words end it."""
    keep: list[Token] = []
    for tok in words:
        particle = tok.text.casefold() in lex.name_particles
        if tok.capitalised or tok.text[:1].isdigit() or (particle and keep):
            keep.append(tok)
        elif keep:
            break
    while keep and not keep[-1].capitalised:
        keep.pop()
    # A title spaCy took into the name ("Dr. Abdul Karim Omar") is the role, not the name.
    while len(keep) > 1 and (keep[0].key,) in lex.titles:
        keep = keep[1:]
    return keep


def _is_demonym(words: list[Token], lex: EnglishLexicon) -> bool:
    return tuple(t.key for t in words if not t.article) in lex.norp


def given_name_people(text: str, tokens: list[Token]) -> list[Candidate]:
    """Two to four capitalised words starting with a known given name are a person
    ("Natalia Barkal"), unless the next word is capitalised too and no name part."""
    lex = english_lexicon()
    out: list[Candidate] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.arabic or not tok.capitalised or tok.key not in lex.names.latin:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and j - i < 3 and joined(text, tokens[j], tokens[j + 1]):
            nxt = tokens[j + 1]
            particle = nxt.text.casefold() in lex.name_particles
            if (nxt.capitalised and not nxt.text.isupper()) or (particle and j + 2 < len(tokens)):
                j += 1
            else:
                break
        while j > i and not tokens[j].capitalised:
            j -= 1
        if j > i:
            out.append(Candidate(tok.start, tokens[j].end, "PER", "names", score=0.6))
        i = j + 1
    return out


_IN_PLACE = re.compile(r"\s+(?:in|at)\s+$")


def cut_known_place(model: list[Candidate], kb: list[Candidate], text: str) -> list[Candidate]:
    """A model name that runs on into "in <known place>" stops before "in": "the NES
    External Relations Department in Qamishlo" is a department and a town, not one body."""
    places = [k for k in kb if k.label in {"GPE", "LOC"}]
    out: list[Candidate] = []
    for cand in model:
        place = next((k for k in places if k.end == cand.end and cand.start < k.start), None)
        cut = _IN_PLACE.search(text, cand.start, place.start) if place is not None else None
        if cand.label != "PER" and cut is not None and cut.start() > cand.start:
            cand = replace(cand, end=cut.start())
        out.append(cand)
    return out


def defer_to_longer_spacy(
    kb: list[Candidate], spacy: list[Candidate], text: str
) -> list[Candidate]:
    """KB matches strictly inside a longer spaCy organisation or place name
    ("University of Damascus" holds "Damascus") give way to it."""
    longer = [
        s
        for s in spacy
        if s.label != "PER"
        and not any(ch in text[s.start : s.end] for ch in ",;()/")
        and " and " not in text[s.start : s.end]
    ]
    keep: list[Candidate] = []
    for cand in kb:
        if any(s.contains(cand) and s.length > cand.length for s in longer):
            continue
        keep.append(cand)
    return keep


def propagate_people(text: str, tokens: list[Token], chosen: list[Candidate]) -> list[Candidate]:
    """A person's family name alone, later in the text, is the person too ("Lebed" after
    "Alexander Lebed"), and the model's other label for it gives way."""
    surnames: set[str] = set()
    for cand in chosen:
        if cand.label == "PER":
            words = [t for t in tokens if cand.start <= t.start and t.end <= cand.end]
            if len(words) > 1 and words[-1].capitalised and len(words[-1].text) > 2:
                surnames.add(words[-1].text)
    if not surnames:
        return chosen
    out = [
        c
        for c in chosen
        if not (c.source in STATISTICAL and c.label != "PER" and text[c.start : c.end] in surnames)
    ]
    taken = [(c.start, c.end) for c in out]
    added: list[Candidate] = []
    for tok in tokens:
        if tok.text in surnames and not any(s < tok.end and tok.start < e for s, e in taken):
            added.append(Candidate(tok.start, tok.end, "PER", "names", score=0.6))
    return sorted([*out, *added], key=lambda c: (c.start, c.end))
