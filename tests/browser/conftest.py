"""Browser test harness: the real site, built once, served on its `site_url` port.

Material's instant navigation only intercepts links listed in `sitemap.xml`, and the
sitemap carries `site_url`'s port; on any other port navigation silently falls back to
full page loads. So the site is served on 127.0.0.1:8000, exactly `site_url`.
"""

from __future__ import annotations

import http.server
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page

from quizbuilder import csp
from quizbuilder.build import mkdocs_command
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 (used by test modules)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
HOST, PORT = "127.0.0.1", 8000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, rules: list[csp.Rule] | None = None, **kwargs: Any) -> None:
        self.rules = rules or []
        """`_headers` rules to send as real HTTP headers (none unless a test sets them)."""
        super().__init__(*args, **kwargs)

    def end_headers(self) -> None:
        for name, value in csp.headers_for(self.rules, urlsplit(self.path).path):
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def build_site(config: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` in a fresh process; fail the session with its output."""
    proc = subprocess.run(
        mkdocs_command("build", "--strict", "-f", str(config), "-d", str(site_dir)),
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
        self.rules: list[csp.Rule] = []
        """The `_headers` rules the server sends (`serve_headers`); none by default."""
        handler = partial(self._handler)
        self.httpd = http.server.ThreadingHTTPServer((HOST, port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://{HOST}:{self.httpd.server_address[1]}"

    def _handler(self, *args: Any, **kwargs: Any) -> _QuietHandler:
        return _QuietHandler(*args, directory=str(self.root), rules=self.rules, **kwargs)

    def serve_headers(self, text: str | None) -> None:
        """Send the headers a `_headers` file's `text` gives each path (None: none), as
        Netlify and Cloudflare Pages do."""
        self.rules = csp.parse_headers_file(text) if text is not None else []

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
    # Another browser-test session may hold the port for a while: wait for it (up to
    # QB_PORT_WAIT seconds, default 240) rather than fail at once.
    deadline = time.monotonic() + float(os.environ.get("QB_PORT_WAIT", "240"))
    while True:
        try:
            srv = StaticServer(site_dir, PORT)
            break
        except OSError as err:
            if time.monotonic() < deadline:
                time.sleep(2)
                continue
            pytest.fail(
                f"cannot serve the site on {HOST}:{PORT} ({err}); stop whatever uses that "
                "port (for example `make serve`) and run the browser tests again",
                pytrace=False,
            )
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def base_url(server: StaticServer) -> str:
    return server.base


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


# --- driving the site like a person ------------------------------------------------

SCHEMES = {"light": "default", "dark": "slate"}
"""Our palette names → Material's `data-md-color-scheme` values (mkdocs.yml `palette`)."""


class SiteUI:
    """Page-level actions shared by the browser tests: open a page in a palette, answer
    and submit quizzes by clicking labels, read a result's share link."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def open(self, path: str, scheme: str = "light") -> Page:
        """Load `path` (full page load), wait for it to settle, switch to `scheme`."""
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")
        self.set_palette(scheme)
        return self.page

    def scheme(self) -> str:
        return str(self.page.evaluate("document.body.getAttribute('data-md-color-scheme')"))

    def set_palette(self, scheme: str) -> None:
        """Switch palettes the way a reader does: click Material's toggle in the header.

        Material keeps the choice in localStorage, so later loads in this context keep it.
        """
        want = SCHEMES[scheme]
        if self.scheme() != want:
            self.page.locator("form[data-md-component=palette] label:visible").first.click()
            self.page.wait_for_function(
                "want => document.body.getAttribute('data-md-color-scheme') === want", arg=want
            )
        # Material animates colours on toggle; let them finish before anyone measures.
        self.page.wait_for_timeout(150)

    def quiz_data(self, form: Any) -> dict[str, Any]:
        return form.evaluate("f => JSON.parse(f.getAttribute('data-qb-quiz'))")

    def answer_quiz(self, form: Any, pick: str = "mixed") -> None:
        """Answer every question of one `form.qb-quiz` by clicking option labels.

        `pick`: "correct" (graded: the right options), "first", or "mixed" (a varied
        choice per question, so graded results show right and wrong answers).
        """
        data = self.quiz_data(form)
        for number, question in enumerate(data["questions"]):
            count = question.get("points") or len(question.get("options", []))
            options = question.get("options", [])
            if pick == "correct" and options and "correct" in options[0]:
                chosen = [i for i, o in enumerate(options) if o.get("correct")]
            elif pick == "first":
                chosen = [0]
            else:
                chosen = [(number * 2 + 1) % count]
            for index in chosen:
                form.locator(
                    f"label[for='{form.get_attribute('id')}-{question['id']}-{index}']"
                ).click()

    def submit_quiz(self, form: Any) -> Any:
        """Press the quiz's submit button; return the result region once it has a heading."""
        form.locator(".qb-actions button[type=submit]").click()
        result = form.locator(".qb-result")
        result.locator("h3").first.wait_for(state="visible")
        # The engine scrolls the result into view (smoothly): wait until the page is
        # still, then for the hover colour transition of the button the pointer left.
        self.page.wait_for_function(
            """() => new Promise(done => { const y = scrollY;
                setTimeout(() => done(scrollY === y), 100); })"""
        )
        self.page.wait_for_timeout(300)
        return result

    def finish_all_quizzes(self, pick: str = "mixed") -> list[Any]:
        """Answer and submit every quiz on the page; return their result regions."""
        self.page.locator("form.qb-quiz[data-qb-ready]").first.wait_for(state="attached")
        results = []
        for form in self.page.locator("form.qb-quiz").all():
            self.answer_quiz(form, pick)
            results.append(self.submit_quiz(form))
        return results

    def share_link(self, form: Any) -> str:
        """The link the result view's "Copy link" control copies (clipboard, or the
        manual-copy box the engine shows when the clipboard is refused)."""
        self.page.context.grant_permissions(
            ["clipboard-read", "clipboard-write"], origin=self.base_url
        )
        form.locator(".qb-result__actions button", has_text="link").click()
        manual = form.locator(".qb-share__url")
        msg = form.locator(".qb-share__msg")
        self.page.wait_for_function(
            "([m, u]) => (m && m.textContent) || (u && u.offsetParent !== null)",
            arg=[msg.element_handle(), manual.element_handle()],
        )
        if manual.is_visible():
            return str(manual.input_value())
        return str(self.page.evaluate("navigator.clipboard.readText()"))


@pytest.fixture
def ui(page: Page, base_url: str) -> SiteUI:
    return SiteUI(page, base_url)
