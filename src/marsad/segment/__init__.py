"""Sentence splitting for Arabic and English paragraphs (the ``sentences`` stage)."""

from __future__ import annotations

from marsad.segment.rules import SentenceRules, rules_for
from marsad.segment.splitter import split_sentences
from marsad.segment.stage import SentenceStage

__all__ = ["SentenceRules", "SentenceStage", "rules_for", "split_sentences"]
