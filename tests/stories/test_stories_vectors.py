"""The nearest-neighbour graphs beside a store: written on close, reused after a restart,
caught up when they lag behind the table, rebuilt when they are ahead of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from story_builder import WordsEmbedder, add, article, words

from marsad.store import SQLiteStore
from marsad.stories import vectors
from marsad.stories.vectors import SAVE_EVERY, months_near, shard_of
from marsad.types import Article


def _batch(tag: str, day: str, n: int = 3) -> list[Article]:
    return [article(f"{tag}{i:014d}", words(f"{tag}{i}", 12), day, tag) for i in range(n)]


def _near(store: SQLiteStore, tag: str, day: str) -> list[str]:
    vector = WordsEmbedder().embed([words(f"{tag}0", 12)])[0]
    return store.story_index().nearest(vector, day, 3)


def _files(db: Path) -> list[str]:
    return sorted(p.name for p in Path(f"{db}-vectors").glob("*.usearch"))


def test_vectors_graphs_survive_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with SQLiteStore(db) as store:
        add(store, _batch("x", "2024-02-10"))
    assert _files(db) == ["2024-02_en.3.usearch"]  # the shard's last vector number in its name
    with SQLiteStore(db) as store:
        assert _near(store, "x", "2024-02-11")[0] == "x00000000000000"
    assert _files(db) == ["2024-02_en.3.usearch"]  # read in place, nothing rewritten


def test_vectors_a_lagging_graph_is_caught_up_from_the_table(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with SQLiteStore(db) as store:
        add(store, _batch("x", "2024-02-10"))
    old = tmp_path / "old-graphs"
    shutil.copytree(f"{db}-vectors", old)
    with SQLiteStore(db) as store:
        add(store, _batch("y", "2024-02-10"))
    # As after a kill between the commit and the file write: the file lacks the last batch.
    shutil.rmtree(f"{db}-vectors")
    shutil.copytree(old, f"{db}-vectors")
    with SQLiteStore(db) as store:
        assert _near(store, "y", "2024-02-10")[0] == "y00000000000000"
    assert _files(db) == ["2024-02_en.6.usearch"]


def test_vectors_a_graph_ahead_of_the_table_is_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with SQLiteStore(db) as store:
        add(store, _batch("x", "2024-02-10"))
    shutil.copy(db, tmp_path / "backup.db")
    with SQLiteStore(db) as store:
        add(store, _batch("y", "2024-02-10"))
    # The database restored from the copy; the graph beside it knows the lost batch.
    shutil.copy(tmp_path / "backup.db", db)
    Path(f"{db}-wal").unlink(missing_ok=True)
    with SQLiteStore(db) as store:
        found = _near(store, "y", "2024-02-10")
        assert found and not any(a.startswith("y") for a in found)
        assert _near(store, "x", "2024-02-10")[0] == "x00000000000000"
    assert _files(db) == ["2024-02_en.3.usearch"]


def test_vectors_lookups_stay_in_the_date_window() -> None:
    assert months_near("2024-03-02", 3) == ["2024-02", "2024-03", "undated"]
    assert months_near("2024-03-15", 3) == ["2024-03", "undated"]
    assert months_near(None, 3) == ["undated"]
    assert shard_of("2024-03-15", "ar") == "2024-03_ar" and shard_of(None, None) == "undated_xx"
    assert SAVE_EVERY > 200  # a batch of 200 does not rewrite a month's file by itself


def test_vectors_an_unwritable_graph_folder_never_fails_an_ingest(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Path(f"{db}-vectors").write_text("a file where the folder would be")
    with SQLiteStore(db) as store:
        add(store, _batch("x", "2024-02-10"))
        assert _near(store, "x", "2024-02-10")[0] == "x00000000000000"
    with SQLiteStore(db) as store:  # the graph is rebuilt from the table
        assert _near(store, "x", "2024-02-10")[0] == "x00000000000000"


def test_vectors_new_vectors_wait_beside_the_graph_until_save_every(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    with SQLiteStore(db) as store:
        add(store, _batch("x", "2024-02-10"))
    monkeypatch.setattr(vectors, "SAVE_EVERY", 5)
    with SQLiteStore(db) as store:
        add(store, _batch("y", "2024-02-10"))  # 3 new: searched beside the mapped graph
        assert _files(db) == ["2024-02_en.3.usearch"]
        assert _near(store, "y", "2024-02-10")[0] == "y00000000000000"
        add(store, _batch("z", "2024-02-10"))  # 6 beside it: added to the graph, written
        assert _files(db) == ["2024-02_en.9.usearch"]
        assert _near(store, "z", "2024-02-10")[0] == "z00000000000000"
        assert _near(store, "x", "2024-02-10")[0] == "x00000000000000"


def test_vectors_closing_a_shard_for_another_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    months = [f"2023-{m:02d}-10" for m in range(1, 13)]  # more shards than are kept open
    for i, day in enumerate(months):
        with SQLiteStore(db) as store:  # each month's file written on close
            add(store, _batch(f"m{i}a", day))
    written = {p.name: p.stat().st_mtime_ns for p in Path(f"{db}-vectors").iterdir()}
    assert len(written) == len(months)
    with SQLiteStore(db) as store:
        for _ in range(2):
            for i, day in enumerate(months):
                add(store, _batch(f"m{i}b{_}", day))
        # every shard was closed for another and opened again; none was rewritten for it
        now = {p.name: p.stat().st_mtime_ns for p in Path(f"{db}-vectors").iterdir()}
        assert now == written
        for i, day in enumerate(months):  # a reopened shard's new vectors come from the table
            assert _near(store, f"m{i}b1", day)[0] == f"m{i}b100000000000000"
    with SQLiteStore(db) as store:  # and again after a restart, files lagging or not
        for i, day in enumerate(months):
            assert _near(store, f"m{i}b0", day)[0] == f"m{i}b000000000000000"


def test_vectors_every_shard_gets_its_file_once_its_delta_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vectors, "SAVE_EVERY", 2)
    db = tmp_path / "s.db"
    months = [f"2023-{m:02d}-10" for m in range(1, 13)]  # more shards than are kept open
    with SQLiteStore(db) as store:
        for i, day in enumerate(months):
            add(store, _batch(f"m{i}a", day))
        # written at each commit, not only for the shards still open at the end
        assert len(_files(db)) == len(months)
