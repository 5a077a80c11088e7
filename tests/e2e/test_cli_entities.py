"""Entities through the store and the command line, on the seeds."""

from __future__ import annotations

import json

from marsad.sample import sample_dir

SEEDS = str(sample_dir())

# One reader's list of who and where appears in both 000 (English) and 001 (Arabic).
SHARED_IN_000_AND_001 = [
    ("Abdul Karim Omar", "عبد الكريم عمر"),
    ("Abeer Elia", "عبير إيليا"),
    ("Fanar Al-Kait", "فنر الكعيط"),
    ("Zabidov", "زبيد الله زبيدوف"),
    ("Department of External Relations", "دائرة العلاقات الخارجية"),
    ("Syrian Democratic Forces", "قوات سوريا الديمقراطية"),
    ("Daesh", "داعش"),
    ("Qamishlo", "قامشلو"),
    ("Baghouz", "الباغوز"),
    ("Al-Hol camp", "مخيم الهول"),
]


def _records(marsad) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    """The export of the store the test was given (the `seeded` copy)."""
    records = [json.loads(x) for x in marsad("export").stdout.splitlines()]
    return {r["source"].rsplit("/", 1)[-1][:3]: r for r in records}


def _ids_of(record: dict, surface: str) -> set[str]:  # type: ignore[type-arg]
    return {m["entity_id"] for m in record["mentions"] if surface in m["text"] and m["entity_id"]}


def test_cli_entities_share_ids_across_the_two_language_versions(marsad, seeded) -> None:  # type: ignore[no-untyped-def]
    by_seed = _records(marsad)
    en, ar = by_seed["000"], by_seed["001"]
    for english, arabic in SHARED_IN_000_AND_001:
        en_ids, ar_ids = _ids_of(en, english), _ids_of(ar, arabic)
        assert en_ids and en_ids == ar_ids, (english, arabic, en_ids, ar_ids)


def test_cli_export_mentions_point_into_the_text(marsad, seeded) -> None:  # type: ignore[no-untyped-def]
    for record in _records(marsad).values():
        assert record["mentions"], record["id"]
        for m in record["mentions"]:
            assert record["text"][m["start"] : m["end"]] == m["text"]
            assert m["label"] in {"PER", "ORG", "GPE", "LOC", "FAC", "NORP"}


def test_cli_entities_finds_a_place_by_any_spelling(marsad, seeded) -> None:  # type: ignore[no-untyped-def]
    for query in ("Qamishli", "قامشلو", "Qamishlo"):
        out = marsad("entities", "--query", query).stdout
        assert "marsad:place/qamishli" in out, query
    assert "no entities match" in marsad("entities", "--query", "Atlantis").stdout


def test_cli_entity_page_shows_names_mentions_and_company(marsad, seeded) -> None:  # type: ignore[no-untyped-def]
    listing = marsad("entities", "--type", "PER", "--query", "Omar").stdout
    entity_id = next(line.split()[0] for line in listing.splitlines()[1:] if "Omar" in line)
    page = marsad("entity", entity_id).stdout
    assert "Abdul Karim Omar" in page and "عبد الكريم عمر" in page
    assert "3 article(s)" in page and "named in the same articles" in page
    missing = marsad("entity", "nobody", check=False)
    assert missing.returncode != 0 and "marsad entities" in missing.stderr


def test_cli_local_entities_survive_into_the_next_ingest(marsad, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # 000 alone first; 001 in a later run must link to the ids the store already holds.
    seeds = sorted(sample_dir().glob("*.txt"))
    marsad("ingest", str(seeds[0]))
    marsad("ingest", str(seeds[1]))
    records = {
        r["source"][-24:-21]: r for r in map(json.loads, marsad("export").stdout.splitlines())
    }
    assert _ids_of(records["000"], "Zabidov") == _ids_of(records["001"], "زبيدوف") != set()


def test_cli_kb_add_extends_linking_and_survives_in_the_user_folder(
    marsad, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MARSAD_HOME", str(tmp_path / "home"))
    added = marsad("kb", "add", "--type", "PER", "--en", "Ruslan Dzuriev", "--ar", "رسلان دزوريف")
    assert "user:per/ruslan-dzuriev" in added.stdout
    assert (tmp_path / "home" / "kb" / "user.yaml").exists()
    assert "user:per/ruslan-dzuriev" in marsad("kb", "lookup", "رسلان دزوريف").stdout


def test_cli_malformed_user_kb_stops_before_any_article(marsad, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MARSAD_HOME", str(tmp_path / "home"))
    user = tmp_path / "home" / "kb"
    user.mkdir(parents=True)
    (user / "mine.yaml").write_text(
        "- id: marsad:place/ok\n  type: GPE\n  names: {en: [Okville]}\n"
        "- id: marsad:place/bad\n  type: TOWN\n  names: {en: [Bad]}\n",
        encoding="utf-8",
    )
    done = marsad("ingest", SEEDS, check=False)
    assert done.returncode != 0
    assert "mine.yaml:4" in done.stderr
    assert "new" not in done.stderr  # no article was read or stored


def test_cli_export_places_carry_coordinates(marsad, seeded) -> None:  # type: ignore[no-untyped-def]
    # Qamishli is at about 37.05 N, 41.23 E in both language versions.
    by_seed = _records(marsad)
    for seed, surface in (("000", "Qamishlo"), ("001", "قامشلو")):
        geos = [m["geo"] for m in by_seed[seed]["mentions"] if m["text"] == surface]
        assert geos and all(g and g["country"] == "SY" for g in geos)
        assert abs(geos[0]["lat"] - 37.05) < 0.1 and abs(geos[0]["lon"] - 41.23) < 0.1


def test_cli_export_names_a_local_entity_the_same_in_every_article(marsad, seeded) -> None:  # type: ignore[no-untyped-def]
    by_seed = _records(marsad)
    zabidov = {m["entity_id"] for m in by_seed["000"]["mentions"] if m["text"] == "Zabidov"}
    names = {
        m["name"]
        for seed in ("000", "001")
        for m in by_seed[seed]["mentions"]
        if m["entity_id"] in zabidov
    }
    assert len(names) == 1
