"""Choosing the knowledge-base entry a mention denotes.

``KnowledgeBase.lookup`` returns every entry a name may denote. One is taken as it is;
among several (al-Hol the town and the camp; Asayish in Syria and in the Kurdistan
Region), the choice narrows by the words beside the name ("al-Hol camp", "مخيم الهول"),
then by the mention's label (a FAC is the camp, a GPE the town), then by the entities the
article names without doubt (a place in the same district, governorate or country; an
organisation of the same country).

A name the KB does not list under any spelling it folds may still be one of its names
spelled another way (Abdulkarim Omar): ``KBMatcher`` compares it with the KB's names by
sound, full matches only, since a part of a name ("Omar") is no evidence across articles.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from marsad.entities.blocking import NameIndex
from marsad.entities.matching import DEFAULT_CONFIG, MatchConfig, compare
from marsad.kb import KBEntry, KnowledgeBase
from marsad.names import NameKey, name_key

# The KB types a mention label can denote: the recogniser's GPE and LOC often trade places.
LABEL_TYPES: dict[str, frozenset[str]] = {
    "PER": frozenset({"PER"}),
    "ORG": frozenset({"ORG"}),
    "GPE": frozenset({"GPE", "LOC"}),
    "LOC": frozenset({"LOC", "GPE"}),
    "FAC": frozenset({"FAC"}),
    "NORP": frozenset({"NORP"}),
}

# A spelling matched by sound must be at least this long (in sound classes) to be trusted:
# short names and acronyms collide (US / IS, Oman / Amman).
MIN_FUZZY_LENGTH = 5


def fits(label: str, entry: KBEntry) -> bool:
    return entry.type in LABEL_TYPES.get(label, frozenset({label}))


def relatedness(entry: KBEntry, other: KBEntry) -> float:
    """How closely two entries belong together: one contains the other, they share a
    parent, a governorate, an organisation, a country."""
    if entry.id == other.id:
        return 0.0
    score = 0.0
    if entry.parent == other.id or other.parent == entry.id:
        score += 2.0
    elif entry.parent is not None and entry.parent == other.parent:
        score += 1.5
    if other.id in entry.part_of or entry.id in other.part_of:
        score += 2.0
    elif set(entry.part_of) & set(other.part_of):
        score += 1.0
    if entry.admin1 is not None and entry.admin1 in (other.admin1, other.id):
        score += 1.0  # the same governorate, or this is in the other
    elif other.admin1 is not None and other.admin1 == entry.id:
        score += 1.0  # the other is in this governorate
    if entry.country is not None and entry.country == other.country:
        score += 0.5
    return score


def choose(
    candidates: Sequence[KBEntry],
    label: str,
    cues: Collection[str] = (),
    context: Collection[KBEntry] = (),
) -> KBEntry | None:
    """The entry among ``candidates`` (in ``lookup`` order) that the mention denotes;
    None when there are none. ``cues`` are KB kinds the words beside the mention name;
    ``context`` the entries the article names without doubt."""
    pool = list(candidates)
    if len(pool) <= 1:
        return pool[0] if pool else None
    for keep in (
        lambda e: e.kind in cues,
        lambda e: fits(label, e),
    ):
        narrowed = [e for e in pool if keep(e)]
        if narrowed:
            pool = narrowed
        if len(pool) == 1:
            return pool[0]
    scores = [sum(relatedness(e, other) for other in context) for e in pool]
    best = max(scores)
    # Ties keep lookup order: display-name matches first.
    return pool[scores.index(best)]


class KBMatcher:
    """The KB's names filed by sound, to find an entry under a spelling it does not list."""

    def __init__(self, kb: KnowledgeBase, config: MatchConfig = DEFAULT_CONFIG) -> None:
        self.kb = kb
        self.config = config
        self._index: NameIndex[str] = NameIndex()
        self._keys: dict[str, list[NameKey]] = {}
        for entry in kb:
            for _, name in entry.all_names():
                key = name_key(name)
                if _length(key) >= MIN_FUZZY_LENGTH:
                    self._keys.setdefault(entry.id, []).append(key)
                    self._index.add(key, entry.id)

    def match(self, name: str, label: str) -> KBEntry | None:
        """The one entry, of a type ``label`` fits, that has a name the same as ``name``
        part for part; None when none or several do."""
        key = name_key(name)
        if _length(key) < MIN_FUZZY_LENGTH:
            return None
        best: dict[str, float] = {}
        for entry_id, parts_found in self._index.candidates(key).items():
            if parts_found < len(key.tokens):
                continue  # a full match pairs every part
            entry = self.kb.get(entry_id)
            if entry is None or not fits(label, entry):
                continue
            for other in self._keys[entry_id]:
                found = compare(key, other, self.config)
                if found is None or not found.full:
                    continue
                if entry.type == "PER" and len(found.shorter.tokens) == 1:
                    continue  # one part of a person's name is no full name
                best[entry_id] = max(best.get(entry_id, 0.0), found.score)
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda item: -item[1])
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        return self.kb.get(ranked[0][0])


def _length(key: NameKey) -> int:
    return len(key.joined[0])


__all__ = ["LABEL_TYPES", "KBMatcher", "choose", "fits", "relatedness"]
