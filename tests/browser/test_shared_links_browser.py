"""Issue 15: a shared result survives scrolling, reload, back/forward and instant navigation.

Material's `navigation.tracking` rewrote the address bar's fragment to the section in
view, so a `#qb=` share link became `#what-good-looks-like` after a scroll and showed
an empty quiz on reload. The feature is off (mkdocs.yml); these tests hold every kind
of share link (graded, profile, finder) to "the address bar reproduces the screen".
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from quizbuilder import finder
from quizbuilder.content import load_content
from quizbuilder.finder import DEFAULT_FINDER_STRINGS as F
from quizbuilder.strings import DEFAULT_STRINGS as S

ROLE = "/roles/toll-booth-operator/"
MARKER = "window.__qbMarker"
SITE = load_content(Path(__file__).resolve().parents[2] / "docs")
QUESTIONS = [q.id for q in SITE.settings.finder_questions]
TOLL = [next(r for r in SITE.roles if r.slug == "toll-booth-operator").finder[q] for q in QUESTIONS]


def wheel_to_bottom(page: Page) -> None:
    """Scroll with the mouse wheel, as a reader does, until the page ends; then wait
    longer than any scroll-driven address update (Material debounced it by 250 ms)."""
    page.mouse.move(640, 450)
    for _ in range(300):
        if page.evaluate(
            "() => Math.ceil(scrollY + innerHeight) >= document.scrollingElement.scrollHeight - 1"
        ):
            break
        page.mouse.wheel(0, 500)
        page.wait_for_timeout(40)
    else:
        pytest.fail("the wheel never reached the bottom of the page")
    page.wait_for_timeout(800)


def quiz_link(ui: Any, kind: str) -> tuple[str, str]:
    """(share link, quiz id) for a result of the role page's quiz of `kind`."""
    page = ui.open(ROLE)
    page.locator("form.qb-quiz[data-qb-ready]").first.wait_for(state="attached")
    ids = page.locator("form.qb-quiz").evaluate_all(
        "fs => fs.map(f => [f.id, JSON.parse(f.dataset.qbQuiz).kind])"
    )
    form = page.locator("#" + next(fid for fid, k in ids if k == kind))
    ui.answer_quiz(form)
    ui.submit_quiz(form)
    link = ui.share_link(form)
    return link, str(form.get_attribute("id"))


def shared_quiz_shown(page: Page, form_id: str) -> None:
    heading = page.locator(f"#{form_id} .qb-result h3")
    expect(heading).to_have_text(S["shared_title"])


def finder_link(base_url: str) -> str:
    return base_url + "/finder/#qb=" + finder.encode_share(TOLL, "Toll collector")


def shared_finder_shown(page: Page) -> None:
    result = page.locator(".qb-finder__result")
    expect(result.locator(".qb-finder__for")).to_have_text("Shared answers for “Toll collector”")
    expect(result.locator(".qb-finder__roles > li > a").first).to_have_text("Toll Booth Operator")


def survives_scroll_and_reload(page: Page, link: str, shown: Any) -> None:
    page.goto("about:blank")
    page.goto(link)
    page.wait_for_load_state("networkidle")
    shown()
    length = page.evaluate("history.length")
    wheel_to_bottom(page)
    assert page.evaluate("location.href") == link, "scrolling changed the address"
    assert page.evaluate("history.length") == length, "scrolling added history entries"
    shown()
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("location.href") == link
    shown()


@pytest.mark.parametrize("kind", ["graded", "profile"])
def test_quiz_share_link_survives_scrolling_and_reload(ui: Any, kind: str) -> None:
    link, form_id = quiz_link(ui, kind)
    assert "#qb=" in link
    survives_scroll_and_reload(ui.page, link, lambda: shared_quiz_shown(ui.page, form_id))


def test_finder_share_link_survives_scrolling_and_reload(page: Page, base_url: str) -> None:
    link = finder_link(base_url)
    survives_scroll_and_reload(page, link, lambda: shared_finder_shown(page))


def nav(page: Page, name: str) -> None:
    page.locator("nav.md-nav--primary").get_by_role("link", name=name, exact=True).first.click()


