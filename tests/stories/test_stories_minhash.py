from __future__ import annotations

import pytest

from marsad.stories import minhash
from marsad.stories.shingles import shingles


def _edit(text: str) -> str:
    """A copy with other page chrome and one changed word."""
    words = text.split()
    words[len(words) // 2] = "xyz"
    return "Share this article\n" + " ".join(words) + "\nAll rights reserved"


@pytest.mark.parametrize("seed", ["001", "000"], ids=["ar", "en"])
def test_minhash_near_copy_overlaps_and_shares_a_band(
    seed_texts: dict[str, str], seed: str
) -> None:
    text = seed_texts[seed]
    a, b = minhash.signature(shingles(text)), minhash.signature(shingles(_edit(text)))
    assert minhash.overlap(a, b) >= 0.8
    assert set(minhash.band_keys(a)) & set(minhash.band_keys(b))


@pytest.mark.parametrize(("seed", "other"), [("001", "003"), ("000", "002")], ids=["ar", "en"])
def test_minhash_different_articles_do_not_overlap(
    seed_texts: dict[str, str], seed: str, other: str
) -> None:
    a = minhash.signature(shingles(seed_texts[seed]))
    b = minhash.signature(shingles(seed_texts[other]))
    assert minhash.overlap(a, b) < 0.2
    assert not set(minhash.band_keys(a)) & set(minhash.band_keys(b))


def test_minhash_band_keys_fit_sqlite_integers() -> None:
    keys = minhash.band_keys(minhash.signature({b"a b c"}))
    assert len(keys) == minhash.BANDS
    assert all(0 <= k < 2**63 for k in keys)
