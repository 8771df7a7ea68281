"""Issue 23: what a page draws is styled by a stylesheet that page loads.

For every page type and every state a script draws, in Chromium:

- every `qb-` class that a script put into the page (a class the served HTML does not
  have) matches a selector of a stylesheet the page has loaded, unless `HOOKS` says why
  it needs no style of its own;
- every bar has a track with height, a fill as wide as the number it shows, and a name
  and value that do not touch;
- nothing is wider than the window.

Each state is drawn at 1280 and 360 px, and photographed in light and dark to
$QB_SHOTS (default /tmp/qb-style-shots) for a person to look at.

The finder's bars (issue 23) lived in results.css, which the finder page never loads:
its "Who you serve" read "External customersStrong, 75 out of 100", with no bar.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from quiz_helpers import GRADED, PROFILE, ROLE, attempt, graded_mix, profile_mix
from test_finder_result_browser import answer, role_values, submit
from test_progress_team import add_files, download_export, open_results

SHOTS = Path(os.environ.get("QB_SHOTS", "/tmp/qb-style-shots"))

HOOKS: dict[str, str] = {
    # Body text, links and list items that look as Material draws them: the class is
    # how scripts and tests find them.
    "qb-result__band": "a paragraph of the graded result (the band and its message)",
    "qb-progress__one": "a paragraph: 'one attempt so far'",
    "qb-progress__latest": "a paragraph: the latest attempt",
    "qb-progress__row": "a change row; its --up/--down/--same modifier draws the arrow",
    "qb-chart__series--0": "the first series: the solid line qb-chart__series draws",
    "qb-finder__verdict": "a paragraph of the finder result",
    "qb-finder__role": "a list item of 'Jobs most like yours'",
    "qb-finder__fit": "the closeness words after a role's link",
    "qb-finder__saved": "a paragraph; qb-note--warn styles it when nothing could be saved",
    "qb-finder-search__add": "a paragraph holding a link",
    "qb-finder-search__finder-link": "a link, as Material draws links",
    "qb-finder-search__list--guess": "which answer the list holds; the base class draws it",
    "qb-finder-search__list--partial": "which answer the list holds; the base class draws it",
    "qb-team__average": "a paragraph under a quiz's title",
    "qb-team__quizzes": "the container of the per-quiz sections",
    "qb-team__scroll": "a quiz section's wrapper",
    "qb-team__bands": "which table a qb-team__table holds",
    "qb-team__questions": "which table a qb-team__table holds",
    "qb-team__dimensions": "which table a qb-team__table holds",
    # Classes scripts set only to find an element again, or to say what it holds for
    # tests and exports; how it looks comes from its element or a parent's rule.
    "qb-finder__kind": "a bar (qb-bar); the modifier names its strength for scripts",
    "qb-finder__kind--strong": "strength label, read by tests; shown in words",
    "qb-finder__kind--some": "strength label, read by tests; shown in words",
    "qb-finder__kind--light": "strength label, read by tests; shown in words",
    "qb-finder__kind--none": "strength label, read by tests; shown in words",
    "qb-finder__kind-strength": "the bar's value (qb-bar__value)",
    "qb-finder__kinds": "a bar list (qb-bars)",
}

STATE_JS = """() => {
  const selectors = [];
  const walk = (rules) => {
    for (const rule of rules) {
      if (rule.selectorText) selectors.push(rule.selectorText);
      if (rule.cssRules) walk(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) {
    try { walk(sheet.cssRules); } catch (error) { /* another origin: not ours */ }
  }
  const classes = new Set();
  for (const element of document.querySelectorAll('[class]')) {
    for (const name of element.classList) if (name.startsWith('qb-')) classes.add(name);
  }
  const text = selectors.join('\\n');
  const styled = (name) => new RegExp('\\\\.' + name + '(?![\\\\w-])').test(text);
  const gap = (a, b) => {
    if (a.bottom <= b.top || b.bottom <= a.top) return Infinity;  // on different lines
    return Math.max(b.left - a.right, a.left - b.right);
  };
  const bars = [...document.querySelectorAll('.qb-bar')].filter(b => b.offsetParent).map(bar => {
    const box = (sel) => {
      const element = bar.querySelector(sel);
      return element && element.getBoundingClientRect();
    };
    const track = box('.qb-bar__track'), fill = box('.qb-bar__fill');
    const name = box('.qb-bar__name'), value = box('.qb-bar__value');
    const number = (bar.querySelector('.qb-bar__value') || {}).textContent || '';
    return {
      text: bar.textContent,
      track: track && track.height, width: track && track.width,
      fill: fill && fill.width,
      percent: +((number.match(/\\d+/) || [NaN])[0]),
      gap: name && value ? gap(name, value) : null,
    };
  });
  return {
    classes: [...classes].sort(),
    unstyled: [...classes].filter(name => !styled(name)).sort(),
    bars,
    overflow: document.scrollingElement.scrollWidth - innerWidth,
  };
}"""


def served_classes(page: Page) -> set[str]:
    """The `qb-` classes of the page as served, before any script ran."""
    html = page.request.get(page.url.split("#")[0]).text()
    names = set()
    for value in re.findall(r'class="([^"]*)"', html):
        names.update(n for n in value.split() if n.startswith("qb-"))
    return names


def check_state(page: Page, what: str) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(STATE_JS)
    drawn = set(state["classes"]) - served_classes(page)
    unstyled = sorted(set(state["unstyled"]) & drawn - set(HOOKS))
    assert not unstyled, f"{what}: drawn by a script but styled by no loaded stylesheet: {unstyled}"
    for bar in state["bars"]:
        assert bar["track"] and bar["track"] >= 4, f"{what}: a bar without a track: {bar}"
        assert bar["fill"] is not None, f"{what}: a bar without a fill: {bar}"
        if bar["percent"] == bar["percent"]:  # a number is shown: the fill is that wide
            assert abs(bar["fill"] - bar["width"] * bar["percent"] / 100) <= 2, (what, bar)
        if bar["gap"] is not None:
            assert bar["gap"] >= 4, f"{what}: name and value touch: {bar}"
    assert state["overflow"] <= 0, f"{what}: {state['overflow']} px wider than the window"
    return state


def photograph(page: Page, name: str, width: int) -> None:
    """Light and dark pictures of what is on the screen now."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("default", "slate"):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        page.wait_for_timeout(100)
        label = "light" if scheme == "default" else "dark"
        page.screenshot(path=str(SHOTS / f"{name}-{width}-{label}.png"), full_page=True)
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'default')")


@pytest.fixture(params=[1280, 360])
def width(request: pytest.FixtureRequest) -> int:
    return int(request.param)


@pytest.fixture
def at_width(browser: Browser, width: int) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


def test_quiz_results_graded_profile_and_shared(at_width: Page, base_url: str, width: int) -> None:
    page = at_width
    page.goto(base_url + ROLE)
    attempt(page, GRADED, graded_mix)
    check_state(page, "graded result")
    attempt(page, PROFILE, profile_mix)
    state = check_state(page, "profile result")
    assert state["bars"], "a profile result draws bars"
    page.locator(f"form#quiz-{PROFILE} .qb-result").scroll_into_view_if_needed()
    photograph(page, "quiz-results", width)

    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page.locator(f"form#quiz-{PROFILE} .qb-result__actions button", has_text="link").click()
    page.wait_for_timeout(200)
    manual = page.locator(f"form#quiz-{PROFILE} .qb-share__url")
    link = (
        manual.input_value()
        if manual.is_visible()
        else str(page.evaluate("navigator.clipboard.readText()"))
    )
    check_state(page, "share link shown")
    shared = page.context.new_page()
    shared.goto(link)
    shared.locator(".qb-quiz--shared .qb-result h3").first.wait_for(state="visible")
    state = check_state(shared, "shared result")
    assert state["bars"], "a shared profile result draws bars"
    photograph(shared, "shared-result", width)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("receptionist", ".qb-finder-search__count"),
        ("recepcionist", ".qb-finder-search__guess"),
        ("night receptionist", ".qb-finder-search__partial"),
        ("astronaut", ".qb-finder-search__none"),
    ],
)
def test_finder_search_tiers(
    at_width: Page, base_url: str, width: int, typed: str, shown: str
) -> None:
    page = at_width
    page.goto(base_url + "/finder/")
    page.locator("form.qb-finder-search[data-qb-ready]").wait_for(state="attached")
    page.locator("#qb-finder-q").fill(typed)
    expect(page.locator(shown)).to_be_visible()
    check_state(page, f"search {typed!r}")
    page.locator(".qb-finder-search-block").scroll_into_view_if_needed()
    photograph(page, f"search-{typed.replace(' ', '-')}", width)


