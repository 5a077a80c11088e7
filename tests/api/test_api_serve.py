from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(("token", "ingest_status"), [(None, 403), ("s3cret", 401)])
def test_api_serve_command_prints_url_and_serves(
    seed_db: Path, tmp_path: Path, token: str | None, ingest_status: int
) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_API_TOKEN"}
    if token:
        env["MARSAD_API_TOKEN"] = token
    # its own copy: serve opens (and may migrate) the store
    db = tmp_path / "serve.db"
    db.write_bytes(seed_db.read_bytes())
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"{url}/api/search", params={"q": "قامشلو"}, timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["total"] >= 2
        # no Authorization header: disabled (403) without a token, refused (401) with one
        assert (
            httpx.post(f"{url}/api/ingest/feeds", json={"url": "http://x.invalid/"}).status_code
            == ingest_status
        )
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in out


def test_api_serve_help_names_the_defaults() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "marsad", "serve", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0
    for expected in ("127.0.0.1", "8000", "MARSAD_API_TOKEN", "/api/docs"):
        assert expected in done.stdout
