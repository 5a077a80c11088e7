"""Choosing among KB entries that share a name, and finding KB names spelled another way."""

from __future__ import annotations

import pytest

from marsad.entities.kbchoice import KBMatcher, choose
from marsad.entities.lexicon import kind_cues
from marsad.kb import KnowledgeBase, load_kb

CAMP = "marsad:facility/al-hol-camp"
TOWN = "marsad:place/al-hol"


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return load_kb(user_dir=tmp_path_factory.mktemp("no-user-kb"))


@pytest.mark.parametrize("name", ["al-Hol", "الهول"])
@pytest.mark.parametrize(("label", "expected"), [("FAC", CAMP), ("GPE", TOWN), ("LOC", TOWN)])
def test_link_kbchoice_label_picks_among_shared_names(
    kb: KnowledgeBase, name: str, label: str, expected: str
) -> None:
    candidates = kb.lookup(name)
    assert {e.id for e in candidates} == {CAMP, TOWN}
    chosen = choose(candidates, label)
    assert chosen is not None and chosen.id == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("families were moved to al-Hol camp last year", "al-Hol"),
        ("نقلت العائلات إلى مخيم الهول العام الماضي", "الهول"),
        ("نقلت العائلات إلى ومخيم الهول", "الهول"),
    ],
)
def test_link_kbchoice_words_beside_the_name_win_over_the_label(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    start = text.find(name)
    cues = kind_cues(text, start, start + len(name))
    assert "camp" in cues
    chosen = choose(kb.lookup(name), "GPE", cues)
    assert chosen is not None and chosen.id == CAMP


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        (["Qamishli", "Hasakah"], "marsad:org/asayish"),
        (["Erbil", "Sulaymaniyah"], "marsad:org/krg-asayish"),
    ],
)
def test_link_kbchoice_context_picks_the_related_entry(
    kb: KnowledgeBase, context: list[str], expected: str
) -> None:
    others = [kb.lookup(n)[0] for n in context]
    chosen = choose(kb.lookup("Asayish"), "ORG", (), others)
    assert chosen is not None and chosen.id == expected


def test_link_kbchoice_nothing_to_choose_from() -> None:
    assert choose([], "PER") is None


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("Abdulkarim Omar", "PER", "marsad:per/abdul-karim-omar"),
        ("عبدالكريم عمر", "PER", "marsad:per/abdul-karim-omar"),
        ("Qamishlie", "GPE", "marsad:place/qamishli"),
    ],
)
def test_link_kbchoice_matcher_finds_other_spellings(
    kb: KnowledgeBase, name: str, label: str, expected: str
) -> None:
    assert not kb.lookup(name) or kb.lookup(name)[0].id == expected
    found = KBMatcher(kb).match(name, label)
    assert found is not None and found.id == expected


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Omar", "PER"),  # a part of a KB person's name is no full name
        ("Karim", "PER"),
        ("US", "ORG"),  # too short to trust by sound (IS)
        ("Qamishlie", "PER"),  # a place is no person
        ("Natalia Barkal", "PER"),
    ],
)
def test_link_kbchoice_matcher_refuses(kb: KnowledgeBase, name: str, label: str) -> None:
    assert KBMatcher(kb).match(name, label) is None
