"""Recognising names in Arabic and English news, offline.

    >>> from marsad.entities.recognize import Recognizer
    >>> [m.label for m in Recognizer(model=False).recognize_block(
    ...     "زار الوفد قامشلو", 0, 16, "ar")]
    ['GPE']

The ``mentions`` stage (``stage.MentionStage``) runs ``Recognizer`` over an article: the
knowledge-base gazetteer in every language, the trained NER model of each language
(``ner_model``: spaCy NER alone, shipped in ``marsad/models``, rebuilt by ``marsad train``)
merged with it, Arabic title and role patterns, and the title or role around each
person's name. ``TransformerRecognizer`` runs a local Hugging Face token-classification
model instead (extra ``marsad[transformers]``).
"""

from __future__ import annotations

from marsad.entities.recognize.gazetteer import Gazetteer
from marsad.entities.recognize.recognizer import Recognizer, blocks
from marsad.entities.recognize.spans import Candidate, resolve
from marsad.entities.recognize.stage import MentionStage
from marsad.entities.recognize.tokens import Token, tokenize
from marsad.entities.recognize.transformer import TransformerRecognizer

__all__ = [
    "Candidate",
    "Gazetteer",
    "MentionStage",
    "Recognizer",
    "Token",
    "TransformerRecognizer",
    "blocks",
    "resolve",
    "tokenize",
]
