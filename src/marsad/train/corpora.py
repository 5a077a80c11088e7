"""NER gold sets read as records of sentences with coarse IOB2 tags (PER, ORG, LOC).

- CoNLL-2003 English (``eng.train``, ``dev.conll``): ``token POS chunk NER``, IOB1, blank
  lines between sentences (these copies have no ``-DOCSTART-`` lines); records are blocks
  of 40 sentences.
- ANERcorp (``anercorp/dev.txt``): ``token tag``, IOB2, no blank lines (a sentence ends
  at ``.``, ``!``, ``?`` or ``؟``); records are blocks of 40 sentences.
- WikiFANE / NewsFANE: ``word<TAB>tag`` with ~50 fine classes, CRLF lines, U+200E marks,
  blank lines between sentences, and clitics written as their own tokens ("و", "ه").
  Records are blocks of 40 sentences.

Fine classes fold to PER, ORG and LOC (GPE, natural places and facilities alike, as
ANERcorp and CoNLL tag them); MISC, groups of people, works, products, weapons and
heavenly bodies become O, because the other sets do not tag them the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.eval.split import BLOCK_SENTENCES, part_of

Sentence = list[tuple[str, str]]  # (token, IOB2 tag)

FANE_CLASSES = {
    **dict.fromkeys(
        [
            "Politician",
            "Athlete",
            "Artist",
            "Other_PER",
            "Religious_PER",
            "Scientist",
            "Businessperson",
            "Engineer",
            "Lawyer",
            "Police",
        ],
        "PER",
    ),
    **dict.fromkeys(
        [
            "Non-Governmental",
            "Commercial",
            "Sports",
            "Government",
            "Media",
            "Educational",
            "Religious_ORG",
            "Entertainment",
            "Medical-Science",
        ],
        "ORG",
    ),
    **dict.fromkeys(
        [
            "Nation",
            "Population-Center",
            "State-or-Province",
            "Continent",
            "GPE-Cluster",
            "County-or-District",
            "Water-Body",
            "Land-Region-Natural",
            "Building-Grounds",
            "Path",
            "Airport",
            "Subarea-Facility",
            "Plant",
        ],
        "LOC",
    ),
}
COARSE = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", **FANE_CLASSES}
_ANERCORP_END = {".", "!", "?", "؟"}
# NewsFANE writes these as their own tokens; running text glues them to the next word.
_PROCLITICS = {"و", "ف", "ب", "ل", "ك"}
_SUFFIXES = {"ه", "ها", "هم", "هما", "هن"}
_ARABIC_WORD = re.compile("^[\u0621-\u064a]+$")


@dataclass(frozen=True, slots=True)
class Record:
    """A document or block of sentences: the unit of the train / tune / held-out split."""

    dataset: str
    id: str
    lang: str
    sentences: list[Sentence]

    @property
    def part(self) -> str:
        if self.dataset == "conll2003_en/eng.train":
            return "train"
        return part_of(self.dataset, self.id)


def read_records(path: Path) -> Iterator[Record]:
    """The records of one gold file, whichever of the three formats it is."""
    name = path.name
    if name.endswith(".conll") or name == "eng.train":
        yield from _blocks(f"{path.parent.name}/{name}", "en", _conll_sentences(path))
    elif "FANE" in name:
        yield from _blocks(f"wikifane_ar/{name}", "ar", _fane_sentences(path))
    else:
        yield from _blocks(f"{path.parent.name}/{name}", "ar", _anercorp_sentences(path))


def repair(sentence: Sentence) -> Sentence:
    """Valid IOB2: an ``I-`` that follows nothing of its type begins a name (the fine
    classes folded to O, and a few annotation slips, leave such tags behind)."""
    out: Sentence = []
    prev = "O"
    for token, tag in sentence:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append((token, tag))
        prev = tag
    return out


def coarse_tag(tag: str) -> str:
    """IOB2 tag in the coarse classes, ``O`` for a class left out."""
    prefix, _, name = tag.partition("-")
    kind = COARSE.get(name)
    return f"{prefix}-{kind}" if kind and prefix in {"B", "I"} else "O"


def _conll_sentences(path: Path) -> Iterator[Sentence]:
    current: Sentence = []
    prev = "O"
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cells = line.split()
            if not cells or cells[0] == "-DOCSTART-":
                if current:
                    yield current
                    current = []
                prev = "O"
                continue
            token, tag = cells[0], cells[-1]
            current.append((token, coarse_tag(_iob1_to_iob2(tag, prev))))
            prev = tag
    if current:
        yield current


def _iob1_to_iob2(tag: str, prev: str) -> str:
    if not tag.startswith("I-"):
        return tag
    kind = tag[2:]
    return tag if prev[2:] == kind and prev != "O" else f"B-{kind}"


def _anercorp_sentences(path: Path) -> Iterator[Sentence]:
    current: Sentence = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cells = line.rstrip("\n").split(" ")
            token, tag = cells[0], cells[-1]
            if not token.strip():
                continue  # a few empty tokens (a dropped character)
            current.append((token, coarse_tag(tag)))
            if token in _ANERCORP_END:
                yield current
                current = []
    if current:
        yield current


def _fane_sentences(path: Path) -> Iterator[Sentence]:
    current: Sentence = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.replace("\u200e", "").replace("\ufeff", "").rstrip("\r\n")
            token, _, tag = line.partition("\t")
            token = token.strip()
            if not token:
                if current:
                    yield current
                    current = []
                continue
            current.append((token, coarse_tag(tag.strip() or "O")))
    if current:
        yield current


def _blocks(dataset: str, lang: str, sentences: Iterator[Sentence]) -> Iterator[Record]:
    block: list[Sentence] = []
    first = 0
    for i, sentence in enumerate(sentences):
        if not block:
            first = i
        block.append(repair(sentence))
        if len(block) == BLOCK_SENTENCES:
            yield Record(dataset, f"{dataset}#{first}", lang, block)
            block = []
    if block:
        yield Record(dataset, f"{dataset}#{first}", lang, block)


def glue_clitics(sentence: Sentence) -> Sentence:
    """A FANE sentence as running text writes it: "و الجيش" → "والجيش", "ان ه" → "انه".

    A glued word takes the tag of the word that carries the name: the proclitic's own
    tag is dropped (an "O" before "B-LOC" gives "B-LOC"), a suffix takes its host's.
    """
    out: Sentence = []
    pending: tuple[str, str] | None = None
    for token, tag in sentence:
        if pending is not None:
            p_token, p_tag = pending
            pending = None
            if _ARABIC_WORD.match(token):
                # Inside a name ("مركز ... و تدريب"), the glued word keeps the proclitic's I-.
                keep = p_tag if p_tag.startswith("I-") and tag != "O" else tag
                out.append((p_token + token, keep))
                continue
            out.append((p_token, p_tag))
        if token in _PROCLITICS:
            pending = (token, tag)
            continue
        if token in _SUFFIXES and out and _ARABIC_WORD.match(out[-1][0]):
            out[-1] = (out[-1][0] + token, out[-1][1])
            continue
        out.append((token, tag))
    if pending is not None:
        out.append(pending)
    return out
