"""The API contract under fuzzing: schemathesis generates requests from /api/openapi.json
(examples, boundary and type-violating values, random data) against a live server, with
and without the ingest token, and every response must keep to the schema.

Checks: no 5xx; every status code, content type, header and body as the schema declares;
405 with ``Allow``; required headers; the token really required; schema-valid requests
accepted. Left out: ``negative_data_rejection``, on purpose: a blank optional parameter
(``since=``) means "not given" (forms send them) and the last of repeated values counts,
both of which it reports as accepted violations.

Bounded (examples per operation, seconds per run) so both runs finish in about a minute;
the seed is fixed so a failure reproduces (the report names the curl command).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from api_server import TOKEN, Server

pytestmark = [pytest.mark.slow, pytest.mark.network]

MAX_EXAMPLES = 25  # per operation and phase
MAX_SECONDS = 30  # per run: a hard bound on top of the examples
SEED = 42


def _fuzz(server: Server, report_dir: Path, token: str | None) -> dict[str, object]:
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", f"{server.url}/api/openapi.json",
        "--checks", "all", "--exclude-checks", "negative_data_rejection",
        "--phases", "examples,coverage,fuzzing", "--workers", "1", "--no-shrink",
        "--max-examples", str(MAX_EXAMPLES), "--max-time", str(MAX_SECONDS),
        "--seed", str(SEED), "--request-timeout", "60",
        "--report", "json", "--report-dir", str(report_dir),
    ]  # fmt: skip
    if token:
        command += ["--header", f"Authorization: Bearer {token}"]
    # In report_dir: schemathesis keeps a cache folder in its working directory.
    run = subprocess.run(
        command, capture_output=True, text=True, timeout=MAX_SECONDS + 60, cwd=report_dir
    )
    [report_path] = report_dir.glob("json-*.json")
    report: dict[str, object] = json.loads(report_path.read_text(encoding="utf-8"))
    report["output"] = run.stdout[-6000:] + run.stderr[-2000:]
    return report


@pytest.mark.parametrize("with_token", [False, True], ids=["anonymous", "token"])
def test_api_fuzz_keeps_the_schema(
    read_server: Server, public_only_server: Server, tmp_path: Path, with_token: bool
) -> None:
    # Without a token ingest is off (403); with one it runs, fetching public addresses only.
    server = public_only_server if with_token else read_server
    report = _fuzz(server, tmp_path, TOKEN if with_token else None)
    cases = report["test_cases"]
    assert isinstance(cases, dict)
    print(f"\nfuzz {'token' if with_token else 'anonymous'}: {cases['generated']} requests,"
          f" failures {report['failures']}, errors {report['errors']}")  # fmt: skip
    assert report["failures"] == [] and report["errors"] == [], report["output"]
    operations = report["operations"]
    assert isinstance(operations, dict) and operations["tested"] == operations["total"] >= 12
    assert cases["generated"] >= 300  # it really ran
