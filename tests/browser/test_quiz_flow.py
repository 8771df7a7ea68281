"""Taking a role page's quizzes like a person, with the mouse and with the keyboard only.

Every number the page shows is checked against the Python reference scorer
(`quizbuilder.reference.scoring.score`) run on the same answers and the form's own quiz data.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect
from quiz_helpers import (
    GRADED,
    PROFILE,
    ROLE,
    S,
    click_answers,
    dimension,
    expected,
    expected_bars,
    graded_mix,
    graded_text,
    listen_for_results,
    profile_mix,
    question,
    quiz_data,
    quiz_form,
    result_events,
    result_region,
    shown_bars,
    shown_order,
    stored_attempts,
    submit_label,
    submit_with_mouse,
)


def open_role(page: Page, base_url: str) -> Page:
    page.goto(base_url + ROLE)
    quiz_form(page, GRADED)
    quiz_form(page, PROFILE)
    listen_for_results(page)
    return page


def check_graded(form: Locator, data: dict[str, Any], answers: dict[str, list[int]]) -> None:
    """The score line and the per-question marks match the reference scorer."""
    want = expected(data, answers)
    assert want["status"] == "ok"
    assert 0 < want["correct"] < want["total"], "the plan should mix right and wrong"
    region = result_region(form)
    expect(region.locator(".qb-result__score")).to_have_text(graded_text(want))
    for qid, right in want["questions"].items():
        group = question(form, qid)
        feedback = group.locator(".qb-feedback")
        expect(feedback).to_be_visible()
        expect(feedback).to_have_text(S["correct"] if right else S["incorrect"])
        # The answer and explanation are shown, as text.
        expect(group.locator(".qb-answer")).to_be_visible()
        expect(group.locator(".qb-answer__explanation")).to_be_visible()
        expect(group.locator(".qb-answer__correct")).to_be_visible()


def check_profile(
    page: Page, form: Locator, data: dict[str, Any], answers: dict[str, list[int]]
) -> dict[str, Any]:
    """Percents, bands and the strongest/weakest names match the reference scorer; the
    weakest dimension's page and articles are linked and resolve."""
    want = expected(data, answers)
    assert want["status"] == "ok"
    region = result_region(form)
    assert shown_bars(region) == expected_bars(data, want)
    strong, weak = dimension(data, want["strongest"]), dimension(data, want["weakest"])
    assert want["strongest"] != want["weakest"], "the plan should separate the dimensions"
    expect(region).to_contain_text(S["strongest"].format(name=strong["name"]))
    expect(region).to_contain_text(S["weakest"].format(name=weak["name"]))
    links = [weak["url"]] + [a["url"] for a in weak["articles"]]
    for url in links:
        link = region.locator(f"a[href='{url}']").first
        expect(link).to_be_visible()
        href = link.evaluate("a => a.href")
        assert page.request.get(href).status == 200, href
    read = region.locator(".qb-next li").filter(has_text=S["read_about"].format(name=weak["name"]))
    expect(read.get_by_role("link", name=weak["name"], exact=True)).to_be_visible()
    for article in weak["articles"]:
        expect(region.get_by_role("link", name=article["title"], exact=True)).to_be_visible()
    return want


def test_graded_quiz_with_the_mouse(page: Page, base_url: str) -> None:
    open_role(page, base_url)
    form = quiz_form(page, GRADED)
    data = quiz_data(form)
    answers = graded_mix(data)
    multiple = next(q["id"] for q in data["questions"] if q["type"] == "multiple")
    # The exact-set rule is stated where the reader chooses.
    expect(question(form, multiple).locator(".qb-question__hint")).to_have_text(
        "Choose all that apply."
    )
    # Answers are hidden until the quiz is checked (they are in the page for no-JS readers).
    expect(form.locator(".qb-answer").first).to_be_hidden()

    click_answers(form, answers)
    submit_with_mouse(form)
    check_graded(form, data, answers)
    # The subset answer to the multiple-choice question is wrong.
    assert expected(data, answers)["questions"][multiple] is False
    expect(question(form, multiple).locator(".qb-feedback")).to_have_text(S["incorrect"])
    # Exactly one event, carrying the result, and one stored attempt.
    events = result_events(page)
    assert [e["detail"] for e in events] == [expected(data, answers)]
    attempts = stored_attempts(page)
    assert len(attempts) == 1
    assert attempts[0]["answers"] == answers
    assert attempts[0]["result"] == expected(data, answers)


