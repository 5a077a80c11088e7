"""Derived gazetteer tables kept on disk between runs, so start-up does not fold 400k names.

The city and small-place name indexes cost ~10 s of name folding to build and ~0.3 s to
read back. They are built on first use and written to ``$MARSAD_CACHE`` (default
``~/.cache/marsad``) under a key that hashes everything they derive from: the gazetteer
file's size and modification time, and the source of the folding code and word lists.
Changing any of them builds afresh; a cache that cannot be written or read is rebuilt
in memory and the run goes on. The files are pickles this code wrote itself into the
user's own cache folder (never read from inputs).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
_KEEP = 3  # versions of each table kept in the cache

# What the tables are derived from, besides the gazetteer file itself: the folding code
# and the word lists it reads. An edit to any of them changes the key.
_SOURCES = (
    ("marsad.kb", "normalize.py"),
    ("marsad.geo", "names.py"),
    ("marsad.geo", "index.py"),
    ("marsad.geo", "cities.py"),
    ("marsad.geo", "places.py"),
    ("marsad.geo", "data/words.en.yaml"),
    ("marsad.geo", "data/words.ar.yaml"),
)


def cache_dir() -> Path:
    return Path(os.environ.get("MARSAD_CACHE") or Path.home() / ".cache" / "marsad")


def fingerprint(*inputs: object, files: tuple[Path, ...] = ()) -> str:
    digest = hashlib.sha256(repr(inputs).encode())
    for package, name in _SOURCES:
        digest.update(resources.files(package).joinpath(name).read_bytes())
    for path in files:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``'s result, read from the cache when a file for ``key`` is there."""
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as stored:
            value: T = pickle.load(stored)
        return value
    except FileNotFoundError:
        pass
    except Exception as exc:  # a torn or foreign file: rebuild and overwrite it
        log.warning("derived table %s unreadable (%s); rebuilding", path, exc)
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside its place and renamed: a concurrent reader sees all or nothing.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as fh:
            try:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                Path(fh.name).unlink(missing_ok=True)
                raise
        os.replace(fh.name, path)
        # The newest few of a name stay: two installs or checkouts of different versions
        # on one machine would otherwise delete each other's tables at every run.
        versions = sorted(
            path.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in versions[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not keep derived table %s (%s); it is rebuilt next run", path, exc)
    return value
