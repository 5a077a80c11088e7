"""Ranking accuracy of the matcher on aligned name lists (used by bench/ and the tests).

Each source name is scored against its true counterpart and ``n_candidates - 1``
distractors drawn with a fixed seed from the other target names. Ties count against the
matcher: the true name must score strictly higher than a distractor to rank above it.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.names.keys import name_key
from marsad.names.score import key_similarity


@dataclass(frozen=True, slots=True)
class RankingResult:
    """Accuracy of one ranking run, with the names it got wrong."""

    n: int
    accuracy_at_1: float
    accuracy_at_5: float
    comparisons: int
    misses: tuple[tuple[str, str, str], ...]  # (source, true target, top-ranked distractor)


def candidate_lists(
    targets: Sequence[str], n_candidates: int = 50, seed: int = 13
) -> list[list[int]]:
    """For each target index, its own index followed by distinct distractor indices."""
    rng = random.Random(seed)
    spellings = Counter(targets)
    lists = []
    for i, true in enumerate(targets):
        # A distractor spelled like the true name would be a coin toss, not a test.
        others = len(targets) - spellings[true]
        if n_candidates - 1 >= others:
            lists.append([i, *(j for j, t in enumerate(targets) if t != true)])
            continue
        chosen: dict[int, None] = {}  # an insertion-ordered set keeps the draw order
        while len(chosen) < n_candidates - 1:
            j = rng.randrange(len(targets))
            if targets[j] != true:
                chosen[j] = None
        lists.append([i, *chosen])
    return lists


def ranking_accuracy(
    sources: Sequence[str],
    targets: Sequence[str],
    candidates: Sequence[Sequence[int]],
) -> RankingResult:
    """accuracy@1 and @5 of picking ``targets[i]`` for ``sources[i]`` among
    ``candidates[i]`` (indices into ``targets``, the true one first)."""
    if not len(sources) == len(targets) == len(candidates):
        raise ValueError("sources, targets and candidates differ in length")
    top1 = top5 = comparisons = 0
    misses = []
    for i, cands in enumerate(candidates):
        key = name_key(sources[i])
        scores = [key_similarity(key, name_key(targets[j])) for j in cands]
        comparisons += len(cands)
        rank = sum(1 for s in scores[1:] if s >= scores[0])
        top1 += rank == 0
        top5 += rank < 5
        if rank:
            best = max(range(1, len(cands)), key=lambda k: scores[k])
            misses.append((sources[i], targets[i], targets[cands[best]]))
    n = len(sources)
    return RankingResult(
        n, top1 / n if n else 0.0, top5 / n if n else 0.0, comparisons, tuple(misses)
    )
