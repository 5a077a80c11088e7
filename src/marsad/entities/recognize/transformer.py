"""A model backend: any local Hugging Face token-classification model directory.

    stage = MentionStage(TransformerRecognizer("/models/arabic-ner"))

The model is read from disk only (``local_files_only``): nothing is downloaded. Word
pieces are folded back into words (a word takes the label of its first piece), ``B-``
and ``I-`` tags into spans (an ``I-`` after a different type opens a span, as in IOB1),
and the model's types into Marsad's labels (PER/PERS/PERSON → PER; ORG; GPE; LOC; FAC;
NORP; MISC and unknown types are dropped). Sentences longer than the model's window are
read in overlapping windows.

``transformers`` and ``torch`` are an extra: ``pip install 'marsad[transformers]'``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.entities.recognize.recognizer import blocks
from marsad.entities.recognize.spans import Candidate, resolve
from marsad.errors import PipelineError
from marsad.types import Article

log = logging.getLogger(__name__)

LABELS = {
    "PER": "PER",
    "PERS": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "FAC": "FAC",
    "NORP": "NORP",
}
EXTRA = "marsad[transformers]"


def _require() -> tuple[Any, Any]:
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise PipelineError(
            f"the transformer recogniser needs transformers and torch: pip install '{EXTRA}'"
        ) from exc
    return transformers, torch


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    tag: str
    score: float


class TransformerRecognizer:
    """Mentions from a token-classification model saved with ``save_pretrained``."""

    backend = "model"

    def __init__(self, model_dir: str | Path, *, max_length: int = 256, stride: int = 32) -> None:
        self.model_dir = Path(model_dir)
        if not self.model_dir.is_dir():
            raise PipelineError(f"{self.model_dir}: no such model directory")
        self.max_length = max_length
        self.stride = stride
        self._tokenizer: Any = None
        self._model: Any = None
        self._torch: Any = None

    def _load(self) -> None:
        if self._model is not None:
            return
        transformers, torch = _require()
        self._tokenizer = transformers.AutoTokenizer.from_pretrained(
            self.model_dir, local_files_only=True
        )
        if not getattr(self._tokenizer, "is_fast", False):
            raise PipelineError(
                f"{self.model_dir}: the recogniser needs a fast tokenizer (tokenizer.json) "
                "to map word pieces back to the text"
            )
        model = transformers.AutoModelForTokenClassification.from_pretrained(
            self.model_dir, local_files_only=True
        )
        model.eval()
        self._model, self._torch = model, torch
        log.debug("loaded token-classification model from %s", self.model_dir)

    @property
    def id2label(self) -> dict[int, str]:
        self._load()
        return {int(k): str(v) for k, v in self._model.config.id2label.items()}

    def recognize(self, article: Article) -> list[Candidate]:
        """Mentions of ``article.text``, sentence by sentence, sorted and not overlapping."""
        text = article.text
        spans = [(s.start, s.end) for s in article.sentences]
        if not spans:
            spans = [(start, end) for start, end, _ in blocks(article)]
        out: list[Candidate] = []
        for start, end in spans:
            if text[start:end].strip():
                out += self.recognize_span(text, start, end)
        return resolve(out)

    def recognize_span(self, text: str, start: int, end: int) -> list[Candidate]:
        self._load()
        words = self._words(text[start:end])
        return [
            Candidate(start + s, start + e, label, "model", score=round(score, 4))
            for s, e, label, score in _spans(words)
        ]

    def _words(self, chunk: str) -> list[_Word]:
        """Each word of ``chunk`` with the tag of its first piece (offsets into chunk)."""
        torch = self._torch
        enc = self._tokenizer(
            chunk,
            return_offsets_mapping=True,
            return_overflowing_tokens=True,
            truncation=True,
            max_length=self.max_length,
            stride=self.stride,
            padding=True,
            return_tensors="pt",
        )
        offsets = enc.pop("offset_mapping").tolist()
        enc.pop("overflow_to_sample_mapping", None)
        with torch.no_grad():
            logits = self._model(**enc).logits
        probs = torch.softmax(logits, dim=-1)
        labels = self.id2label
        words: dict[int, _Word] = {}
        for window in range(probs.shape[0]):
            ids = enc.word_ids(window)
            for pos, word_id in enumerate(ids):
                if word_id is None or word_id in words:
                    continue  # special tokens; later pieces and window overlaps
                s, e = offsets[window][pos]
                word_span = enc.word_to_chars(window, word_id)
                if word_span is not None:
                    s, e = word_span.start, word_span.end
                score, best = probs[window, pos].max(dim=-1)
                words[word_id] = _Word(s, e, labels.get(int(best), "O"), float(score))
        return [words[k] for k in sorted(words)]


def _spans(words: list[_Word]) -> list[tuple[int, int, str, float]]:
    """(start, end, label, mean score) for runs of B-/I- tags of one type."""
    out: list[tuple[int, int, str, float]] = []
    current: list[_Word] = []
    kind = ""

    def close() -> None:
        label = LABELS.get(kind.upper())
        if current and label is not None:
            score = sum(w.score for w in current) / len(current)
            out.append((current[0].start, current[-1].end, label, score))

    for word in words:
        prefix, _, name = word.tag.partition("-") if "-" in word.tag else ("", "", word.tag)
        if word.tag == "O" or not name:
            close()
            current, kind = [], ""
        elif prefix == "B" or name != kind:
            close()
            current, kind = [word], name
        else:
            current.append(word)
    close()
    return out
