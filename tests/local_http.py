"""A real HTTP server on a loopback address serving routes a test sets (status, headers,
body, delay): for the fetch tests of the readers and the server-side fetch checks of the API.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    send_date: bool = True  # http.server adds a Date header unless told not to


@dataclass
class LocalServer:
    port: int
    routes: dict[str, Route]
    seen: list[dict[str, str]]  # request headers, in order
    host: str = "127.0.0.1"

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def add(
        self,
        path: str,
        body: bytes,
        headers: dict[str, str] | None = None,
        *,
        status: int = 200,
        delay: float = 0.0,
        send_date: bool = True,
    ) -> str:
        """Serve ``body`` at ``path``; returns the full URL."""
        self.routes[path] = Route(body, status, headers or {}, delay, send_date)
        return self.url(path)


@contextmanager
def local_http_server(host: str = "127.0.0.1") -> Iterator[LocalServer]:
    """A real threaded HTTP server on ``host`` (a loopback address: 127.0.0.0/8 is all
    loopback on Linux) serving ``server.routes``."""
    if not host.startswith("127."):
        raise ValueError("test servers listen on loopback only")
    routes: dict[str, Route] = {}
    seen: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append({k.lower(): v for k, v in self.headers.items()})
            route = routes.get(self.path) or Route(b"not found", status=404)
            time.sleep(route.delay)
            if route.send_date:
                self.send_response(route.status)
            else:
                self.log_request(route.status)
                self.send_response_only(route.status)
                self.send_header("Server", "test")
            for key, value in route.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)  # the client may have given up (timeout test)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    httpd = ThreadingHTTPServer((host, 0), Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False  # a handler still sleeping must not hold up the next test
    # A short poll interval: shutdown() waits up to one interval, once per test.
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield LocalServer(httpd.server_address[1], routes, seen, host)
    finally:
        httpd.shutdown()
        httpd.server_close()