def test_profile_quiz_with_the_mouse(page: Page, base_url: str) -> None:
    open_role(page, base_url)
    form = quiz_form(page, PROFILE)
    data = quiz_data(form)
    answers = profile_mix(data)
    click_answers(form, answers)
    submit_with_mouse(form)
    want = check_profile(page, form, data, answers)
    assert [e["detail"] for e in result_events(page)] == [want]


# --- keyboard only -------------------------------------------------------------------


def active(page: Page) -> dict[str, Any]:
    info: dict[str, Any] = page.evaluate(
        """() => {
            const e = document.activeElement;
            return {tag: e.tagName.toLowerCase(), type: e.type || '', name: e.name || '',
                    value: e.value || '', text: (e.textContent || '').trim(),
                    form: e.closest('form') ? e.closest('form').id : '',
                    result: !!e.closest('.qb-result')};
        }"""
    )
    return info


def tab_until(page: Page, wanted: Any, key: str = "Tab", limit: int = 250) -> dict[str, Any]:
    for _ in range(limit):
        page.keyboard.press(key)
        now = active(page)
        if wanted(now):
            return now
    raise AssertionError(f"pressing {key} {limit} times never reached the wanted control")


def answer_with_keys(page: Page, form: Locator, answers: dict[str, list[int]]) -> None:
    """Tab to each question; arrow keys pick a radio, Space ticks checkboxes."""
    form_id = form.get_attribute("id")
    data = quiz_data(form)
    shown = shown_order(form)
    for n, q in enumerate(data["questions"]):
        qid, picks = q["id"], answers[q["id"]]
        now = tab_until(page, lambda a, qid=qid: a["form"] == form_id and a["name"] == qid)
        # Keys move through the options in the order shown (shuffled per attempt).
        order = shown[qid]
        if now["type"] == "radio":
            # Tabbing into an unanswered group focuses its first radio, unchecked.
            assert now["value"] == str(order[0])
            position = order.index(picks[0])
            if position == 0:
                page.keyboard.press("Space")
            for _ in range(position):
                page.keyboard.press("ArrowDown")
        else:
            for position, i in enumerate(order):
                assert active(page)["value"] == str(i)
                if i in picks:
                    page.keyboard.press("Space")
                if position < len(order) - 1:
                    page.keyboard.press("Tab")
        if n == 1:
            # Shift+Tab goes back to the previous question, and Tab forward again.
            prev = data["questions"][0]["id"]
            back = tab_until(page, lambda a, prev=prev: a["name"] == prev, key="Shift+Tab")
            assert back["form"] == form_id
            tab_until(page, lambda a, qid=qid: a["name"] == qid)
    checked = form.evaluate(
        """f => { const a = {};
            f.querySelectorAll('input:checked')
                .forEach(i => (a[i.name] = a[i.name] || []).push(+i.value));
            Object.values(a).forEach(v => v.sort((x, y) => x - y));
            return a; }"""
    )
    assert checked == answers


def submit_with_keys(page: Page, form: Locator) -> Locator:
    form_id = form.get_attribute("id")
    now = tab_until(page, lambda a: a["form"] == form_id and a["type"] == "submit")
    assert now["text"] == submit_label(form)
    page.keyboard.press("Enter")
    region = result_region(form)
    region.locator("h3").first.wait_for(state="visible")
    return region


