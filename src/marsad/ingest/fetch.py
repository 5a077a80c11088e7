"""HTTP fetching for URL inputs and feed item pages: one client, a clear User-Agent, a
time limit per request (connect to last byte) and a size limit per response.

Every failure becomes a ``FetchError`` naming the URL and the status or reason; nothing
else escapes, so a dead link costs one report and the ingest goes on.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType

import httpx

from marsad.errors import FetchError
from marsad.ingest.dates import iso_date, today
from marsad.ingest.files import too_big
from marsad.ingest.options import ReadOptions
from marsad.ingest.sniff import parse_content_type

log = logging.getLogger(__name__)

_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5"
)


def user_agent() -> str:
    try:
        ours = version("marsad")
    except PackageNotFoundError:
        ours = "dev"
    return f"Marsad/{ours} (news reader for research; python-httpx/{httpx.__version__})"


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    body: bytes
    media_type: str | None
    charset: str | None
    reference_date: str  # from Date, else Last-Modified, else today (UTC)


class Fetcher:
    """Fetches URLs with one shared ``httpx.Client``, made on first use."""

    def __init__(self, options: ReadOptions) -> None:
        self.options = options
        self._client: httpx.Client | None = None

    def get(self, url: str) -> Response:
        """The body of ``url``; raises ``FetchError`` (or ``InputError`` when too big)."""
        timeout = self.options.timeout
        deadline = time.monotonic() + timeout
        try:
            with self._session().stream("GET", url) as resp:
                if not 200 <= resp.status_code < 300:
                    raise FetchError(url, f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
                body = self._read_body(resp, url, deadline)
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out after {timeout:g} s") from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(url, "too many redirects") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}") from exc
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"invalid URL: {exc}") from exc
        media_type, charset = parse_content_type(resp.headers.get("content-type"))
        fetched = iso_date(resp.headers.get("date")) or iso_date(resp.headers.get("last-modified"))
        log.debug("fetched %s (%d bytes, %s)", resp.url, len(body), media_type)
        return Response(str(resp.url), body, media_type, charset, fetched or today())

    def _read_body(self, resp: httpx.Response, url: str, deadline: float) -> bytes:
        limit = self.options.max_bytes
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise too_big(url, int(declared), limit)
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():  # decompressed: the limit holds for gzip bombs too
            size += len(chunk)
            if size > limit:
                raise too_big(url, None, limit)
            if time.monotonic() > deadline:
                # httpx times each read; this bounds a server that trickles bytes forever.
                raise FetchError(url, f"timed out after {self.options.timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _session(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=self.options.timeout,
                follow_redirects=True,
                headers={"User-Agent": user_agent(), "Accept": _ACCEPT},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
