"""Loading the shipped knowledge base and the user's own files, and adding user entries.

Shipped files live in the package (``marsad/kb/data/*.yaml``) and are replaced by every
upgrade; user files live outside it, in ``$MARSAD_HOME/kb/*.yaml`` (``~/.marsad/kb``),
so an upgrade never touches them. A user entry with the id of a shipped one replaces it,
or, with ``merge: true``, adds its names to it and replaces only the fields it gives.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from marsad.errors import DataFileError
from marsad.kb.base import KnowledgeBase
from marsad.kb.entry import FIELD_ORDER, KBEntry
from marsad.kb.normalize import RULES_FILE
from marsad.kb.parse import ParsedEntry, parse_kb_file

log = logging.getLogger(__name__)

USER_FILE = "user.yaml"
_USER_HEADER = (
    "# Your own Marsad knowledge-base entries (see marsad/kb/data/README.md for the fields).\n"
    "# Entries here override or extend the shipped ones by id; upgrades never touch this file.\n"
)


def shipped_paths() -> list[Path]:
    """The KB files inside the installed package, in a stable order (the folding rules in
    the same folder are not entries)."""
    data = Path(str(resources.files("marsad.kb").joinpath("data")))
    return sorted(p for p in data.glob("*.yaml") if p.name != RULES_FILE)


def marsad_home() -> Path:
    """``$MARSAD_HOME``, or ``~/.marsad`` when it is unset."""
    return Path(os.environ.get("MARSAD_HOME") or "~/.marsad").expanduser()


def user_kb_dir() -> Path:
    return marsad_home() / "kb"


@cache
def _shipped_entries() -> tuple[KBEntry, ...]:
    # Parsed once per process: every KnowledgeBase starts from these.
    entries: list[KBEntry] = []
    seen: dict[str, KBEntry] = {}
    for path in shipped_paths():
        for parsed in parse_kb_file(path, strict=True):
            entry = parsed.entry
            if entry.id in seen:
                first = seen[entry.id]
                raise DataFileError(
                    entry.origin,
                    f"duplicate id {entry.id!r} (also in {first.origin}:{first.line})",
                    entry.line,
                )
            seen[entry.id] = entry
            entries.append(entry)
    return tuple(entries)


def load_kb(extra_paths: Sequence[Path] = (), *, user_dir: Path | None = None) -> KnowledgeBase:
    """The shipped KB, then the user's files (``user_dir``, by default
    ``$MARSAD_HOME/kb``, in name order), then ``extra_paths``; later entries override
    earlier ones by id.

    Raises ``DataFileError`` (file, line, reason) for a malformed file or an entry whose
    ``parent``, ``admin1`` or ``part_of`` names no entry.
    """
    by_id: dict[str, KBEntry] = {e.id: e for e in _shipped_entries()}
    directory = user_kb_dir() if user_dir is None else user_dir
    user_paths = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
    for path in [*user_paths, *(Path(p) for p in extra_paths)]:
        for parsed in parse_kb_file(path, strict=False):
            _apply(by_id, parsed)
    _check_references(by_id.values(), by_id)
    return KnowledgeBase(by_id.values())


@cache
def default_kb() -> KnowledgeBase:
    """The shipped and user KB, built once per process and shared by every stage (the
    recogniser's gazetteer, the linker, the geocoder): one parse, one index."""
    return load_kb()


def _apply(by_id: dict[str, KBEntry], parsed: ParsedEntry) -> None:
    entry = parsed.entry
    base = by_id.get(entry.id)
    if not parsed.merge:
        if base is not None:
            log.info("%s:%s replaces KB entry %s", entry.origin, entry.line, entry.id)
        by_id[entry.id] = entry
        return
    if base is None:
        raise DataFileError(
            entry.origin, f"merge: true, but there is no entry {entry.id!r} to extend", entry.line
        )
    names = {lang: list(ns) for lang, ns in base.names.items()}
    for lang, extra in entry.names.items():
        names.setdefault(lang, []).extend(n for n in extra if n not in names[lang])
    given = {
        key: getattr(entry, key)
        for key in FIELD_ORDER
        if key in parsed.fields and key not in ("id", "names")
    }
    by_id[entry.id] = replace(
        base,
        **given,
        names={lang: tuple(ns) for lang, ns in names.items()},
        origin=entry.origin,
        line=entry.line,
    )


def _check_references(entries: Iterable[KBEntry], by_id: dict[str, KBEntry]) -> None:
    for entry in entries:
        refs = [("parent", entry.parent), ("admin1", entry.admin1)]
        refs += [("part_of", ref) for ref in entry.part_of]
        for key, ref in refs:
            if ref is not None and ref not in by_id:
                raise DataFileError(
                    entry.origin, f"{key} {ref!r} of {entry.id} is no entry's id", entry.line
                )


def add_user_entry(entry: KBEntry, path: Path | None = None) -> Path:
    """Append ``entry`` to a user KB file (by default ``$MARSAD_HOME/kb/user.yaml``).

    The file is checked before and after: an id already in it, or an entry the loader
    would refuse, raises ``DataFileError`` and leaves the file as it was.
    """
    target = path if path is not None else user_kb_dir() / USER_FILE
    existing = parse_kb_file(target, strict=False) if target.exists() else []
    for parsed in existing:
        if parsed.entry.id == entry.id:
            raise DataFileError(
                str(target), f"id {entry.id!r} is already in this file", parsed.entry.line
            )
    before = target.read_text(encoding="utf-8") if target.exists() else None
    if before is None or not before.strip():
        text = _USER_HEADER + _dump([entry])
    elif _is_flow_list(before):
        # "[]" or "[{...}]" cannot take a block item after it: write the list out anew.
        text = _USER_HEADER + _dump([*(p.entry for p in existing), entry])
    else:
        # Appending keeps the user's comments and layout as they wrote them.
        text = before + ("" if before.endswith("\n") else "\n") + _dump([entry])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    try:
        parse_kb_file(target, strict=False)
    except DataFileError:
        if before is None:
            target.unlink()
        else:
            target.write_text(before, encoding="utf-8")
        raise
    return target


def _dump(entries: Sequence[KBEntry]) -> str:
    return yaml.safe_dump(
        [e.to_dict() for e in entries],
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=100,
    )


def _is_flow_list(text: str) -> bool:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    return isinstance(root, yaml.SequenceNode) and bool(root.flow_style)
