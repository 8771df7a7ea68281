"""Screenshots for people to look at, plus the sanity a machine can check.

PNGs go to `test-artifacts/screenshots/`. Each test asserts that the region it shows is
visible and not empty, and that at 360 px nothing scrolls sideways.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page

ROLE = "/roles/toll-booth-operator/"
WIDTHS = {"wide": 1280, "narrow": 360}
HEIGHT = 900


@pytest.fixture
def shots(artifacts: Path) -> Path:
    folder = artifacts / "screenshots"
    folder.mkdir(exist_ok=True)
    return folder


def fits(page: Page) -> None:
    widths = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], (
        f"horizontal scrolling at {widths[1]} px: content is {widths[0]} px wide"
    )


def wides(page: Page) -> list[str]:
    """Elements wider than the viewport, for the failure message."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
        .slice(0, 10).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))"""
    )


def sane(page: Page, region: Locator, width: int) -> None:
    assert region.is_visible()
    assert region.inner_text().strip(), "the result region is empty"
    box = region.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    if width <= 360:
        try:
            fits(page)
        except AssertionError as err:
            raise AssertionError(f"{err}; too wide: {wides(page)}") from None


def open_at(ui: Any, path: str, width: int, scheme: str) -> Page:
    ui.page.set_viewport_size({"width": width, "height": HEIGHT})
    return ui.open(path, scheme)


def snap(page: Page, region: Locator, path: Path) -> None:
    """A picture of `region` cut from a full-page screenshot: an element screenshot
    scrolls, and Material's sticky header then lands across the middle of tall ones."""
    page.evaluate("window.scrollTo(0, 0)")  # the sticky header then sits above the region
    box = region.evaluate(
        """e => { const r = e.getBoundingClientRect();
        return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; }"""
    )
    page.screenshot(path=path, full_page=True, clip=box)


def quiz_of_kind(page: Page, kind: str) -> Locator:
    page.locator("form.qb-quiz[data-qb-ready]").first.wait_for(state="attached")
    for form in page.locator("form.qb-quiz").all():
        if form.evaluate("f => JSON.parse(f.getAttribute('data-qb-quiz')).kind") == kind:
            return form
    raise AssertionError(f"no {kind} quiz on the page")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", list(WIDTHS))
@pytest.mark.parametrize("kind", ["graded", "profile"])
def test_finished_quiz(ui: Any, shots: Path, kind: str, size: str, scheme: str) -> None:
    width = WIDTHS[size]
    page = open_at(ui, ROLE, width, scheme)
    form = quiz_of_kind(page, kind)
    ui.answer_quiz(form, "mixed")
    result = ui.submit_quiz(form)
    page.wait_for_timeout(200)
    sane(page, result, width)
    if kind == "graded":
        assert result.locator(".qb-result__score").inner_text().strip()
    else:
        assert result.locator(".qb-bar").count() >= 1
    snap(page, form, shots / f"quiz-{kind}-{size}-{scheme}.png")
    snap(page, result, shots / f"result-{kind}-{size}-{scheme}.png")


@pytest.mark.parametrize("size", list(WIDTHS))
@pytest.mark.parametrize(("name", "path"), [("home", "/"), ("role", ROLE), ("finder", "/finder/")])
def test_page(ui: Any, shots: Path, name: str, path: str, size: str) -> None:
    width = WIDTHS[size]
    page = open_at(ui, path, width, "light")
    sane(page, page.locator("article.md-content__inner"), width)
    page.screenshot(path=shots / f"page-{name}-{size}-light.png", full_page=True)


@pytest.mark.parametrize("size", list(WIDTHS))
def test_finder_result(ui: Any, shots: Path, size: str) -> None:
    width = WIDTHS[size]
    page = open_at(ui, "/finder/", width, "light")
    finder = page.locator("form.qb-finder[data-qb-ready]")
    values = {"public": 4, "frequency": 4, "clients": 1, "colleagues": 1, "stakes": 1}
    for fieldset in finder.locator("fieldset[data-qb-question]").all():
        qid = fieldset.get_attribute("data-qb-question")
        fieldset.locator(".qb-option label").nth(values.get(qid, 0)).click()
    finder.locator(".qb-actions button[type=submit]").click()
    result = finder.locator(".qb-finder__result")
    result.locator(".qb-finder__roles li").first.wait_for(state="visible")
    page.wait_for_timeout(200)
    sane(page, result, width)
    snap(page, result, shots / f"finder-result-{size}-light.png")
    page.screenshot(path=shots / f"page-finder-with-result-{size}-light.png", full_page=True)
