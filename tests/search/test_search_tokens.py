from __future__ import annotations

from itertools import pairwise

import pytest

from marsad.search import shadow_text, tokenize, word_key
from marsad.search.tokens import key_variants


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("الإدارة", "الادارة"),  # hamza under alef
        ("الأستقرار", "الاستقرار"),  # hamza over alef
        ("آلية", "الية"),  # madda
        ("والإدارة", "الادارة"),  # و + article
        ("بالإدارة", "ادارة"),  # ب + article
        ("للإدارة", "الإدارة"),  # ل + article, alef dropped
        ("مدرسة", "مدرسه"),  # ta marbuta
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("الإِدَارَة", "الإدارة"),  # diacritics
        ("الإدارـــة", "الإدارة"),  # tatweel
        ("مسؤول", "مسوول"),  # hamza on waw
        ("٢٠٢٢", "2022"),  # Arabic-Indic digits
        ("Attacks", "attack"),
        ("militias", "Militia"),
        ("Turkey’s", "turkey"),
        ("Serêkaniyê", "Serekaniye"),
        ("cities", "city"),
    ],
)
def test_search_tokens_fold_variants_to_one_key(written: str, searched: str) -> None:
    assert word_key(written) == word_key(searched)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("وزير", "زير"),  # a one-letter proclitic is not stripped in the index
        ("والي", "ي"),  # too short a stem to take وال off
        ("ISIS", "isi"),  # "is" endings are not plurals
        ("press", "pres"),
        ("news", "new"),
    ],
)
def test_search_tokens_keep_different_words_apart(a: str, b: str) -> None:
    assert word_key(a) != word_key(b)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_search_tokens_offsets_map_back_to_original(lang: str, seed_texts: dict[str, str]) -> None:
    text = seed_texts["001" if lang == "ar" else "000"]
    tokens = tokenize(text)
    assert len(tokens) > 100
    # token i of the shadow text is word i of the original, at its offsets
    assert shadow_text(text).split(" ") == [t.key for t in tokens]
    for t in tokens:
        assert word_key(text[t.start : t.end]) == t.key
    assert all(a.end <= b.start for a, b in pairwise(tokens))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("الإِدارة الذاتية", ["الإِدارة", "الذاتية"]),  # marks stay inside the word
        ("al-Hol camp's", ["al", "Hol", "camp's"]),
        ("SDF_2022", ["SDF", "2022"]),  # FTS5 splits at "_" too
    ],
)
def test_search_tokens_words_are_whole(text: str, words: list[str]) -> None:
    assert [text[t.start : t.end] for t in tokenize(text)] == words


@pytest.mark.parametrize(
    ("key", "glued"),
    [(word_key("دمشق"), "بدمشق"), (word_key("قامشلو"), "وقامشلو")],
)
def test_search_tokens_query_keys_expand_with_proclitics(key: str, glued: str) -> None:
    assert word_key(glued) in key_variants(key)


@pytest.mark.parametrize("key", [word_key("Damascus"), word_key("في")])
def test_search_tokens_no_expansion_for_latin_or_short_keys(key: str) -> None:
    assert key_variants(key) == [key]
