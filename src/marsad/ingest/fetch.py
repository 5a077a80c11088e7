"""HTTP fetching for URL inputs and feed item pages: one client, a clear User-Agent, a
time limit per request (connect to last byte) and a size limit per response (after
decompression). With an ``AddressPolicy`` (the server's), every hop of every request goes
through ``_CheckedTransport``: the host is resolved once, each address checked, and the
connection made to the checked address.

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
from marsad.ingest.addresses import AddressPolicy, url_problem
from marsad.ingest.dates import iso_date, today
from marsad.ingest.files import too_big
from marsad.ingest.options import ReadOptions
from marsad.ingest.sniff import parse_content_type

log = logging.getLogger(__name__)

_MAX_REDIRECTS = 10
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


class _CheckedTransport(httpx.HTTPTransport):
    """Connects only to addresses the policy allows; httpx calls it once per redirect hop."""

    def __init__(self, policy: AddressPolicy) -> None:
        super().__init__(trust_env=False)
        self.policy = policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        port = url.port or (443 if url.scheme == "https" else 80)
        address = self.policy.resolve(str(url), url.host, port)
        # The Host header and TLS name stay the host's; only the connection is pinned.
        pinned = httpx.Request(
            request.method,
            url.copy_with(host=address),
            headers=request.headers,
            stream=request.stream,
            extensions={**request.extensions, "sni_hostname": url.host},
        )
        return super().handle_request(pinned)


class Fetcher:
    """Fetches URLs with one shared ``httpx.Client``, made on first use."""

    def __init__(self, options: ReadOptions) -> None:
        self.options = options
        self._client: httpx.Client | None = None

    def get(self, url: str) -> Response:
        """The body of ``url``; raises ``FetchError`` (or ``InputError`` when too big)."""
        timeout = self.options.timeout
        if self.options.addresses is not None and (problem := url_problem(url)) is not None:
            raise FetchError(url, problem)
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
            policy = self.options.addresses
            self._client = httpx.Client(
                timeout=self.options.timeout,
                follow_redirects=True,
                max_redirects=_MAX_REDIRECTS,
                headers={"User-Agent": user_agent(), "Accept": _ACCEPT},
                transport=_CheckedTransport(policy) if policy is not None else None,
                # A proxy from the environment would connect for us, past the check.
                trust_env=policy is None,
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
