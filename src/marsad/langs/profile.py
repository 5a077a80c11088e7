"""What Marsad knows about one language as data: its script, case, direction, glued
clitics, marks, prepositions and relative pronouns (``data/<code>.yaml``, one file each)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

Script = Literal["arabic", "latin"]


@dataclass(frozen=True)
class LangProfile:
    code: str  # the code articles store: ISO 639-1 where one exists, else ISO 639-3
    name: str
    script: Script
    direction: Literal["rtl", "ltr"]
    cased: bool  # whether capital letters mark names (Latin yes; Arabic script no)
    pipeline: Literal["full", "basic"]  # full: the language has recognisers and lexicons
    marks: str  # a regex character class body: marks that are no part of a word
    proclitics: tuple[str, ...]
    prepositions: tuple[str, ...]
    relative_pronouns: tuple[str, ...]
    quote_marks: tuple[str, ...]  # opening and closing mark pairs
    # Letters no other language of its script uses: a few words in them say the language
    # where a model has too little text (Sorani's ڕ ڵ ۆ ێ ە among Arabic-script languages).
    distinctive_letters: str = ""

    @cached_property
    def marks_pattern(self) -> re.Pattern[str] | None:
        return re.compile(f"[{self.marks}]") if self.marks else None

    def strip_marks(self, text: str) -> str:
        return self.marks_pattern.sub("", text) if self.marks_pattern else text
