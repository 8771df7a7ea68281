"""Material's instant navigation really happens, and the engine survives it.

A marker set on `window` on the home page survives only if no page was fully reloaded:
Material swaps the page content and re-creates the scripts found in it, so the engine
script runs again on every page with a quiz. It must enhance each form exactly once:
one result view, one `quizbuilder:result` event and one saved attempt per submit.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from quiz_helpers import (
    GRADED,
    ROLE,
    S,
    click_answers,
    expected,
    graded_mix,
    graded_right,
    graded_text,
    listen_for_results,
    quiz_data,
    quiz_form,
    result_events,
    stored_attempts,
    submit_with_mouse,
)

MARKER = "window.__qbMarker"


def same_document(page: Page) -> None:
    """No full page load happened since the marker was set on the home page."""
    assert page.evaluate(MARKER) == 1, f"full page load at {page.url}: instant navigation lost"
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1


def nav_link(page: Page, name: str) -> None:
    """Click a link in Material's primary navigation (the left sidebar)."""
    page.locator("nav.md-nav--primary").get_by_role("link", name=name, exact=True).first.click()


def take_quiz(page: Page, attempt: int) -> None:
    """Answer and submit the graded quiz; check exactly one view, event and attempt more."""
    form = quiz_form(page, GRADED)
    data = quiz_data(form)
    answers = graded_right(data) if attempt % 2 else graded_mix(data)
    click_answers(form, answers)
    region = submit_with_mouse(form)
    want = expected(data, answers)
    expect(region.locator(".qb-result__score")).to_have_text(graded_text(want))
    # One result view: one heading, one score, one set of actions in the whole page.
    expect(page.locator(".qb-result h3")).to_have_count(1)
    expect(page.locator(".qb-result__score")).to_have_count(1)
    expect(page.get_by_role("button", name=S["retry"])).to_have_count(1)
    expect(page.locator(".qb-feedback--right, .qb-feedback--wrong")).to_have_count(
        len(data["questions"])
    )
    events = result_events(page)
    assert len(events) == attempt, events
    assert events[-1]["detail"] == want
    assert len(stored_attempts(page)) == attempt


def engine_state(page: Page) -> dict[str, int]:
    counts: dict[str, int] = page.evaluate(
        """() => ({
            scripts: document.querySelectorAll('script[src*="quizbuilder/quizbuilder.js"]').length,
            forms: document.querySelectorAll('form.qb-quiz').length,
            ready: document.querySelectorAll('form.qb-quiz[data-qb-ready]').length,
            results: document.querySelectorAll('.qb-result').length,
        })"""
    )
    return counts


def test_instant_navigation_keeps_one_engine(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.wait_for_load_state("networkidle")
    page.evaluate(f"{MARKER} = 1")
    listen_for_results(page)

    # Home → Roles (sidebar) → the role page (a link in the content).
    nav_link(page, "Roles")
    page.wait_for_url(re.compile(r"/roles/(#.*)?$"))
    same_document(page)
    page.locator("article").get_by_role(
        "link", name="High School Teacher", exact=True
    ).first.click()
    page.wait_for_url(re.compile(re.escape(ROLE) + "(#.*)?$"))
    same_document(page)
    take_quiz(page, 1)
    state = engine_state(page)
    assert state["scripts"] == 1 and state["ready"] == state["forms"] == state["results"], state

    # Away to "My results" by the result's own link: the attempt is listed there.
    page.get_by_role("link", name=S["all_results"]).click()
    page.wait_for_url(re.compile(r"/results/(#.*)?$"))
    same_document(page)
    expect(page.locator(".qb-history__list li")).to_have_count(1)
    expect(page.locator(".qb-history__body")).to_have_count(1)

    # Back by clicking a link (the quiz title in the history) and take the quiz again.
    page.locator(".qb-history").get_by_role("link").first.click()
    page.wait_for_url(re.compile(re.escape(ROLE) + "(#.*)?$"))
    same_document(page)
    expect(page.locator(".qb-result h3")).to_have_count(0)
    take_quiz(page, 2)

    # Away by the sidebar, then history.back(): Material handles popstate in place.
    nav_link(page, "Dimensions")
    page.wait_for_url(re.compile(r"/dimensions/(#.*)?$"))
    same_document(page)
    page.evaluate("history.back()")
    page.wait_for_url(re.compile(re.escape(ROLE) + "(#.*)?$"))
    same_document(page)
    take_quiz(page, 3)
    state = engine_state(page)
    assert state["scripts"] == 1 and state["ready"] == state["forms"] == state["results"], state

    # One engine object for the whole visit; re-running the script would not double-bind.
    assert page.evaluate("typeof window.QuizbuilderEngine.init") == "function"
    page.evaluate("window.QuizbuilderEngine.init()")
    form = quiz_form(page, GRADED)
    form.get_by_role("button", name=S["retry"]).click()
    click_answers(form, graded_right(quiz_data(form)))
    submit_with_mouse(form)
    assert len(result_events(page)) == 4
    assert len(stored_attempts(page)) == 4
    same_document(page)


def test_instant_navigation_to_the_results_page_shows_the_history(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + ROLE)
    page.evaluate(f"{MARKER} = 1")
    listen_for_results(page)
    take_quiz(page, 1)
    nav_link(page, "My results")
    page.wait_for_url(re.compile(r"/results/(#.*)?$"))
    same_document(page)
    expect(page.locator(".qb-history__list li")).to_have_count(1)
    expect(page.locator(".qb-history[data-qb-ready]")).to_have_count(1)
