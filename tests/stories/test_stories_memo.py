"""Story views remember quote vectors: the second view asks the model for nothing."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from marsad.stories.memo import MemoEmbedder


class CountingEmbedder:
    name = "counting"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.asked.extend(texts)
        return np.array([[float(len(t)), float(sum(map(ord, t)))] for t in texts]).reshape(-1, 2)


@pytest.mark.parametrize(
    "texts", [["We call on the world", "to act now"], ["ندعو المجتمع الدولي", "للتحرك الآن"]]
)
def test_memo_embeds_each_text_once(texts: list[str]) -> None:
    inner = CountingEmbedder()
    memo = MemoEmbedder(inner)
    first = memo.embed([*texts, texts[0]])
    again = memo.embed(list(reversed(texts)))
    assert inner.asked == texts
    assert np.array_equal(first[0], first[2]) and np.array_equal(again[0], first[1])
    assert memo.embed([]).shape == (0, 2)


def test_memo_forgets_the_oldest_beyond_its_size() -> None:
    inner = CountingEmbedder()
    memo = MemoEmbedder(inner, size=2)
    memo.embed(["a", "b", "c"])
    memo.embed(["a"])
    assert inner.asked == ["a", "b", "c", "a"]
