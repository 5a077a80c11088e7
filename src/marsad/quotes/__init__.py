"""Quotes: who said what in an article, direct and reported, Arabic and English.

``find_quotes(article)`` returns ``Quote`` spans with their speech cue and speaker (a
PER/ORG mention, or null when the text does not say); the ``quotes`` stage stores them.
"""

from __future__ import annotations

import logging

from marsad.quotes.extract import find_quotes
from marsad.quotes.lexicon import SpeechLexicon, speech_lexicon
from marsad.quotes.stage import QuoteStage

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["QuoteStage", "SpeechLexicon", "find_quotes", "speech_lexicon"]
