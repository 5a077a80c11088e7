"""Content-addressed identifiers: the same input gives the same id on every machine."""

from __future__ import annotations

import hashlib
import unicodedata


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:16]


def article_id(raw_text: str, url: str | None = None) -> str:
    """Id of an article from its decoded text and URL.

    Decoded text (not bytes) so that one page saved as windows-1256 and as UTF-8 is one
    article; NFC and a stripped BOM so that invisible encoding choices do not split ids.
    """
    text = unicodedata.normalize("NFC", raw_text.lstrip("\ufeff"))
    return _digest(url or "", text)


def text_hash(clean_text: str) -> str:
    """Hash of cleaned text with whitespace folded: equal for copies that differ only in
    page chrome, so the store can mark them ``duplicate_of``."""
    return _digest(" ".join(clean_text.split()))
