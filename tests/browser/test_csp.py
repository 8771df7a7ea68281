"""The site under its own Content-Security-Policy (issue 24), in Chromium.

The server sends the built site's `_headers` rules as real HTTP headers, as Netlify and
Cloudflare Pages do. Every page type and every flow (quiz, share link, finder, My
results, team, search, instant navigation, print) runs in light and dark with a listener
for `securitypolicyviolation` events installed before any page script: none may fire,
and the console must carry no CSP message. A script planted into a built page is
blocked, and so is Material's palette script once its hash is taken out of the header.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, expect
from quiz_helpers import ROLE, S

from quizbuilder import csp
from tests.browser.conftest import SiteUI, StaticServer

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "csp"
WATCH = """
window.addEventListener('securitypolicyviolation', e => window.__qbCspViolation(
  [e.violatedDirective, e.blockedURI, e.sourceFile + ':' + e.lineNumber, e.sample].join(' | ')),
  true);
"""
PAGES = [
    "/",
    "/roles/",
    ROLE,
    "/finder/",
    "/results/",
    "/team/",
    "/tags/",
    "/dimensions/",
    "/dimensions/ownership/",
    "/articles/",
    "/articles/internal-customers/",
    "/guide/add-a-role/",
    "/404.html",
]


class Watch:
    """Violations and CSP console messages of the pages it watches."""

    def __init__(self) -> None:
        self.violations: list[str] = []
        self.console: list[str] = []

    def page(self, page: Page) -> Page:
        page.expose_function("__qbCspViolation", self._violation)
        page.add_init_script(WATCH)
        page.on("console", self._console)
        return page

    def _violation(self, text: str) -> None:
        self.violations.append(text)

    def _console(self, message: Any) -> None:
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.console.append(f"{message.type}: {text}")

    def assert_clean(self) -> None:
        assert not self.violations, "CSP violations:\n" + "\n".join(self.violations)
        assert not self.console, "CSP console messages:\n" + "\n".join(self.console)


@pytest.fixture(scope="module")
def headers_text(site_dir: Path) -> str:
    return (site_dir / csp.HEADERS_FILE).read_text("utf-8")


@pytest.fixture(scope="module")
def served(server: StaticServer, headers_text: str) -> Iterator[StaticServer]:
    """The session's server, sending the built `_headers` for this module's tests."""
    server.serve_headers(headers_text)
    yield server
    server.serve_headers(None)


@pytest.fixture
def watch(served: StaticServer, page: Page) -> Watch:
    found = Watch()
    found.page(page)
    return found


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_the_headers_are_served_as_written(
    served: StaticServer, page: Page, base_url: str, headers_text: str
) -> None:
    want = dict(csp.headers_for(csp.parse_headers_file(headers_text), "/"))
    for path in ("/", "/assets/quizbuilder/quizbuilder.js"):
        response = page.goto(base_url + path)
        assert response is not None
        got = response.all_headers()
        for name, value in want.items():
            assert got[name.lower()] == value, (path, name)
    policy = want["Content-Security-Policy"]
    assert "unsafe" not in policy
    assert "; style-src 'self'; " in policy, "no inline styles in this site's pages"
    assert re.search(r"script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;", policy)


def test_the_readme_carries_the_policy_as_served(headers_text: str) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    assert headers_text in readme, "README's _headers is not the current build's"
    policy = dict(csp.headers_for(csp.parse_headers_file(headers_text), "/"))
    for line in [
        f'add_header Content-Security-Policy "{policy["Content-Security-Policy"]}" always;',
        f'Header always set Content-Security-Policy "{policy["Content-Security-Policy"]}"',
        f'\tContent-Security-Policy "{policy["Content-Security-Policy"]}"',
        f'add_header Permissions-Policy "{policy["Permissions-Policy"]}" always;',
    ]:
        assert line in readme, line


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_type_loads_without_a_violation(watch: Watch, ui: SiteUI, scheme: str) -> None:
    for path in PAGES:
        ui.open(path, scheme)
        name = path.strip("/").replace("/", "-").replace(".html", "") or "home"
        if path in (ROLE, "/finder/", "/"):
            shot(ui.page, f"{scheme}-page-{name}")
    watch.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_flow_works_under_the_policy(
    watch: Watch, ui: SiteUI, browser: Browser, scheme: str, tmp_path: Path
) -> None:
    page = ui.open("/", scheme)
    page.evaluate("window.__qbSame = 1")

    # Instant navigation to the finder; answer it, open the closest role.
    page.locator("nav.md-nav--primary").get_by_role("link", name="Find your job").first.click()
    finder = page.locator("form.qb-finder[data-qb-ready]")
    finder.wait_for(state="attached")
    for group in finder.locator("fieldset[data-qb-question]").all():
        group.locator("label").first.click()
    finder.locator(".qb-actions button[type=submit]").click()
    role = finder.locator(".qb-finder__roles > li > a").first
    role.wait_for(state="visible")
    shot(page, f"{scheme}-finder-result")
    role.click()
    page.locator(".md-content article h1").wait_for()

    # A role's quizzes, scored; a result's share link.
    page.goto(ui.base_url + ROLE)
    results = ui.finish_all_quizzes()
    assert results
    # Styled as without the policy: bar widths are set through CSSOM, which CSP allows.
    fill = page.locator(".qb-result .qb-bar__fill").first
    track = page.locator(".qb-result .qb-bar__track").first
    assert fill.evaluate("e => e.style.width").endswith("%")
    box, bar = fill.bounding_box(), track.bounding_box()
    assert box is not None and bar is not None
    assert bar["height"] > 0 and box["height"] == bar["height"] and box["width"] <= bar["width"]
    shot(page, f"{scheme}-quiz-result")
    link = ui.share_link(page.locator("form.qb-quiz").first)
    assert "#qb=" in link

    # The share link, opened in another tab: the read-only shared view.
    other = watch.page(page.context.new_page())
    other.goto(link)
    shared = other.locator(".qb-result h3").first
    expect(shared).to_have_text(S["shared_title"])
    other.wait_for_timeout(800)  # the engine scrolls the shared view in, smoothly
    shared.scroll_into_view_if_needed()
    shot(other, f"{scheme}-shared-link")
    other.close()

    # My results by instant navigation; a download for the team page.
    page.evaluate("window.__qbSame = 1")
    page.locator(".md-sidebar--primary .md-nav__link", has_text="My results").first.click()
    page.locator(".qb-history[data-qb-progress] section.qb-progress").first.wait_for()
    assert page.evaluate("window.__qbSame") == 1, "instant navigation fell back to a load"
    shot(page, f"{scheme}-my-results")
    with page.expect_download() as info:
        page.get_by_role("button", name=S["download_json"]).click()
    export = tmp_path / "me.json"
    export.write_text(info.value.path().read_text("utf-8"), encoding="utf-8")

    # Print: the results page as a PDF under print media.
    page.emulate_media(media="print")
    page.pdf(path=str(tmp_path / "results.pdf"), format="A4")
    page.emulate_media(media="screen")

    # The team page reads the export.
    page.locator(".md-sidebar--primary .md-nav__link", has_text="Team results").first.click()
    page.locator(".qb-team[data-qb-ready]").wait_for(state="attached")
    page.locator("#qb-team-files").set_input_files([str(export)])
    page.locator("section.qb-team__quiz").first.wait_for()
    shot(page, f"{scheme}-team")

    # Search (Material's worker), then a result by instant navigation.
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("teacher")
    item = page.locator(".md-search-result__item a").first
    item.wait_for(state="visible")
    shot(page, f"{scheme}-search")
    item.click()
    page.locator(".md-content article h1").wait_for()
    assert page.evaluate("window.__qbSame") == 1, "instant navigation fell back to a load"
    watch.assert_clean()


def test_the_no_js_fallback_has_no_csp_messages(
    served: StaticServer, browser: Browser, base_url: str
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    found = Watch()
    page.on("console", found._console)
    page.goto(base_url + ROLE)
    expect(page.locator("form.qb-quiz .qb-note").first).to_be_visible()
    shot(page, "nojs-role")
    context.close()
    assert not found.console, found.console


def plant(route: Route, script: str) -> None:
    response = route.fetch()
    body = response.text().replace("</article>", f"<script>{script}</script></article>", 1)
    route.fulfill(response=response, body=body)


def test_a_script_planted_into_a_built_page_is_blocked(
    served: StaticServer, page: Page, base_url: str, page_errors: Any
) -> None:
    found = Watch()
    found.page(page)
    page.route(base_url + ROLE, lambda route: plant(route, "window.__qbPlanted = 1"))
    page.goto(base_url + ROLE)
    page.locator("form.qb-quiz[data-qb-ready]").first.wait_for(state="attached")
    page_errors.errors.clear()  # the console reports the blocked script: expected here
    assert page.evaluate("window.__qbPlanted") is None
    assert any(v.startswith("script-src-elem | inline") for v in found.violations), found.violations
    assert any("Content Security Policy" in c for c in found.console)
    # The quizzes still work: the engine is a file.
    assert page.locator("form.qb-quiz[data-qb-ready]").count() >= 1


def test_a_hash_taken_out_of_the_header_is_caught(
    served: StaticServer, page: Page, base_url: str, headers_text: str, page_errors: Any
) -> None:
    palette = next(s for s in csp.inline_scripts(page_html(served)) if "__palette" in s)
    digest = csp.script_hash(palette)
    assert digest in headers_text
    served.serve_headers(headers_text.replace(f" {digest}", ""))
    try:
        found = Watch()
        found.page(page)
        page.goto(base_url + "/")
        page.wait_for_load_state("networkidle")
    finally:
        served.serve_headers(headers_text)
    page_errors.errors.clear()  # the blocked palette script is reported: expected here
    assert any(v.startswith("script-src-elem | inline") for v in found.violations), found.violations
    assert any("Content Security Policy" in c for c in found.console)


def page_html(server: StaticServer) -> str:
    return (server.root / "index.html").read_text("utf-8")


def test_the_real_site_hashes_follow_its_scripts_and_stale_ones_fail(
    site_dir: Path, headers_text: str, tmp_path: Path
) -> None:
    """The built site, copied: change Material's palette script in one page. The old
    `_headers` no longer covers it (the self-check names the page); writing the headers
    again gives a new hash for it."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    assert csp.check_site(copy) == []
    page = copy / "index.html"
    html = page.read_text("utf-8")
    palette = next(s for s in csp.inline_scripts(html) if "__palette" in s)
    page.write_text(html.replace(palette, palette + ";0"), encoding="utf-8")
    stale = csp.script_hash(palette + ";0")
    assert stale not in headers_text
    assert csp.check_site(copy) == [f"index.html: inline script {stale} is not in the policy"]
    hashes = csp.secure_site(copy)
    assert stale in hashes
    assert csp.script_hash(palette) in hashes  # the other pages still have the old one
