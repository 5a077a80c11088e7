"""Why an article joined its story, kept with the link so a reader can check the decision.

>>> LinkExplanation("story", "2548a2402b0e3e86", entities=6, dates=("2022-04-08",),
...                 speakers=1, cosine=0.82, rank=1, ranked=3, ranked_lang="en").text()
'same 6 entities, same date 2022-04-08, same 1 quoted speaker, embedding 0.82 rank 1 of 3 en'
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Literal

LinkKind = Literal["founder", "duplicate", "story"]


@dataclass(frozen=True, slots=True)
class LinkExplanation:
    kind: LinkKind
    linked_to: str | None = None  # the article it matched (none for a story's founder)
    entities: int = 0
    dates: tuple[str, ...] = field(default_factory=tuple)
    numbers: int = 0
    speakers: int = 0
    overlap: float | None = None  # shingle Jaccard, for duplicates
    cosine: float | None = None
    probability: float | None = None  # of the same story, mean over the story's candidates
    rank: int | None = None  # of the matched story among candidate stories of its language
    ranked: int | None = None
    ranked_lang: str | None = None
    candidates: int = 0  # how many the index offered
    merged: tuple[str, ...] = field(default_factory=tuple)  # stories this link proved one

    def text(self) -> str:
        if self.kind == "founder":
            if not self.candidates:
                return "opened the story (no earlier article to compare)"
            return f"opened the story ({self.candidates} candidate(s), none close enough)"
        if self.kind == "duplicate":
            return f"near-duplicate of {self.linked_to} (shingle overlap {self.overlap:.2f})"
        parts = []
        if self.entities:
            parts.append(f"same {self.entities} entit{'y' if self.entities == 1 else 'ies'}")
        if self.dates:
            parts.append(f"same date {', '.join(self.dates)}")
        if self.speakers:
            parts.append(f"same {self.speakers} quoted speaker{'s' * (self.speakers != 1)}")
        if self.numbers:
            parts.append(f"{self.numbers} shared number{'s' * (self.numbers != 1)}")
        if self.cosine is not None:
            parts.append(
                f"embedding {self.cosine:.2f} rank {self.rank} of {self.ranked} {self.ranked_lang}"
            )
        if self.probability is not None:
            parts.append(f"same story p={self.probability:.2f}")
        if self.merged:
            parts.append(f"merged {', '.join(self.merged)} into this story")
        return ", ".join(parts)

    def to_json(self) -> str:
        return json.dumps(
            {k: v for k, v in asdict(self).items() if v not in (None, 0, ())},
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, document: str) -> LinkExplanation:
        data = json.loads(document)
        data["dates"] = tuple(data.get("dates", ()))
        data["merged"] = tuple(data.get("merged", ()))
        return cls(**data)
