"""The language profiles are data, discovered from their files, and checked on load."""

from __future__ import annotations

import pytest

from marsad.errors import DataFileError
from marsad.langs import full_pipeline_langs, is_cased, profile, profiles, writes_arabic_script
from marsad.langs.registry import _profile
from marsad.textnorm import ARABIC_MARKS


def test_every_profile_file_is_a_language() -> None:
    assert set(profiles()) == {"ar", "en", "ckb", "ku"}
    assert full_pipeline_langs() == ("ar", "en")


@pytest.mark.parametrize(
    ("code", "script", "direction", "cased"),
    [("ar", "arabic", "rtl", False), ("ckb", "arabic", "rtl", False),
     ("en", "latin", "ltr", True), ("ku", "latin", "ltr", True)],
)  # fmt: skip
def test_script_case_and_direction(code: str, script: str, direction: str, cased: bool) -> None:
    found = profile(code)
    assert found is not None
    assert (found.script, found.direction, found.cased) == (script, direction, cased)
    assert is_cased(code) is cased
    assert writes_arabic_script(code) is (script == "arabic")


def test_languages_without_a_profile() -> None:
    assert profile("fa") is None and profile(None) is None
    assert is_cased("de")  # Latin-script languages were always read as cased
    assert writes_arabic_script("fa") and writes_arabic_script("ur")
    assert not writes_arabic_script("de") and not writes_arabic_script(None)


def test_one_arabic_marks_pattern() -> None:
    arabic = profile("ar")
    assert arabic is not None and arabic.marks_pattern is ARABIC_MARKS
    assert arabic.strip_marks("قَامِشْلـو") == "قامشلو"
    assert profile("en").strip_marks("naïve") == "naïve"  # type: ignore[union-attr]
    assert "في" in arabic.prepositions and "الذي" in arabic.relative_pronouns


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("xx.yaml", ["not", "a", "mapping"], "mapping"),
        ("xx.yaml", {"code": "xx"}, "missing field"),
        ("yy.yaml", {"code": "xx", "name": "X", "script": "latin", "direction": "ltr",
                     "cased": True, "pipeline": "basic"}, "must be xx.yaml"),
        ("xx.yaml", {"code": "xx", "name": "X", "script": "cyrillic", "direction": "ltr",
                     "cased": True, "pipeline": "basic"}, "unknown script"),
    ],
)  # fmt: skip
def test_a_malformed_profile_names_its_file(name: str, data: object, reason: str) -> None:
    with pytest.raises(DataFileError, match=reason):
        _profile(name, data)
