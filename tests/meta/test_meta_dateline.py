"""find_dateline: the place and outlet that open a story, in both scripts."""

from __future__ import annotations

import pytest

from marsad.meta.dateline import Dateline, find_dateline
from marsad.meta.outlets import outlets


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "HASAKAH, Syria (North Press) – The Autonomous Administration of North and East Syria",
            Dateline("Hasakah", "North Press"),
        ),
        ("BEIRUT, April 8 (Reuters) - Syrian forces said", Dateline("Beirut", "Reuters")),
        ("QAMISHLI (Qamishli Post) – The council met", Dateline("Qamishli", "Qamishli Post")),
        ("BEIRUT — The government said on Tuesday", Dateline("Beirut", None)),
        ("SANA – Syrian army units", Dateline(None, "SANA")),
        ("قامشلو - هاوار\nوصل اليوم وفد", Dateline("قامشلو", "ANHA")),
        ("الحسكة – نورث برس أكد مصدر في الإدارة", Dateline("الحسكة", "North Press")),
        ("قامشلو/ هاوار", Dateline("قامشلو", "ANHA")),
        ("مركز الأخبار – هاوار", Dateline(None, "ANHA")),
        ("إدلب - وكالة جديدة", Dateline("إدلب", "وكالة جديدة")),
        ("دمشق - خاص", Dateline("دمشق", None)),
    ],
)
def test_dateline_reads_place_and_outlet(paragraph: str, expected: Dateline) -> None:
    assert find_dateline(paragraph, outlets()) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "Damascus - The government said today that the talks would resume next week",
        "AANES – the administration said",
        "Abdul Karim Omar explained that the trafficking operation",
        "Al-Hol camp – home to 65,000 people – is the most dangerous",
        "وصل اليوم الجمعة 8 نيسان، وفد طاجاكستاني برئاسة الدكتور",
        "أكد الرئيس المشترك - في تصريح للصحافة - أن الاجتماع",
        "",
    ],
)
def test_dateline_leaves_prose_alone(paragraph: str) -> None:
    assert find_dateline(paragraph, outlets()) is None
