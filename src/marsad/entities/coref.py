"""Within-article coreference: which mentions of one article name one entity.

Names (``cluster``): mentions the KB linked to one entry go together; a person named by part
of a name ("Omar", "جيا كرد", "Zabidov") goes with the nearest fuller name of which it is
part, before it or else after it ("Abdul Karim Omar"), so that two people called Omar in one
article stay two; other mentions go with those of the same name, in any spelling or script.

Definite descriptions (``refer_back``): "the organization", "التنظيم" name the
organisation in focus when they clearly refer back to it: it was named before, it is of a
kind the description fits (an armed group), no organisation that could fit stands in
between, and it is the organisation of that kind named most so far.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from marsad.entities.blocking import name_blocks, part_blocks
from marsad.entities.lexicon import Description, find_descriptions
from marsad.entities.matching import DEFAULT_CONFIG, MatchConfig, NameMatch, compare, label_group
from marsad.names import NameKey


@dataclass(frozen=True, slots=True)
class Named:
    """What clustering needs of a mention: where it is, its label and name, and the KB
    entry id it already has (None when the KB does not know it)."""

    start: int
    label: str
    key: NameKey
    folded: str
    kb_id: str | None = None


class _Clusters:
    """Union-find over mention positions that keeps at most one KB id per cluster."""

    def __init__(self, named: Sequence[Named]) -> None:
        self.parent = list(range(len(named)))
        self.kb_id = [n.kb_id for n in named]

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> bool:
        a, b = self.root(i), self.root(j)
        if a == b:
            return True
        if self.kb_id[a] and self.kb_id[b] and self.kb_id[a] != self.kb_id[b]:
            return False  # never merge two known entities
        self.parent[b] = a
        self.kb_id[a] = self.kb_id[a] or self.kb_id[b]
        return True


class _Comparer:
    """``compare`` over one article's names, each distinct pair once, and only for names
    that share a sound block (names that share none cannot match)."""

    def __init__(self, named: Sequence[Named], config: MatchConfig) -> None:
        self.config = config
        self._blocks = [_blocks(item.key) for item in named]
        self._named = named
        self._memo: dict[tuple[str, str], NameMatch | None] = {}

    def __call__(self, i: int, j: int) -> NameMatch | None:
        a, b = self._named[i], self._named[j]
        pair = (a.folded, b.folded)
        if pair not in self._memo:
            shared = not self._blocks[i].isdisjoint(self._blocks[j])
            self._memo[pair] = compare(a.key, b.key, self.config) if shared else None
        return self._memo[pair]


def _blocks(key: NameKey) -> frozenset[str]:
    blocks = set(name_blocks(key))
    for token in key.tokens:
        blocks.update(part_blocks(token))
    return frozenset(blocks)


def cluster(named: Sequence[Named], config: MatchConfig = DEFAULT_CONFIG) -> list[int]:
    """For each mention, the position of its cluster's representative (any member)."""
    clusters = _Clusters(named)
    compared = _Comparer(named, config)
    first_of: dict[tuple[str, str], int] = {}
    for i, item in enumerate(named):
        if item.kb_id:
            clusters.join(first_of.setdefault(("kb", item.kb_id), i), i)

    short = _short_forms(named, compared)
    unknown = [i for i, item in enumerate(named) if not item.kb_id and i not in short]
    for i in unknown:
        item = named[i]
        clusters.join(first_of.setdefault((label_group(item.label), item.folded), i), i)
    # The same name in another spelling or script, or a KB name spelled another way: one
    # mention of each distinct name is compared, its cluster holds the others.
    distinct = list({_kind(named[i]): i for i in unknown}.values())
    others = list({_kind(named[j]): j for j in range(len(named)) if j not in short}.values())
    for i in distinct:
        for j in others:
            if label_group(named[j].label) != label_group(named[i].label):
                continue
            if clusters.root(i) == clusters.root(j):
                continue
            found = compared(i, j)
            if found is not None and found.full:
                clusters.join(j, i)
    for i, j in short.items():
        clusters.join(j, i)
    return [clusters.root(i) for i in range(len(named))]


def _kind(item: Named) -> tuple[str, str, str | None]:
    """Mentions alike for comparing: one label group, one folded name, one KB id."""
    return label_group(item.label), item.folded, item.kb_id


def _short_forms(named: Sequence[Named], compared: _Comparer) -> dict[int, int]:
    """Person mentions without a KB id that are part of a fuller person name in the
    article -> the nearest such name, before them, else after them."""
    out: dict[int, int] = {}
    people = [i for i, item in enumerate(named) if item.label == "PER"]
    for i in people:
        item = named[i]
        if item.kb_id:
            continue
        fuller = []
        for j in people:
            other = named[j]
            if len(other.key.tokens) <= len(item.key.tokens):
                continue
            found = compared(i, j)
            if found is not None and not found.full:
                fuller.append(j)
        before = [j for j in fuller if named[j].start < item.start]
        after = [j for j in fuller if named[j].start > item.start]
        if before:
            out[i] = max(before, key=lambda j: named[j].start)
        elif after:
            out[i] = min(after, key=lambda j: named[j].start)
    return out


@dataclass(frozen=True, slots=True)
class Linked:
    """A mention with its identity, as ``refer_back`` sees it. ``kind`` is the KB kind of
    an organisation the KB knows; None for one it does not (which could be of any kind)."""

    start: int
    end: int
    entity_id: str | None
    name: str | None
    is_org: bool
    kind: str | None


@dataclass(frozen=True, slots=True)
class Reference:
    start: int
    end: int
    entity_id: str
    name: str | None
    description: Description


def refer_back(
    text: str,
    lang: str,
    mentions: Sequence[Linked],
    taken: Callable[[int, int], bool],
) -> list[Reference]:
    """The definite descriptions in ``text`` that clearly refer back to an organisation
    among ``mentions`` (in text order); ``taken(start, end)`` says whether a span overlaps
    a mention already."""
    found: list[Reference] = []
    for start, end, description in find_descriptions(text, lang):
        if taken(start, end):
            continue
        earlier = [m for m in mentions if m.end <= start] + [
            Linked(r.start, r.end, r.entity_id, r.name, True, _kind_of(r, mentions)) for r in found
        ]
        earlier.sort(key=lambda m: m.start)
        antecedent = _antecedent(earlier, description)
        if antecedent is not None and antecedent.entity_id is not None:
            found.append(Reference(start, end, antecedent.entity_id, antecedent.name, description))
    return found


def _kind_of(reference: Reference, mentions: Sequence[Linked]) -> str | None:
    return next((m.kind for m in mentions if m.entity_id == reference.entity_id), None)


def _antecedent(earlier: Sequence[Linked], description: Description) -> Linked | None:
    fitting = [m for m in earlier if m.is_org and m.kind in description.kinds]
    nearest: Linked | None = None
    for mention in reversed(earlier):
        if not mention.is_org:
            continue
        if mention.kind is None:
            return None  # an organisation of unknown kind could be the one meant
        if mention.kind in description.kinds:
            nearest = mention
            break
    if nearest is None:
        return None
    counts = Counter(m.entity_id for m in fitting).most_common(2)
    if len(counts) > 1 and counts[1][1] == counts[0][1]:
        return None  # two organisations equally in focus
    return nearest if counts[0][0] == nearest.entity_id else None


__all__ = ["Linked", "Named", "Reference", "cluster", "refer_back"]
