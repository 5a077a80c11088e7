"""The gazetteer: KB names found word by word, across clitics, spellings and capitals."""

from __future__ import annotations

import pytest

from marsad.entities.recognize import Recognizer, tokenize
from marsad.entities.recognize.spans import Candidate


@pytest.fixture(scope="module")
def rec() -> Recognizer:
    return Recognizer(model=False)


def found(rec: Recognizer, text: str, lang: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.label) for c in rec.recognize_block(text, 0, len(text), lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("وصل الوفد وقامشلو هادئة", "ar", ("قامشلو", "GPE")),
        ("دعم للإدارة الذاتية في المنطقة", "ar", ("إدارة الذاتية", "ORG")),
        ("وقع انفجار بالحسكة أمس", "ar", ("الحسكة", "GPE")),
        ("The delegation reached Qamishlo on Friday", "en", ("Qamishlo", "GPE")),
        ("Families left al-Hol camp yesterday", "en", ("al-Hol camp", "FAC")),
    ],
)
def test_recognize_gazetteer_clitics_and_articles(
    rec: Recognizer, text: str, lang: str, expected: tuple[str, str]
) -> None:
    assert expected in found(rec, text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "longest"),
    [
        ("قصفت قوات سوريا الديمقراطية مواقع", "ar", "قوات سوريا الديمقراطية"),
        ("the Syrian Democratic Forces said", "en", "Syrian Democratic Forces"),
    ],
)
def test_recognize_gazetteer_longest_match_wins(
    rec: Recognizer, text: str, lang: str, longest: str
) -> None:
    names = [t for t, _ in found(rec, text, lang)]
    assert names == [longest]


@pytest.mark.parametrize(
    ("text", "acronym"),
    [("Attacks by IS continued", True), ("The attack is over", False), ("The AA said", True)],
)
def test_recognize_gazetteer_acronyms_need_capitals(
    rec: Recognizer, text: str, acronym: bool
) -> None:
    labels = found(rec, text, "en")
    assert (len(labels) == 1) is acronym


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("كتب على ورقة بيضاء", "ar", "ورقة"),  # و + رقة must not be الرقة
        ("فتح الباب أمام الحوار", "ar", "الباب"),  # the door, not the town of al-Bab
        ("is a mare in the field", "en", "mare"),
    ],
)
def test_recognize_gazetteer_everyday_words_are_not_places(
    rec: Recognizer, text: str, lang: str, word: str
) -> None:
    assert all(word not in t for t, _ in found(rec, text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("دخل الجيش مدينة الباب", "ar", ("الباب", "GPE")),
        ("The battle for al-Bab", "en", ("al-Bab", "GPE")),
    ],
)
def test_recognize_gazetteer_place_cue_makes_a_place(
    rec: Recognizer, text: str, lang: str, expected: tuple[str, str]
) -> None:
    assert any(expected[0] in t and label == expected[1] for t, label in found(rec, text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("داخل الأراضي السورية", "ar", ("السورية", "NORP")),
        ("a Tajik delegation", "en", ("Tajik", "NORP")),
        ("زار الوفد سورية", "ar", ("سورية", "GPE")),
    ],
)
def test_recognize_gazetteer_nationalities(
    rec: Recognizer, text: str, lang: str, expected: tuple[str, str]
) -> None:
    assert expected in found(rec, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"), [("وصل الوفد إلى واشنطن وبكين", "ar"), ("سافر إلى نيويورك", "ar")]
)
def test_recognize_gazetteer_world_places_in_arabic(rec: Recognizer, text: str, lang: str) -> None:
    assert any(label == "GPE" for _, label in found(rec, text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "entity"),
    [
        ("عاد إلى قامشلو", "ar", "marsad:place/qamishli"),
        ("back in Qamishli", "en", "marsad:place/qamishli"),
    ],
)
def test_recognize_gazetteer_prefills_unique_ids(
    rec: Recognizer, text: str, lang: str, entity: str
) -> None:
    cands = rec.recognize_block(text, 0, len(text), lang)
    assert [c.entity_id for c in cands] == [entity]


@pytest.mark.parametrize(("text", "lang"), [("قرب الهول", "ar"), ("near al-Hol", "en")])
def test_recognize_gazetteer_ambiguous_names_leave_the_id_to_the_linker(
    rec: Recognizer, text: str, lang: str
) -> None:
    cands: list[Candidate] = rec.recognize_block(text, 0, len(text), lang)
    assert len(cands) == 1 and cands[0].entity_id is None


@pytest.mark.parametrize(
    ("word", "cut", "rest"),
    [("وقامشلو", 1, "قامشلو"), ("بالحسكة", 1, "الحسكة"), ("للإدارة", 2, "إدارة")],
)
def test_recognize_tokens_proclitic_variants(word: str, cut: int, rest: str) -> None:
    token = tokenize(word)[0]
    assert (cut, tokenize(rest)[0].key) in token.variants


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Turkey's role", ["Turkey", "s", "role"]),
        ("al-Sina’a prison", ["al", "Sina’a", "prison"]),
        ("U.S.-led", ["U.S.", "led"]),
        ("عُقِدَ اجتماع", ["عُقِدَ", "اجتماع"]),
    ],
)
def test_recognize_tokens_words_and_offsets(text: str, words: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == words
    assert all(text[t.start : t.end] == t.text for t in tokens)
