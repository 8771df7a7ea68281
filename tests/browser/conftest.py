"""Browser test harness: the real site, built once, served on its `site_url` port.

Material's instant navigation only intercepts links listed in `sitemap.xml`, and the
sitemap carries `site_url`'s port; on any other port navigation silently falls back to
full page loads. So the site is served on 127.0.0.1:8000, exactly `site_url`.
"""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
HOST, PORT = "127.0.0.1", 8000
CHROMIUM = os.environ.get("QB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def build_site(config: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` in a fresh process; fail the session with its output."""
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        cwd=config.parent,
    )
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stderr}", pytrace=False)


class StaticServer:
    """A static server in a thread; `root` can be swapped between tests."""

    def __init__(self, root: Path, port: int) -> None:
        self.root = root
        handler = partial(self._handler)
        self.httpd = http.server.ThreadingHTTPServer((HOST, port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://{HOST}:{self.httpd.server_address[1]}"

    def _handler(self, *args: Any, **kwargs: Any) -> _QuietHandler:
        return _QuietHandler(*args, directory=str(self.root), **kwargs)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("browser") / "site"
    build_site(ROOT / "mkdocs.yml", site)
    return site


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[StaticServer]:
    try:
        srv = StaticServer(site_dir, PORT)
    except OSError as err:
        pytest.fail(
            f"cannot serve the site on {HOST}:{PORT} ({err}); stop whatever uses that port "
            "(for example `make serve`) and run the browser tests again",
            pytrace=False,
        )
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def base_url(server: StaticServer) -> str:
    return server.base


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs it", pytrace=False)
    b = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield b
    b.close()


class PageErrors:
    """Collects uncaught page errors and console errors for a test to assert on."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def on_pageerror(self, error: Exception) -> None:
        self.errors.append(f"pageerror: {error}")


@pytest.fixture
def page_errors() -> PageErrors:
    return PageErrors()


@pytest.fixture
def page(browser: Browser, page_errors: PageErrors) -> Iterator[Page]:
    """A fresh context (empty storage) and page; fails the test on any script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.on("console", page_errors.on_console)
    pg.on("pageerror", page_errors.on_pageerror)
    yield pg
    context.close()
    assert not page_errors.errors, "script errors in the page:\n" + "\n".join(page_errors.errors)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
