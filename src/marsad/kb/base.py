"""The in-memory knowledge base: entries by id, and every name folded to a lookup key."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from marsad.kb.entry import KBEntry
from marsad.kb.normalize import (
    clitic_variants,
    has_caps,
    normalise_name,
    required_caps,
    strip_possessive,
)
from marsad.langs import is_cased


@dataclass(frozen=True, slots=True)
class _Alias:
    entry: KBEntry
    caps: str | None  # the capitals the surface must show ("IS"), or None
    preferred: bool  # the entry's display name in some language


class KnowledgeBase:
    """Entries by id, and a name index that meets spelling variants across scripts.

    ``lookup`` returns every entry a name may denote, display-name matches first; more
    than one means the name is ambiguous and the caller (the linker) chooses by context.
    """

    def __init__(self, entries: Iterable[KBEntry]) -> None:
        self._by_id: dict[str, KBEntry] = {}
        for entry in entries:
            self._by_id[entry.id] = entry
        self._index: dict[str, list[_Alias]] = {}
        for entry in self._by_id.values():
            self._add_names(entry)

    def _add_names(self, entry: KBEntry) -> None:
        preferred = {names[0] for names in entry.names.values()}
        for lang, name in entry.all_names():
            key = normalise_name(name)
            caps = required_caps(name) if is_cased(lang) else None
            aliases = self._index.setdefault(key, [])
            for i, alias in enumerate(aliases):
                if alias.entry is entry:
                    # One entry, several spellings with one key: the loosest one wins.
                    aliases[i] = _Alias(
                        entry,
                        None if alias.caps is None or caps is None else alias.caps,
                        alias.preferred or name in preferred,
                    )
                    break
            else:
                aliases.append(_Alias(entry, caps, name in preferred))

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self._by_id.values())

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> KBEntry | None:
        return self._by_id.get(entry_id)

    def lookup(self, surface: str) -> list[KBEntry]:
        """Entries that ``surface`` names, in any script and common spelling."""
        hits = self._match(normalise_name(surface), surface)
        if not hits:
            bare = strip_possessive(surface)
            if bare != surface:
                hits = self._match(normalise_name(bare), bare)
        if not hits:
            for key in clitic_variants(surface):
                hits = self._match(key, surface)
                if hits:
                    break
        return hits

    def _match(self, key: str, surface: str) -> list[KBEntry]:
        aliases = [
            a for a in self._index.get(key, ()) if a.caps is None or has_caps(surface, a.caps)
        ]
        aliases.sort(key=lambda a: not a.preferred)
        return [a.entry for a in aliases]

    def names(self) -> Iterator[tuple[str, KBEntry]]:
        """Every (lookup key, entry) pair: what a gazetteer matcher is built from."""
        for key, aliases in self._index.items():
            for alias in aliases:
                yield key, alias.entry

    def shared_names(self) -> dict[str, list[KBEntry]]:
        """Lookup keys that more than one entry answers to."""
        return {
            key: [a.entry for a in aliases]
            for key, aliases in self._index.items()
            if len(aliases) > 1
        }

    def unmarked_shared_names(self) -> dict[str, list[KBEntry]]:
        """Shared keys that not every entry sharing them lists under ``ambiguous``:
        an accidental clash that review should resolve."""
        out: dict[str, list[KBEntry]] = {}
        for key, entries in self.shared_names().items():
            marked = [key in {normalise_name(n) for n in e.ambiguous} for e in entries]
            if not all(marked):
                out[key] = entries
        return out
