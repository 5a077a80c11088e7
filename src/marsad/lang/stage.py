"""The ``lang`` stage: the language of every paragraph and of the article."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.lang.detect import BACKEND, LanguageModel, default_model
from marsad.lang.identify import (
    LangConfig,
    LangGuess,
    article_language,
    guess_paragraph,
    resolve_paragraphs,
    settle_paragraphs,
)
from marsad.pipeline import register
from marsad.types import Article


@dataclass(frozen=True, slots=True)
class LangResult:
    paragraphs: list[str | None]
    article: str | None


@register("lang")
class LangStage:
    """Sets ``Paragraph.lang`` and ``Article.lang`` (ISO 639-1 codes, ``ckb`` for Sorani)."""

    name: str = "lang"
    requires: tuple[str, ...] = ("text", "paragraphs")
    assigns: tuple[str, ...] = ("lang", "paragraphs")
    backend: str = BACKEND

    def __init__(
        self, model: LanguageModel | None = None, config: LangConfig | None = None
    ) -> None:
        self.model = model if model is not None else default_model()
        self.config = config or LangConfig()

    def predict(self, article: Article) -> LangResult:
        spans = [(p.start, p.end) for p in article.paragraphs]
        if not spans and article.text.strip():
            # No paragraph offsets: judge the article as one block, annotate nothing.
            spans = [(0, len(article.text))]
            guesses = self._guesses(article.text, spans)
            return LangResult([], article_language(guesses, article.hints.lang, self.config))
        guesses = self._guesses(article.text, spans)
        lang = article_language(guesses, article.hints.lang, self.config)
        return LangResult(settle_paragraphs(guesses, lang), lang)

    def _guesses(self, text: str, spans: list[tuple[int, int]]) -> list[LangGuess]:
        raw = [guess_paragraph(text[start:end], self.model, self.config) for start, end in spans]
        return resolve_paragraphs(raw)

    @staticmethod
    def set_annotations(article: Article, result: LangResult) -> None:
        for paragraph, lang in zip(article.paragraphs, result.paragraphs, strict=False):
            paragraph.lang = lang
        article.lang = result.article

    def __call__(self, article: Article) -> None:
        self.set_annotations(article, self.predict(article))
