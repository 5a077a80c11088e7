"""The package's public surface: what ``marsad.ingest`` exports, and its defaults."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import marsad.ingest
from marsad.ingest import ReadOptions, iter_inputs


def test_api_exports_are_pinned() -> None:
    # Adding to the public API must be a deliberate change of this list.
    assert sorted(marsad.ingest.__all__) == ["ReadOptions", "iter_inputs"]


def test_api_read_options_defaults() -> None:
    options = ReadOptions()
    assert (options.timeout, options.max_bytes, options.follow_links) == (20.0, 10_000_000, True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.timeout = 1.0  # type: ignore[misc]


@pytest.mark.parametrize(("field", "value"), [("max_bytes", 0), ("timeout", -1.0)])
def test_api_read_options_refuse_nonsense(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        ReadOptions(**{field: value})  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["corpus/", b"corpus/"], ids=["str", "bytes"])
def test_api_a_single_string_is_a_programmer_error(bad: object) -> None:
    with pytest.raises(TypeError, match="not a single string"):
        next(iter_inputs(bad))  # type: ignore[arg-type]


def test_api_inputs_are_read_lazily_in_order(tmp_path: Path) -> None:
    (tmp_path / "ar.txt").write_text("عنوان الخبر\n\nنص الخبر.", encoding="utf-8")
    (tmp_path / "en.txt").write_text("A headline\n\nThe body.", encoding="utf-8")
    items = iter_inputs([str(tmp_path / name) for name in ("en.txt", "missing", "ar.txt")])
    assert next(items).source == str(tmp_path / "en.txt")  # nothing after it was touched yet
    assert [type(i).__name__ for i in items] == ["InputError", "Article"]
