"""`marsad batch` on a local Ray instance writes the records `marsad extract` writes, whatever
the partitioning; Parquet in, a store out, and a clear message without Ray."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad import ops
from marsad.pipeline import CORE_STAGES

pytest.importorskip("ray", reason="the batch extra is not installed")

from marsad.batch.job import run_batch
from marsad.batch.parquet import read_records
from marsad.batch.run import RayOptions

from .corpus import news_jsonl, pages_warc

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("local_ray")]


@pytest.fixture(scope="module")
def real_inputs(tmp_path_factory: pytest.TempPathFactory, shared_data: Path, seed_dir: Path):
    folder = tmp_path_factory.mktemp("real")
    jsonl = news_jsonl(shared_data, folder / "lgl.jsonl", 200)
    warc = pages_warc(shared_data, folder / "pages.warc", 30)
    return [str(seed_dir), str(jsonl), str(warc)]


@pytest.fixture(scope="module")
def extracted(real_inputs: list[str]) -> list[dict[str, object]]:
    return list(ops.extract(real_inputs))


def test_batch_writes_what_extract_writes(
    real_inputs: list[str], extracted: list[dict[str, object]], tmp_path: Path
) -> None:
    report = ops.IngestReport()
    n = run_batch(real_inputs, tmp_path, report=report)
    records = list(read_records(tmp_path))
    assert n == len(records) == len(extracted) >= 200
    assert records == extracted  # same rows, same order, same values (ids included)
    assert any(m["entity_id"] for r in records for m in r["mentions"] or ())
    assert {r["lang"] for r in records} >= {"ar", "en"}


def test_ids_do_not_depend_on_the_partitioning(
    real_inputs: list[str], extracted: list[dict[str, object]], tmp_path: Path
) -> None:
    one_worker = RayOptions(workers=1, batch_size=3)
    run_batch(real_inputs, tmp_path, ray_options=one_worker)
    assert list(read_records(tmp_path)) == extracted


def test_parquet_input_gives_the_records_of_the_same_json_lines(
    seed_dir: Path, tmp_path: Path
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        {"text": p.read_text(encoding="utf-8"), "url": f"https://example.org/{p.stem}"}
        for p in sorted(seed_dir.glob("*.txt"))
    ]
    jsonl = tmp_path / "seeds.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "seeds.parquet")
    run_batch([str(tmp_path / "seeds.parquet")], tmp_path / "out", stages=CORE_STAGES)
    from_parquet = list(read_records(tmp_path / "out"))
    expected = list(ops.extract([str(jsonl)], stages=CORE_STAGES))
    assert [r["source"] for r in from_parquet] == [
        f"{tmp_path}/seeds.parquet#R{i}" for i in range(1, 6)
    ]
    for record in (*from_parquet, *expected):
        record.pop("source")
    assert from_parquet == expected


def test_bad_records_are_reported_and_the_rest_goes_on(seed_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    good = {"text": "Shelling hit Qamishli on Monday, the local council said."}
    broken.write_text(f"{json.dumps(good)}\n{{not json\n", encoding="utf-8")
    report = ops.IngestReport()
    n = run_batch(
        [str(broken), str(tmp_path / "missing")], tmp_path / "out", stages=CORE_STAGES,
        report=report,
    )  # fmt: skip
    assert n == 1
    reasons = {p.source: p.reason for p in report.skipped}
    assert reasons[f"{broken}:2"].startswith("invalid JSON")
    assert str(tmp_path / "missing") in reasons


def test_batch_loads_the_store_like_ingest(seed_dir: Path, tmp_path: Path) -> None:
    from marsad.store import open_store

    report = ops.IngestReport()
    with open_store(str(tmp_path / "batch.db")) as store:
        n = run_batch([str(seed_dir)], tmp_path / "out", store=store, report=report)
        exported = [json.loads(line) for line in _export(store)]
    assert n == report.new == 5
    written = list(read_records(tmp_path / "out"))
    assert [r["id"] for r in written] == [r["id"] for r in exported]
    assert [r["story_id"] for r in written] == [r["story_id"] for r in exported]
    # Names may differ: export gives each local entity the name it has now (it can grow
    # with later articles); the Parquet row has the name it had when written.
    assert [_links(r) for r in written] == [_links(r) for r in exported]
    with open_store(str(tmp_path / "batch.db")) as store:  # the same input again: nothing new
        again = ops.IngestReport()
        run_batch([str(seed_dir)], tmp_path / "out", store=store, report=again)
        assert (again.new, again.known) == (0, 5)
        assert store.stats().articles == 5


def _links(record: dict[str, object]) -> list[tuple[object, ...]]:
    return [(m["start"], m["end"], m["entity_id"]) for m in record["mentions"]]  # type: ignore[attr-defined, index]


def _export(store: object) -> list[str]:
    import io

    out = io.StringIO()
    ops.export(store, out)  # type: ignore[arg-type]
    return out.getvalue().splitlines()


def test_without_ray_the_user_is_told_what_to_install(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['ray'] = None\n"
        "from marsad.cli.main import main\n"
        f"sys.argv = ['marsad', 'batch', {str(tmp_path)!r}, '--out', {str(tmp_path / 'o')!r}]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2
    assert "pip install 'marsad[batch]'" in done.stderr
    assert not (tmp_path / "o").exists()
