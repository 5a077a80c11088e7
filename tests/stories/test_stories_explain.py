from __future__ import annotations

import pytest

from marsad.stories.explain import LinkExplanation

CASES = [
    LinkExplanation("story", "a1", entities=6, dates=("2022-04-08",), speakers=2, cosine=0.82,
                    rank=1, ranked=40, ranked_lang="ar"),
    LinkExplanation("story", "b2", entities=3, numbers=2, cosine=0.91, rank=2, ranked=5,
                    ranked_lang="en"),
]  # fmt: skip


@pytest.mark.parametrize("why", CASES, ids=["ar", "en"])
def test_explain_round_trips_through_json(why: LinkExplanation) -> None:
    assert LinkExplanation.from_json(why.to_json()) == why


def test_explain_text_names_what_was_shared() -> None:
    assert CASES[0].text() == (
        "same 6 entities, same date 2022-04-08, same 2 quoted speakers, "
        "embedding 0.82 rank 1 of 40 ar"
    )
    assert "2 shared numbers" in CASES[1].text()
    assert "overlap 0.93" in LinkExplanation("duplicate", "x", overlap=0.93).text()
    assert "no earlier article" in LinkExplanation("founder").text()
