"""`marsad events --format` and `marsad export --format` on the seeds, through the real
command line: the same rows as CSV, JSON Lines, Parquet and GeoJSON; real events by default."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq

from marsad.event_rows import COLUMNS
from marsad.record import to_record
from marsad.store import open_store


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_events_formats_give_the_same_rows(marsad, seeded: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = _csv(marsad("events", "--format", "csv", "--status", "all").stdout)
    assert rows and tuple(rows[0]) == COLUMNS
    lines = marsad("events", "--format", "jsonl", "--status", "all").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["event_id"] for r in records] == [r["event_id"] for r in rows]
    assert all(tuple(r) == COLUMNS for r in records)
    done = marsad("events", "--status", "all", "-o", "events.parquet")
    assert f"wrote {len(rows)} event(s)" in done.stderr
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.column_names == list(COLUMNS) and table.to_pylist() == records
    # an ISO day for every event of a dated article; never a local path as source
    assert all(r["event_date"] and r["date_precision"] for r in records if r["published"])
    assert all(r["event_date"] is None or len(r["event_date"]) == 10 for r in records)
    assert all(r["source"] is None or r["source"].startswith("http") for r in records)


REPORT = (
    "Turkish army shells Kobani\n\n"
    "The Turkish army shelled the town of Kobani on Sunday, local officials said."
    " The Syrian Democratic Forces did not attack Turkish positions near the border."
    " If the talks fail, the government could impose sanctions on the SDF.\n"
)


def test_events_default_to_real_ones(marsad, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    marsad("ingest", "report.txt")
    every = _csv(marsad("events", "--csv", "--status", "all").stdout)
    real = _csv(marsad("events", "--csv").stdout)
    assert {r["status"] for r in every} == {"real", "negated", "hypothetical"}
    assert {r["status"] for r in real} == {"real"}
    assert len(real) == sum(r["status"] == "real" for r in every)
    negated = _csv(marsad("events", "--csv", "--status", "negated").stdout)
    assert [r["evidence"] for r in negated] == [
        "The Syrian Democratic Forces did not attack Turkish positions near the border."
    ]
    assert negated[0]["source"] == ""  # ingested from a local file: no URL to give
    wrong = marsad("events", "--status", "maybe", check=False)
    assert wrong.returncode == 2 and "maybe" in wrong.stderr


def test_events_geojson_has_a_point_per_placed_event(marsad, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    every = _csv(marsad("events", "--csv", "--status", "all").stdout)
    done = marsad("events", "--format", "geojson", "--status", "all")
    collection = json.loads(done.stdout)
    features = collection["features"]
    placed = [r for r in every if r["latitude"]]
    assert collection["type"] == "FeatureCollection" and len(features) == len(placed)
    first = features[0]
    assert first["geometry"]["coordinates"] == [
        float(placed[0]["longitude"]),
        float(placed[0]["latitude"]),
    ]
    assert first["properties"]["event_id"] == placed[0]["event_id"]
    unplaced = len(every) - len(placed)
    if unplaced:
        assert f"left out {unplaced} event(s) without coordinates" in done.stderr
    export = json.loads(marsad("export", "--format", "geojson").stdout)
    assert len(export["features"]) == len(features)


def test_export_parquet_holds_the_export_records(marsad, seeded: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = marsad("export", "--format", "parquet", "-o", "articles.parquet")
    assert "wrote 5 article(s)" in done.stderr
    from marsad.batch.parquet import read_records

    with open_store(seeded) as store:
        expected = [to_record(a) for a in store.iter_articles()]
    got = list(read_records(tmp_path / "articles.parquet"))
    assert [r["id"] for r in got] == [r["id"] for r in expected]
    assert got[0]["events"] == expected[0]["events"]
    assert {e["status"] for r in got for e in r["events"] or ()} <= {
        "real",
        "negated",
        "hypothetical",
    }
    refused = marsad("export", "--format", "parquet", check=False)
    assert refused.returncode == 1 and "-o FILE" in refused.stderr
