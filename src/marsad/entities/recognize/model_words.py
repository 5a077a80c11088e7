"""Words as the trained NER models read them, the same at training and at run time.

English is read by spaCy's own tokenizer (the model grew from ``en_core_web_sm``'s
NER). Arabic is read here: words and single punctuation marks, each word folded
(``textnorm.fold_letters``: no vowel marks or tatweel, one shape per hamza seat, ى → ي,
ة → ه), and its ``NORM`` — the feature the model's word table is keyed on — also loses a
glued conjunction and preposition ("وبيروت" → "بيروت", "بالحسكة" and "للحسكة" →
"الحسكة"). The gold sets write clitics both ways (ANERcorp glued, FANE apart); reading
both through one norm lets the model learn a name once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.textnorm import ARABIC_MARKS as _MARK
from marsad.textnorm import fold_letters

# Letters and digits with the vowel marks and tatweel inside them, or one other mark.
_ARABIC_WORD = re.compile(r"[^\W_][\w\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]*|[^\w\s]")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ك", "ف")


def arabic_words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of the words and marks of ``text[start:end]``."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _ARABIC_WORD.finditer(text, start, end)]


@lru_cache(maxsize=262144)
def arabic_form(word: str) -> tuple[str, str]:
    """(folded word, norm) of one Arabic word; Latin words and marks fold case only."""
    folded = fold_letters(word) or word
    norm = folded
    # Three letters must remain, or the "stripped" word is a different short word.
    if norm[:1] in _CONJUNCTIONS and len(norm) >= 4:
        norm = norm[1:]
    if norm.startswith("لل") and len(norm) >= 5:
        norm = "ال" + norm[2:]
    elif norm[:1] in _PREPOSITIONS and norm[1:3] == "ال" and len(norm) >= 5:
        norm = norm[1:]
    return folded, norm


_GLUED_BEFORE_ARTICLE = re.compile("^(?:[وف]?[بكل](?=ال)|[وف](?=ال))")


def glued_prefix(word: str) -> int:
    """How many leading characters of ``word`` are a conjunction or preposition glued to
    the article: "والحكومة", "بالحسكة", "وبالحسكة" → the name starts at "ال". The model
    reads whole words, so its names start there; the gazetteer's start after the clitic.
    Only before the article: "وليد", "واشنطن" and "فلسطين" begin with the same letters."""
    letters = [(i, ch) for i, ch in enumerate(word) if not _MARK.match(ch)]
    bare = "".join(ch for _, ch in letters)
    match = _GLUED_BEFORE_ARTICLE.match(bare)
    if match is None or len(bare) - match.end() < 4:
        return 0
    return letters[match.end()][0]
