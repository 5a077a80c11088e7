"""Loading the data files shipped inside the package (YAML/TSV), once per process.

Paths are resolved from the package, never from the working directory. A malformed file
fails with its path and line (``DataFileError``) before any article is processed.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from marsad.errors import DataFileError


def data_path(package: str, name: str) -> str:
    return str(resources.files(package).joinpath("data", name))


@cache
def load_yaml(package: str, name: str) -> Any:
    """Load ``<package>/data/<name>``; e.g. ``load_yaml("marsad.clean", "boilerplate.ar.yaml")``."""
    path = data_path(package, name)
    try:
        with open(path, encoding="utf-8") as fh:
            # The C loader when PyYAML was built with libyaml: several times faster at startup.
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError as exc:
        raise DataFileError(path, "data file is missing from the installed package") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(path, f"invalid YAML: {getattr(exc, 'problem', exc)}", line) from exc
