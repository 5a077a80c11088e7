"""Tiny BERT models built by the tests themselves, for the model backends' wiring tests.

Nothing is downloaded: a WordPiece vocabulary and a one-layer config are written to a
folder, as a user's own fine-tuned model directory would look.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def tiny_bert(path: Path, vocab: list[str], labels: list[str], head: str) -> tuple[Any, Any]:
    """A random one-layer BERT with ``head`` ("BertForTokenClassification" or
    "BertForSequenceClassification") and its tokenizer, both unsaved."""
    pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizerFast(
        vocab_file=str(path / "vocab.txt"), do_lower_case=True
    )
    config = transformers.BertConfig(
        vocab_size=len(vocab),
        hidden_size=8,
        num_hidden_layers=1,
        num_attention_heads=1,
        intermediate_size=16,
        max_position_embeddings=64,
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={name: i for i, name in enumerate(labels)},
    )
    return getattr(transformers, head)(config), tokenizer
