from __future__ import annotations

from pathlib import Path

import pytest
from tiny_models import tiny_bert

from marsad.events.lexicon import EVENT_TYPES
from marsad.events.stage import EventsStage
from marsad.types import Article, Sentence


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tiny_events_model")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "army", "attacked", "town"]
    labels = ["NONE", "ASSAULT", "DEMAND"]
    model, tokenizer = tiny_bert(path, vocab, labels, "BertForSequenceClassification")
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "text"), [("en", "The army attacked the town."), ("ar", "هاجم الجيش البلدة.")]
)
def test_model_backend_types_sentences(tiny_model: Path, lang: str, text: str) -> None:
    from marsad.events.model import TextClassifierBackend

    backend = TextClassifierBackend(tiny_model, threshold=0.0)
    assert backend.labels == [None, "ASSAULT", "REQUEST"]  # old name read as the current one
    article = Article(
        id="t", source="t", raw=b"", raw_text=text, format="clean", text=text, lang=lang
    )
    article.sentences = [Sentence(0, len(text))]
    stage = EventsStage(classifier=backend)
    stage(article)
    assert stage.backend == "model"
    assert len(article.events) <= 1
    assert all(e.type in EVENT_TYPES and e.backend == "model" for e in article.events)


def test_model_backend_missing_dir_is_friendly(tmp_path: Path) -> None:
    pytest.importorskip("transformers")
    from marsad.errors import PipelineError
    from marsad.events.model import TextClassifierBackend

    with pytest.raises(PipelineError, match="no model directory"):
        TextClassifierBackend(tmp_path / "absent")
