"""Candidate names from every source, and choosing one non-overlapping set of them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from marsad.types import Mention

# Which source wins an overlap, before length: the knowledge base knows the type of the
# names it lists better than the statistical model or a pattern guesses it.
PRIORITY = {"kb": 4, "pattern": 3, "model": 2, "spacy": 2, "gazetteer": 2, "names": 2}
STATISTICAL = frozenset({"model", "spacy"})
"""Sources whose labels are a model's guess (the rules may overrule them)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    label: str
    source: str  # kb | gazetteer | spacy | pattern | names | model
    entity_id: str | None = None
    name: str | None = None
    role_start: int | None = None
    role_end: int | None = None
    score: float = 1.0
    # Overrides the source's priority: a name built around a known one ("جامعة دمشق"
    # around "دمشق") must win over it.
    priority: int | None = None

    @property
    def rank(self) -> int:
        return self.priority if self.priority is not None else PRIORITY.get(self.source, 0)

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Candidate) -> bool:
        return self.start <= other.start and other.end <= self.end

    def with_role(self, start: int | None, end: int | None) -> Candidate:
        return replace(self, role_start=start, role_end=end)

    def to_mention(self, backend: str | None = None) -> Mention:
        return Mention(
            start=self.start,
            end=self.end,
            label=self.label,
            entity_id=self.entity_id,
            name=self.name,
            role_start=self.role_start,
            role_end=self.role_end,
            backend=backend or self.source,
            score=self.score,
        )


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, sorted by offset: higher priority first, then longer,
    then earlier. A role found for a losing candidate of the same span is kept."""
    ranked = sorted(
        (c for c in candidates if c.end > c.start),
        key=lambda c: (-c.rank, -c.length, c.start),
    )
    chosen: list[Candidate] = []
    for cand in ranked:
        clash = next((c for c in chosen if c.overlaps(cand)), None)
        if clash is None:
            chosen.append(cand)
        elif (
            clash.start == cand.start
            and clash.end == cand.end
            and clash.role_start is None
            and cand.role_start is not None
        ):
            chosen[chosen.index(clash)] = clash.with_role(cand.role_start, cand.role_end)
    return sorted(chosen, key=lambda c: (c.start, c.end))
