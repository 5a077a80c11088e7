"""The stage as the pipeline sees it: registration, formats, offsets."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.clean.stage import CleanStage
from marsad.pipeline import _REGISTRY, Pipeline, StageFailure
from marsad.types import Article

CLEAN_TEXTS = {
    "en": "  Water returns to Hasakah\n\nThe pumps restarted on Monday.\nTankers stop soon.  \n",
    "ar": "عودة المياه إلى الحسكة\r\n\r\nأعيد تشغيل المضخات يوم الإثنين.\nوتتوقف الصهاريج قريبـاً\n",
}


def test_stage_is_registered_with_its_contract() -> None:
    # The registry itself, not ``registered()``: that imports every stage package.
    assert _REGISTRY["clean"] is CleanStage
    stage = CleanStage()
    assert stage.requires == ("raw_text", "format")
    assert stage.assigns == ("text", "title", "paragraphs", "removed")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_stage_clean_format_keeps_text_verbatim(lang: str, cleaned: Callable[..., Article]) -> None:
    raw = CLEAN_TEXTS[lang]
    article = cleaned(raw, format="clean", title="Given title")
    assert article.text == raw  # not normalised, not trimmed: offsets are the caller's
    assert article.title == "Given title"
    assert article.removed == []
    lines = [raw[p.start : p.end] for p in article.paragraphs]
    assert lines == [line.strip() for line in raw.splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_stage_text_format_paragraph_offsets_point_into_text(
    lang: str, cleaned: Callable[..., Article]
) -> None:
    article = cleaned(CLEAN_TEXTS[lang])
    parts = [article.text[p.start : p.end] for p in article.paragraphs]
    assert "\n\n".join(parts) == article.text
    assert all(p.lang is None for p in article.paragraphs)


def test_stage_rerun_gives_the_same_result(
    seed_texts: dict[str, str], clean_stage: CleanStage
) -> None:
    article = Article(id="x", source="s", raw=b"", raw_text=seed_texts["004"])
    clean_stage(article)
    first = (article.text, list(article.removed))
    clean_stage(article)
    assert (article.text, article.removed) == first


def test_stage_failure_is_reported_by_the_pipeline() -> None:
    pipeline = Pipeline([CleanStage()])  # the order check accepts it as a first stage
    result = pipeline.run_one(Article(id="x", source="s", raw=b"", raw_text="", format="html"))
    assert isinstance(result, StageFailure) and isinstance(result.error, ValueError)


def test_stage_unknown_format_is_refused(clean_stage: CleanStage) -> None:
    article = Article(id="x", source="s", raw=b"", raw_text="x", format="pdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown article format"):
        clean_stage(article)
