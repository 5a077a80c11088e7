"""The transformer backend, on a tiny randomly initialised BERT built here (no download)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_models import tiny_bert

from marsad.types import Article, Paragraph, Sentence

pytestmark = pytest.mark.slow

VOCAB = [
    "[PAD]",
    "[UNK]",
    "[CLS]",
    "[SEP]",
    "[MASK]",
    "the",
    "delegation",
    "visited",
    "qam",
    "##ish",
    "##lo",
    "and",
    "met",
    "omar",
    ".",
    "زار",
    "الوفد",
    "قامشلو",
    "عمر",
]
LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]


def tiny_model(path: Path, favour: str) -> Path:
    """A one-layer BERT whose classifier always picks ``favour`` (weights zero, bias set)."""
    torch = pytest.importorskip("torch")
    model, tokenizer = tiny_bert(path, VOCAB, LABELS, "BertForTokenClassification")
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.zero_()
        model.classifier.bias[LABELS.index(favour)] = 5.0
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


def article(text: str, lang: str) -> Article:
    return Article(
        id="t",
        source="t",
        raw=b"",
        raw_text=text,
        text=text,
        lang=lang,
        paragraphs=[Paragraph(0, len(text), lang)],
        sentences=[Sentence(0, len(text))],
    )


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        (
            "The delegation visited Qamishlo.",
            "en",
            ["The", "delegation", "visited", "Qamishlo", "."],
        ),
        ("زار الوفد قامشلو", "ar", ["زار", "الوفد", "قامشلو"]),
    ],
)
def test_recognize_transformer_word_pieces_make_one_word(
    tmp_path: Path, text: str, lang: str, words: list[str]
) -> None:
    from marsad.entities.recognize.transformer import TransformerRecognizer

    rec = TransformerRecognizer(tiny_model(tmp_path, "B-LOC"))
    cands = rec.recognize(article(text, lang))
    assert [text[c.start : c.end] for c in cands] == words  # every word begins a LOC
    assert {c.label for c in cands} == {"LOC"} and all(c.source == "model" for c in cands)


@pytest.mark.parametrize(
    ("text", "lang"), [("the delegation met omar", "en"), ("زار الوفد عمر", "ar")]
)
def test_recognize_transformer_inside_tags_join(tmp_path: Path, text: str, lang: str) -> None:
    from marsad.entities.recognize.transformer import TransformerRecognizer

    rec = TransformerRecognizer(tiny_model(tmp_path, "I-PER"))
    cands = rec.recognize(article(text, lang))
    assert [(text[c.start : c.end], c.label) for c in cands] == [(text, "PER")]


def test_recognize_transformer_long_text_in_windows(tmp_path: Path) -> None:
    from marsad.entities.recognize.transformer import TransformerRecognizer

    text = " ".join(["the delegation visited Qamishlo and met Omar ."] * 30)
    rec = TransformerRecognizer(tiny_model(tmp_path, "B-PER"), max_length=16, stride=4)
    cands = rec.recognize(article(text, "en"))
    assert len(cands) == len(text.split())  # every word once, across the windows


def test_recognize_transformer_in_the_stage(tmp_path: Path) -> None:
    from marsad.entities.recognize.stage import MentionStage
    from marsad.entities.recognize.transformer import TransformerRecognizer

    stage = MentionStage(TransformerRecognizer(tiny_model(tmp_path, "B-LOC")))
    a = article("زار الوفد قامشلو", "ar")
    stage(a)
    assert stage.backend == "model" and [m.backend for m in a.mentions] == ["model"] * 3


def test_recognize_transformer_missing_model_dir(tmp_path: Path) -> None:
    from marsad.entities.recognize.transformer import TransformerRecognizer
    from marsad.errors import PipelineError

    with pytest.raises(PipelineError, match="no such model directory"):
        TransformerRecognizer(tmp_path / "absent")


def test_recognize_transformer_names_the_extra_when_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import builtins

    from marsad.entities.recognize import transformer
    from marsad.errors import PipelineError

    real_import = builtins.__import__

    def no_transformers(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name in {"transformers", "torch"}:
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_transformers)
    with pytest.raises(PipelineError, match=r"marsad\[transformers\]"):
        transformer._require()