def test_finder_result_draws_its_bars(at_width: Page, base_url: str, width: int) -> None:
    page = at_width
    page.goto(base_url + "/finder/")
    page.locator("form.qb-finder[data-qb-ready]").wait_for(state="attached")
    answer(page, role_values("toll-booth-operator"))
    result = submit(page)
    state = check_state(page, "finder result")
    assert len(state["bars"]) == 3, state["bars"]
    # The words: name and value no longer run together.
    texts = [bar["text"] for bar in state["bars"]]
    assert all(re.search(r"\S\s*\n?\s*\S", t) for t in texts)
    result.scroll_into_view_if_needed()
    photograph(page, "finder-result", width)


def take_quizzes(page: Page, base_url: str, count: int) -> None:
    page.goto(base_url + ROLE)
    plans: list[tuple[str, Callable[..., Any]]] = [
        (GRADED, graded_mix),
        (PROFILE, profile_mix),
        (GRADED, graded_mix),
    ]
    for quiz, answers in plans[:count]:
        attempt(page, quiz, answers)


@pytest.mark.parametrize("attempts", [0, 1, 3])
def test_my_results(at_width: Page, base_url: str, width: int, attempts: int) -> None:
    page = at_width
    take_quizzes(page, base_url, attempts)
    open_results(page, base_url)
    page.locator(".qb-history__body").wait_for(state="visible")
    check_state(page, f"My results with {attempts} attempts")
    photograph(page, f"my-results-{attempts}", width)


