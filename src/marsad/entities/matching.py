"""When two names are one name: part by part, on ``marsad.names`` similarity.

``compare`` pairs the parts of two names one to one, best pairs first. Two names are the
*same name* (``full``) when every part of each has a partner that scores at least the part
threshold, or when their letters run together agree (Jiakurd / Jia Kurd). One name is *part
of* the other when only the shorter name's parts all have partners ("Omar" in "Abdul Karim
Omar", "Zabidov" in "زبيد الله زبيدوف"). Whether a part match is enough to merge is the
caller's decision: within one article it is (coreference), across articles only when the
shared part is distinctive (``CommonParts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from marsad.entities.lexicon import common_name_parts
from marsad.names import NameKey, key_similarity, name_key
from marsad.names.keys import TokenKey


@dataclass(frozen=True, slots=True)
class MatchConfig:
    """Thresholds of ``compare``, chosen with ``bench/link_bench.py`` (ANETAC dev people
    among 10k train people; the hand-made spelling groups of tests/names).

    ``part``: a part in Arabic script and one in Latin must score this (``marsad.names``
    token similarity) to pair. At 0.9, 95% of Arabic full names find their Latin twin and
    none another person; 0.85 finds 97%, but also pairs the confusable given names of this
    news (Hassan / حسين 0.875, Saleh / صلاح 0.875); 0.925 keeps Muhammad / محمود (0.9)
    apart but finds only 92% of twins and 76% of cross-script given-name spellings.
    ``same_script``: the same for two parts in one script. 0.9 merges 89% of the Latin
    spellings of one given name (Ahmad / Ahmed 0.9, Husayn / Hussein 0.917) and no two
    given names of the groups; 0.92 would keep ANETAC's dense near-duplicates apart a
    little better (0.4% against 1% of new people merged) but merges only 70% of spellings.
    ``joined``: names whose parts are written together or apart (Jiakurd / Jia Kurd).
    ``min_distinct``: the length of sound key a part needs to identify someone alone;
    shorter parts (Ali, Elia) are too easily shared.
    """

    part: float = 0.9
    same_script: float = 0.9
    joined: float = 0.9
    min_distinct: int = 4

    def threshold(self, a: TokenKey, b: TokenKey) -> float:
        return self.same_script if a.arabic == b.arabic else self.part


DEFAULT_CONFIG = MatchConfig()

# Labels whose names are compared with each other: the recogniser may call one place GPE in
# one article and LOC in the next.
LABEL_GROUPS = {"GPE": "PLACE", "LOC": "PLACE"}


def label_group(label: str) -> str:
    return LABEL_GROUPS.get(label, label)


@dataclass(frozen=True, slots=True)
class NameMatch:
    full: bool  # the same name; else the shorter one is part of the longer
    score: float  # the weakest pair of parts (or the joined letters' score)
    shorter: NameKey  # the name whose parts all found partners


@lru_cache(maxsize=65536)
def part_key(token: TokenKey) -> NameKey:
    """One part of a name as a name of its own."""
    return NameKey((token,), token.bare, token.arabic)


def part_similarity(a: TokenKey, b: TokenKey) -> float:
    return key_similarity(part_key(a), part_key(b))


def _paired(shorter: NameKey, longer: NameKey, config: MatchConfig) -> list[float] | None:
    """The score of each part of ``shorter`` with its partner in ``longer``, pairing best
    pairs first and each part once; None when a part finds no partner good enough."""
    pairs = sorted(
        (
            (part_similarity(ta, tb), i, j)
            for i, ta in enumerate(shorter.tokens)
            for j, tb in enumerate(longer.tokens)
        ),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    scores: list[float] = []
    for sim, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        if sim < config.threshold(shorter.tokens[i], longer.tokens[j]):
            return None
        used_a.add(i)
        used_b.add(j)
        scores.append(sim)
    return scores


def compare(a: NameKey, b: NameKey, config: MatchConfig = DEFAULT_CONFIG) -> NameMatch | None:
    """How ``a`` and ``b`` match (see the module docstring), or None."""
    if not a.tokens or not b.tokens:
        return None
    shorter, longer = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    scores = _paired(shorter, longer, config)
    if scores is not None:
        return NameMatch(len(shorter.tokens) == len(longer.tokens), min(scores), shorter)
    if len(a.tokens) != len(b.tokens):
        joined = key_similarity(part_key(_joined(a)), part_key(_joined(b)))
        if joined >= config.joined:
            return NameMatch(True, joined, shorter)
    return None


def _joined(key: NameKey) -> TokenKey:
    return TokenKey(key.joined, key.joined, False, key.arabic)


class CommonParts:
    """Name parts that identify nobody alone: the common given names of
    ``data/common_names.yaml`` in any spelling, and parts too short to tell people apart."""

    def __init__(self, config: MatchConfig = DEFAULT_CONFIG) -> None:
        self.config = config
        self._by_coarse: dict[str, list[TokenKey]] = {}
        for name in common_name_parts():
            for token in name_key(name).tokens:
                self._by_coarse.setdefault(token.bare[3], []).append(token)

    def is_common(self, token: TokenKey) -> bool:
        listed = self._by_coarse.get(token.bare[3], ())
        threshold = self.config.threshold
        return any(part_similarity(token, other) >= threshold(token, other) for other in listed)

    def is_distinctive(self, token: TokenKey) -> bool:
        return len(token.bare[0]) >= self.config.min_distinct and not self.is_common(token)


@cache
def common_parts(config: MatchConfig = DEFAULT_CONFIG) -> CommonParts:
    """The common parts for ``config``, built once per process."""
    return CommonParts(config)


__all__ = [
    "DEFAULT_CONFIG",
    "CommonParts",
    "MatchConfig",
    "NameMatch",
    "common_parts",
    "compare",
    "label_group",
    "part_key",
    "part_similarity",
]
