"""Test paths written with placeholders for article ids known only after ingest."""

from __future__ import annotations

import re


def fill(path: str, ids: dict[str, str]) -> str:
    """``/articles/{001}`` -> ``/articles/<id of seed 001>`` (str.format reads {001} as an
    index, hence this)."""
    return re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path)
