"""Within-article coreference: short forms join the nearest fuller name, spelling variants
join, KB entities never merge; descriptions refer back only when it is clear."""

from __future__ import annotations

import pytest

from marsad.entities.coref import Linked, Named, cluster, refer_back
from marsad.kb import normalise_name
from marsad.names import name_key


def _named(start: int, name: str, label: str = "PER", kb_id: str | None = None) -> Named:
    return Named(start, label, name_key(name), normalise_name(name), kb_id)


def _groups(named: list[Named]) -> list[set[int]]:
    roots = cluster(named)
    groups: dict[int, set[int]] = {}
    for i, root in enumerate(roots):
        groups.setdefault(root, set()).add(i)
    return sorted(groups.values(), key=min)


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Abdul Karim Omar", "Omar"),
        ("عبد الكريم عمر", "عمر"),
        ("بدران جيا كرد", "جيا كرد"),
        ("زبيد الله زبيدوف", "زبيدوف"),
        ("Zubaid Allah Zabidov", "Zabidov"),
    ],
)
def test_link_coref_short_form_joins_full_name(full: str, short: str) -> None:
    named = [_named(0, full), _named(50, short), _named(90, short)]
    assert _groups(named) == [{0, 1, 2}]


@pytest.mark.parametrize(
    ("first", "second", "short"),
    [("Omar Khalil", "Abdul Karim Omar", "Omar"), ("عمر خليل", "عبد الكريم عمر", "عمر")],
)
def test_link_coref_short_form_takes_the_nearest_full_name(
    first: str, second: str, short: str
) -> None:
    named = [_named(0, first), _named(10, short), _named(40, second), _named(60, short)]
    assert _groups(named) == [{0, 1}, {2, 3}]


def test_link_coref_short_form_before_its_full_name() -> None:
    # A headline names "Omar"; the body gives his full name.
    named = [_named(0, "Omar"), _named(80, "Abdul Karim Omar", kb_id="marsad:per/x")]
    assert _groups(named) == [{0, 1}]


@pytest.mark.parametrize(
    ("a", "b"), [("Abeer Elia", "عبير إيليا"), ("Ahmad Zorava", "Ahmed Zorava")]
)
def test_link_coref_spelling_variants_join(a: str, b: str) -> None:
    assert _groups([_named(0, a), _named(30, b)]) == [{0, 1}]


def test_link_coref_never_merges_two_kb_entities() -> None:
    named = [
        _named(0, "Salih Muslim", kb_id="Q1"),
        _named(20, "Saleh Moslem", kb_id="Q2"),
        _named(40, "Salih Moslem"),
    ]
    groups = _groups(named)
    assert {0} in groups or {0, 2} in groups
    assert not any({0, 1} <= g for g in groups)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Omar", "Omar Khalil"),  # other labels: an ORG named like a person is no person
        ("Hasakah", "Hasakah prison"),
    ],
)
def test_link_coref_part_of_name_joins_people_only(a: str, b: str) -> None:
    assert _groups([_named(0, a, "ORG"), _named(20, b, "ORG")]) == [{0}, {1}]


def _org(start: int, end: int, entity_id: str | None, kind: str | None) -> Linked:
    return Linked(start, end, entity_id, entity_id, True, kind)


def _taken(start: int, end: int) -> bool:
    return False


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ISIS attacked. ISIS fled. After the defeat of the organization, calm.", "en"),
        ("هاجم داعش. فر داعش. وبعد هزيمة التنظيم عاد الهدوء.", "ar"),
    ],
)
def test_link_coref_description_refers_to_the_organisation_in_focus(text: str, lang: str) -> None:
    word = "ISIS" if lang == "en" else "داعش"
    first = text.find(word)
    second = text.find(word, first + 1)
    mentions = [
        _org(first, first + len(word), "isis", "armed_group"),
        _org(second, second + len(word), "isis", "armed_group"),
    ]
    (ref,) = refer_back(text, lang, mentions, _taken)
    assert ref.entity_id == "isis"
    assert text[ref.start : ref.end] in ("the organization", "التنظيم")


@pytest.mark.parametrize(
    ("mentions", "why"),
    [
        ([], "nothing named before"),
        ([_org(0, 4, "isis", "armed_group"), _org(20, 24, None, None)], "an unknown org between"),
        ([_org(0, 4, "isis", "armed_group"), _org(20, 24, "sdf", "armed_group")], "a tie"),
        ([_org(0, 4, "aanes", "government")], "no org of a fitting kind"),
    ],
)
def test_link_coref_description_left_alone_when_unclear(mentions: list[Linked], why: str) -> None:
    text = "ISIS and XXXX fought. Then the organization said it had won."
    assert refer_back(text, "en", mentions, _taken) == [], why


@pytest.mark.parametrize(
    "text",
    [
        "ISIS ISIS. The organization of the conference was poor.",
        "ISIS ISIS. The Organization for Security met.",
        "ISIS ISIS. the organizations met.",
    ],
)
def test_link_coref_description_is_no_reference_here(text: str) -> None:
    mentions = [_org(0, 4, "isis", "armed_group"), _org(5, 9, "isis", "armed_group")]
    assert refer_back(text, "en", mentions, _taken) == []


def test_link_coref_description_never_overlaps_a_mention() -> None:
    text = "ISIS ISIS. After the organization left."
    mentions = [_org(0, 4, "isis", "armed_group"), _org(5, 9, "isis", "armed_group")]
    assert refer_back(text, "en", mentions, lambda s, e: True) == []
