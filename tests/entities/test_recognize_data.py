"""The recogniser's data files: well formed, folded, and kept apart from function words."""

from __future__ import annotations

import pytest

from marsad.entities.recognize.lexicon import (
    arabic_lexicon,
    english_lexicon,
    fold,
    given_names,
    light,
)
from marsad.resources import load_yaml


def test_recognize_data_given_names_are_a_few_hundred() -> None:
    names = given_names()
    assert 300 <= len(names.arabic) < 2000
    assert {"محمد", "عبير", "ازاد"} <= names.arabic  # folded: آزاد -> ازاد
    assert "علي" in names.common and "محمد" not in names.common
    assert {fold("Mohammed"), fold("Natalia")} <= names.latin


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_recognize_data_lists_load_and_are_not_empty(lang: str) -> None:
    lex = arabic_lexicon() if lang == "ar" else english_lexicon()
    assert lex.titles and lex.role_heads and lex.norp and lex.facility_heads


def test_recognize_data_arabic_titles_are_not_function_words() -> None:
    lex = arabic_lexicon()
    assert not (lex.titles & lex.stopwords)
    assert "امام" not in lex.titles  # الإمام folds like أمام "in front of"


@pytest.mark.parametrize(("word", "folded"), [("على", "على"), ("العلي", "العلي"), ("إلى", "الى")])
def test_recognize_data_light_fold_keeps_article_and_alef_maqsura(word: str, folded: str) -> None:
    assert light(word) == folded


@pytest.mark.parametrize("name", ["recognize.ar.yaml", "recognize.en.yaml", "recognize.norp.yaml"])
def test_recognize_data_yaml_lists_hold_only_strings(name: str) -> None:
    data = load_yaml("marsad.entities", name)
    for key, value in data.items():
        assert isinstance(value, list), key
        assert all(isinstance(v, str) and v.strip() for v in value), key
