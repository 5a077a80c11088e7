"""A real PostgreSQL server for the tests: Debian's package (installed with apt-get when it
is missing and we are root), a data directory under a temporary folder, a Unix socket
there and a free TCP port on loopback; stopped and removed at the end of the session.

No Docker: the server binaries are the distribution's. PostgreSQL refuses to run as root,
so as root the server runs as the ``postgres`` user the package creates.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server binaries and no way to install them."""


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=_major)
    return Path(found[-1]).parent if found else None


def _major(path: str) -> int:
    part = path.split("/")[4]
    return int(part) if part.isdigit() else 0


def install() -> Path:
    """The server's bin folder, installing Debian's ``postgresql`` package if needed."""
    found = _bindir()
    if found is not None:
        return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise ServerUnavailable(
            "PostgreSQL is not installed and this user cannot install it: run"
            " `apt-get install postgresql` as root"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "postgresql"],
    ):
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise ServerUnavailable(f"{' '.join(command)} failed: {done.stderr[-500:]}")
    found = _bindir()
    if found is None:
        raise ServerUnavailable("apt-get installed postgresql but no pg_ctl was found")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server() -> Iterator[str]:
    """Start a throwaway server; yield the URL of its ``postgres`` database."""
    bindir = install()
    root = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
    data, sock = root / "data", root / "sock"
    as_user: list[str] = []
    user = os.environ.get("USER") or "marsad"
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root
        as_user = ["runuser", "-u", "postgres", "--"]
        user = "postgres"
        shutil.chown(root, "postgres")
    sock.mkdir()
    if as_user:
        shutil.chown(sock, "postgres")
    port = _free_port()

    def run(*args: str) -> None:
        done = subprocess.run([*as_user, *args], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise ServerUnavailable(f"{args[0]} failed: {done.stdout[-500:]}{done.stderr[-500:]}")

    try:
        run(str(bindir / "initdb"), "-D", str(data), "-U", user, "-A", "trust", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        options = (
            f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        log = root / "server.log"
        if as_user:
            shutil.chown(root, "postgres")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start")
        try:
            yield f"postgresql://{user}@127.0.0.1:{port}/postgres"
        finally:
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)
