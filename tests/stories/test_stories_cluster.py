"""Story assignment on the seeds (real E5 embeddings) and on planted copies."""

from __future__ import annotations

import dataclasses
import random

import pytest

from marsad.stories.cluster import Clusterer, story_id_for
from marsad.stories.embed import Embedder
from marsad.stories.index import MemoryIndex
from marsad.types import Article

# 000 (English) and 001 (Arabic) are one story; every other seed is its own.
GOLDEN = [{"000", "001"}, {"002"}, {"003"}, {"004"}]


def _assign(articles: list[Article], clusterer: Clusterer, index: MemoryIndex) -> None:
    index.apply(clusterer.assign(articles, index))


def _partition(seeds: dict[str, Article]) -> list[set[str]]:
    groups: dict[str, set[str]] = {}
    for n, a in seeds.items():
        assert a.story_id
        groups.setdefault(a.story_id, set()).add(n)
    return sorted(groups.values(), key=min)


def test_cluster_seeds_form_the_golden_stories(seeds: dict[str, Article], e5: Embedder) -> None:
    index = MemoryIndex()
    _assign(list(seeds.values()), Clusterer(e5), index)
    assert _partition(seeds) == GOLDEN
    link = index.links([seeds["001"].id])[seeds["001"].id]
    assert link.explanation.kind == "story" and link.explanation.linked_to == seeds["000"].id
    assert link.explanation.entities >= 10 and link.explanation.rank == 1
    assert seeds["000"].story_id == story_id_for(seeds["000"].id)
    assert all(a.duplicate_of is None for a in seeds.values())


ORDERS = [["001", "004", "003", "002", "000"], ["003", "000", "002", "001", "004"]]


@pytest.mark.parametrize("order", ORDERS)
def test_cluster_stories_do_not_depend_on_arrival_order(
    seeds: dict[str, Article], order: list[str], e5: Embedder
) -> None:
    index = MemoryIndex()
    _assign([seeds[n] for n in order], Clusterer(e5), index)
    assert _partition(seeds) == GOLDEN
    # The story is named after whichever version arrived first.
    first = next(n for n in order if n in {"000", "001"})
    assert seeds["000"].story_id == story_id_for(seeds[first].id)


def test_cluster_ids_are_the_same_in_one_batch_or_many(
    seeds: dict[str, Article], e5: Embedder
) -> None:
    one = {n: dataclasses.replace(a) for n, a in seeds.items()}
    _assign(list(one.values()), Clusterer(e5), MemoryIndex())
    index, clusterer = MemoryIndex(), Clusterer(e5)
    for n in sorted(seeds):
        _assign([seeds[n]], clusterer, index)
    assert {n: a.story_id for n, a in seeds.items()} == {n: a.story_id for n, a in one.items()}


def test_cluster_known_articles_keep_their_story_and_add_nothing(
    seeds: dict[str, Article], e5: Embedder
) -> None:
    index, clusterer = MemoryIndex(), Clusterer(e5)
    _assign(list(seeds.values()), clusterer, index)
    before = {n: a.story_id for n, a in seeds.items()}
    again = [dataclasses.replace(a, story_id=None) for a in seeds.values()]
    writes = clusterer.assign(again, index)
    assert not writes and not writes.features
    assert [a.story_id for a in again] == list(before.values())


def _near_copy(article: Article, new_id: str, seed: int) -> Article:
    rng = random.Random(seed)
    words = article.text.split(" ")
    for _ in range(3):
        words[rng.randrange(len(words))] = "edited"
    text = "Follow us on Telegram\n" + " ".join(words) + "\nAll rights reserved"
    return dataclasses.replace(article, id=new_id, text=text, story_id=None, outlet="Copycat")


@pytest.mark.parametrize("seed", ["001", "000"], ids=["ar", "en"])
def test_cluster_near_copies_are_duplicates_of_the_first(
    seeds: dict[str, Article], seed: str, word_embedder
) -> None:  # type: ignore[no-untyped-def]
    original = seeds[seed]
    copies = [_near_copy(original, f"copy-{i}", i) for i in range(3)]
    index = MemoryIndex()
    _assign([original, *copies[:1]], Clusterer(word_embedder), index)
    _assign(copies[1:], Clusterer(word_embedder), index)
    assert all(c.duplicate_of == original.id for c in copies)
    assert all(c.story_id == original.story_id for c in copies)
    why = index.links(["copy-2"])["copy-2"].explanation
    assert why.kind == "duplicate" and why.overlap is not None and why.overlap >= 0.8
    assert word_embedder.calls == 1  # the original's lead; copies need no embedding


@pytest.mark.parametrize(("seed", "other"), [("001", "003"), ("000", "002")], ids=["ar", "en"])
def test_cluster_same_language_different_stories_stay_apart(
    seeds: dict[str, Article], seed: str, other: str, e5: Embedder
) -> None:
    index = MemoryIndex()
    _assign([seeds[seed], seeds[other]], Clusterer(e5), index)
    assert seeds[seed].story_id != seeds[other].story_id
    assert seeds[other].duplicate_of is None
