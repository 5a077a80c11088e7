"""Query-string values the pages read: a page number and an ISO day, each checked, never
trusted (a bad value is the default, not an error)."""

from __future__ import annotations

from datetime import date


def page_param(raw: str, most: int) -> int:
    """A page number from 1 to ``most - 1``; anything else is page 1."""
    raw = raw.strip()
    return int(raw) if raw.isdigit() and 0 < int(raw) < most else 1


def day_param(raw: str) -> str:
    """An ISO day (``2024-03-02``), or "" for anything that is not one."""
    try:
        return date.fromisoformat(raw.strip()[:10]).isoformat()
    except ValueError:
        return ""
