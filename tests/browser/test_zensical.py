"""The real site built with Zensical (`quizbuilder build --engine zensical`), in Chromium.

Runs only where `.venv-zensical` exists (`make hosts-check`, which `make test` runs,
makes it: Zensical 0.0.73 and quizbuilder's runtime dependencies, no MkDocs). The
session's server is pointed at the Zensical site for these tests, then back.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page, expect

from quizbuilder.finder import DEFAULT_FINDER_STRINGS
from tests.browser.conftest import ROOT, StaticServer
from tests.browser.quiz_helpers import (
    GRADED,
    ROLE,
    click_answers,
    expected,
    graded_right,
    graded_text,
    listen_for_results,
    quiz_data,
    quiz_form,
    result_events,
    stored_attempts,
    submit_with_mouse,
)

ZENSICAL_PYTHON = ROOT / ".venv-zensical" / "bin" / "python"

pytestmark = pytest.mark.skipif(
    not ZENSICAL_PYTHON.exists(),
    reason=".venv-zensical not found: `make hosts-check` (part of `make test`) makes it",
)


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("zensical") / "site"
    proc = subprocess.run(
        [str(ZENSICAL_PYTHON), "-m", "quizbuilder", "build", "--engine=zensical", f"-d{site}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"the Zensical build failed:\n{proc.stdout}\n{proc.stderr}", pytrace=False)
    return site


@pytest.fixture
def base(server: StaticServer, zensical_site: Path) -> Iterator[str]:
    previous = server.root
    server.root = zensical_site
    try:
        yield server.base
    finally:
        server.root = previous


def _finder_answers(slug: str) -> dict[str, Any]:
    text = (ROOT / "docs" / "roles" / f"{slug}.md").read_text("utf-8")
    finder: dict[str, Any] = yaml.safe_load(text.split("---\n", 2)[1])["finder"]
    return finder


def test_zensical_site_quiz_finder_and_my_results(page: Page, base: str, artifacts: Path) -> None:
    page.goto(base + ROLE)
    generator = page.locator("meta[name=generator]").get_attribute("content") or ""
    assert generator.startswith("zensical-"), "the page was built by Zensical"

    # A graded quiz scores, as the Python reference scorer does.
    listen_for_results(page)
    form = quiz_form(page, GRADED)
    data = quiz_data(form)
    answers = graded_right(data)
    click_answers(form, answers)
    region = submit_with_mouse(form)
    result = expected(data, answers)
    expect(region).to_contain_text(graded_text(result))
    assert [e["detail"] for e in result_events(page)] == [result]
    assert [a["result"] for a in stored_attempts(page)] == [result]
    region.screenshot(path=str(artifacts / "zensical-quiz-result.png"))

    # The finder answers: a toll booth operator's week finds that role first.
    page.goto(base + "/finder/")
    finder = page.locator("form.qb-finder")
    page.locator("form.qb-finder[data-qb-ready]").wait_for(state="attached")
    for trait, value in _finder_answers("toll-booth-operator").items():
        finder.locator(f"label[for='finder-{trait}-{value}']").click()
    finder.locator(".qb-actions button[type=submit]").click()
    first = finder.locator(".qb-finder__roles > li > a").first
    expect(first).to_have_text(re.compile(r"\s*Toll Booth Operator\s*"))

    # My results lists the attempt, reached by the site's own navigation: Zensical's
    # instant navigation keeps the document (the marker survives) and the engine
    # enhances the new content through `document$`.
    page.evaluate("window.__qbSameDocument = true")
    page.get_by_role("link", name="My results").first.click()
    page.wait_for_url(re.compile(re.escape(base + "/results/")))
    assert page.evaluate("window.__qbSameDocument === true"), "instant navigation"
    history = page.locator(".qb-history")
    heading = history.locator("h2", has_text=data["title"])
    expect(heading).to_have_count(1)
    attempts = heading.locator("xpath=following-sibling::ul[1]/li")
    expect(attempts).to_have_count(1)
    expect(attempts.first).to_contain_text(graded_text(result))
    finder_title = DEFAULT_FINDER_STRINGS["finder_history_title"]
    expect(history.locator("h2", has_text=finder_title)).to_have_count(1)
    page.screenshot(path=str(artifacts / "zensical-results.png"), full_page=True)
