"""Headlines, and the outlet suffix cut from them (never a headline's own dash clause)."""

from __future__ import annotations

import pytest

from marsad.clean.title import looks_like_headline, split_title_suffix


@pytest.mark.parametrize(
    ("title", "head", "suffix"),
    [
        (
            "A Tajik delegation visits the NES External Relations Department in Qamishlo"
            " – ANHA | HAWARNEWS",
            "A Tajik delegation visits the NES External Relations Department in Qamishlo",
            "ANHA | HAWARNEWS",
        ),
        (
            "Local councils elected in Raqqa - Enab Baladi",
            "Local councils elected in Raqqa",
            "Enab Baladi",
        ),
        (
            "Turkish drone strikes a car near Kobani | North Press",
            "Turkish drone strikes a car near Kobani",
            "North Press",
        ),
        (
            "Clashes resume near Manbij - Kurdistan News Network",
            "Clashes resume near Manbij",
            "Kurdistan News Network",
        ),
        (
            "Prices rise in Qamishli markets | Example Daily",
            "Prices rise in Qamishli markets",
            "Example Daily",
        ),
        (
            "اجتماع دولي لمناقشة أوضاع المخيمات – وكالة هاوار",
            "اجتماع دولي لمناقشة أوضاع المخيمات",
            "وكالة هاوار",
        ),
        ("انتخاب مجالس محلية في الرقة | عنب بلدي", "انتخاب مجالس محلية في الرقة", "عنب بلدي"),
        ("قصف تركي على ريف كوباني - موقع الفرات", "قصف تركي على ريف كوباني", "موقع الفرات"),
    ],
)
def test_title_outlet_suffix_is_cut(title: str, head: str, suffix: str) -> None:
    assert split_title_suffix(title) == (head, suffix)


@pytest.mark.parametrize(
    "title",
    [
        "Turkey shells Ain Issa - Kurdish forces respond with artillery",
        "Turkish drones strike near Kobani – SDF",
        "Deir ez-Zor: tribes meet al-Hol officials",
        "Omar: Turkey's trafficking of ISIS from al-Hol is irrefutable evidence",
        "قصف تركي على عين عيسى - وقوات سوريا الديمقراطية ترد",
        "اشتباكات في ريف دير الزور – الحسكة",
        "Talks – Kurds",  # too little headline left to cut
    ],
)
def test_title_dash_clause_of_a_headline_stays(title: str) -> None:
    assert split_title_suffix(title) == (title, None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("AANES calls for international support to guarantee persistent ISIS defeat", True),
        ("اجتماع دولي لمناقشة أوضاع مرتزق داعش وأسرهم في المخيمات", True),
        ("The statement was read at a press conference in Hasakah.", False),
        ("وقرئ البيان في مؤتمر صحفي في الحسكة.", False),
        ("He said:", False),
        ("2022-04-05", False),
        ("8 نيسان 2022", False),
        ("12345", False),
    ],
)
def test_title_headline_shape(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected
