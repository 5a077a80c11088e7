"""Arabic people by rule: titles, role phrases, verbs of saying, given names, و lists,
and names found again; with the role written around them."""

from __future__ import annotations

import pytest

from marsad.entities.recognize import Recognizer


@pytest.fixture(scope="module")
def rec() -> Recognizer:
    return Recognizer(model=False)


def people(rec: Recognizer, text: str) -> list[tuple[str, str | None]]:
    out = []
    for c in rec.recognize_block(text, 0, len(text), "ar"):
        if c.label == "PER":
            role = text[c.role_start : c.role_end] if c.role_start is not None else None
            out.append((text[c.start : c.end], role))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل السفير زبيدوف إلى المدينة", ("زبيدوف", "السفير")),
        ("قالت الدكتورة سعاد الخطيب، إن", ("سعاد الخطيب", "الدكتورة")),
        (
            "والسيد رسلان دزوريف السكرتير الثالث في السفارة،",
            ("رسلان دزوريف", "السكرتير الثالث في السفارة"),
        ),
        (
            "أكد المتحدث باسم المجلس العسكري أحمد حسن، أن",
            ("أحمد حسن", "المتحدث باسم المجلس العسكري"),
        ),
    ],
)
def test_recognize_arabic_titles_and_roles(
    rec: Recognizer, text: str, expected: tuple[str, str]
) -> None:
    assert expected in people(rec, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [("وقال محمد العلي إن الوضع صعب", "محمد العلي"), ("ونوه شيرزاد: إن الهجوم فشل", "شيرزاد")],
)
def test_recognize_arabic_speech_verbs(rec: Recognizer, text: str, name: str) -> None:
    assert name in [p for p, _ in people(rec, text)]


def test_recognize_arabic_names_joined_by_and_share_the_role(rec: Recognizer) -> None:
    text = "ونائبا الرئيس سعاد إبراهيم وكاوا حسو، حيث"
    assert people(rec, text) == [
        ("سعاد إبراهيم", "نائبا الرئيس"),
        ("كاوا حسو", "نائبا الرئيس"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("استقبل الوفد أبو بكر البغدادي أمس", "أبو بكر البغدادي"),
        ("شارك عبد الرحمن خليل في اللقاء", "عبد الرحمن خليل"),
        ("حضر صلاح الدين محمود الاجتماع", "صلاح الدين محمود"),
    ],
)
def test_recognize_arabic_compound_names_are_one_part(
    rec: Recognizer, text: str, name: str
) -> None:
    assert name in [p for p, _ in people(rec, text)]


@pytest.mark.parametrize(
    "text",
    [
        "وضع الملف على عاتق المجتمع الدولي",  # على is not علي
        "قبل غروب الشمس بقليل",
        "وأضاف قائلا إن الوضع خطير",
        "لم يحرك الملك ساكنا",
        "بسبب الاجراءات الحالية في المنطقة",
    ],
)
def test_recognize_arabic_everyday_words_are_no_people(rec: Recognizer, text: str) -> None:
    assert people(rec, text) == []


def test_recognize_arabic_name_found_again_by_family_name(rec: Recognizer) -> None:
    text = "قال السيد شيرزاد حمي إن المرحلة صعبة. وأضاف حمي أن الدعم مطلوب"
    assert [p for p, _ in people(rec, text)] == ["شيرزاد حمي", "حمي"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("قال جورج بوش ستزور الوزيرة المنطقة", "جورج بوش"), ("التقى الرئيس مبارك تناولت", "مبارك")],
)
def test_recognize_arabic_names_stop_before_verbs(rec: Recognizer, text: str, name: str) -> None:
    assert [p for p, _ in people(rec, text)] == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("هاجموا مخيم الهول ليلا", ("مخيم الهول", "FAC")), ("في جامعة دمشق", ("جامعة دمشق", "ORG"))],
)
def test_recognize_arabic_bodies_named_after_places(
    rec: Recognizer, text: str, expected: tuple[str, str]
) -> None:
    got = [(text[c.start : c.end], c.label) for c in rec.recognize_block(text, 0, len(text), "ar")]
    assert expected in got
