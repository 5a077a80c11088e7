"""The linker after the real recogniser (the ``mentions`` stage), on the seeds: the whole
pipeline as ``marsad ingest`` runs it, with one registry for the run."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from marsad.entities.link import LinkStage
from marsad.entities.registry import EntityRegistry
from marsad.kb import KnowledgeBase, load_kb
from marsad.pipeline import DEFAULT_STAGES, Pipeline
from marsad.types import Article

pytest.importorskip("marsad.entities.recognize.stage")

# Names in 000 and in 001 that must share one id: (English surface, Arabic surface).
SHARED = [
    ("Abdul Karim Omar", "عبد الكريم عمر"),
    ("Abeer Elia", "عبير إيليا"),
    ("Fanar Al-Kait", "فنر الكعيط"),
    ("Zabidov", "زبيد الله زبيدوف"),
    ("Department of External Relations", "دائرة العلاقات الخارجية"),
    ("AA", "الإدارة الذاتية"),
    ("Syrian Democratic Forces", "قوات سوريا الديمقراطية"),
    ("ISIS", "داعش"),
    ("Qamishlo", "قامشلو"),
    ("Al-Hol camp", "مخيم الهول"),
    ("Baghouz", "الباغوز"),
]


@pytest.fixture(scope="module")
def base() -> Pipeline:
    return Pipeline.from_names([*DEFAULT_STAGES, "mentions"])


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return load_kb(user_dir=tmp_path_factory.mktemp("no-user-kb"))


def _run(
    base: Pipeline, kb: KnowledgeBase, texts: dict[str, str], order: Sequence[str]
) -> dict[str, Article]:
    # One registry for the run; the pipeline checks that link comes after mentions.
    pipeline = Pipeline([*base.stages, LinkStage(kb=kb, registry=EntityRegistry())])
    return {number: pipeline(texts[number]) for number in order}


def _ids(article: Article, surface: str) -> set[str | None]:
    return {m.entity_id for m in article.mentions if article.text[m.start : m.end] == surface}


@pytest.mark.parametrize("order", [("000", "001"), ("001", "000")], ids=["en-ar", "ar-en"])
def test_link_recognized_seeds_share_ids(
    base: Pipeline, kb: KnowledgeBase, seed_texts: dict[str, str], order: tuple[str, str]
) -> None:
    linked = _run(base, kb, seed_texts, order)
    for english, arabic in SHARED:
        en, ar = _ids(linked["000"], english), _ids(linked["001"], arabic)
        assert en and None not in en, english
        assert en == ar, (english, arabic)


@pytest.mark.parametrize(
    ("number", "short", "full"),
    [("000", "Omar", "Abdul Karim Omar"), ("003", "جيا كرد", "بدران جيا كرد")],
)
def test_link_recognized_short_forms(
    base: Pipeline,
    kb: KnowledgeBase,
    seed_texts: dict[str, str],
    number: str,
    short: str,
    full: str,
) -> None:
    article = _run(base, kb, seed_texts, (number,))[number]
    full_ids = _ids(article, full) or {
        m.entity_id for m in article.mentions if full in article.text[m.start : m.end]
    }
    assert _ids(article, short) == full_ids != set()


def test_link_recognized_all_seeds_get_identities(
    base: Pipeline, kb: KnowledgeBase, seed_texts: dict[str, str]
) -> None:
    linked = _run(base, kb, seed_texts, sorted(seed_texts))
    for number, article in linked.items():
        unnamed = [article.text[m.start : m.end] for m in article.mentions if not m.entity_id]
        assert not unnamed, (number, unnamed)
