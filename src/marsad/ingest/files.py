"""Opening inputs: OS errors as InputErrors, gzip transparently, and reading with a limit.

Nothing here reads more than ``max_bytes`` (plus one) of a payload into memory, so a file
or response of any size costs the same to reject.
"""

from __future__ import annotations

import errno
import gzip
import zlib
from io import BufferedIOBase

from marsad.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
# What a truncated or damaged gzip stream raises while it is read.
GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)

_OS_REASONS = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOTDIR: "not a directory (a part of the path is a file)",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENAMETOOLONG: "file name too long",
}


def os_error(source: str, exc: OSError) -> InputError:
    reason = _OS_REASONS.get(exc.errno or 0) or exc.strerror or str(exc)
    return InputError(source, reason)


def too_big(source: str, size: int | None, limit: int) -> InputError:
    amount = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return InputError(
        source,
        f"{amount}, over the {limit:,}-byte limit; raise it with --max-bytes "
        "(ReadOptions.max_bytes) to read it",
    )


def gzip_error(source: str, detail: object) -> InputError:
    return InputError(source, f"truncated or corrupt gzip data ({detail})")


def decompressed(stream: BufferedIOBase) -> BufferedIOBase:
    """``stream`` itself, or its decompressed content when it starts with the gzip magic.

    The stream must be seekable (a file); it is left at its start either way.
    """
    magic = stream.read(2)
    stream.seek(0)
    if magic == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=stream, mode="rb")
    return stream


def read_limited(stream: BufferedIOBase, source: str, limit: int) -> bytes:
    """All of ``stream``, or ``InputError`` when it holds more than ``limit`` bytes."""
    try:
        data = stream.read(limit + 1)
    except GZIP_ERRORS as exc:
        raise gzip_error(source, exc) from exc
    if len(data) > limit:
        raise too_big(source, None, limit)
    return data
