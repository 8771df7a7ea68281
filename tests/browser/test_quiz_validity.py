"""Quizzes that measure knowledge: shuffled options, a settled quiz, results that teach.

Shuffling is checked by outcome: two fresh visitors and a retake see different orders,
while the same answers (source indexes) give the same score, saved attempt and share
link whatever the order. Then what a finished quiz shows: locked inputs, every option
marked in words, the missed questions with their answers, the result in view.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from quiz_helpers import (
    GRADED,
    PROFILE,
    ROLE,
    S,
    click_answers,
    expected,
    graded_mix,
    profile_mix,
    question,
    quiz_data,
    quiz_form,
    result_region,
    shown_order,
    stored_attempts,
    submit_label,
    submit_with_mouse,
)

from quizbuilder.reference import scoring


@pytest.fixture
def visitors(browser: Browser) -> Iterator[list[BrowserContext]]:
    """Two fresh visitors (empty storage each)."""
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(2)]
    yield contexts
    for context in contexts:
        context.close()


def _open(context: BrowserContext, base_url: str) -> Page:
    page = context.new_page()
    page.goto(base_url + ROLE)
    quiz_form(page, GRADED)
    quiz_form(page, PROFILE)
    return page


def _shuffled_ids(data: dict[str, Any]) -> list[str]:
    return [q["id"] for q in data["questions"] if q.get("shuffle")]


def test_two_visitors_see_different_orders_and_get_the_same_scores(
    visitors: list[BrowserContext], base_url: str
) -> None:
    pages = [_open(context, base_url) for context in visitors]
    for quiz_id, plan in ((GRADED, graded_mix), (PROFILE, profile_mix)):
        forms = [quiz_form(page, quiz_id) for page in pages]
        data = quiz_data(forms[0])
        orders = [shown_order(form) for form in forms]
        ids = _shuffled_ids(data)
        assert ids, "the quiz shuffles its options"
        for order in orders:
            for qid in ids:
                assert sorted(order[qid]) == list(range(len(order[qid])))
        assert [orders[0][q] for q in ids] != [orders[1][q] for q in ids], quiz_id
        # Scale questions never move.
        for q in data["questions"]:
            if q["type"] == "scale":
                assert orders[0][q["id"]] == list(range(q["points"]))

        answers = plan(data)
        for form in forms:
            click_answers(form, answers)
            submit_with_mouse(form)
    for quiz_id, plan in ((GRADED, graded_mix), (PROFILE, profile_mix)):
        data = quiz_data(quiz_form(pages[0], quiz_id))
        want = expected(data, plan(data))
        saved = [next(a for a in stored_attempts(page) if a["quiz"] == quiz_id) for page in pages]
        assert [a["answers"] for a in saved] == [plan(data)] * 2
        assert [a["result"] for a in saved] == [want] * 2
        links = [_share_link(page, base_url, quiz_form(page, quiz_id)) for page in pages]
        assert links[0] == links[1]
        payload = json.loads(base64.urlsafe_b64decode(links[0].split("#qb=")[1] + "=="))
        assert payload == scoring.share_payload(want)


def _share_link(page: Page, base_url: str, form: Any) -> str:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    form.locator(".qb-result__actions button", has_text="link").click()
    expect(form.locator(".qb-share__msg")).to_have_text(S["share_copied"])
    return str(page.evaluate("navigator.clipboard.readText()"))


def test_without_javascript_options_keep_the_written_order(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + ROLE)
        form = page.locator(f"form#quiz-{GRADED}")
        order = shown_order(form)
        assert all(values == list(range(len(values))) for values in order.values())
    finally:
        context.close()


def test_a_checked_quiz_is_settled_until_retake(page: Page, base_url: str) -> None:
    page.goto(base_url + ROLE)
    form = quiz_form(page, GRADED)
    data = quiz_data(form)
    answers = graded_mix(data)
    before = shown_order(form)
    click_answers(form, answers)
    region = submit_with_mouse(form)

    # Locked: every input disabled, clicks change nothing, no second submit.
    inputs = form.locator(".qb-question input")
    assert inputs.count() == inputs.and_(form.locator("input:disabled")).count()
    checked = form.evaluate("f => [...f.querySelectorAll('input:checked')].map(i => i.id)")
    first_unchecked = form.locator(".qb-question input:not(:checked)").first
    form.locator(f"label[for='{first_unchecked.get_attribute('id')}']").click(force=True)
    assert form.evaluate("f => [...f.querySelectorAll('input:checked')].map(i => i.id)") == checked
    expect(form.get_by_role("button", name=submit_label(form))).to_be_hidden()

    # Each option says, in words, what it was.
    result = expected(data, answers)
    for q in data["questions"]:
        group = question(form, q["id"])
        for index, option in enumerate(q["options"]):
            label = group.locator(f"label[for$='-{q['id']}-{index}']")
            chose = index in answers[q["id"]]
            mark = label.locator(".qb-mark")
            if chose:
                want = S["option_right"] if option["correct"] else S["option_wrong"]
                expect(mark).to_have_text(want)
            elif option["correct"]:
                expect(mark).to_have_text(S["option_missed"])
            else:
                expect(mark).to_have_count(0)
    assert result["correct"] < result["total"]

    # Retake: unlocked, unmarked, and shuffled afresh.
    region.get_by_role("button", name=S["retry"]).click()
    expect(form.locator("input:disabled")).to_have_count(0)
    expect(form.locator(".qb-mark")).to_have_count(0)
    expect(form.get_by_role("button", name=submit_label(form))).to_be_visible()
    after = shown_order(form)
    ids = _shuffled_ids(data)
    assert [before[q] for q in ids] != [after[q] for q in ids]


def test_a_graded_result_lists_what_was_missed_and_a_next_step(page: Page, base_url: str) -> None:
    page.goto(base_url + ROLE)
    form = quiz_form(page, GRADED)
    data = quiz_data(form)
    answers = graded_mix(data)
    click_answers(form, answers)
    region = submit_with_mouse(form)
    result = expected(data, answers)

    missed = [q for q in data["questions"] if not result["questions"][q["id"]]]
    items = region.locator(".qb-missed > li")
    expect(items).to_have_count(len(missed))
    for item, q in zip(items.all(), missed, strict=True):
        group = question(form, q["id"])
        legend = " ".join(group.locator("legend").inner_text().split())
        link = item.locator("a").first
        assert " ".join(link.inner_text().split()) == legend
        assert link.get_attribute("href") == "#" + str(group.get_attribute("id"))
        answer = " ".join(group.locator(".qb-answer__correct").inner_text().split())
        expect(item.locator(".qb-answer__correct")).to_have_text(answer)
        more = group.locator(".qb-answer__more a")
        if more.count():
            expect(item.locator(".qb-answer__more a")).to_have_attribute(
                "href", str(more.get_attribute("href"))
            )
    # Graded bands are the site's graded_bands, which speak about knowledge.
    percent = (200 * result["correct"] + result["total"]) // (2 * result["total"])
    band = next(b for b in data["bands"] if b["min"] <= percent <= b["max"])
    assert [b["id"] for b in data["bands"]] == ["review", "close", "known"]
    expect(region.locator(".qb-result__band strong")).to_have_text(band["label"])
    # The next step exists: the profile quiz on this same page.
    next_link = region.locator(".qb-next a", has_text=quiz_data(quiz_form(page, PROFILE))["title"])
    expect(next_link).to_have_attribute("href", f"#quiz-{PROFILE}")
    assert page.locator(f"#quiz-{PROFILE}").count() == 1


def test_a_profile_result_explains_each_band(page: Page, base_url: str) -> None:
    page.goto(base_url + ROLE)
    form = quiz_form(page, PROFILE)
    data = quiz_data(form)
    expect(form.locator(".qb-actions button")).to_have_text("Show my profile")
    answers = profile_mix(data)
    click_answers(form, answers)
    region = submit_with_mouse(form)
    result = expected(data, answers)
    bars = region.locator(".qb-bar")
    expect(bars).to_have_count(len(result["dimensions"]))
    for bar, dim in zip(bars.all(), result["dimensions"], strict=True):
        level = next(d for d in data["dimensions"] if d["id"] == dim["id"])["levels"][dim["band"]]
        texts = bar.locator(".qb-bar__text")
        expect(texts.nth(0)).to_have_text(level["meaning"])
        expect(texts.nth(1)).to_have_text(S["habit"].format(habit=level["habit"]))


@pytest.mark.parametrize(
    ("width", "height", "motion"),
    [(1280, 900, "no-preference"), (360, 740, "reduce"), (360, 740, "no-preference")],
)
def test_the_result_comes_into_view_and_takes_focus(
    browser: Browser, base_url: str, width: int, height: int, motion: str
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": height}, reduced_motion=motion
    )
    try:
        page = context.new_page()
        page.goto(base_url + ROLE)
        for quiz_id, plan in ((GRADED, graded_mix), (PROFILE, profile_mix)):
            form = quiz_form(page, quiz_id)
            click_answers(form, plan(quiz_data(form)))
            form.locator(".qb-actions button").click()
            heading = result_region(form).locator("h3")
            heading.wait_for(state="visible")
            expect(heading).to_be_focused()
            # Smooth scrolling takes a moment; then the heading is in the upper half of
            # the viewport (the result is scrolled to, not just peeking in at the
            # bottom), and not under Material's sticky header.
            page.wait_for_function(
                """h => { const r = h.getBoundingClientRect();
                    const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
                    return r.top >= 0 && r.bottom <= innerHeight / 2 && !!hit
                        && h.contains(hit); }""",
                arg=heading.element_handle(),
                timeout=3000,
            )
    finally:
        context.close()


def test_a_shared_result_is_written_for_the_receiver(
    visitors: list[BrowserContext], base_url: str
) -> None:
    mine, theirs = visitors
    page = _open(mine, base_url)
    links = {}
    for quiz_id, plan in ((GRADED, graded_mix), (PROFILE, profile_mix)):
        form = quiz_form(page, quiz_id)
        click_answers(form, plan(quiz_data(form)))
        submit_with_mouse(form)
        links[quiz_id] = _share_link(page, base_url, form)
    other = theirs.new_page()
    for quiz_id, link in links.items():
        other.goto("about:blank")
        other.goto(link)
        region = result_region(quiz_form(other, quiz_id))
        expect(region.locator("h3")).to_have_text(S["shared_title"])
        expect(region).to_contain_text("shared this result with you")
        expect(region).not_to_contain_text("Your ")
        if quiz_id == GRADED:
            expect(region.locator(".qb-result__score")).to_contain_text("This result:")
        else:
            expect(region).to_contain_text("Strongest area:")
            expect(region.locator(".qb-bar__text")).to_have_count(0)


def test_explanations_are_set_at_body_size(page: Page, base_url: str) -> None:
    """Explanations teach: the same size as the article's paragraphs (issue 13)."""
    page.goto(base_url + ROLE)
    form = quiz_form(page, GRADED)
    data = quiz_data(form)
    click_answers(form, graded_mix(data))
    submit_with_mouse(form)
    size = "e => getComputedStyle(e).fontSize"
    body = page.locator(".md-content .md-typeset > p").first.evaluate(size)
    explanation = form.locator(".qb-answer__explanation p").first.evaluate(size)
    assert explanation == body
