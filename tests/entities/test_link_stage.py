"""LinkStage: its place in the pipeline, what it keeps and fills, and odd input."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from marsad.entities.link import LinkStage
from marsad.entities.registry import EntityRegistry
from marsad.errors import PipelineError
from marsad.kb import KnowledgeBase, load_kb
from marsad.pipeline import CORE_STAGES, Pipeline, registered
from marsad.types import Article, Mention


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return load_kb(user_dir=tmp_path_factory.mktemp("no-user-kb"))


def _article(
    text: str, lang: str, spans: Sequence[tuple[str, str]], article_id: str = "a"
) -> Article:
    """An article whose mentions are (surface, label) found in text order, each after the
    one before."""
    article = Article(id=article_id, source="test", raw=text.encode(), raw_text=text)
    article.text, article.lang = text, lang
    end = 0
    for surface, label in spans:
        start = text.index(surface, end)
        end = start + len(surface)
        article.mentions.append(Mention(start, end, label))
    return article


def test_link_stage_is_registered_after_mentions() -> None:
    assert "link" in registered()
    stage = LinkStage()
    assert stage.requires == ("mentions", "text", "lang") and stage.assigns == ("mentions",)
    with pytest.raises(PipelineError, match="mentions"):
        Pipeline([*Pipeline.from_names(CORE_STAGES).stages, stage])


@pytest.mark.parametrize(
    ("text", "lang", "spans"),
    [
        ("Abeer Elia met Zabidov.", "en", [("Abeer Elia", "PER"), ("Zabidov", "PER")]),
        ("التقت عبير إيليا زبيدوف.", "ar", [("عبير إيليا", "PER"), ("زبيدوف", "PER")]),
    ],
)
def test_link_stage_shares_the_registry_it_is_given(
    kb: KnowledgeBase, text: str, lang: str, spans: list[tuple[str, str]]
) -> None:
    registry = EntityRegistry()
    mark = registry.mark()
    article = _article(text, lang, spans)
    LinkStage(kb=kb, registry=registry)(article)
    ids = [m.entity_id for m in article.mentions]
    assert all(i and i.startswith("L-PER-") for i in ids)
    assert {e.id for e in registry.new_since(mark)} == set(ids)
    # A second stage over the same registry (the next run) links to the same ids.
    again = _article(text, lang, spans, article_id="b")
    LinkStage(kb=kb, registry=registry)(again)
    assert [m.entity_id for m in again.mentions] == ids


@pytest.mark.parametrize(
    ("text", "lang", "spans"),
    [
        ("Abeer Elia spoke.", "en", [("Abeer Elia", "PER")]),
        ("تحدثت عبير إيليا.", "ar", [("عبير إيليا", "PER")]),
    ],
)
def test_link_stage_each_instance_has_its_own_registry(
    kb: KnowledgeBase, text: str, lang: str, spans: list[tuple[str, str]]
) -> None:
    first, second = LinkStage(kb=kb), LinkStage(kb=kb)
    first(_article(text, lang, spans))
    assert len(first.registry) == 1 and len(second.registry) == 0


@pytest.mark.parametrize(
    ("text", "lang", "surface", "label", "entity_id"),
    [
        ("The talks in Qamishlo ended.", "en", "Qamishlo", "GPE", "marsad:place/qamishli"),
        ("انتهت المحادثات في قامشلو.", "ar", "قامشلو", "GPE", "marsad:place/qamishli"),
        (
            "Ambassador Zabidov and Dr. Abdul Karim Omar met.",
            "en",
            "Dr. Abdul Karim Omar",
            "PER",
            "marsad:per/abdul-karim-omar",
        ),
        (
            "التقى الدكتور عبد الكريم عمر بالوفد.",
            "ar",
            "الدكتور عبد الكريم عمر",
            "PER",
            "marsad:per/abdul-karim-omar",
        ),
    ],
)
def test_link_stage_kb_names_get_kb_ids_and_labels(
    kb: KnowledgeBase, text: str, lang: str, surface: str, label: str, entity_id: str
) -> None:
    article = _article(text, lang, [(surface, label)])
    LinkStage(kb=kb)(article)
    (mention,) = article.mentions
    entry = kb.get(entity_id)
    assert entry is not None
    assert (mention.entity_id, mention.name) == (entity_id, entry.label)


def test_link_stage_keeps_an_id_the_recogniser_gave(kb: KnowledgeBase) -> None:
    article = _article("al-Hol was calm.", "en", [("al-Hol", "GPE")])
    article.mentions[0].entity_id = "marsad:facility/al-hol-camp"
    LinkStage(kb=kb)(article)
    assert article.mentions[0].entity_id == "marsad:facility/al-hol-camp"
    assert article.mentions[0].name == "al-Hol camp"


@pytest.mark.parametrize(
    ("text", "lang", "spans", "expected"),
    [
        (
            "Families left al-Hol camp. Later al-Hol was quiet.",
            "en",
            [("al-Hol camp", "FAC"), ("al-Hol", "GPE")],
            "marsad:facility/al-hol-camp",
        ),
        (
            "غادرت العائلات مخيم الهول. ثم هدأت الهول.",
            "ar",
            [("مخيم الهول", "FAC"), ("الهول", "FAC")],
            "marsad:facility/al-hol-camp",
        ),
    ],
)
def test_link_stage_ambiguous_kb_name_resolved(
    kb: KnowledgeBase, text: str, lang: str, spans: list[tuple[str, str]], expected: str
) -> None:
    article = _article(text, lang, spans)
    LinkStage(kb=kb)(article)
    ids = [m.entity_id for m in article.mentions]
    assert ids[0] == expected
    assert ids[1] in ("marsad:place/al-hol", "marsad:facility/al-hol-camp")
    assert ids[1] == ("marsad:place/al-hol" if spans[1][1] == "GPE" else expected)


@pytest.mark.parametrize(
    "mentions",
    [
        [Mention(-3, 2, "PER")],
        [Mention(5, 500, "PER")],
        [Mention(4, 4, "ORG")],
        [Mention(7, 3, "GPE")],
        [Mention(0, 3, "PER")],  # "---": no letters
        [Mention(4, 9, "WEIRD")],
        [Mention(4, 9, "PER"), Mention(4, 9, "PER")],  # the same span twice
    ],
)
@pytest.mark.parametrize("lang", ["en", "ar", None])
def test_link_stage_odd_mentions_never_crash(
    kb: KnowledgeBase, mentions: list[Mention], lang: str | None
) -> None:
    text = "--- Zorava spoke, and الهول too."
    article = Article(id="odd", source="test", raw=b"", raw_text=text, text=text, lang=lang)
    article.mentions = mentions
    LinkStage(kb=kb)(article)
    for m in article.mentions:
        if 0 <= m.start < m.end <= len(text) and any(c.isalpha() for c in text[m.start : m.end]):
            assert m.entity_id and m.name
        else:
            assert m.entity_id is None and m.name is None


@pytest.mark.parametrize("text", ["", " ", "\u200f\u200e", "the organization " * 3, "التنظيم"])
def test_link_stage_articles_without_mentions(kb: KnowledgeBase, text: str) -> None:
    article = Article(id="empty", source="test", raw=b"", raw_text=text, text=text, lang="en")
    LinkStage(kb=kb)(article)
    assert article.mentions == []


def test_link_stage_relinking_changes_nothing(kb: KnowledgeBase) -> None:
    text = "Omar met Natalia Barkal in Qamishlo. Barkal left; the organization said nothing."
    article = _article(
        text, "en", [("Omar", "PER"), ("Natalia Barkal", "PER"), ("Qamishlo", "GPE")]
    )
    later = text.index("Barkal left")
    article.mentions.append(Mention(later, later + len("Barkal"), "PER"))
    stage = LinkStage(kb=kb)
    stage(article)
    first = [(m.start, m.entity_id, m.name) for m in article.mentions]
    stage(article)
    assert [(m.start, m.entity_id, m.name) for m in article.mentions] == first
    assert first[1][1] == first[3][1]  # "Barkal" is Natalia Barkal
    assert len(stage.registry) == 2  # Omar (this article's) and Natalia Barkal


@pytest.mark.parametrize(
    ("text", "surface"),
    [("Путин spoke.", "Путин"), ("習近平 spoke.", "習近平"), ("ⅫⅫ spoke.", "ⅫⅫ")],
)
def test_link_stage_names_in_other_scripts(kb: KnowledgeBase, text: str, surface: str) -> None:
    article = _article(text, "en", [(surface, "PER")])
    LinkStage(kb=kb)(article)
    assert article.mentions[0].entity_id and article.mentions[0].name == surface


def test_link_stage_random_input_never_crashes(kb: KnowledgeBase) -> None:
    rng = random.Random(5)
    alphabet = "abcXYZ عمرداعشالتنظيم()-'’.\n\u064b\u200f😀Путин0123"
    stage = LinkStage(kb=kb)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        article = Article(id="r", source="t", raw=b"", raw_text=text, text=text, lang="ar")
        for _ in range(rng.randint(0, 6)):
            start = rng.randint(-2, len(text) + 2)
            label = rng.choice(["PER", "ORG", "GPE", "LOC", "FAC", "NORP", "X"])
            article.mentions.append(Mention(start, start + rng.randint(-1, 12), label))
        stage(article)
