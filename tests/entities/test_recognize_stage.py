"""The ``mentions`` stage in the pipeline, and odd input that must never crash it."""

from __future__ import annotations

import pytest

import marsad
from marsad.entities.recognize import Recognizer
from marsad.entities.recognize.stage import MentionStage
from marsad.pipeline import Pipeline, registered
from marsad.types import Article, Paragraph


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    import marsad.entities.recognize.stage

    return marsad.load_pipeline(["clean", "metadata", "lang", "sentences", "mentions"])


def test_recognize_stage_is_registered_with_its_contract() -> None:
    assert "mentions" in registered()
    stage = MentionStage(Recognizer(model=False))
    assert stage.requires == ("text", "sentences", "lang", "paragraphs")
    assert stage.assigns == ("mentions",)
    assert stage.backend == "kb+model+rules"


def test_recognize_stage_refuses_to_run_before_sentences() -> None:
    with pytest.raises(marsad.PipelineError):
        Pipeline([MentionStage(Recognizer(model=False))])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Headline\n\nThe co-chair of the Department of External Relations, Abdul Karim Omar, "
            "met the delegation in Qamishlo.",
            "Abdul Karim Omar",
        ),
        (
            "عنوان\n\nاستقبل الرئيس المشترك لدائرة العلاقات الخارجية عبد الكريم عمر"
            " الوفد في قامشلو.",
            "عبد الكريم عمر",
        ),
    ],
)
def test_recognize_stage_in_the_pipeline(pipeline: Pipeline, text: str, name: str) -> None:
    article = pipeline(text)
    assert article.annotated_by["mentions"] == "kb+model+rules"
    names = [article.text[m.start : m.end] for m in article.mentions if m.label == "PER"]
    assert name in names


ODD = {
    "empty": "",
    "spaces": "   \n\n  \t ",
    "long_en": "The delegation visited Qamishlo and " * 140,  # one 5,000-character sentence
    "long_ar": "زار الوفد قامشلو والتقى عبد الكريم عمر و" * 125,
    "mixed": "وصل Abdul Karim Omar إلى Qamishlo ثم قال عمر: ISIS خطر",
    "indic_digits": "قتل ١٢ شخصاً في الحسكة يوم ٢٠٢٢/٤/٨ بحسب السيد ٣٤٥",
    "marks": "عُقِدَ اجتماعٌ في قامِشْلو مع الدكتورِ عبدِ الكريمِ عمرَ",
    "symbols": "@@@ ((( ))) ... ،،، «» “” – — \u200f\u200e\ufeff",
    "punct_names": "Omar: ISIS, IS; Daesh. (SDF) [AANES] {AA}",
    "lone_clitics": "و ف ب ل ك ال لل وال",
}


@pytest.mark.parametrize("kind", sorted(ODD))
def test_recognize_stage_survives_odd_text(pipeline: Pipeline, kind: str) -> None:
    article = pipeline(ODD[kind])
    previous = 0
    for m in article.mentions:
        assert previous <= m.start < m.end <= len(article.text)
        previous = m.end


@pytest.mark.parametrize("lang", ["ar", "en", None])
def test_recognize_stage_without_paragraphs_reads_the_whole_text(lang: str | None) -> None:
    text = "وصل الوفد إلى قامشلو" if lang != "en" else "The delegation reached Qamishlo"
    article = Article(id="x", source="t", raw=b"", raw_text=text, text=text, lang=lang)
    MentionStage(Recognizer(model=False))(article)
    assert [article.text[m.start : m.end] for m in article.mentions][-1] in {"قامشلو", "Qamishlo"}


def test_recognize_stage_reads_each_paragraph_in_its_language() -> None:
    text = "A delegation reached Qamishlo.\n\nووصل الوفد إلى الحسكة."
    article = Article(
        id="x",
        source="t",
        raw=b"",
        raw_text=text,
        text=text,
        lang="en",
        paragraphs=[Paragraph(0, 30, "en"), Paragraph(32, len(text), "ar")],
    )
    MentionStage(Recognizer(model=False))(article)
    assert [article.text[m.start : m.end] for m in article.mentions] == ["Qamishlo", "الحسكة"]
