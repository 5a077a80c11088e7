"""Scoring two names: token keys compared, then tokens aligned.

A token pair scores by a weighted edit similarity of its full, skeleton and coarse keys
(see ``keys``), with and without the article, best of the two. A name pair aligns its
tokens one to one, best pairs first; the aligned score is weighted by token length and
pays a penalty per token left without a partner, so "Omar" still matches "Abdul Karim
Omar" well. Names written as one word or two (Jiakurd / Jia Kurd) are covered by also
comparing the joined keys.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from marsad.names.keys import Keys, NameKey, TokenKey, name_key

MATCH_THRESHOLD = 0.8
"""Scores at or above this mean "probably the same name". On ANETAC dev it keeps 99.3%
of true Arabic/English pairs and lets through 0.03% of random pairs; on the hand-made
variant groups of tests/names it keeps 99.4% of same-name pairs and 0.19% of pairs of
different names (a shared part: Omar / Abdul Karim Omar; near names: Hassan / Hussein)."""

# Weights of the (full, skeleton, coarse) keys: a compromise between foreign names, whose
# Arabic spelling writes most vowels (the full key decides: Wikidata and ANETAC train
# pairs preferred 0.5-0.6 on it), and Arabic names, whose Latin spellings disagree on
# vowels (the hand-made variant groups preferred more skeleton).
KEY_WEIGHTS = (0.5, 0.2, 0.3)
# Each token without a partner multiplies the score by (1 - penalty): "Omar" against
# "Abdul Karim Omar" gets 0.88: below an exact spelling variant, above the threshold.
EXTRA_TOKEN_PENALTY = 0.12
# Matching without the article when only one side had one (Hasakah / الحسكة) costs a
# little, so that a glued ال that was really part of the name (البرت, Albert) still wins
# through the full keys.
ARTICLE_PENALTY = 0.05

_sim = Levenshtein.normalized_similarity


def _keys_similarity(a: Keys, b: Keys, cross_script: bool) -> float:
    full = _sim(a[0], b[0])
    if cross_script:
        # Vowels as spelled, or as Arabic would write them, whichever agrees better;
        # within one script the spelled vowels are the evidence (Muhammad is no Mahmud).
        full = max(full, _sim(a[1], b[1]))
    if not (a[2] or b[2]):  # all-vowel names (Io, Aa): only the full key speaks
        return full
    w_full, w_skel, w_coarse = KEY_WEIGHTS
    return w_full * full + w_skel * _sim(a[2], b[2]) + w_coarse * _sim(a[3], b[3])


def _token_similarity(a: TokenKey, b: TokenKey) -> float:
    if a.keys == b.keys:
        return 1.0
    cross = a.arabic != b.arabic
    sim = _keys_similarity(a.keys, b.keys, cross)
    if a.article or b.article:
        bare = _keys_similarity(a.bare, b.bare, cross)
        if a.article != b.article:
            bare -= ARTICLE_PENALTY
        sim = max(sim, bare)
    return sim


def _aligned(a: NameKey, b: NameKey) -> float:
    pairs = sorted(
        (
            (_token_similarity(ta, tb), i, j)
            for i, ta in enumerate(a.tokens)
            for j, tb in enumerate(b.tokens)
        ),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    total = weight = 0.0
    for sim, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        # Longer tokens carry more evidence than a one-letter initial.
        w = float(max(1, len(a.tokens[i].bare[0]) + len(b.tokens[j].bare[0])))
        total += sim * w
        weight += w
    extra = len(a.tokens) + len(b.tokens) - 2 * len(used_a)
    return (total / weight) * (1.0 - EXTRA_TOKEN_PENALTY) ** extra


def key_similarity(a: NameKey, b: NameKey) -> float:
    """``similarity`` on precomputed keys (``name_key``), for one name against many."""
    if not a.tokens or not b.tokens:
        return 0.0
    if len(a.tokens) == len(b.tokens) == 1:
        return _token_similarity(a.tokens[0], b.tokens[0])
    if [t.keys for t in a.tokens] == [t.keys for t in b.tokens]:
        return 1.0
    if a.joined > b.joined:
        a, b = b, a  # one fixed order, so ties in the alignment break the same both ways
    joined = _keys_similarity(a.joined, b.joined, a.arabic != b.arabic)
    return max(_aligned(a, b), joined)


def similarity(a: str, b: str) -> float:
    """How likely two name strings denote the same name, 0..1, in any mix of Arabic and
    Latin script: symmetric, 1.0 for equal names, 0.0 when either has no letters.

    >>> similarity("Abdul Karim Omar", "عبد الكريم عمر") >= MATCH_THRESHOLD
    True
    """
    return key_similarity(name_key(a), name_key(b))


def best_match(
    name: str,
    candidates: Sequence[str],
    *,
    limit: int | None = None,
    min_score: float = 0.0,
) -> list[tuple[str, float]]:
    """``candidates`` with their similarity to ``name``, best first (ties keep their
    order); at most ``limit`` of them, none below ``min_score``."""
    key = name_key(name)
    scored = [(c, key_similarity(key, name_key(c))) for c in candidates]
    scored = [pair for pair in scored if pair[1] >= min_score]
    scored.sort(key=lambda pair: -pair[1])
    return scored[:limit] if limit is not None else scored
