"""MinHash signatures of shingle sets and their LSH band keys.

A signature of ``NUM_PERM`` values estimates the Jaccard overlap of two shingle sets; its
first ``BANDS * ROWS`` values are cut into bands, and two articles that agree on a whole
band become near-duplicate candidates. With 16 bands of 5 rows, a pair at overlap 0.7 is a
candidate with probability 0.95, at 0.8 with 0.998, at 0.5 with 0.40, at 0.3 with 0.04:
candidates are then verified on the full signature, so misses matter more than extra
candidates.
"""

from __future__ import annotations

import hashlib

import numpy as np

NUM_PERM = 128
BANDS = 16
ROWS = 5
_SEED = 1  # fixed: signatures stored today must compare with those computed tomorrow


def signature(shingle_set: set[bytes]) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint64 values) of a set of shingles."""
    # Imported here: datasketch's package imports scipy.integrate for its LSH (~0.5 s),
    # which commands that never sign an article (search, serve, --help) need not pay.
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=_SEED)
    if shingle_set:
        mh.update_batch(sorted(shingle_set))
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 63-bit key per band (band number mixed in), to store as SQLite INTEGER."""
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(rows, digest_size=8, person=band.to_bytes(2, "big")).digest()
        keys.append(int.from_bytes(digest, "big") >> 1)
    return keys


def overlap(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard overlap of the shingle sets behind two signatures."""
    return float(np.mean(a == b))
