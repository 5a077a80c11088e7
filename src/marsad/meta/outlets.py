"""Which outlet a name on a page stands for, from the shipped list ``data/outlets.yaml``.

"HAWARNEWS", "Hawar", "هاوار" and "ANHA" are one publisher and are stored as one name
("ANHA"); a name the list does not know is kept as written, tidied of stray spaces, of a
copyright notice's marks and years ("© 2019 Foo" is Foo, "Copyright 2014" no one) and of
a web address's scheme; a placeholder (``data/not_outlets.yaml``: "Hosted") is no name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from marsad.meta import vocab
from marsad.meta.patterns import fold
from marsad.resources import load_yaml

_FILE = "outlets.yaml"
_NOT_FILE = "not_outlets.yaml"

# Hyphens, dots, pipes and the like do not tell outlet names apart ("Al-Monitor").
_NOT_WORD = re.compile(r"[\W_]+")
# Separators between the parts of a title suffix ("ANHA | HAWARNEWS").
_SUFFIX_PARTS = re.compile(r"\s*[|–—/•·:]\s*|\s+-\s+")
_URL = re.compile(r"https?://\S+$", re.IGNORECASE)
# The marks and years of a copyright notice, around its words (data/not_outlets.yaml).
_MARKS = r"©|\(c\)|(?<!\w)(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?(?!\w)"


def outlet_key(name: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", fold(name)).split())


@dataclass(frozen=True, slots=True)
class OutletList:
    by_key: dict[str, str]  # outlet_key(alias) -> canonical name
    by_domain: dict[str, str]
    max_words: int  # the most words in one alias
    placeholders: frozenset[str] = frozenset()  # outlet_key of names that name no one
    notice: re.Pattern[str] | None = None  # a copyright notice's words, marks and years

    def canonical(self, written: str) -> str | None:
        """The canonical name of ``written`` when the list knows it."""
        return self.by_key.get(outlet_key(written))

    def normalise(self, written: str) -> str | None:
        """The canonical name, or ``written`` with its spacing tidied; None when empty."""
        known = self.canonical(written)
        if known is not None:
            return known
        tidy = self._publisher(" ".join(written.split()))
        return (self.canonical(tidy) or tidy) if tidy else None

    def _publisher(self, name: str) -> str | None:
        """The publisher a written name gives: no copyright notice, no URL scheme; None
        when nothing that names anyone is left."""
        if self.notice is not None:
            name = self.notice.sub(" ", name)
        if _URL.match(name):
            name = (urlsplit(name).hostname or "").removeprefix("www.")
        name = " ".join(name.split()).strip(" -–—|:,.;")
        if not any(c.isalpha() for c in name) or outlet_key(name) in self.placeholders:
            return None
        return name

    def leading(self, words: Sequence[str]) -> tuple[str, int] | None:
        """The known outlet that the first words name, longest first, with how many words
        it took: ["نورث", "برس", "أكد"] -> ("North Press", 2)."""
        for n in range(min(self.max_words, len(words)), 0, -1):
            name = self.by_key.get(outlet_key(" ".join(words[:n])))
            if name is not None:
                return name, n
        return None

    def from_suffix(self, suffix: str) -> str | None:
        """The outlet a cut title suffix names ("ANHA | HAWARNEWS" -> "ANHA"): the first
        part the list knows, else the first part as written."""
        known = self.canonical(suffix)
        if known is not None:
            return known
        parts = [p for p in _SUFFIX_PARTS.split(suffix) if p.strip()]
        for part in parts:
            known = self.canonical(part)
            if known is not None:
                return known
        for part in parts:  # the first part that names a publisher
            name = self.normalise(part)
            if name is not None:
                return name
        return None

    def from_url(self, url: str) -> str | None:
        """The outlet whose site ``url`` is on (a subdomain counts as its site)."""
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return None
        labels = host.removeprefix("www.").split(".")
        for i in range(len(labels) - 1):
            name = self.by_domain.get(".".join(labels[i:]))
            if name is not None:
                return name
        return None


@cache
def outlets() -> OutletList:
    entries = load_yaml(vocab.PACKAGE, _FILE)
    if not isinstance(entries, list):
        raise vocab.bad(_FILE, "expected a list of outlets")
    by_key: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise vocab.bad(_FILE, f"outlet without a name: {entry!r}")
        name = entry["name"]
        names = [name, entry.get("ar") or "", *(entry.get("aliases") or [])]
        for alias in filter(None, names):
            key = outlet_key(str(alias))
            if by_key.get(key, name) != name:
                raise vocab.bad(_FILE, f"{alias!r} names both {by_key[key]} and {name}")
            by_key[key] = name
        for domain in entry.get("domains") or []:
            by_domain[str(domain).lower()] = name
    max_words = max((len(k.split()) for k in by_key), default=1)
    data = vocab.load(_NOT_FILE)
    placeholders = frozenset(outlet_key(w) for w in vocab.words(_NOT_FILE, data, "placeholders"))
    notice_words = [re.escape(w) for w in vocab.words(_NOT_FILE, data, "copyright_words")]
    notice = re.compile("|".join([*notice_words, _MARKS]), re.IGNORECASE)
    return OutletList(by_key, by_domain, max_words, placeholders, notice)
