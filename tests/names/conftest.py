"""Fixtures of the name-matching tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def variant_groups() -> list[list[str]]:
    """Hand-made groups of spellings of one name (see data/variants.yaml)."""
    with open(HERE / "data" / "variants.yaml", encoding="utf-8") as fh:
        groups: list[list[str]] = yaml.safe_load(fh)
    return groups
