"""A Kurdish article in each script, ingested into a store and shown back."""

from __future__ import annotations

import json
from pathlib import Path

from langs.kurdish import gold


def test_kurdish_articles_are_ingested_and_shown(marsad, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "kurdish"
    folder.mkdir()
    for item in gold():
        (folder / f"{item['lang']}.txt").write_text(item["text"], encoding="utf-8")
    marsad("ingest", str(folder))
    records = {r["lang"]: r for r in map(json.loads, marsad("export").stdout.splitlines())}
    assert set(records) == {"ckb", "ku"}
    for lang, record in records.items():
        ids = {m["entity_id"] for m in record["mentions"]}
        assert {"marsad:place/qamishli", "marsad:place/kobani"} <= ids, lang
        assert record["quotes"] and record["quotes"][0]["cue"]
        shown = marsad("show", record["id"]).stdout
        assert record["text"].splitlines()[0] in shown
