"""The linker's language data: titles off names, descriptions found, cue words read."""

from __future__ import annotations

import pytest

from marsad.entities.lexicon import (
    LANGS,
    common_name_parts,
    find_descriptions,
    kind_cues,
    load_lexicon,
    strip_title,
)


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Ambassador Zabidov", "Zabidov"),
        ("Dr. Abdul Karim Omar", "Abdul Karim Omar"),
        ("Foreign Minister Dr. Ahmed Zorava", "Ahmed Zorava"),
        ("Co-chair Abeer Elia", "Abeer Elia"),
        ("Lt. Gen. Mazloum Abdi", "Mazloum Abdi"),
        ("السفير زبيدوف", "زبيدوف"),
        ("والسفير زبيدوف", "زبيدوف"),
        ("الدكتور عبد الكريم عمر", "عبد الكريم عمر"),
        ("الرئيس المشترك عبد الكريم عمر", "عبد الكريم عمر"),
        ("Abeer Elia", "Abeer Elia"),
        ("عبير إيليا", "عبير إيليا"),
        # Nothing would be left: the surface stays whole.
        ("Ambassador", "Ambassador"),
        ("السفير", "السفير"),
        # A title word inside a name is no title.
        ("Salih Muslim", "Salih Muslim"),
    ],
)
def test_link_lexicon_strips_titles(surface: str, name: str) -> None:
    assert strip_title(surface) == name


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("after the defeat of the organization in Baghouz", ["the organization"]),
        ("The organization’s fighters", ["The organization"]),
        ("the terrorist organization attacked", ["the terrorist organization"]),
        ("the organization of the conference", []),
        ("the Organization for Security", []),
        ("the organizations met", []),
        ("وبعد هزيمة التنظيم في الباغوز", ["التنظيم"]),
        ("لمقاتلي التنظيم الإرهابي", ["التنظيم الإرهابي"]),
        ("لمقاتلي التنظيم الارهابي", ["التنظيم الارهابي"]),
        ("وقال للتنظيم", ["للتنظيم"]),  # the article lost its alef: from the preposition
        ("والتنظيم", ["التنظيم"]),
        ("إعادة تنظيم صفوفه", []),
        ("التنظيمات المسلحة", []),
    ],
)
def test_link_lexicon_finds_descriptions(text: str, found: list[str]) -> None:
    lang = "ar" if any("\u0600" <= ch <= "\u06ff" for ch in text) else "en"
    assert [text[s:e] for s, e, _ in find_descriptions(text, lang)] == found


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("in al-Hol camp", "al-Hol", "camp"),
        ("the town of al-Hol", "al-Hol", "town"),
        ("at Rmelan base", "Rmelan", "military_base"),
        ("في مخيم الهول", "الهول", "camp"),
        ("في بلدة الهول", "الهول", "town"),
        ("وسجن غويران", "غويران", "prison"),
    ],
)
def test_link_lexicon_kind_cues(text: str, name: str, kind: str) -> None:
    start = text.find(name)
    assert kind in kind_cues(text, start, start + len(name))


@pytest.mark.parametrize("text", ["al-Hol was quiet", "الهول هادئة"])
def test_link_lexicon_no_cue_no_kind(text: str) -> None:
    name = text.split()[0]
    assert kind_cues(text, 0, len(name)) == set()


@pytest.mark.parametrize("lang", LANGS)
def test_link_lexicon_files_load(lang: str) -> None:
    lexicon = load_lexicon(lang)
    assert lexicon.titles and lexicon.descriptions and lexicon.cues_before
    assert all(d.kinds for d in lexicon.descriptions)


def test_link_lexicon_common_names_in_both_scripts() -> None:
    parts = common_name_parts()
    assert {"Omar", "عمر", "Mohammed", "محمد"} <= set(parts)
    assert len(parts) % 2 == 0
