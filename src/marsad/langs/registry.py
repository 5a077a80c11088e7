"""The language profiles, discovered as data: every ``data/*.yaml`` is one language, so a
language is added by adding a file (its checks run on load)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, get_args

from marsad.errors import DataFileError
from marsad.langs.profile import LangProfile, Script
from marsad.resources import data_path, load_yaml

PACKAGE = "marsad.langs"
_LISTS = ("proclitics", "prepositions", "relative_pronouns", "quote_marks")


@cache
def profiles() -> dict[str, LangProfile]:
    """Every profile by code, in file-name order."""
    folder = Path(data_path(PACKAGE, "ar.yaml")).parent
    found = {}
    for path in sorted(folder.glob("*.yaml")):
        profile = _profile(path.name, load_yaml(PACKAGE, path.name))
        found[profile.code] = profile
    return found


def profile(code: str | None) -> LangProfile | None:
    """The profile of ``code``, or None for a language Marsad has no profile of."""
    return profiles().get(code or "")


def full_pipeline_langs() -> tuple[str, ...]:
    """Languages with recognisers and lexicons ("en", "ar"), in a fixed order."""
    return tuple(sorted(c for c, p in profiles().items() if p.pipeline == "full"))


def is_cased(code: str | None) -> bool:
    """Whether capital letters mark names in ``code``; unknown languages count as cased
    when written in Latin script, which is how they were treated before profiles."""
    found = profile(code)
    return found.cased if found is not None else True


def writes_arabic_script(code: str | None) -> bool:
    """Whether ``code`` is written in Arabic script: its profile says, else the language
    identifier's list of Arabic-script languages (Persian, Urdu, Pashto, ...)."""
    found = profile(code)
    if found is not None:
        return found.script == "arabic"
    from marsad.lang.detect import arabic_script_languages

    return code in arabic_script_languages()


def _profile(name: str, data: Any) -> LangProfile:
    path = str(data_path(PACKAGE, name))
    if not isinstance(data, dict):
        raise DataFileError(path, "expected a mapping of profile fields")
    try:
        values = {key: tuple(str(v) for v in data.get(key) or ()) for key in _LISTS}
        found = LangProfile(
            code=str(data["code"]),
            name=str(data["name"]),
            script=data["script"],
            direction=data["direction"],
            cased=bool(data["cased"]),
            pipeline=data["pipeline"],
            marks=str(data.get("marks") or ""),
            distinctive_letters=str(data.get("distinctive_letters") or ""),
            **values,
        )
    except KeyError as exc:
        raise DataFileError(path, f"missing field {exc}") from exc
    if found.script not in get_args(Script) or found.direction not in ("rtl", "ltr"):
        raise DataFileError(path, f"unknown script or direction in {found.code}")
    if name != f"{found.code}.yaml":
        raise DataFileError(path, f"the file of {found.code!r} must be {found.code}.yaml")
    return found
