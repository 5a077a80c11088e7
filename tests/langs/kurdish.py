"""The Kurdish gold set (``kurdish_gold.yaml``), read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

GOLD = Path(__file__).with_name("kurdish_gold.yaml")


@cache
def gold() -> list[dict[str, Any]]:
    return list(yaml.safe_load(GOLD.read_text(encoding="utf-8")))
