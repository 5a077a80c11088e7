"""Which files a path names: itself, or every file under a folder, in a stable order.

Folders are read recursively in sorted name order, so two runs over the same tree yield
the same sequence. Hidden files and folders (``.git``, ``.DS_Store``) are skipped, and so
are the files that describe a corpus rather than belong to it (``README.md``) and program
files beside it (``__init__.py``; see ``data/folders.yaml``). Symbolic links to folders are
followed once each, so a link that points back up the tree cannot loop.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from functools import cache

from marsad.errors import DataFileError, InputError
from marsad.ingest.files import os_error
from marsad.resources import data_path, load_yaml

log = logging.getLogger(__name__)


def walk(given: str) -> Iterator[str | InputError]:
    """Paths of the files ``given`` names, each joined onto ``given`` as the user wrote it.

    A path that cannot be read yields an ``InputError`` and the walk goes on.
    """
    try:
        st = os.stat(given)
    except OSError as exc:
        yield os_error(given, exc)
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _walk_folder(given, {(st.st_dev, st.st_ino)})
    else:
        yield given


def _walk_folder(folder: str, seen: set[tuple[int, int]]) -> Iterator[str | InputError]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield os_error(folder, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        try:
            is_dir = entry.is_dir()  # follows symbolic links
            st = entry.stat() if is_dir else None
        except OSError as exc:
            yield os_error(path, exc)
            continue
        if st is not None:
            key = (st.st_dev, st.st_ino)
            if key in seen:
                log.info("skipping %s: a folder already read (symbolic link)", path)
                continue
            seen.add(key)
            yield from _walk_folder(path, seen)
        elif _describes_corpus(entry.name):
            log.debug("skipping %s: describes the folder, not an article", path)
        elif os.path.splitext(entry.name)[1].lower() in _skip_suffixes():
            log.debug("skipping %s: a program file, not an article", path)
        else:
            yield path


def _describes_corpus(name: str) -> bool:
    stem = name.split(".", 1)[0].lower()
    return stem in _skip_stems()


@cache
def _skip_stems() -> frozenset[str]:
    return _folder_list("skip_stems")


@cache
def _skip_suffixes() -> frozenset[str]:
    return _folder_list("skip_suffixes")


def _folder_list(key: str) -> frozenset[str]:
    raw = load_yaml("marsad.ingest", "folders.yaml")
    try:
        return frozenset(str(s).lower() for s in raw[key])
    except (KeyError, TypeError) as exc:
        path = data_path("marsad.ingest", "folders.yaml")
        raise DataFileError(path, f"expected a list under {key}: {exc}") from exc
