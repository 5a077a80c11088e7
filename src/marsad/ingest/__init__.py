"""Readers: files, folders, JSON Lines, HTML, WARC, RSS/Atom feeds and URLs to Articles.

    iter_inputs(["corpus/", "crawl.warc.gz", "https://example.org/feed"])

yields one ``Article`` per article and one ``InputError`` (``DecodeError``,
``FetchError``) per thing that could not be read, and goes on. See ``sources`` for the
dispatch and one module per kind for the details of each.
"""

from __future__ import annotations

from marsad.ingest.options import ReadOptions
from marsad.ingest.sources import iter_inputs

__all__ = ["ReadOptions", "iter_inputs"]