@pytest.mark.parametrize("kind", ["graded", "finder"])
def test_back_and_forward_with_instant_navigation_keep_the_shared_result(
    ui: Any, base_url: str, kind: str
) -> None:
    page = ui.page
    if kind == "finder":
        link = finder_link(base_url)

        def shown() -> None:
            shared_finder_shown(page)
    else:
        link, form_id = quiz_link(ui, kind)

        def shown() -> None:
            shared_quiz_shown(page, form_id)

    page.goto("about:blank")
    page.goto(link)
    page.wait_for_load_state("networkidle")
    page.evaluate(f"{MARKER} = 1")
    shown()
    wheel_to_bottom(page)

    nav(page, "Roles")  # instant navigation away
    page.wait_for_url(base_url + "/roles/")
    page.go_back()
    page.wait_for_url(link)
    shown()
    page.go_forward()
    page.wait_for_url(base_url + "/roles/")
    page.go_back()
    page.wait_for_url(link)
    shown()
    assert page.evaluate(MARKER) == 1, "a full page load: instant navigation was lost"


def test_back_button_returns_to_where_the_reader_came_from(page: Page, base_url: str) -> None:
    """My results → a saved finder result (a shared view) → scroll → back: My results."""
    page.goto(base_url + "/finder/")
    page.locator("form.qb-finder[data-qb-ready]").wait_for(state="attached")
    page.locator("#finder-job").fill("Toll collector")
    for qid, value in zip(QUESTIONS, TOLL, strict=True):
        page.locator(f"label[for='finder-{qid}-{value}']").click()
    page.locator("form.qb-finder button[type=submit]").click()
    expect(page.locator(".qb-finder__saved")).to_contain_text(F["finder_saved"])

    page.goto(base_url + "/results/")
    page.wait_for_load_state("networkidle")
    page.evaluate(f"{MARKER} = 1")
    length = page.evaluate("history.length")
    page.locator(".qb-history").get_by_role("link", name=F["finder_history_title"]).click()
    page.wait_for_url(re.compile(r"/finder/#qb="))
    shared_finder_shown(page)
    here = page.evaluate("location.href")
    wheel_to_bottom(page)
    assert page.evaluate("location.href") == here
    assert page.evaluate("history.length") == length + 1, "one entry for the result, no more"
    page.go_back()
    page.wait_for_url(base_url + "/results/")
    assert page.evaluate(MARKER) == 1


def test_scrolling_a_role_page_leaves_no_trail_of_anchors(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.wait_for_load_state("networkidle")
    page.evaluate(f"{MARKER} = 1")
    nav(page, "Roles")
    page.wait_for_url(base_url + "/roles/")
    page.locator("article").get_by_role("link", name="Toll Booth Operator", exact=True).click()
    page.wait_for_url(base_url + ROLE)
    length = page.evaluate("history.length")
    wheel_to_bottom(page)
    assert page.evaluate("location.href") == base_url + ROLE
    assert page.evaluate("history.length") == length
    page.go_back()
    page.wait_for_url(base_url + "/roles/")
    page.go_back()
    page.wait_for_url(base_url + "/")
    assert page.evaluate(MARKER) == 1


def test_take_it_yourself_returns_to_a_normal_address(ui: Any, base_url: str) -> None:
    page = ui.page
    link, form_id = quiz_link(ui, "graded")
    page.goto("about:blank")
    page.goto(link)
    shared_quiz_shown(page, form_id)
    length = page.evaluate("history.length")
    page.locator(f"#{form_id} .qb-result").get_by_role("button", name=S["take_quiz"]).click()
    assert page.evaluate("location.href") == base_url + ROLE
    assert page.evaluate("history.length") == length, "closing replaces, it does not push"
    page.goto(finder_link(base_url))
    shared_finder_shown(page)
    page.get_by_role("button", name=F["finder_take"]).click()
    assert page.evaluate("location.href") == base_url + "/finder/"
    expect(page.locator("form.qb-finder fieldset[data-qb-question]").first).to_be_visible()
    expect(page.locator(".qb-finder__result")).to_be_empty()


def test_the_finder_follows_a_fragment_changed_in_place(page: Page, base_url: str) -> None:
    """Pasting another share link over the address (only the fragment changes) shows
    it; going to a section of the page closes the shared view."""
    page.goto(finder_link(base_url))
    shared_finder_shown(page)
    other = finder.encode_share([0] * len(QUESTIONS), "Night porter")
    page.evaluate("f => { location.hash = 'qb=' + f; }", other)
    expect(page.locator(".qb-finder__for")).to_have_text("Shared answers for “Night porter”")
    expect(page.locator(".qb-finder__headline")).to_have_text(F["verdict_none"])
    page.evaluate("() => { location.hash = 'finder'; }")
    expect(page.locator(".qb-finder__result")).to_be_empty()
    expect(page.locator("form.qb-finder fieldset[data-qb-question]").first).to_be_visible()
    assert page.evaluate("location.hash") == "#finder"
