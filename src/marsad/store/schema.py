"""Named schema migrations of a backend: ``.sql`` files in its ``migrations/`` folder,
applied in name order and recorded in ``schema_migrations``; a file's name is its
identity, so a store says exactly which schema it has."""

from __future__ import annotations

from importlib import resources


def available(package: str) -> list[tuple[str, str]]:
    """(name, SQL) of the migrations of the backend package ``package``, in order."""
    folder = resources.files(package).joinpath("migrations")
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".sql")), key=lambda p: p.name)
    return [(p.name.removesuffix(".sql"), p.read_text(encoding="utf-8")) for p in files]
