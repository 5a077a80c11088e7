"""PLOVER events: who did what to whom, where and when, with the sentence as evidence.

The default coder is rules over sentences (``patterns.<lang>.yaml``); a local Hugging Face
text classifier can stand in for the type decision (``TextClassifierBackend``).
"""

from marsad.events.lexicon import EVENT_TYPES
from marsad.events.model import TextClassifierBackend
from marsad.events.stage import EventsStage

__all__ = ["EVENT_TYPES", "EventsStage", "TextClassifierBackend"]
