"""The optional packages of ``marsad batch``, with the line that installs them."""

from __future__ import annotations

import importlib
from types import ModuleType

from marsad.errors import MarsadError

INSTALL = "pip install 'marsad[batch]'  (Ray Data and pyarrow, pinned in pyproject.toml)"


def require(module: str) -> ModuleType:
    """Import ``module`` or say exactly what to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MarsadError(
            f"`marsad batch` needs {module.split('.')[0]}, which is not installed: {INSTALL}"
        ) from exc
