"""The fixed split is pinned: moving a record between parts would leak held-out data."""

import pytest

from marsad.eval.split import in_part, part_of


@pytest.mark.parametrize(
    ("dataset", "record_id", "expected"),
    [
        ("events", "a", "held-out"),
        ("events", "b", "tune"),
        ("conll2003_en/dev.conll", "conll2003_en/dev.conll#0", "tune"),
        ("conll2003_en/dev.conll", "conll2003_en/dev.conll#1", "held-out"),
        ("anercorp/dev.txt", "anercorp/dev.txt#0", "train"),
        ("anercorp/dev.txt", "anercorp/dev.txt#120", "held-out"),
        ("anercorp/dev.txt", "anercorp/dev.txt#80", "tune"),
    ],
)
def test_split_parts_are_pinned(dataset: str, record_id: str, expected: str) -> None:
    assert part_of(dataset, record_id) == expected


def test_split_blocks_fall_into_every_part_in_proportion() -> None:
    ids = [f"anercorp/dev.txt#{i * 40}" for i in range(2000)]
    parts = [part_of("anercorp/dev.txt", i) for i in ids]
    assert 0.2 < parts.count("held-out") / len(parts) < 0.3
    assert 0.2 < parts.count("tune") / len(parts) < 0.3
    assert all(in_part("anercorp/dev.txt", i, "all") for i in ids)


def test_split_rejects_an_unknown_part() -> None:
    with pytest.raises(ValueError, match="part must be one of"):
        in_part("events", "x", "test")
