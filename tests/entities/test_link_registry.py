"""EntityRegistry: local ids shared across articles and scripts, kept apart when a name
alone cannot tell people apart, deterministic, and plain data for the store."""

from __future__ import annotations

import re

import pytest

from marsad.entities.registry import EntityRegistry, LocalEntity


def _resolve(registry: EntityRegistry, name: str, scope: str, label: str = "PER") -> str:
    lang = "ar" if re.search("[\u0600-\u06ff]", name) else "en"
    return registry.resolve(name, label, lang, scope=scope)[0]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Abeer Elia", "عبير إيليا"),
        ("عبير إيليا", "Abeer Elia"),
        ("Fanar Al-Kait", "فنر الكعيط"),
        ("Zabidov", "زبيد الله زبيدوف"),
        ("زبيد الله زبيدوف", "Zabidov"),
        ("زبيدوف", "Zabidov"),
        ("Ruslan Dzuriev", "رسلان دزوريف"),
        ("Ilham Ahmed", "Elham Ahmad"),
        ("Badran Jia Kurd", "Badran Jiakurd"),
        ("Abdulkarim Omar", "Abdul Karim Omar"),
    ],
)
def test_link_registry_one_person_one_id(first: str, second: str) -> None:
    registry = EntityRegistry()
    a = _resolve(registry, first, "article-1")
    b = _resolve(registry, second, "article-2")
    assert a == b and a.startswith("L-PER-")
    assert len(registry) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Only a given name or a family name in common.
        ("Abdul Karim Omar", "Omar"),
        ("Omar Khalil", "Omar"),
        ("Omar", "Omar"),
        ("عمر", "عمر"),
        ("Omar Khalil", "Omar Hassan"),
        ("Abeer Elia", "Abeer Hassan"),
        ("عبير إيليا", "عبير حسن"),
        ("Ruslan Zabidov", "Zubaid Allah Zabidov"),
        ("Ahmed Hassan", "Mohammed Hassan"),
        # Names one letter apart that are other names.
        ("Hassan Zorava", "حسين زورافا"),
        ("Mohammed Ali", "Mahmoud Ali"),
    ],
)
def test_link_registry_different_people_stay_apart(first: str, second: str) -> None:
    registry = EntityRegistry()
    assert _resolve(registry, first, "article-1") != _resolve(registry, second, "article-2")


def test_link_registry_distinctive_part_merges_only_when_unique() -> None:
    registry = EntityRegistry()
    ruslan = _resolve(registry, "Ruslan Zabidov", "a1")
    assert _resolve(registry, "Zabidov", "a2") == ruslan
    zubaid = _resolve(registry, "Zubaid Allah Zabidov", "a3")
    assert zubaid != ruslan
    # Two Zabidovs are known now: "Zabidov" alone names neither.
    alone = _resolve(registry, "Zabidov", "a4")
    assert alone not in (ruslan, zubaid)
    assert _resolve(registry, "Zabidov", "a4") == alone  # the same article again: same id
    assert _resolve(registry, "Zabidov", "a5") != alone


@pytest.mark.parametrize("name", ["Omar", "عمر", "Mohammed", "محمد", "Ali"])
def test_link_registry_common_name_is_scoped_to_its_article(name: str) -> None:
    registry = EntityRegistry()
    first = _resolve(registry, name, "article-1")
    assert _resolve(registry, name, "article-1") == first
    assert _resolve(registry, name, "article-2") != first
    assert len(registry) == 2


def test_link_registry_ids_are_deterministic() -> None:
    names = ["Abeer Elia", "عبير إيليا", "Zabidov", "Omar", "Natalia Barkal"]
    runs = []
    for _ in range(2):
        registry = EntityRegistry()
        runs.append([_resolve(registry, n, f"s{i}") for i, n in enumerate(names)])
    assert runs[0] == runs[1]
    assert all(re.fullmatch(r"L-PER-[0-9a-f]{12}", i) for i in runs[0])