def test_team_view_with_files_and_bad_files(
    at_width: Page, base_url: str, width: int, tmp_path: Path
) -> None:
    page = at_width
    take_quizzes(page, base_url, 2)
    open_results(page, base_url)
    export = download_export(page, "Ann")
    page.goto(base_url + "/team/")
    page.locator(".qb-team[data-qb-ready]").wait_for(state="attached")
    files = [
        export,
        {"name": "notes.txt", "text": "These are my notes, not JSON."},
        {"name": "shape.json", "text": json.dumps({"results": [1, 2]})},
    ]
    add_files(page, tmp_path, files)
    expect(page.locator(".qb-team__file")).to_have_count(3)
    check_state(page, "team view")
    # Tables fit the content at 1280 px; on a phone they scroll in their own box (the
    # page itself never does, as check_state proves), and no cell's text is cut off.
    boxes = page.locator(".qb-team__table").evaluate_all(
        "ts => ts.map(t => [t.scrollWidth, t.clientWidth, getComputedStyle(t).overflowX])"
    )
    assert boxes, "the team view draws tables"
    if width == 1280:
        assert all(scroll <= client for scroll, client, _o in boxes), boxes
    assert all(overflow == "auto" for _s, _c, overflow in boxes), boxes
    clipped = page.locator(".qb-team__table th, .qb-team__table td").evaluate_all(
        "cs => cs.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent)"
    )
    assert not clipped, clipped
    photograph(page, "team", width)
