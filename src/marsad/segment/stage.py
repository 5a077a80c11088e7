"""The ``sentences`` stage: sentence offsets, paragraph by paragraph."""

from __future__ import annotations

from marsad.pipeline import register
from marsad.segment.splitter import split_sentences
from marsad.types import Article, Sentence


@register("sentences")
class SentenceStage:
    """Fills ``Article.sentences``; a sentence never crosses a paragraph boundary."""

    name: str = "sentences"
    requires: tuple[str, ...] = ("text", "paragraphs", "lang")
    assigns: tuple[str, ...] = ("sentences",)
    backend: str = "rules"

    @staticmethod
    def predict(article: Article) -> list[Sentence]:
        sentences: list[Sentence] = []
        for paragraph in article.paragraphs:
            lang = paragraph.lang or article.lang
            sentences += split_sentences(article.text, paragraph.start, paragraph.end, lang)
        return sentences

    @staticmethod
    def set_annotations(article: Article, sentences: list[Sentence]) -> None:
        article.sentences = sentences

    def __call__(self, article: Article) -> None:
        self.set_annotations(article, self.predict(article))
