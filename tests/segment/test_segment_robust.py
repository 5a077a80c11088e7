"""Malformed input: unbalanced quotes, huge sentences, pathological punctuation."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.segment.splitter import split_sentences

Split = Callable[[str, str | None], list[str]]
WORDS = {
    "ar": "وأكد الرئيس المشترك أهمية توحيد الجهود الدولية، ",
    "en": "the delegation discussed the files, ",
}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_segment_five_thousand_character_sentence_is_one(lang: str, sentences: Split) -> None:
    text = (WORDS[lang] * 200)[:5000].rstrip(" ،,") + "."
    assert sentences(text, lang) == [text]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "قال” نحن هنا. وأضاف” ”” ثم. ” « . » » غادر”"),
        ("en", 'He said "we stay. Then " " left." “ ” ” . . ) ] He went.'),
        ("ar", "”" * 300 + ". " + "«" * 300),
        ("en", '"' * 301 + ". A"),
    ],
)
def test_segment_unbalanced_quotes_keep_every_character(lang: str, text: str) -> None:
    found = split_sentences(text, 0, len(text), lang)
    assert "".join("".join(text[s.start : s.end] for s in found).split()) == "".join(text.split())
    assert all(s.start < s.end for s in found)


PATHOLOGICAL = {
    "no_space": "a." * 5_000,
    "dots": ". " * 5_000,
    "quotes": '" ' * 5_000,
    "arabic_quotes": "”. " * 3_000,
    "ellipsis": "." * 10_000,
    "long_word": "x" * 10_000 + ". Y",
    "many_sentences": "Dr. Omar spoke. " * 600,
}


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_segment_pathological_input_keeps_offsets_valid(case: str, lang: str) -> None:
    # How the cost grows with these inputs is measured in bench/sentences_bench.py
    # (a timed unit test would be flaky); here: no crash and every span inside the text.
    text = PATHOLOGICAL[case] * 10
    spans = split_sentences(text, 0, len(text), lang)
    assert spans and all(0 <= s.start < s.end <= len(text) for s in spans)
    assert [s.start for s in spans] == sorted(s.start for s in spans)
