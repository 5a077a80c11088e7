"""A model backend: a local Hugging Face text-classification model that types sentences.

The model directory is the user's (fine-tuned on PLOVER data, say); nothing is downloaded.
``transformers`` and ``torch`` are imported only when a backend is built, so the rules
stage works without them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from marsad.errors import PipelineError
from marsad.events.lexicon import EVENT_TYPES

log = logging.getLogger(__name__)

# Old PLOVER names a model may have been trained with, read as the current ones.
LABEL_ALIASES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


class TextClassifierBackend:
    """Classify sentences into PLOVER types with the model in ``model_dir``.

    Labels outside the 16 types (``NONE``, ``O``) mean "no event"; so does a score under
    ``threshold``.
    """

    name = "model"

    def __init__(self, model_dir: str | Path, threshold: float = 0.5, batch_size: int = 32) -> None:
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as exc:
            raise PipelineError(
                "the events model backend needs transformers and torch: "
                "pip install 'marsad[transformers]'"
            ) from exc
        path = Path(model_dir)
        if not path.is_dir():
            raise PipelineError(f"no model directory at {path}")
        self._torch: Any = torch
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self.model = AutoModelForSequenceClassification.from_pretrained(path, local_files_only=True)
        self.model.eval()
        self.threshold = threshold
        self.batch_size = batch_size
        id2label = self.model.config.id2label
        self.labels = [_label(id2label[i]) for i in range(len(id2label))]

    def classify(self, texts: list[str]) -> list[tuple[str | None, float]]:
        out: list[tuple[str | None, float]] = []
        for i in range(0, len(texts), self.batch_size):
            batch = texts[i : i + self.batch_size]
            enc = self.tokenizer(batch, truncation=True, padding=True, return_tensors="pt")
            with self._torch.no_grad():
                probs = self.model(**enc).logits.softmax(-1)
            scores, best = probs.max(-1)
            for score, idx in zip(scores.tolist(), best.tolist(), strict=True):
                label = self.labels[idx]
                keep = label is not None and score >= self.threshold
                out.append((label if keep else None, round(float(score), 3)))
        return out


def _label(raw: str) -> str | None:
    name = LABEL_ALIASES.get(raw.upper(), raw.upper())
    return name if name in EVENT_TYPES else None
