"""Marsad's exceptions.

MarsadError
├── InputError          a file, record or URL could not be read; reported and skipped
│   ├── DecodeError     bytes that are no text in any encoding we know
│   └── FetchError      an HTTP fetch failed (timeout, status >= 400, refused)
├── DataFileError       a shipped or user data file is malformed (names file and line)
├── PipelineError       stages are misordered or misconfigured
├── QueryError          a filter value is not valid (also a ValueError); the message is for users
└── StoreError          the store cannot be opened or migrated
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error Marsad raises on purpose."""


class InputError(MarsadError):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class DecodeError(InputError):
    pass


class FetchError(InputError):
    pass


class DataFileError(MarsadError):
    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class PipelineError(MarsadError):
    pass


class QueryError(MarsadError, ValueError):
    """A query or filter value a user gave is not valid: the API answers 400 with the
    message, the CLI prints it. Any other ValueError is our bug, never shown to a client."""


class StoreError(MarsadError):
    pass
