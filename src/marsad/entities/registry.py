"""Local entities: names that no knowledge base knows, one id across articles and scripts.

The registry is plain data the store persists (``LocalEntity``), plus an index rebuilt from
it. ``resolve`` finds the local entity a name denotes, or makes a new one:

- the same name, part for part (``matching.compare`` full match: Abeer Elia = عبير إيليا)
  of a known entity's full-length name: that entity, the best scoring if several;
- a name whose parts are all in a known person's full name, or the reverse (Zabidov and
  زبيد الله زبيدوف), when a shared part is distinctive (no common given name) and exactly
  one known person matches that way: that person;
- else a new entity. A one-part person name that identifies nobody alone (a common given
  name such as "Omar", or a part several known people share) gets an entity of its own per
  ``scope`` (the article), so that two articles' "Omar" stay two people while re-reading one
  article gives the same id again.

Ids are ``L-<label>-<hash>``: the hash of the folded canonical name when the entity is made
(of the name and scope for scoped ones), so equal input in equal order gives equal ids. An
id never changes once given; the canonical name may grow (a later full name replaces a
short one), and ``new_since`` reports such changes for the store to save.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from marsad.entities.blocking import NameIndex
from marsad.entities.matching import (
    DEFAULT_CONFIG,
    MatchConfig,
    common_parts,
    compare,
    label_group,
)
from marsad.kb import normalise_name
from marsad.names import NameKey, is_arabic, name_key
from marsad.names.keys import TokenKey
from marsad.types import LocalEntity

log = logging.getLogger(__name__)

ID_PREFIX = "L-"
HASH_LENGTH = 12


@dataclass(slots=True)
class _Known:
    """What the registry keeps beside an entity to compare with it."""

    entity: LocalEntity
    order: int  # creation order: ties go to the older entity
    full: list[NameKey]  # keys of the names of the most parts (the full-length names)
    width: int  # their number of parts


def _parts(name: str) -> int:
    return len(name_key(name).tokens)


class EntityRegistry:
    """Local entities by id, and an index of their names for ``resolve``."""

    def __init__(self, config: MatchConfig = DEFAULT_CONFIG, *, cap: int = 64) -> None:
        self.config = config
        self._known: dict[str, _Known] = {}
        self._index: dict[str, NameIndex[str]] = {}  # label group -> index of entity ids
        self._revision = 0
        self._changed: dict[str, int] = {}  # entity id -> revision of its last change
        self._cap = cap

    # --- plain data in and out ---------------------------------------------------------

    @classmethod
    def from_entities(
        cls,
        entities: Iterable[LocalEntity],
        config: MatchConfig = DEFAULT_CONFIG,
        *,
        cap: int = 64,
    ) -> EntityRegistry:
        """A registry holding ``entities`` (as the store saved them), in their order."""
        registry = cls(config, cap=cap)
        for entity in entities:
            copy = LocalEntity(
                entity.id,
                entity.label,
                {lang: list(names) for lang, names in entity.names.items()},
                entity.canonical,
            )
            registry._adopt(copy)
        registry._changed.clear()
        return registry

    def entities(self) -> Iterator[LocalEntity]:
        """Every entity, oldest first."""
        for known in self._known.values():
            yield known.entity

    def get(self, entity_id: str) -> LocalEntity | None:
        known = self._known.get(entity_id)
        return known.entity if known else None

    def __len__(self) -> int:
        return len(self._known)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._known

    def mark(self) -> int:
        """A point in the registry's history, for ``new_since``."""
        return self._revision

    def new_since(self, mark: int) -> list[LocalEntity]:
        """Entities made or changed (a name added) after ``mark``: what to save after a
        batch."""
        return [self._known[i].entity for i, rev in self._changed.items() if rev > mark]

    # --- resolving names ------------------------------------------------------------------

    def resolve(
        self,
        surface: str,
        label: str,
        lang: str,
        *,
        aliases: Sequence[str] = (),
        scope: str | None = None,
    ) -> tuple[str, str]:
        """The (entity id, canonical name) that ``surface`` denotes, making the entity when
        none is known. ``aliases`` are shorter forms the same text used for it ("Omar"
        after "Abdul Karim Omar"): recorded, not matched on. ``scope`` (an article id)
        keeps apart one-part names that identify nobody alone (see the module docstring).

        Raises ``ValueError`` for a surface without letters or digits.
        """
        key = name_key(surface)
        folded = normalise_name(surface)
        if not folded:
            raise ValueError(f"no name in {surface!r}")
        if not key.tokens:
            # A script the sound keys do not cover (Путин, 習近平): one id per spelling.
            spelled = f"{ID_PREFIX}{label}-{_hash(folded)}"
            if spelled not in self._known:
                self._create(spelled, surface, label, lang)
            return spelled, self._known[spelled].entity.canonical
        found, crowded = self._find(key, label)
        if found is None:
            if self._identifies_nobody(key, label, crowded):
                found = self._scoped_id(folded, label, scope)
            else:
                found = self._new_id(folded, label)
            if found not in self._known:
                self._create(found, surface, label, lang)
        entity = self._known[found].entity
        for name in (surface, *aliases):
            self._add_name(found, name, lang)
        return entity.id, entity.canonical

    def _find(self, key: NameKey, label: str) -> tuple[str | None, bool]:
        """The known entity ``key`` names, and whether several matched it in part only."""
        index = self._index.get(label_group(label))
        if index is None:
            return None, False
        person = label_group(label) == "PER"
        distinctive: dict[TokenKey, bool] = {}

        def is_distinctive(token: TokenKey) -> bool:
            if token not in distinctive:
                distinctive[token] = self._distinctive(token, index)
            return distinctive[token]

        if person and len(key.tokens) == 1 and not is_distinctive(key.tokens[0]):
            return None, False  # a common one-part name matches nobody in full or in part
        full: list[tuple[float, int, str]] = []
        partial: set[str] = set()
        width = len(key.tokens)
        for entity_id, parts_found in index.candidates(key).items():
            known = self._known[entity_id]
            if parts_found < min(width, known.width):
                continue  # a match needs every part of the shorter name
            for other in known.full:
                match = compare(key, other, self.config)
                if match is None:
                    continue
                one_part = len(match.shorter.tokens) == 1
                if match.full and not (person and one_part):
                    full.append((-match.score, known.order, entity_id))
                elif person and any(is_distinctive(t) for t in match.shorter.tokens):
                    partial.add(entity_id)
        if full:
            return min(full)[2], False
        if len(partial) == 1:
            return partial.pop(), False
        if partial:
            log.debug("%s matches %d known people in part: kept apart", key, len(partial))
        return None, len(partial) > 1

    def _distinctive(self, token: TokenKey, index: NameIndex[str] | None) -> bool:
        """Whether a part can identify a person alone: no common given name, long enough,
        and not shared by more than ``cap`` known people."""
        common = common_parts(self.config)
        return common.is_distinctive(token) and (index is None or index.count(token) <= self._cap)

    def _identifies_nobody(self, key: NameKey, label: str, crowded: bool) -> bool:
        """A one-part person name that is common, or that several known people share."""
        if label_group(label) != "PER" or len(key.tokens) != 1:
            return False
        return crowded or not self._distinctive(key.tokens[0], self._index.get("PER"))

    # --- making and growing entities ------------------------------------------------------

    def _new_id(self, folded: str, label: str) -> str:
        base = _hash(folded)
        entity_id = f"{ID_PREFIX}{label}-{base}"
        n = 1
        while entity_id in self._known:  # the same folded name, deliberately kept apart
            n += 1
            entity_id = f"{ID_PREFIX}{label}-{_hash(f'{folded}#{n}')}"
        return entity_id

    @staticmethod
    def _scoped_id(folded: str, label: str, scope: str | None) -> str:
        scoped = f"{folded}@{scope or ''}"
        return f"{ID_PREFIX}{label}-{_hash(scoped)}"

    def _create(self, entity_id: str, surface: str, label: str, lang: str) -> None:
        self._adopt(LocalEntity(entity_id, label, {lang: [surface]}, surface))

    def _adopt(self, entity: LocalEntity) -> None:
        """Take ``entity`` in as it is and file its full-length names."""
        if not entity.canonical:
            entity.canonical = next((n for _, n in entity.all_names()), entity.id)
        known = _Known(entity, len(self._known), [], 0)
        self._known[entity.id] = known
        for _, name in entity.all_names():
            self._file(known, name)
        self._touch(entity.id)

    def _add_name(self, entity_id: str, name: str, lang: str) -> None:
        known = self._known[entity_id]
        names = known.entity.names.setdefault(lang, [])
        if name in names:
            return
        names.append(name)
        self._file(known, name)
        known.entity.canonical = _better_canonical(known.entity.canonical, name)
        self._touch(entity_id)

    def _file(self, known: _Known, name: str) -> None:
        key = name_key(name)
        width = len(key.tokens)
        if width == 0 or width < known.width:
            return
        if width > known.width:
            known.full, known.width = [], width
        if key not in known.full:
            known.full.append(key)
            index = self._index.setdefault(label_group(known.entity.label), NameIndex(self._cap))
            index.add(key, known.entity.id)

    def _touch(self, entity_id: str) -> None:
        self._revision += 1
        self._changed[entity_id] = self._revision


def _better_canonical(current: str, name: str) -> str:
    """The first full-length Latin-script name seen, else the first full-length name."""
    width, current_width = _parts(name), _parts(current)
    if width > current_width:
        return name
    if width == current_width and is_arabic(current) and not is_arabic(name):
        return name
    return current


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


__all__ = ["EntityRegistry", "LocalEntity"]
