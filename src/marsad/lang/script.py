"""Which writing system a piece of text is in, by counting its letters.

fastText is unreliable on a few words, but the script of even one word is certain: it
tells Arabic from Latin text where the model cannot, and it tells which neighbouring
paragraph a short one may borrow its language from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Script = Literal["arabic", "latin", "other", "none"]

# Letters of the Arabic script (Arabic, Supplement, Extended-A/B and the presentation forms
# old sites still emit), leaving out its digits, punctuation (، ؛ ؟), harakat and tatweel.
_ARABIC_LETTER = re.compile(
    "[\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef"
    "\u06fa-\u06fc\u06ff\u0750-\u077f\u0870-\u0887\u0889-\u088e\u08a0-\u08c9"
    "\ufb50-\ufbb1\ufbd3-\ufd3d\ufd50-\ufdc7\ufdf0-\ufdfb\ufe70-\ufe74\ufe76-\ufefc]"
)
# Basic Latin letters through Latin Extended-B, and Latin Extended Additional (Vietnamese).
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_ANY_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class ScriptCounts:
    arabic: int
    latin: int
    other: int

    @property
    def letters(self) -> int:
        return self.arabic + self.latin + self.other

    @property
    def dominant(self) -> Script:
        if self.letters == 0:
            return "none"
        best = max(self.arabic, self.latin, self.other)
        if best == self.arabic:
            return "arabic"
        return "latin" if best == self.latin else "other"


def count_scripts(text: str) -> ScriptCounts:
    """Count the letters of ``text`` by script; digits, marks and punctuation do not count."""
    # Regex counting runs in C: this is called on every paragraph of every article.
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    other = max(len(_ANY_LETTER.findall(text)) - arabic - latin, 0)
    return ScriptCounts(arabic, latin, other)
