"""Interface text in English and Arabic (``data/labels.*.yaml``), and which to use where."""

from __future__ import annotations

from marsad.resources import load_yaml

UI_LANGS = ("en", "ar")


def labels(lang: str | None) -> dict[str, str]:
    """The labels of ``lang``; English for any language the interface is not written in."""
    name = lang if lang in UI_LANGS else "en"
    table: dict[str, str] = load_yaml("marsad.web", f"labels.{name}.yaml")
    return table


def text_dir(lang: str | None) -> str:
    """Writing direction of text in ``lang`` (the languages Marsad reads)."""
    return "rtl" if lang in ("ar", "fa", "ckb", "he", "ur") else "ltr"
