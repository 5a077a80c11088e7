"""Marsad: structured, searchable knowledge from Arabic and English conflict news.

Example: ``marsad.load_pipeline()("A headline\\n\\nThe body.")`` returns an ``Article``
with its clean text, title, language, dates and sentences.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from marsad.errors import (
    DataFileError,
    DecodeError,
    FetchError,
    InputError,
    MarsadError,
    PipelineError,
    StoreError,
)
from marsad.pipeline import DEFAULT_STAGES, Pipeline
from marsad.store import open_store
from marsad.types import Article, DateMention, Paragraph, Removed, Sentence, SourceHints

__all__ = [
    "Article",
    "DataFileError",
    "DateMention",
    "DecodeError",
    "FetchError",
    "InputError",
    "MarsadError",
    "Paragraph",
    "Pipeline",
    "PipelineError",
    "Removed",
    "Sentence",
    "SourceHints",
    "StoreError",
    "load_pipeline",
    "open_store",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def load_pipeline(stages: Iterable[str] = DEFAULT_STAGES) -> Pipeline:
    """The processing pipeline with the named stages (default: all of them, in order)."""
    return Pipeline.from_names(stages)
