"""Fixtures of the knowledge-base tests: the shipped KB alone, and a private MARSAD_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.kb import KnowledgeBase, load_kb

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def shipped_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The shipped KB only: an empty user directory, whatever the machine's ~/.marsad holds."""
    return load_kb(user_dir=tmp_path_factory.mktemp("no-user-kb"))


@pytest.fixture()
def marsad_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh $MARSAD_HOME, so tests never read or write the real ~/.marsad."""
    home = tmp_path / "marsad-home"
    monkeypatch.setenv("MARSAD_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def country_boxes() -> dict[str, tuple[float, float, float, float]]:
    """ISO2 -> (min_lat, max_lat, min_lon, max_lon), generous boxes for plausibility checks."""
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for line in (HERE / "country_boxes.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, *numbers = line.split("\t")
            lat0, lat1, lon0, lon1 = (float(n) for n in numbers)
            boxes[code] = (lat0, lat1, lon0, lon1)
    return boxes
