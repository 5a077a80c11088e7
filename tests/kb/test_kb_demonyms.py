"""Demonyms (``kb/data/demonyms.tsv``): every country is named by its nationality word in
both languages, and a text's "Turkish" or "الروسية" links to the state."""

from __future__ import annotations

import pytest

import marsad
from marsad.entities.link import demonyms
from marsad.kb import KnowledgeBase
from marsad.pipeline import Pipeline

# Countries without a row on purpose: their nationality word names a people across states.
_PEOPLES = {"Q399"}  # Armenia: "Armenian" in this news is the community in Syria


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return marsad.load_pipeline()


def test_kb_demonyms_point_at_countries(shipped_kb: KnowledgeBase) -> None:
    table = demonyms()
    assert table
    wrong = {
        form: entry_id
        for form, entry_id in table.items()
        if (entry := shipped_kb.get(entry_id)) is None or entry.kind != "country"
    }
    assert wrong == {}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_kb_demonyms_cover_every_country(shipped_kb: KnowledgeBase, lang: str) -> None:
    script = (lambda w: w.isascii()) if lang == "en" else (lambda w: not w.isascii())
    named = {entry_id for form, entry_id in demonyms().items() if script(form)}
    countries = {e.id for e in shipped_kb if e.kind == "country"} - _PEOPLES
    assert sorted(countries - named) == []


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("Turkish", "Q43"),
        ("Turks", "Q43"),
        ("التركية", "Q43"),
        ("الأتراك", "Q43"),
        ("Russian", "Q159"),
        ("الروسية", "Q159"),
        ("الروس", "Q159"),
        ("السوريين", "Q858"),
        ("الأميركية", "Q30"),
        ("الأمريكيين", "Q30"),
        ("Iranian", "Q794"),
        ("الإيرانية", "Q794"),
        ("العراقيون", "Q796"),
    ],
)
def test_kb_demonyms_fold_article_feminine_and_plural(form: str, country: str) -> None:
    from marsad.kb import normalise_name

    assert demonyms().get(normalise_name(form)) == country


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Turkish drones struck the village, Russian officials said.", "Turkish", "TR"),
        ("Turkish drones struck the village, Russian officials said.", "Russian", "RU"),
        ("Turkish forces shelled the village of Tal Tamr.", "Turkish forces", "TR"),
        ("قصفت المسيرات التركية القرية بحسب مصادر روسية.", "التركية", "TR"),
        ("قصفت القوات التركية قرية تل تمر.", "القوات التركية", "TR"),
        ("وقالت الصحافة الروسية إن الدورية انطلقت.", "الروسية", "RU"),
        # Broken plurals are recognised as written, then linked like any demonym.
        ("وقال الأتراك إن الهجوم فشل.", "الأتراك", "TR"),
        ("ونفى الروس مشاركتهم في القصف.", "الروس", "RU"),
    ],
)
def test_kb_demonyms_link_mentions_to_the_state(
    pipeline: Pipeline, shipped_kb: KnowledgeBase, text: str, surface: str, country: str
) -> None:
    article = pipeline(text)
    found = [m for m in article.mentions if text[m.start : m.end] == surface]
    assert found, [text[m.start : m.end] for m in article.mentions]
    entry = shipped_kb.get(found[0].entity_id or "")
    assert entry is not None and entry.country == country
