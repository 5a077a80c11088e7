"""One typed settings object, from (later wins) defaults, a TOML file, the environment and
command-line flags; ``marsad config`` shows each value and where it came from.

The file is ``$MARSAD_CONFIG``, else ``$MARSAD_HOME/config.toml`` (``~/.marsad``)::

    db = "postgresql://analyst@db.example.org/marsad"
    workers = 4
    batch_size = 500

Environment: ``MARSAD_DB``, ``MARSAD_HOME``, ``MARSAD_WORKERS``, ``MARSAD_BATCH_SIZE``.
Parsed with the standard library's ``tomllib``; a bad value names its source and the
fix.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError

DEFAULT_DB = "marsad.db"
DEFAULT_HOME = Path("~/.marsad").expanduser()
DEFAULT_BATCH_SIZE = 200  # articles per store transaction: a kill loses at most this many
_ENV = {"db": "MARSAD_DB", "home": "MARSAD_HOME", "workers": "MARSAD_WORKERS",
        "batch_size": "MARSAD_BATCH_SIZE"}  # fmt: skip
_FILE_KEYS = ("db", "workers", "batch_size")  # the file lives in home: it cannot move it


class ConfigError(MarsadError):
    """A setting with a value that cannot be used."""


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB  # a SQLite file path or a postgresql:// URL
    home: Path = DEFAULT_HOME  # user KB files, the config file
    workers: int | None = None  # processes for the costly stages; None: one per core, up to 4
    batch_size: int = DEFAULT_BATCH_SIZE
    # Where each value came from: "default", the file's path, "$NAME" or "--flag".
    sources: dict[str, str] = field(default_factory=dict, compare=False)

    def shown(self) -> list[tuple[str, str, str]]:
        """(name, value, source) of every setting, passwords in URLs hidden."""
        out = []
        for f in fields(self):
            if f.name == "sources":
                continue
            value = getattr(self, f.name)
            text = "auto" if value is None else str(value)
            if f.name == "db":
                text = hide_password(text)
            out.append((f.name, text, self.sources.get(f.name, "default")))
        return out


def load(flags: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Settings from defaults, the file, ``env`` (the process environment by default) and
    ``flags`` (None values are flags not given)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    home = Path(env.get("MARSAD_HOME") or "~/.marsad").expanduser()
    given = env.get("MARSAD_CONFIG")
    path = Path(given).expanduser() if given else home / "config.toml"
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix or remove the file") from exc
        unknown = sorted(set(data) - set(_FILE_KEYS))
        if unknown:
            raise ConfigError(
                f"{path}: unknown setting(s) {', '.join(unknown)};"
                f" a config file sets {', '.join(_FILE_KEYS)}"
            )
        for name, value in data.items():
            values[name], sources[name] = _checked(name, value, str(path)), str(path)
    elif given:
        raise ConfigError(f"$MARSAD_CONFIG names {path}, which is not a file")
    for name, var in _ENV.items():
        if env.get(var):
            values[name], sources[name] = _checked(name, env[var], f"${var}"), f"${var}"
    for name, value in (flags or {}).items():
        if value is not None:
            flag = "--" + name.replace("_", "-")
            values[name], sources[name] = _checked(name, value, flag), flag
    return replace(Settings(), **values, sources=sources)


def _checked(name: str, value: Any, source: str) -> Any:
    if name in ("workers", "batch_size"):
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if number < 1 or isinstance(value, bool):
            raise ConfigError(
                f"{name} from {source} must be a whole number of 1 or more, not {value!r}"
            )
        return number
    if name == "home":
        return Path(str(value)).expanduser()
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{name} from {source} must be a non-empty text, not {value!r}")
    return value


def hide_password(url: str) -> str:
    """A database URL fit to print: its password replaced by ***."""
    head, at, tail = url.rpartition("@")
    if not at or "://" not in head:
        return url
    scheme, _, credentials = head.partition("://")
    user, colon, _ = credentials.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}@{tail}"
