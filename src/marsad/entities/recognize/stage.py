"""The ``mentions`` stage: names of people, organisations, places and facilities."""

from __future__ import annotations

import logging
from typing import Protocol

from marsad.entities.recognize.recognizer import Recognizer
from marsad.entities.recognize.spans import Candidate
from marsad.pipeline import register
from marsad.types import Article, Mention

log = logging.getLogger(__name__)


class MentionRecognizer(Protocol):
    """What the stage runs: ``Recognizer`` (offline default) or ``TransformerRecognizer``."""

    backend: str

    def recognize(self, article: Article) -> list[Candidate]: ...


_DEFAULT: Recognizer | None = None


def default_recognizer() -> Recognizer:
    """One recogniser per process: the KB, the gazetteer and the NER models load once, lazily."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Recognizer()
    return _DEFAULT


@register("mentions")
class MentionStage:
    """Fills ``Article.mentions``: sorted, non-overlapping spans labelled PER ORG GPE LOC
    FAC NORP, with the role around a person's name, and the KB id where one KB entry
    alone answers to the name (the linker keeps an id that is already there)."""

    name: str = "mentions"
    requires: tuple[str, ...] = ("text", "sentences", "lang", "paragraphs")
    assigns: tuple[str, ...] = ("mentions",)
    backend: str = Recognizer.backend

    def __init__(self, recognizer: MentionRecognizer | None = None) -> None:
        self.recognizer = recognizer if recognizer is not None else default_recognizer()
        self.backend = self.recognizer.backend

    def predict(self, article: Article) -> list[Mention]:
        return [c.to_mention() for c in self.recognizer.recognize(article)]

    @staticmethod
    def set_annotations(article: Article, mentions: list[Mention]) -> None:
        article.mentions = mentions

    def __call__(self, article: Article) -> None:
        self.set_annotations(article, self.predict(article))