def focus_top(page: Page) -> None:
    """Start from the top of the document, as after loading a page."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Home")


@pytest.mark.parametrize("which", ["graded", "profile"])
def test_quizzes_with_the_keyboard_only(page: Page, base_url: str, which: str) -> None:
    open_role(page, base_url)
    form = quiz_form(page, GRADED if which == "graded" else PROFILE)
    data = quiz_data(form)
    answers = graded_mix(data) if which == "graded" else profile_mix(data, seed=2)
    focus_top(page)
    answer_with_keys(page, form, answers)
    region = submit_with_keys(page, form)

    # Focus moves to the result heading, inside the live region.
    now = active(page)
    assert now["tag"] == "h3" and now["result"], now
    assert now["text"] == S["result_title"]
    expect(region).to_have_attribute("role", "status")
    expect(region).to_have_attribute("aria-live", "polite")
    if which == "graded":
        expect(region).to_contain_text(graded_text(expected(data, answers)))
        check_graded(form, data, answers)
    else:
        check_profile(page, form, data, answers)
    assert [e["detail"] for e in result_events(page)] == [expected(data, answers)]

    # The result's own controls are reachable by keyboard: Retake with Enter.
    now = tab_until(page, lambda a: a["text"] == S["retry"])
    assert now["tag"] == "button"
    page.keyboard.press("Enter")
    expect(region).to_be_empty()
    assert form.locator("input:checked").count() == 0
    assert active(page)["form"] == form.get_attribute("id")


def test_unanswered_questions_are_listed_and_not_scored(page: Page, base_url: str) -> None:
    open_role(page, base_url)
    form = quiz_form(page, GRADED)
    data = quiz_data(form)
    answers = graded_mix(data)
    left = [q["id"] for q in data["questions"]][1::2]
    partial = {k: v for k, v in answers.items() if k not in left}
    click_answers(form, partial)
    region = submit_with_mouse(form)

    assert expected(data, partial) == {"status": "incomplete", "missing": left}
    expect(region.locator("h3")).to_have_text(S["incomplete_title"])
    expect(form.locator(".qb-result h3")).to_be_focused()
    items = region.locator("li a")
    expect(items).to_have_count(len(left))
    for i, qid in enumerate(left):
        legend = " ".join(question(form, qid).locator("legend").inner_text().split())
        assert " ".join(items.nth(i).inner_text().split()) == legend
        expect(question(form, qid).locator(".qb-feedback")).to_have_text(S["unanswered"])
    # Nothing scored: no score line, no marks, no event, nothing saved.
    expect(region.locator(".qb-result__score")).to_have_count(0)
    expect(form.locator(".qb-feedback--right, .qb-feedback--wrong")).to_have_count(0)
    expect(form.locator(".qb-answer").first).to_be_hidden()
    assert result_events(page) == []
    assert stored_attempts(page) == []
    # A listed question's link takes focus to it.
    items.first.click()
    expect(question(form, left[0]).locator("input").first).to_be_focused()

    # Answering the rest scores the quiz; the "missing" marks go away.
    click_answers(form, {k: v for k, v in answers.items() if k in left})
    submit_with_mouse(form)
    check_graded(form, data, answers)
    expect(form.locator(".qb-question--missing")).to_have_count(0)
    assert len(result_events(page)) == 1
    assert len(stored_attempts(page)) == 1


def test_retake_resets_the_form(page: Page, base_url: str) -> None:
    open_role(page, base_url)
    form = quiz_form(page, GRADED)
    data = quiz_data(form)
    answers = graded_mix(data)
    click_answers(form, answers)
    region = submit_with_mouse(form)
    region.get_by_role("button", name=S["retry"]).click()

    expect(region).to_be_empty()
    expect(form.locator("input:checked")).to_have_count(0)
    expect(form.locator(".qb-feedback:visible")).to_have_count(0)
    expect(form.locator(".qb-answer:visible")).to_have_count(0)
    expect(form.locator(".qb-question--right, .qb-question--wrong")).to_have_count(0)
    expect(question(form, data["questions"][0]["id"]).locator("input").first).to_be_focused()

    # A second attempt after the retake: one more event and one more saved attempt.
    right = {
        q["id"]: [i for i, o in enumerate(q["options"]) if o["correct"]] for q in data["questions"]
    }
    click_answers(form, right)
    submit_with_mouse(form)
    expect(region.locator(".qb-result__score")).to_have_text(graded_text(expected(data, right)))
    expect(region.locator("h3")).to_have_count(1)
    assert [e["detail"] for e in result_events(page)] == [
        expected(data, answers),
        expected(data, right),
    ]
    assert len(stored_attempts(page)) == 2
