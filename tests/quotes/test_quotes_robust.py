"""Odd input never crashes the stage and never yields a span outside the text."""

from __future__ import annotations

import pytest
from article_builder import article_from_paragraphs

from marsad.pipeline import Pipeline, registered
from marsad.quotes import QuoteStage, find_quotes
from marsad.types import Article, Sentence


def _article(paragraphs: list[str], lang: str) -> Article:
    article = article_from_paragraphs(paragraphs, [lang] * len(paragraphs), lang=lang)
    article.sentences = [Sentence(p.start, p.end) for p in article.paragraphs]
    return article


ODD = {
    "unbalanced": ["He said: “one two three four ” five ” six “ seven « eight", "“ ” \" ' ‘ ’ »"],
    "nested": ['He said: “The group “al-Hisbah” said "no" to the «terms» they set here.”'],
    "long": ["Omar said that " + "the camps are full " * 300 + "."],
    "all_quote": ["“" + "This is all quote and nothing else. " * 20 + "”"],
    "marks_only": ["”" * 500 + '"' * 501],
    "empty": [""],
}


@pytest.mark.parametrize("lang", ["en", "ar", None])
@pytest.mark.parametrize("case", sorted(ODD))
def test_quotes_odd_input_is_safe(case: str, lang: str | None) -> None:
    article = _article(ODD[case], lang or "xx")
    article.lang = lang
    for q in find_quotes(article):
        assert 0 <= q.start <= q.end <= len(article.text)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_quotes_all_quote_text_is_one_quote_without_speaker(lang: str) -> None:
    article = _article(ODD["all_quote"], lang)
    quotes = find_quotes(article)
    assert len(quotes) == 1 and quotes[0].direct and quotes[0].speaker is None


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_quotes_nested_name_stays_inside(lang: str) -> None:
    article = _article(ODD["nested"], lang)
    quotes = find_quotes(article)
    assert len(quotes) == 1
    assert article.text[quotes[0].start :].startswith("The group")


def test_quotes_stage_is_registered_and_ordered() -> None:
    assert "quotes" in registered()
    stage = QuoteStage()
    assert stage.requires == ("text", "sentences", "mentions", "lang")
    assert stage.assigns == ("quotes",)
    Pipeline.from_names(["clean", "metadata", "lang", "sentences", "mentions", "quotes"])
