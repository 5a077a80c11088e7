"""The package's public API and its data files."""

from __future__ import annotations

from importlib import resources

import pytest

import marsad.meta
from marsad.meta import grammar, vocab
from marsad.meta.dates import find_dates

DATA = resources.files("marsad.meta").joinpath("data")


def test_meta_public_api_is_pinned() -> None:
    # Changing what the package exports must be a deliberate change of this list.
    assert sorted(marsad.meta.__all__) == [
        "MetadataStage", "find_dates", "parse_date_string", "resolve", "resolve_mentions",
    ]  # fmt: skip


def test_meta_every_data_file_is_documented() -> None:
    readme = DATA.joinpath("README.md").read_text(encoding="utf-8")
    names = [p.name for p in DATA.iterdir() if p.name.endswith(".yaml")]
    assert names
    assert [n for n in names if f"`{n}`" not in readme] == []


@pytest.mark.parametrize("lang", grammar.LANGS)
def test_meta_every_month_name_is_found(lang: str) -> None:
    # Each name in the data files must survive the regex building: "8 <name> 2022".
    months = vocab.groups(f"dates.{lang}.yaml", vocab.load(f"dates.{lang}.yaml"), "months")
    for number, names in months.items():
        for name in names:
            [mention] = find_dates(f"on 8 {name} 2022 .")
            assert mention.value == f"2022-{int(number):02d}-08", name


@pytest.mark.parametrize("lang", grammar.LANGS)
def test_meta_every_relative_phrase_is_found(lang: str) -> None:
    name = f"dates.{lang}.yaml"
    for offset, phrases in vocab.groups(name, vocab.load(name), "relative").items():
        for phrase in phrases:
            [mention] = find_dates(f"، {phrase} .")
            assert (mention.text, mention.relative) == (phrase, offset)
