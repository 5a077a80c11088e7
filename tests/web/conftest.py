"""A store built from the bundled seeds plus one hostile article, served by a real uvicorn
on a free loopback port, and a headless Debian chromium driven by Playwright.

Ingest happens once per session (about 10 s); every web test reads the same store.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from live_server import live_server

XSS_TITLE = "<script>window.__xss=1</script> Protest in Qamishli"
XSS_IMG = '<img src=x onerror="window.__xss=2">'
XSS_TEXT = (
    f"{XSS_TITLE}\n\n"
    "QAMISHLI, Syria - Hundreds of people protested in Qamishli on Friday against the "
    f"attacks, said Abdul Karim Omar. {XSS_IMG} The crowd demanded an end to the shelling.\n\n"
    'Omar said: "We call on the international community to act <b>now</b>."\n'
)


@pytest.fixture(scope="session")
def hostile() -> dict[str, str]:
    """The payloads the hostile article carries, to look for as literal text."""
    return {"title": XSS_TITLE, "img": XSS_IMG}


@dataclass(frozen=True)
class WebStore:
    db: Path
    ids: dict[str, str]  # seed number ('000'..'004') or 'xss' -> article id


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> WebStore:
    from marsad import ops
    from marsad.store import open_store

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "xss.txt"
    hostile.write_text(XSS_TEXT, encoding="utf-8")
    db = folder / "marsad.db"
    with open_store(db) as store:
        ops.ingest([str(seed_dir), str(hostile)], store, workers=1)
        ids = {}
        for article in store.iter_articles():
            name = Path(article.source).name
            ids["xss" if name == "xss.txt" else name[:3]] = article.id
    assert len(ids) == 6, ids
    return WebStore(db, ids)


@pytest.fixture(scope="session")
def server(web_store: WebStore) -> Iterator[str]:
    """Base URL of the app on 127.0.0.1; the socket is bound before the thread starts, so
    there is no race for the port."""
    from marsad.api.app import create_app

    with live_server(create_app(str(web_store.db))) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip(
            "Debian's chromium is not installed (make test installs it: apt-get install chromium)"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()
