"""The command line end to end, on the bundled seeds and on broken input."""

from __future__ import annotations

import json
from pathlib import Path

from sqlite_dump import dump

from marsad.sample import sample_dir

SEEDS = str(sample_dir())


def test_cli_demo_prints_a_digest_of_the_sample(marsad, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = marsad("demo")
    assert "5 article(s) in the store" in done.stdout
    assert "en 3" in done.stdout and "ar 2" in done.stdout
    assert "2022-04-08" in done.stdout  # seed 001's date, resolved from "الجمعة 8 نيسان"
    assert "navigation" in done.stdout and "widget" in done.stdout
    assert (tmp_path / "marsad.db").exists()


def test_cli_reingesting_the_same_input_changes_nothing(marsad, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    marsad("ingest", SEEDS)
    before = dump(tmp_path / "marsad.db")
    again = marsad("ingest", SEEDS)
    assert "0 new, 5 already stored" in again.stderr
    assert dump(tmp_path / "marsad.db") == before


def test_cli_ids_are_stable_across_stores(marsad, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    marsad("ingest", SEEDS, "--db", "one.db")
    marsad("ingest", SEEDS, "--db", "two.db")
    one = marsad("export", "--db", "one.db").stdout
    two = marsad("export", "--db", "two.db").stdout
    assert [json.loads(x)["id"] for x in one.splitlines()] == [
        json.loads(x)["id"] for x in two.splitlines()
    ]


def test_cli_export_follows_the_schema_contract(marsad, seeded) -> None:  # type: ignore[no-untyped-def]
    records = [json.loads(line) for line in marsad("export").stdout.splitlines()]
    assert len(records) == 5
    for r in records:
        for key in ("id", "source", "lang", "title", "outlet", "byline", "published", "text",
                    "story_id", "duplicate_of", "mentions", "quotes", "events"):  # fmt: skip
            assert key in r
        for s, e in r["sentences"]:
            assert 0 <= s < e <= len(r["text"])
        for d in r["dates"]:
            assert r["text"][d["start"] : d["end"]] == d["text"]
    by_title = {r["title"]: r for r in records}
    north = by_title["AANES calls for international support to guarantee persistent ISIS defeat"]
    assert (north["outlet"], north["byline"], north["lang"]) == ("North Press", "Adnan Hamo", "en")


def test_cli_export_csv_has_one_row_per_article(marsad, seeded) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(marsad("export", "--format", "csv").stdout)))
    assert len(rows) == 5 and {r["lang"] for r in rows} == {"ar", "en"}


def test_cli_show_prints_one_article(marsad, seeded) -> None:  # type: ignore[no-untyped-def]
    first = json.loads(marsad("export").stdout.splitlines()[0])
    shown = marsad("show", first["id"][:8]).stdout
    assert first["id"] in shown and first["text"][:40] in shown
    missing = marsad("show", "ffffffffffff", check=False)
    assert missing.returncode != 0 and "marsad digest" in missing.stderr


def test_cli_extract_keeps_given_text_and_id_verbatim(marsad) -> None:  # type: ignore[no-untyped-def]
    text = "  Omar said:  “We need support.”\n\nقال عمر إن الوضع خطير.  "
    line = json.dumps({"id": "given-1", "text": text, "title": "T"}, ensure_ascii=False)
    out = marsad("extract", "-", stdin=line + "\n{broken\n").stdout.splitlines()
    assert len(out) == 1
    record = json.loads(out[0])
    assert record["id"] == "given-1" and record["text"] == text and record["title"] == "T"


def test_cli_extract_reads_files_without_a_store(marsad, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = marsad("extract", SEEDS).stdout.splitlines()
    assert len(out) == 5 and not (tmp_path / "marsad.db").exists()


def test_cli_ingest_reports_bad_files_and_goes_on(marsad, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "good.txt").write_text("A headline\n\nA body paragraph that says enough.\n")
    done = marsad("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "image.txt"),
                  str(tmp_path / "good.txt"))  # fmt: skip
    assert "1 new" in done.stderr
    assert "empty.txt" in done.stderr and "image.txt" in done.stderr


def test_cli_ingest_fails_only_when_nothing_could_be_read(marsad, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_bytes(b"")
    done = marsad("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), check=False)
    assert done.returncode != 0
    assert "nothing could be read" in done.stderr


def test_cli_help_describes_every_command(marsad) -> None:  # type: ignore[no-untyped-def]
    top = marsad("--help").stdout
    for command in ("ingest", "extract", "export", "show", "digest", "demo", "eval"):
        assert command in top
        assert "Usage" in marsad(command, "--help").stdout
