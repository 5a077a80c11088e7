"""The linker on the seeds: 000 (English) and 001 (Arabic) report one story, so every person,
group and place they share must get one id, in whichever order they are read.

Mentions are built by hand from the cleaned seed texts (offsets found with ``str.find``),
so these tests hold whatever the recogniser does; ``test_link_recognized.py`` runs the same
checks on the recogniser's mentions.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from marsad.entities.link import LinkStage
from marsad.entities.registry import EntityRegistry
from marsad.kb import KnowledgeBase, load_kb
from marsad.pipeline import DEFAULT_STAGES, Pipeline
from marsad.types import Article, Mention

# (surface, label) as a recogniser would mark them; every occurrence is a mention.
MENTIONS = {
    "000": [
        ("Qamishlo", "GPE"),
        ("External Relations Department", "ORG"),
        ("Department of External Relations", "ORG"),
        ("Abdul Karim Omar", "PER"),
        ("Abeer Elia", "PER"),
        ("Fanar Al-Kait", "PER"),
        ("Al-Hasakah (Al-Sina’a) prison", "FAC"),
        ("Al-Hasakah", "GPE"),
        ("Al-Hol camp", "FAC"),
        ("IS", "ORG"),
        ("Daesh", "ORG"),
        ("ISIS", "ORG"),
        ("Islamic State", "ORG"),
        ("Syrian Democratic Forces", "ORG"),
        ("autonomous administration", "ORG"),
        ("AA", "ORG"),
        ("Baghouz", "GPE"),
        ("Ambassador Zabidov", "PER"),
        ("Omar", "PER"),
    ],
    "001": [
        ("زبيد الله زبيدوف", "PER"),
        ("زبيدوف", "PER"),
        ("رسلان دزوريف", "PER"),
        ("دائرة العلاقات الخارجية", "ORG"),
        ("قامشلو", "GPE"),
        ("عبد الكريم عمر", "PER"),
        ("عبير إيليا", "PER"),
        ("فنر الكعيط", "PER"),
        ("سجن الحسكة", "FAC"),
        ("مخيم الهول", "FAC"),
        ("الحسكة", "GPE"),
        ("تنظيم الدولة الإسلامية", "ORG"),
        ("داعش", "ORG"),
        ("الإدارة الذاتية", "ORG"),
        ("قوات سوريا الديمقراطية", "ORG"),
        ("الباغوز", "GPE"),
        ("عمر", "PER"),
    ],
}

# One entity, its surfaces in 000 and in 001.
SHARED = [
    ("Abdul Karim Omar", "عبد الكريم عمر"),
    ("Abeer Elia", "عبير إيليا"),
    ("Fanar Al-Kait", "فنر الكعيط"),
    ("Ambassador Zabidov", "زبيد الله زبيدوف"),
    ("Ambassador Zabidov", "زبيدوف"),
    ("Department of External Relations", "دائرة العلاقات الخارجية"),
    ("External Relations Department", "دائرة العلاقات الخارجية"),
    ("AA", "الإدارة الذاتية"),
    ("autonomous administration", "الإدارة الذاتية"),
    ("Syrian Democratic Forces", "قوات سوريا الديمقراطية"),
    ("ISIS", "داعش"),
    ("Daesh", "داعش"),
    ("IS", "تنظيم الدولة الإسلامية"),
    ("Islamic State", "داعش"),
    ("Qamishlo", "قامشلو"),
    ("Al-Hasakah", "الحسكة"),
    ("Al-Hasakah (Al-Sina’a) prison", "سجن الحسكة"),
    ("Al-Hol camp", "مخيم الهول"),
    ("Baghouz", "الباغوز"),
]

# Golden ids of the KB entities among them.
KB_IDS = {
    "Abdul Karim Omar": "marsad:per/abdul-karim-omar",
    "Fanar Al-Kait": "marsad:per/fanar-al-kait",
    "Department of External Relations": "marsad:org/aanes-department-of-external-relations",
    "AA": "marsad:org/aanes",
    "Syrian Democratic Forces": "marsad:org/sdf",
    "ISIS": "marsad:org/isis",
    "Qamishlo": "marsad:place/qamishli",
    "Al-Hasakah": "marsad:place/al-hasakah",
    "Al-Hasakah (Al-Sina’a) prison": "marsad:facility/al-sinaa-prison",
    "Al-Hol camp": "marsad:facility/al-hol-camp",
    "Baghouz": "marsad:place/al-baghuz",
}


def hand_mentions(text: str, spec: Sequence[tuple[str, str]]) -> list[Mention]:
    """Every whole-word occurrence of each surface; surfaces listed earlier win overlaps."""
    found: list[Mention] = []
    for surface, label in spec:
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            before = text[start - 1 : start]
            # A glued Arabic conjunction or preposition is no part of the name ("وفنر").
            whole = (not before.isalnum() or before in "وبلف") and not text[end : end + 1].isalnum()
            if whole and not any(m.start < end and start < m.end for m in found):
                found.append(Mention(start, end, label))
            start = text.find(surface, end)
    return sorted(found, key=lambda m: m.start)


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return load_kb(user_dir=tmp_path_factory.mktemp("no-user-kb"))


@pytest.fixture(scope="module")
def cleaned(seed_texts: dict[str, str]) -> dict[str, Article]:
    pipeline = Pipeline.from_names(DEFAULT_STAGES)
    return {n: pipeline(seed_texts[n]) for n in MENTIONS}


def _link(
    cleaned: dict[str, Article], order: Sequence[str], kb: KnowledgeBase
) -> dict[str, Article]:
    stage = LinkStage(kb=kb, registry=EntityRegistry())
    out: dict[str, Article] = {}
    for number in order:
        source = cleaned[number]
        article = Article(
            id=source.id,
            source=source.source,
            raw=source.raw,
            raw_text=source.raw_text,
            text=source.text,
            lang=source.lang,
        )
        article.mentions = hand_mentions(article.text, MENTIONS[number])
        assert article.mentions, f"no hand mentions found in {number}"
        stage(article)
        out[number] = article
    return out


def _ids(article: Article, surface: str) -> set[str | None]:
    return {m.entity_id for m in article.mentions if article.text[m.start : m.end] == surface}


@pytest.mark.parametrize("order", [("000", "001"), ("001", "000")], ids=["en-ar", "ar-en"])
@pytest.mark.parametrize(("english", "arabic"), SHARED, ids=[a for a, _ in SHARED])
def test_link_seeds_one_id_across_scripts(
    cleaned: dict[str, Article],
    kb: KnowledgeBase,
    order: tuple[str, str],
    english: str,
    arabic: str,
) -> None:
    linked = _link(cleaned, order, kb)
    en_ids, ar_ids = _ids(linked["000"], english), _ids(linked["001"], arabic)
    assert len(en_ids) == 1 and None not in en_ids, en_ids
    assert en_ids == ar_ids


@pytest.mark.parametrize(("surface", "entity_id"), sorted(KB_IDS.items()))
def test_link_seeds_golden_kb_ids(
    cleaned: dict[str, Article], kb: KnowledgeBase, surface: str, entity_id: str
) -> None:
    linked = _link(cleaned, ("000",), kb)
    assert _ids(linked["000"], surface) == {entity_id}


@pytest.mark.parametrize(
    ("number", "short", "full"),
    [("000", "Omar", "Abdul Karim Omar"), ("001", "عمر", "عبد الكريم عمر")],
)
def test_link_seeds_short_form_takes_the_full_name_id(
    cleaned: dict[str, Article], kb: KnowledgeBase, number: str, short: str, full: str
) -> None:
    article = _link(cleaned, (number,), kb)[number]
    shorts = [m for m in article.mentions if article.text[m.start : m.end] == short]
    assert shorts
    assert {m.entity_id for m in shorts} == _ids(article, full)
    assert {m.name for m in shorts} == {"Abdul Karim Omar"}


def test_link_seeds_local_names_are_canonical_in_latin(
    cleaned: dict[str, Article], kb: KnowledgeBase
) -> None:
    # 001 first: the Arabic spelling is seen first, the Latin one still becomes the name.
    registry = EntityRegistry()
    stage = LinkStage(kb=kb, registry=registry)
    for number in ("001", "000"):
        article = cleaned[number]
        article = Article(article.id, article.source, article.raw, article.raw_text)
        article.text, article.lang = cleaned[number].text, cleaned[number].lang
        article.mentions = hand_mentions(article.text, MENTIONS[number])
        stage(article)
    (abeer,) = _ids(article, "Abeer Elia")
    assert abeer is not None and abeer.startswith("L-PER-")
    entity = registry.get(abeer)
    assert entity is not None and entity.canonical == "Abeer Elia"
    assert entity.names == {"ar": ["عبير إيليا"], "en": ["Abeer Elia"]}
    assert {m.name for m in article.mentions if m.entity_id == abeer} == {"Abeer Elia"}
    # Zabidov's full name is only ever written in Arabic: it is the canonical name.
    (zabidov,) = _ids(article, "Ambassador Zabidov")
    assert zabidov is not None and registry.get(zabidov).canonical == "زبيد الله زبيدوف"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("number", "phrase", "linked_count", "unlinked_before"),
    # 001's first "التنظيم" comes before داعش is named: nothing to refer back to.
    [("000", "the organization", 2, 0), ("001", "التنظيم", 2, 1)],
)
def test_link_seeds_descriptions_refer_back_to_isis(
    cleaned: dict[str, Article],
    kb: KnowledgeBase,
    number: str,
    phrase: str,
    linked_count: int,
    unlinked_before: int,
) -> None:
    article = _link(cleaned, (number,), kb)[number]
    added = [m for m in article.mentions if m.backend == "coref"]
    assert [article.text[m.start : m.end] for m in added] == [phrase] * linked_count
    assert {m.entity_id for m in added} == {"marsad:org/isis"}
    assert all(m.label == "ORG" and m.name == "Islamic State" for m in added)
    first = article.text.find(phrase)
    assert (first < added[0].start) == bool(unlinked_before)
    assert article.mentions == sorted(article.mentions, key=lambda m: (m.start, m.end))


def test_link_seeds_every_mention_gets_an_identity(
    cleaned: dict[str, Article], kb: KnowledgeBase
) -> None:
    linked = _link(cleaned, ("000", "001"), kb)
    for article in linked.values():
        for m in article.mentions:
            assert m.entity_id and m.name, article.text[m.start : m.end]
