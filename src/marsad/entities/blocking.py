"""Blocking: find the few known names worth comparing with a new one, among 100k.

Every name is filed under sound keys of ``marsad.names`` (the *coarse* key, consonant
classes that stand in for each other across scripts already merged): the key of each part,
and the key of all parts run together (Jia Kurd / Jiakurd). A new name is compared only
with the items filed under its own keys. Of the ANETAC train pairs whose parts score 0.85
or more, 99.8% share a part key; keys with one letter left out would add 0.007% and cost
a third of the time (measured with ``bench/link_bench.py``).

A part key filed under very many items (a common given name) is not searched by: the rare
parts of a name find the candidates, and the common part is only checked for them.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar

from marsad.names import NameKey
from marsad.names.keys import TokenKey

T = TypeVar("T", bound=Hashable)


def part_blocks(token: TokenKey) -> Iterator[str]:
    """The block keys of one part: its coarse key without the article, then with it, since
    only one of two spellings may have written it (Alighieri / اليغييري)."""
    for key in dict.fromkeys(k for k in (token.bare[3], token.keys[3]) if k):
        yield "p:" + key


def name_blocks(key: NameKey) -> Iterator[str]:
    joined = key.joined[3] or key.joined[0]
    if joined and len(key.tokens) > 1:
        yield "j:" + joined


class NameIndex(Generic[T]):
    """Items (entity ids, KB entry ids) filed under the block keys of their names."""

    def __init__(self, cap: int = 64) -> None:
        self.cap = cap  # a part key over this many items is too common to search by
        # Lists while short; sets once over ``cap``, since then they are only asked
        # whether they hold an item.
        self._postings: dict[str, list[T] | set[T]] = {}

    def __len__(self) -> int:
        return len(self._postings)

    def add(self, key: NameKey, item: T) -> None:
        blocks = {*name_blocks(key)}
        for token in key.tokens:
            blocks.update(part_blocks(token))
        for block in blocks:
            posting = self._postings.setdefault(block, [])
            if isinstance(posting, set):
                posting.add(item)
            # An item's names are added together, so a repeat is most often the last one.
            elif not posting or (posting[-1] != item and item not in posting[-8:]):
                posting.append(item)
                if len(posting) > self.cap:
                    self._postings[block] = set(posting)

    def count(self, token: TokenKey) -> int:
        """How many items have a part with ``token``'s exact coarse key."""
        return len(self._postings.get(next(part_blocks(token), ""), ()))

    def candidates(self, key: NameKey) -> dict[T, int]:
        """Items worth comparing with ``key``, each with the number of ``key``'s parts
        found among its names' parts (all of them for a match of the parts run together).

        Items are found through the rare parts; a common part (its key over ``cap`` items)
        is only checked for the items found, so "Mohammed Zabidov" finds the Zabidovs and
        counts which of them are Mohammeds. When every part is common, the items holding
        all of them are the candidates (at most ``cap``).
        """
        width = len(key.tokens)
        rare: list[set[T]] = []
        common: list[list[set[T]]] = []
        for token in key.tokens:
            hits: set[T] = set()
            big: list[set[T]] = []
            for block in part_blocks(token):
                posting = self._postings.get(block)
                if posting is None:
                    continue
                if isinstance(posting, set):
                    big.append(posting)
                else:
                    hits.update(posting)
            rare.append(hits)
            common.append(big)
        seeds: set[T] = set().union(*rare)
        if not seeds and all(common):
            holding = set.intersection(*sorted((set().union(*ps) for ps in common), key=len))
            seeds = set(sorted(holding, key=str)[: self.cap])
        found: dict[T, int] = {}
        for item in seeds:
            found[item] = sum(
                item in hits or any(item in p for p in big)
                for hits, big in zip(rare, common, strict=True)
            )
        for block in name_blocks(key):
            for item in self._postings.get(block, ()):
                found[item] = width
        return found


__all__ = ["NameIndex", "name_blocks", "part_blocks"]
