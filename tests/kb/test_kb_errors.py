"""Malformed KB files fail with DataFileError naming the file, the entry's line and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import DataFileError
from marsad.kb import load_kb

GOOD = """\
- id: user:place/good
  type: GPE
  names:
    en: [Good Town]
    ar: [البلدة الطيبة]
  lat: 36.5
  lon: 40.7
"""
# The entry under test starts on line 8, after GOOD.
BAD_LINE = 8

DEFECTS = {
    "missing id": ("- type: GPE\n  names:\n    en: [X]\n", BAD_LINE, "missing id"),
    "missing type": ("- id: user:place/x\n  names:\n    en: [X]\n", BAD_LINE, "missing type"),
    "bad type": ("- id: user:place/x\n  type: CITY\n  names:\n    en: [X]\n", BAD_LINE, "bad type"),
    "bad id": ("- id: Q12x\n  type: GPE\n  names:\n    en: [X]\n", BAD_LINE, "bad id"),
    "duplicate id": (
        "- id: user:place/good\n  type: GPE\n  names:\n    ar: [س]\n",
        BAD_LINE,
        "duplicate id",
    ),
    "lat out of range": (
        "- id: user:place/x\n  type: GPE\n  names:\n    en: [X]\n  lat: 136.5\n  lon: 40.0\n",
        BAD_LINE,
        "lat 136.5",
    ),
    "lat without lon": (
        "- id: user:place/x\n  type: GPE\n  names:\n    en: [X]\n  lat: 36.5\n",
        BAD_LINE,
        "lat and lon",
    ),
    "non-string alias": (
        "- id: user:place/x\n  type: GPE\n  names:\n    en: [X, 42]\n",
        BAD_LINE,
        "not text",
    ),
    "nested alias list": (
        "- id: user:place/x\n  type: GPE\n  names:\n    ar: [[س, ص]]\n",
        BAD_LINE,
        "single value",
    ),
    "unknown field": (
        "- id: user:place/x\n  type: GPE\n  names:\n    en: [X]\n  lng: 40.0\n",
        BAD_LINE,
        "unknown field",
    ),
    "duplicate key": (
        "- id: user:place/x\n  type: GPE\n  type: ORG\n  names:\n    en: [X]\n",
        BAD_LINE,
        "twice",
    ),
    "bad country": (
        "- id: user:place/x\n  type: GPE\n  names:\n    en: [X]\n  country: Syria\n",
        BAD_LINE,
        "bad country",
    ),
    "stray ambiguous name": (
        "- id: user:place/x\n  type: GPE\n  names:\n    en: [X]\n  ambiguous: [Y]\n",
        BAD_LINE,
        "ambiguous",
    ),
    "not a mapping": ("- just a name\n", BAD_LINE, "mapping"),
    "dangling parent": (
        "- id: user:place/x\n  type: GPE\n  names:\n    en: [X]\n  parent: marsad:place/nowhere\n",
        BAD_LINE,
        "no entry",
    ),
    "merge with nothing to extend": (
        "- id: user:place/nowhere\n  merge: true\n  names:\n    en: [X]\n",
        BAD_LINE,
        "no entry",
    ),
    "YAML syntax": ("- id: user:place/x\n  names: {en: [X\n", BAD_LINE + 2, "invalid YAML"),
}


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_kb_errors_name_file_line_and_reason(marsad_home: Path, defect: str) -> None:
    text, line, reason = DEFECTS[defect]
    path = marsad_home / "kb" / "broken.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(GOOD + text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_kb()
    error = caught.value
    assert (error.path, error.line) == (str(path), line)
    assert reason in error.reason
    assert f"{path}:{line}: " in str(error)


@pytest.mark.parametrize(("text", "line"), [("id: user:place/x\ntype: GPE\n", 1), ("\n\n42\n", 3)])
def test_kb_errors_file_must_be_a_list(marsad_home: Path, text: str, line: int) -> None:
    path = marsad_home / "kb" / "not-a-list.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="list of entries") as caught:
        load_kb()
    assert caught.value.line == line


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_kb_errors_shipped_files_need_both_languages(tmp_path: Path, lang: str) -> None:
    from marsad.kb.parse import parse_kb_file

    path = tmp_path / "shipped.yaml"
    path.write_text(
        f"- id: marsad:place/x\n  type: GPE\n  names:\n    {lang}: [X]\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="need names") as caught:
        parse_kb_file(path, strict=True)
    assert caught.value.line == 1
    assert parse_kb_file(path, strict=False)[0].entry.names == {lang: ("X",)}


def test_kb_errors_empty_user_file_is_no_entries(marsad_home: Path) -> None:
    path = marsad_home / "kb" / "empty.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert len(load_kb()) == len(load_kb(user_dir=marsad_home / "elsewhere"))
