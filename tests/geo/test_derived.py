"""Derived tables kept between runs: read back when their inputs are unchanged, rebuilt
when an input changes or the file is torn, and never a reason for a run to fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from marsad.geo.derived import cached, fingerprint


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MARSAD_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_built_once_then_read_back(cache: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"aleppo": 1, "halab": 1}

    assert cached("t", "k1", build) == {"aleppo": 1, "halab": 1}
    assert cached("t", "k1", build) == {"aleppo": 1, "halab": 1}
    assert len(calls) == 1
    # A new key builds again; the older version stays for a second install beside it.
    assert cached("t", "k2", build) == {"aleppo": 1, "halab": 1}
    assert len(calls) == 2
    assert cached("t", "k1", build) == cached("t", "k2", build)
    assert len(calls) == 2


def test_the_newest_three_versions_are_kept(cache: Path) -> None:
    for i in range(5):
        cached("t", f"k{i}", lambda: 0)
        os.utime(cache / f"t-k{i}.pickle", ns=(i * 10**9, i * 10**9))  # mtimes in key order
    cached("t", "k5", lambda: 5)
    assert sorted(p.name for p in cache.iterdir()) == ["t-k3.pickle", "t-k4.pickle", "t-k5.pickle"]


def test_torn_file_is_rebuilt(cache: Path) -> None:
    cached("t", "k", lambda: [1, 2, 3])
    (cache / "t-k.pickle").write_bytes(b"\x80\x05 torn")
    assert cached("t", "k", lambda: [4]) == [4]
    assert cached("t", "k", lambda: [5]) == [4]


def test_unwritable_cache_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MARSAD_CACHE", str(blocker / "cache"))
    assert cached("t", "k", lambda: "built") == "built"


def test_fingerprint_follows_the_gazetteer_file(tmp_path: Path) -> None:
    data = tmp_path / "cities.json"
    data.write_text("{}")
    before = fingerprint(15000, files=(data,))
    assert fingerprint(15000, files=(data,)) == before
    assert fingerprint(1000, files=(data,)) != before
    data.write_text('{"1": {}}')
    os.utime(data, ns=(1, 1))
    assert fingerprint(15000, files=(data,)) != before
