"""Driving the quiz engine like a person, and reading back what it shows.

Shared by test_quiz_flow, test_instant_navigation and test_history_share. Answers are
`{question_id: [option_index, ...]}` (ARCHITECTURE.md "Scoring rules"), so the same
dict goes to the browser (as clicks or key presses) and to the Python reference scorer.
"""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Locator, Page

from quizbuilder.reference import scoring
from quizbuilder.strings import DEFAULT_STRINGS, PAGE_STRINGS

ROLE = "/roles/high-school-teacher/"
GRADED = "high-school-teacher-customers"
PROFILE = "high-school-teacher-profile"
STORAGE_KEY = "quizbuilder:127.0.0.1:8000:attempts:v1"
"""The namespace derives from `site_url` (http://127.0.0.1:8000/)."""

S = DEFAULT_STRINGS


def quiz_form(page: Page, quiz_id: str) -> Locator:
    """The quiz's form once the engine has enhanced it."""
    form = page.locator(f"form#quiz-{quiz_id}")
    page.locator(f"form#quiz-{quiz_id}[data-qb-ready]").wait_for(state="attached")
    return form


def quiz_data(form: Locator) -> dict[str, Any]:
    """The quiz data the engine reads: the form's `data-qb-quiz` JSON."""
    raw = form.get_attribute("data-qb-quiz")
    assert raw, "the form has no data-qb-quiz"
    data: dict[str, Any] = json.loads(raw)
    return data


def question(form: Locator, qid: str) -> Locator:
    return form.locator(f"fieldset[data-qb-question='{qid}']")


def option_labels(form: Locator, qid: str) -> list[str]:
    """The visible option texts of one question, in source order (option index), whatever
    order the engine shows them in."""
    group = question(form, qid)
    count = group.locator("label").count()
    return [
        " ".join(group.locator(f"label[for$='-{qid}-{i}']").inner_text().split())
        for i in range(count)
    ]


def shown_order(form: Locator) -> dict[str, list[int]]:
    """Each question's option indexes in the order the page shows them."""
    order: dict[str, list[int]] = form.evaluate(
        """f => Object.fromEntries([...f.querySelectorAll('fieldset[data-qb-question]')].map(
            q => [q.dataset.qbQuestion, [...q.querySelectorAll('input')].map(i => +i.value)]))"""
    )
    return order


def graded_mix(data: dict[str, Any]) -> dict[str, list[int]]:
    """Right and wrong answers: a multiple-choice question gets a strict subset of its
    correct options (wrong by the exact-set rule); single questions alternate."""
    answers: dict[str, list[int]] = {}
    for n, q in enumerate(data["questions"]):
        right = [i for i, o in enumerate(q["options"]) if o["correct"]]
        wrong = [i for i, o in enumerate(q["options"]) if not o["correct"]]
        if q["type"] == "multiple":
            answers[q["id"]] = right[:-1] if len(right) > 1 else [*right, wrong[0]]
        else:
            answers[q["id"]] = right if n % 2 else [wrong[0]]
    return answers


def graded_right(data: dict[str, Any]) -> dict[str, list[int]]:
    return {
        q["id"]: [i for i, o in enumerate(q["options"]) if o["correct"]] for q in data["questions"]
    }


def profile_mix(data: dict[str, Any], seed: int = 1) -> dict[str, list[int]]:
    """A varied answer per question (scale steps and options)."""
    answers: dict[str, list[int]] = {}
    for n, q in enumerate(data["questions"]):
        size = q["points"] if q["type"] == "scale" else len(q["options"])
        answers[q["id"]] = [(n * 3 + seed) % size]
    return answers


def click_answers(form: Locator, answers: dict[str, list[int]]) -> None:
    """Click each chosen option by its label text, as a reader does."""
    for qid, picks in answers.items():
        labels = option_labels(form, qid)
        group = question(form, qid)
        for i in picks:
            group.get_by_label(labels[i], exact=True).click()


def result_region(form: Locator) -> Locator:
    """The live region (role=status) the result is written into; hidden while empty."""
    return form.locator(".qb-result[role=status]")


def submit_label(form: Locator) -> str:
    """The submit button's words: a graded quiz checks answers, a profile shows a profile."""
    graded = quiz_data(form)["kind"] == "graded"
    return PAGE_STRINGS["quiz_submit" if graded else "quiz_submit_profile"]


def submit_with_mouse(form: Locator) -> Locator:
    form.get_by_role("button", name=submit_label(form)).click()
    region = result_region(form)
    region.locator("h3").first.wait_for(state="visible")
    return region


def expected(data: dict[str, Any], answers: dict[str, list[int]]) -> dict[str, Any]:
    """What the Python reference scorer says about these answers."""
    return scoring.score(data, answers)


def attempt(page: Page, quiz_id: str, answers_for: Any) -> dict[str, Any]:
    """Take one quiz with the mouse (retaking it when it already shows a result); return
    the reference scorer's result for the answers given."""
    form = quiz_form(page, quiz_id)
    data = quiz_data(form)
    region = result_region(form)
    if region.locator("h3").count():
        region.get_by_role("button", name=S["retry"]).click()
    answers = answers_for(data)
    click_answers(form, answers)
    submit_with_mouse(form)
    return expected(data, answers)


def listen_for_results(page: Page) -> None:
    """Record every `quizbuilder:result` event's detail on window (once per document;
    the document survives instant navigation)."""
    page.evaluate(
        """() => {
            if (window.__qbEvents) return;
            window.__qbEvents = [];
            document.addEventListener('quizbuilder:result', (e) => {
                window.__qbEvents.push({quiz: e.target.id, detail: e.detail});
            });
        }"""
    )


def result_events(page: Page) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = page.evaluate("window.__qbEvents || []")
    return events


def stored_attempts(page: Page) -> list[dict[str, Any]]:
    raw = page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY)
    if raw is None:
        return []
    attempts: list[dict[str, Any]] = json.loads(raw)["attempts"]
    return attempts


def graded_text(result: dict[str, Any], shared: bool = False) -> str:
    key = "shared_score" if shared else "score"
    return S[key].format(correct=result["correct"], total=result["total"])


def band_label(data: dict[str, Any], band_id: str | None) -> str:
    return next(b["label"] for b in data["bands"] if b["id"] == band_id)


def dimension(data: dict[str, Any], dim_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(d for d in data["dimensions"] if d["id"] == dim_id)
    return found


def shown_bars(region: Locator) -> list[tuple[str, str]]:
    """(name, "NN% · Band") for each bar of a profile result, in order."""
    bars = region.locator(".qb-bar")
    return [
        (
            bars.nth(i).locator(".qb-bar__name").inner_text(),
            bars.nth(i).locator(".qb-bar__value").inner_text(),
        )
        for i in range(bars.count())
    ]


def expected_bars(data: dict[str, Any], result: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (dimension(data, d["id"])["name"], f"{d['percent']}% · {band_label(data, d['band'])}")
        for d in result["dimensions"]
    ]
