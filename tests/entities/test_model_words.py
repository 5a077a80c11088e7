"""The Arabic words the NER models read: the same folding at training and at run time."""

import pytest

from marsad.entities.recognize.model_words import arabic_form, arabic_words, glued_prefix


@pytest.mark.parametrize(
    ("word", "folded", "norm"),
    [
        ("وبيروت", "وبيروت", "بيروت"),  # the conjunction goes from the norm only
        ("بالحسكة", "بالحسكه", "الحسكه"),
        ("للحكومة", "للحكومه", "الحكومه"),
        ("الإدارة", "الاداره", "الاداره"),
        ("قامشلو", "قامشلو", "قامشلو"),
        ("وزير", "وزير", "زير"),  # consistent, if not a real word: the model sees both
        ("عمر", "عمر", "عمر"),  # too short to lose a letter
    ],
)
def test_model_words_arabic_form(word: str, folded: str, norm: str) -> None:
    assert arabic_form(word) == (folded, norm)


def test_model_words_offsets_cover_words_and_marks() -> None:
    text = "قال الرئيس (د.ب.أ) إنّ"
    assert [text[s:e] for s, e in arabic_words(text)] == [
        "قال", "الرئيس", "(", "د", ".", "ب", ".", "أ", ")", "إنّ",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("بالحسكة", "الحسكة"),
        ("وَالحكومة", "الحكومة"),
        ("وبالحسكة", "الحسكة"),
        ("وليد", "وليد"),  # a name that begins with the conjunction's letter
        ("واشنطن", "واشنطن"),
        ("فلسطين", "فلسطين"),
        ("وبيروت", "وبيروت"),  # no article: the gazetteer, not the model, finds the cut
    ],
)
def test_model_words_names_start_after_a_clitic_glued_to_the_article(word: str, name: str) -> None:
    assert word[glued_prefix(word) :] == name
