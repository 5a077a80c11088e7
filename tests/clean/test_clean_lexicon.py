"""The data files load, hold what the rules need, and the public API does not drift."""

from __future__ import annotations

import pytest

import marsad.clean
from marsad.clean.lexicon import lexicon
from marsad.resources import load_yaml


def test_lexicon_public_api() -> None:
    assert sorted(marsad.clean.__all__) == [
        "CleanResult",
        "HtmlResult",
        "assemble",
        "clean_lines",
        "extract_html",
        "split_paragraphs",
        "split_title_suffix",
    ]
    for name in marsad.clean.__all__:
        assert getattr(marsad.clean, name)


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(
    "key", ["widget_lines", "widget_prefixes", "list_headers", "outlets", "outlet_words"]
)
def test_lexicon_boilerplate_lists_are_filled(lang: str, key: str) -> None:
    items = load_yaml("marsad.clean", f"boilerplate.{lang}.yaml")[key]
    assert items and all(isinstance(i, str) and i.strip() for i in items)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_lexicon_list_headers_are_widget_lines(lang: str) -> None:
    """A list header must also be dropped when no list follows it."""
    lex = lexicon()
    assert lex.list_headers <= lex.widget_lines


@pytest.mark.parametrize(("lang", "month"), [("en", "april"), ("ar", "نيسان")])
def test_lexicon_date_words_are_folded(lang: str, month: str) -> None:
    assert month in lexicon().months


def test_lexicon_marks_keep_quotes_out() -> None:
    lex = lexicon()
    assert "\u05f3" in lex.stray_marks
    assert not lex.stray_marks & set("\"'“”‘’«»-–—")
