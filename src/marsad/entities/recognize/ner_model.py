"""The trained NER models shipped in the package, one per language (spaCy NER only).

``marsad/models/ner-en`` grew from ``en_core_web_sm``'s word encoder, trained on
CoNLL-2003; ``marsad/models/ner-ar`` was trained from scratch on ANERcorp, NewsFANE and
WikiFANE. Both are rebuilt by ``marsad train ner`` (``make models``); neither has a
parser or tagger, which is what makes them fast. The models tag PER, ORG and LOC (the
gold sets do not tell countries from mountains); a LOC is reported as GPE, the label the
geocoder and the event coder read for places that can act, and the knowledge base, which
wins an overlap, keeps its own finer label for the places it knows.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from marsad.entities.recognize.model_words import arabic_form, arabic_words, glued_prefix
from marsad.entities.recognize.spacy_import import spacy_module
from marsad.entities.recognize.spans import Candidate
from marsad.errors import PipelineError
from marsad.langs import full_pipeline_langs

log = logging.getLogger(__name__)

LANGS = full_pipeline_langs()  # the languages with lexicons: their profiles say so
LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "GPE"}
# spaCy's default length limit; a longer block (one long line) is read in slices.
MAX_CHARS = 100_000


def model_path(lang: str) -> Path:
    """Where the shipped model for ``lang`` lives inside the package."""
    return Path(str(files("marsad"))) / "models" / f"ner-{lang}"


def make_arabic_doc(vocab: Any, words: list[str]) -> Any:
    """A spaCy Doc of Arabic words in the models' reading (folded words, clitic-free norms)."""
    spacy_module()  # spaCy's first import goes through it (without torch)
    from spacy.tokens import Doc

    forms = [arabic_form(w) for w in words]
    doc = Doc(vocab, words=[f for f, _ in forms])
    for token, (_, norm) in zip(doc, forms, strict=True):
        token.norm_ = norm
    return doc


class NerModel:
    """One language's model, loaded on first use and shared by the threads of a process."""

    def __init__(self, lang: str, path: Path | None = None) -> None:
        if lang not in LANGS:
            raise ValueError(f"no NER model for language {lang!r} (have {', '.join(LANGS)})")
        self.lang = lang
        self.path = path or model_path(lang)
        self._nlp: Any = None
        self._lock = threading.Lock()

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = self._load()
        return self._nlp

    def _load(self) -> Any:
        spacy = spacy_module()

        if not (self.path / "config.cfg").is_file():
            raise PipelineError(
                f"no trained NER model at {self.path}: rebuild it with `make models` "
                "(needs the gold sets under ../shared/data)"
            )
        nlp = spacy.load(self.path)
        log.debug("loaded NER model %s (%s)", self.path, nlp.pipe_names)
        return nlp

    def entities(self, text: str, start: int = 0, end: int | None = None) -> list[Candidate]:
        """Names in ``text[start:end]``, offsets into ``text``."""
        end = len(text) if end is None else end
        if self.lang == "ar":
            return self._arabic(text, start, end)
        out: list[Candidate] = []
        for offset in range(start, end, MAX_CHARS):
            chunk = text[offset : min(end, offset + MAX_CHARS)]
            if chunk.strip():
                out += _candidates(self.nlp(chunk), lambda i, j, o=offset: (o + i, o + j))
        return out

    def _arabic(self, text: str, start: int, end: int) -> list[Candidate]:
        spans = arabic_words(text, start, end)
        if not spans:
            return []
        nlp = self.nlp
        doc = make_arabic_doc(nlp.vocab, [text[s:e] for s, e in spans])
        for _, proc in nlp.pipeline:
            doc = proc(doc)

        def place(i: int, j: int) -> tuple[int, int]:
            start = spans[i][0]
            return start + glued_prefix(text[start : spans[i][1]]), spans[j - 1][1]

        return _candidates(doc, place, by_token=True)


def _candidates(doc: Any, place: Any, by_token: bool = False) -> list[Candidate]:
    out: list[Candidate] = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        s, e = place(ent.start, ent.end) if by_token else place(ent.start_char, ent.end_char)
        out.append(Candidate(s, e, label, "model", score=0.8))
    return out


@cache
def shipped_model(lang: str) -> NerModel:
    """The package's model for ``lang``, one per process."""
    return NerModel(lang)
