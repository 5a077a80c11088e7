"""Fixtures for the reader tests: a real HTTP server on loopback, and a reader that sorts
what ``iter_inputs`` yields into articles and errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from local_http import LocalServer, local_http_server

from marsad.errors import InputError
from marsad.ingest import ReadOptions, iter_inputs
from marsad.types import Article

Read = Callable[..., tuple[list[Article], list[InputError]]]


@pytest.fixture
def read() -> Read:
    """``read(*inputs, **options)`` -> (articles, errors), in the order they came."""

    def run(*inputs: str | Path, **options: object) -> tuple[list[Article], list[InputError]]:
        articles: list[Article] = []
        errors: list[InputError] = []
        for item in iter_inputs([str(i) for i in inputs], ReadOptions(**options)):
            (articles if isinstance(item, Article) else errors).append(item)
        return articles, errors

    return run


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A real threaded HTTP server on 127.0.0.1 serving ``server.routes``."""
    with local_http_server() as served:
        yield served
