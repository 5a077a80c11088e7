"""The public API is what __all__ says, and the pipeline checks its own order."""

from __future__ import annotations

import pytest

import marsad
from marsad.errors import PipelineError
from marsad.pipeline import Pipeline
from marsad.types import Article

EXPECTED_API = [
    "Article", "DataFileError", "DateMention", "DecodeError", "FetchError", "InputError",
    "MarsadError", "Paragraph", "Pipeline", "PipelineError", "Removed", "Sentence",
    "SourceHints", "StoreError", "load_pipeline", "open_store",
]  # fmt: skip


def test_public_api_is_pinned_and_importable() -> None:
    # Adding to or removing from the public API must be a deliberate change of this list.
    assert sorted(marsad.__all__) == sorted(EXPECTED_API)
    for name in marsad.__all__:
        assert getattr(marsad, name) is not None


class _Needs:
    name = "needs-title"
    requires = ("title",)
    assigns = ("outlet",)
    backend = "test"

    def __call__(self, article: Article) -> None:
        article.outlet = article.title


def test_pipeline_refuses_a_stage_before_what_it_requires() -> None:
    with pytest.raises(PipelineError, match="requires \\['title'\\]"):
        Pipeline([_Needs()])


def test_pipeline_refuses_unknown_stage_names() -> None:
    with pytest.raises(PipelineError, match="unknown stage"):
        marsad.load_pipeline(["clean", "no-such-stage"])


@pytest.mark.parametrize(
    ("text", "lang"),
    [("A headline\n\nThe delegation was received by the co-chair.", "en"),
     ("عنوان الخبر\n\nاستقبل الرئيس المشترك لدائرة العلاقات الخارجية الوفد.", "ar")],
)  # fmt: skip
def test_public_api_pipeline_processes_a_string(text: str, lang: str) -> None:
    article = marsad.load_pipeline()(text)
    assert article.lang == lang
    assert article.text.startswith(text.split("\n")[0])
    assert set(article.annotated_by) == set(marsad.pipeline.DEFAULT_STAGES)
