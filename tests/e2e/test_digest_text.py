"""`marsad digest` stays readable on a real store: a hundred outlets or dates are not one
line; the most frequent are named and the rest counted."""

from __future__ import annotations

from collections import Counter

from marsad.cli.render import WIDTH, digest_text
from marsad.ops import Digest


def _digest(outlets: int, days: int) -> Digest:
    by_outlet = {f"outlet-{i:03d}": 1 + i % 7 for i in range(outlets)}
    published = {f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}": 1 for i in range(days)}
    return Digest(
        articles=sum(by_outlet.values()), copies=0, by_lang={"en": 1}, by_outlet=by_outlet,
        published=published, undated=3, date_mentions=0, relative_dates=0,
        removed=Counter(), removed_chars=Counter(), rows=[],
    )  # fmt: skip


def test_digest_names_the_top_outlets_and_counts_the_rest_on_wrapped_lines() -> None:
    text = digest_text(_digest(outlets=129, days=200))
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= WIDTH
    outlet_lines = lines[lines.index(next(x for x in lines if x.startswith("by outlet:"))) :][:4]
    joined = " ".join(outlet_lines)
    assert "… and 117 more" in joined  # 12 named, 117 counted
    assert "outlet-006 7" in joined  # the largest counts come first
    assert "188 earlier days (188 articles)" in text and "undated: 3" in text


def test_digest_of_a_few_outlets_lists_them_all() -> None:
    text = digest_text(_digest(outlets=3, days=2))
    assert "outlet-000 1" in text and "more" not in text