@pytest.mark.parametrize(("label", "other"), [("GPE", "LOC"), ("ORG", "ORG"), ("FAC", "FAC")])
def test_link_registry_places_and_groups_match_by_full_name(label: str, other: str) -> None:
    registry = EntityRegistry()
    first = registry.resolve("Tel Hamis", label, "en")[0]
    assert registry.resolve("تل حميس", other, "ar")[0] == first
    assert first.startswith(f"L-{label}-")
    # A place named in part is another place; a person's label is another namespace.
    assert registry.resolve("Hamis", other, "en")[0] != first
    assert registry.resolve("Tel Hamis", "PER", "en")[0] != first


@pytest.mark.parametrize(
    ("names", "canonical"),
    [
        (["عبير إيليا", "Abeer Elia"], "Abeer Elia"),  # Latin wins at full length
        (["Zabidov", "زبيد الله زبيدوف"], "زبيد الله زبيدوف"),  # full length wins
        (["Ruslan Dzuriev", "Ruslan Dzouriev"], "Ruslan Dzuriev"),  # the first seen
    ],
)
def test_link_registry_canonical_name(names: list[str], canonical: str) -> None:
    registry = EntityRegistry()
    ids = {_resolve(registry, n, f"s{i}") for i, n in enumerate(names)}
    (entity_id,) = ids
    assert registry.resolve(names[0], "PER", "en")[1] == canonical
    assert registry.get(entity_id).canonical == canonical  # type: ignore[union-attr]


def test_link_registry_aliases_are_recorded_not_matched() -> None:
    registry = EntityRegistry()
    entity_id, _ = registry.resolve("Abdul Karim Omar", "PER", "en", aliases=["Omar"])
    entity = registry.get(entity_id)
    assert entity is not None and entity.names == {"en": ["Abdul Karim Omar", "Omar"]}
    assert registry.resolve("Omar", "PER", "en", scope="other")[0] != entity_id


def test_link_registry_round_trips_as_plain_data() -> None:
    registry = EntityRegistry()
    ids = [_resolve(registry, n, f"s{i}") for i, n in enumerate(["Abeer Elia", "Zabidov"])]
    saved = [
        LocalEntity(e.id, e.label, {k: list(v) for k, v in e.names.items()}, e.canonical)
        for e in registry.entities()
    ]
    loaded = EntityRegistry.from_entities(saved)
    assert [e.id for e in loaded.entities()] == ids
    assert loaded.new_since(0) == []
    assert _resolve(loaded, "عبير إيليا", "s9") == ids[0]
    assert _resolve(loaded, "زبيد الله زبيدوف", "s9") == ids[1]
    assert saved[0].names == {"en": ["Abeer Elia"]}  # the registry copied, never mutated


def test_link_registry_new_since_reports_made_and_changed() -> None:
    registry = EntityRegistry()
    abeer = _resolve(registry, "Abeer Elia", "s1")
    mark = registry.mark()
    assert registry.new_since(mark) == []
    _resolve(registry, "Abeer Elia", "s2")  # nothing new learnt
    assert registry.new_since(mark) == []
    _resolve(registry, "عبير إيليا", "s3")
    natalia = _resolve(registry, "Natalia Barkal", "s4")
    assert [e.id for e in registry.new_since(mark)] == [abeer, natalia]


@pytest.mark.parametrize("surface", ["", "   ", "---", "()", "\u064b\u064c", "😀"])
def test_link_registry_refuses_names_without_letters(surface: str) -> None:
    with pytest.raises(ValueError, match="no name"):
        EntityRegistry().resolve(surface, "PER", "en")


@pytest.mark.parametrize("name", ["Путин", "習近平"])
def test_link_registry_other_scripts_match_by_spelling(name: str) -> None:
    registry = EntityRegistry()
    first = registry.resolve(name, "PER", "und")
    assert registry.resolve(name, "PER", "und", scope="elsewhere") == first
    assert registry.resolve(name + "а", "PER", "und")[0] != first[0]
