"""The hostile-input corpus and its table of expected outcomes (tests/hostile/cases.tsv),
read by the reader tests, the ingest run test and the API upload test alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HOSTILE = Path(__file__).parent / "hostile"
CORPUS = HOSTILE / "corpus"


@dataclass(frozen=True)
class Case:
    file: str
    articles: int
    reasons: tuple[str, ...]  # a part of each skipped record's reason, in order
    why: str

    @property
    def path(self) -> Path:
        return CORPUS / self.file


def load_cases() -> list[Case]:
    cases = []
    for line in (HOSTILE / "cases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        file, articles, reasons, why = line.split("\t")
        cases.append(Case(file, int(articles), tuple(filter(None, reasons.split(" | "))), why))
    return cases
