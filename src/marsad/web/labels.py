"""Interface text in English and Arabic (``data/labels.*.yaml``), and which to use where.

Counted nouns have one form per plural category (``plural_*`` keys): English has "one"
and "other"; Arabic has six (CLDR): zero, one, two, few (3-10), many (11-99), other.
"""

from __future__ import annotations

from typing import Any

from marsad.resources import load_yaml

UI_LANGS = ("en", "ar")


def labels(lang: str | None) -> dict[str, Any]:
    """The labels of ``lang``; English for any language the interface is not written in."""
    name = lang if lang in UI_LANGS else "en"
    table: dict[str, Any] = load_yaml("marsad.web", f"labels.{name}.yaml")
    return table


def text_dir(lang: str | None) -> str:
    """Writing direction of text in ``lang`` (the languages Marsad reads)."""
    return "rtl" if lang in ("ar", "fa", "ckb", "he", "ur") else "ltr"


def plural_category(lang: str | None, n: int) -> str:
    """The CLDR plural category of the whole number ``n`` in ``lang``."""
    if lang == "ar":
        tail = n % 100
        if n == 0:
            return "zero"
        if n in (1, 2):
            return "one" if n == 1 else "two"
        if 3 <= tail <= 10:
            return "few"
        if 11 <= tail <= 99:
            return "many"
        return "other"
    return "one" if n == 1 else "other"


def plural(lang: str | None, noun: str, n: int) -> str:
    """ "1 result", "2 results"; "نتيجة واحدة", "نتيجتان", "3 نتائج" … from ``plural_<noun>``."""
    forms: dict[str, str] = labels(lang)[f"plural_{noun}"]
    form = forms.get(plural_category(lang, n)) or forms["other"]
    return form.format(n=f"{n:,}" if lang != "ar" else f"{n}")
