"""Name comparison part by part, common parts, and the blocking index behind the registry."""

from __future__ import annotations

import pytest

from marsad.entities.blocking import NameIndex
from marsad.entities.matching import CommonParts, MatchConfig, compare
from marsad.names import name_key


@pytest.mark.parametrize(
    ("a", "b", "full"),
    [
        ("Abeer Elia", "عبير إيليا", True),
        ("Elia Abeer", "Abeer Elia", True),  # order does not matter
        ("Badran Jia Kurd", "Badran Jiakurd", True),  # parts run together
        ("Omar", "Abdul Karim Omar", False),
        ("جيا كرد", "بدران جيا كرد", False),
        ("Zabidov", "زبيد الله زبيدوف", False),
    ],
)
def test_link_matching_compare_matches(a: str, b: str, full: bool) -> None:
    found, back = compare(name_key(a), name_key(b)), compare(name_key(b), name_key(a))
    assert found is not None and found.full is full
    assert back is not None and back.full is full  # symmetric


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Abeer Elia", "Abeer Hassan"),
        ("Omar Khalil", "Abdul Karim Omar"),
        ("Hassan", "حسين"),
        ("Mohammed", "Mahmoud"),
        ("Hassan", "Hussein"),
        ("", "Omar"),
        ("---", "---"),
    ],
)
def test_link_matching_compare_refuses(a: str, b: str) -> None:
    assert compare(name_key(a), name_key(b)) is None


def test_link_matching_thresholds_are_configurable() -> None:
    a, b = name_key("Hassan"), name_key("حسين")  # 0.875 across scripts
    assert compare(a, b) is None
    assert compare(a, b, MatchConfig(part=0.85)) is not None
    c, d = name_key("Ahmad"), name_key("Ahmed")  # 0.9 in one script
    assert compare(c, d) is not None
    assert compare(c, d, MatchConfig(same_script=0.92)) is None


@pytest.mark.parametrize(
    ("part", "common"),
    [
        ("Omar", True),
        ("عمر", True),
        ("Mohamed", True),  # a spelling the list does not give
        ("محمد", True),
        ("Abdulkarim", True),
        ("Ali", True),
        ("Zabidov", False),
        ("زبيدوف", False),
        ("Elia", False),
    ],
)
def test_link_matching_common_parts(part: str, common: bool) -> None:
    (token,) = name_key(part).tokens
    assert CommonParts().is_common(token) is common


@pytest.mark.parametrize(
    ("part", "distinctive"), [("Zabidov", True), ("Omar", False), ("Elia", True), ("Al", False)]
)
def test_link_matching_distinctive_parts(part: str, distinctive: bool) -> None:
    (token,) = name_key(part).tokens
    assert CommonParts().is_distinctive(token) is distinctive


def test_link_matching_index_finds_by_rare_part_and_counts_parts() -> None:
    index: NameIndex[str] = NameIndex(cap=3)
    for i in range(5):  # a common given name: over the cap
        index.add(name_key(f"Mohammed Zorava{i}"), f"m{i}")
    index.add(name_key("Mohammed Zabidov"), "target")
    index.add(name_key("Ruslan Zabidov"), "ruslan")
    found = index.candidates(name_key("محمد زبيدوف"))
    assert found == {"target": 2, "ruslan": 1}
    assert index.count(name_key("Mohammed").tokens[0]) == 6


def test_link_matching_index_all_common_parts_intersect() -> None:
    index: NameIndex[str] = NameIndex(cap=2)
    for i in range(4):
        index.add(name_key(f"Mohammed Omar{'x' * i}"), f"a{i}")
        index.add(name_key(f"Ali Hassan{'y' * i}"), f"b{i}")
    index.add(name_key("Mohammed Ali"), "target")
    index.add(name_key("Ali Mohammed"), "other")
    found = index.candidates(name_key("Mohamed Aly"))
    assert set(found) >= {"target"} and all(n == 2 for n in found.values())
    assert len(found) <= 2 + 1  # the cap, and the joined key's own hits
