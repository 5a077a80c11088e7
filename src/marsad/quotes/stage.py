"""The ``quotes`` stage: who said what, as direct quotes and reported clauses."""

from __future__ import annotations

from marsad.pipeline import register
from marsad.quotes.extract import BACKEND, find_quotes
from marsad.types import Article, Quote


@register("quotes")
class QuoteStage:
    """Fills ``Article.quotes``; a quote's speaker is null when the text does not say."""

    name: str = "quotes"
    requires: tuple[str, ...] = ("text", "sentences", "mentions", "lang")
    assigns: tuple[str, ...] = ("quotes",)
    backend: str = BACKEND

    @staticmethod
    def predict(article: Article) -> list[Quote]:
        return find_quotes(article)

    @staticmethod
    def set_annotations(article: Article, quotes: list[Quote]) -> None:
        article.quotes = quotes

    def __call__(self, article: Article) -> None:
        self.set_annotations(article, self.predict(article))
