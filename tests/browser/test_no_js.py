"""Without JavaScript the quizzes still read well; and search never reveals the answers."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect
from quiz_helpers import GRADED, PROFILE, ROLE

from quizbuilder.strings import PAGE_STRINGS

ROLES = Path(__file__).resolve().parents[2] / "docs" / "roles"


@pytest.fixture
def nojs(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    size = {"width": 1280, "height": 900}
    context = browser.new_context(java_script_enabled=False, viewport=size)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, errors
    context.close()
    assert not errors, errors


def test_role_page_reads_without_javascript(nojs: tuple[Page, list[str]], base_url: str) -> None:
    page, _ = nojs
    response = page.goto(base_url + ROLE)
    assert response is not None and response.status == 200
    assert "qb-js" not in (page.locator("html").get_attribute("class") or "")
    for quiz_id in (GRADED, PROFILE):
        form = page.locator(f"form#quiz-{quiz_id}")
        expect(form).to_be_visible()
        data = json.loads(form.get_attribute("data-qb-quiz") or "null")
        expect(form.locator(".qb-note")).to_have_text(PAGE_STRINGS["quiz_noscript"])
        expect(form.locator(".qb-note")).to_be_visible()
        # Every question and every option is there and visible.
        expect(form.locator("fieldset.qb-question")).to_have_count(len(data["questions"]))
        for q in data["questions"]:
            group = form.locator(f"fieldset[data-qb-question='{q['id']}']")
            expect(group).to_be_visible()
            size = q["points"] if q["type"] == "scale" else len(q["options"])
            expect(group.locator("input")).to_have_count(size)
            for label in group.locator("label").all():
                expect(label).to_be_visible()
        answers = form.locator("details.qb-answer")
        if data["kind"] == "graded":
            # The answers and explanations are in closed <details>, a click away.
            expect(answers).to_have_count(len(data["questions"]))
            for details in answers.all():
                expect(details.locator(".qb-answer__explanation")).to_be_hidden()
                details.locator("summary").click()
                expect(details.locator(".qb-answer__correct")).to_be_visible()
                expect(details.locator(".qb-answer__explanation")).to_be_visible()
        else:
            expect(answers).to_have_count(0)
        # Nothing the engine would fill is shown empty.
        expect(form.locator(".qb-result")).to_be_hidden()
        expect(form.locator(".qb-feedback").first).to_be_hidden()


def test_results_page_says_it_needs_javascript(nojs: tuple[Page, list[str]], base_url: str) -> None:
    page, _ = nojs
    page.goto(base_url + "/results/")
    note = page.locator(".qb-history .qb-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("JavaScript")


# --- search ----------------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w']+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text))).split())


def _answer_texts() -> Iterator[tuple[str, str, str]]:
    """(role, quiz, explanation) for every graded question in the content."""
    for path in sorted(ROLES.glob("*.md")):
        text = path.read_text("utf-8")
        if not text.startswith("---"):
            continue
        front: dict[str, Any] = yaml.safe_load(text.split("---", 2)[1]) or {}
        for quiz in front.get("quizzes", []):
            for q in quiz.get("questions", []):
                if q.get("explanation"):
                    yield path.stem, quiz["id"], q["explanation"]


def test_search_index_holds_no_quiz_answers(site_dir: Path) -> None:
    """Quizzes are `data-search-exclude`: the index must not carry explanations or the
    "Correct answer" lines, or searching would give the answers away."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    haystack = _words(" ".join(doc["text"] + " " + doc["title"] for doc in index["docs"]))
    leaks = []
    checked = 0
    for role, quiz, explanation in _answer_texts():
        words = _words(explanation).split()
        probe = " ".join(words[:8])
        if len(words) < 8:
            continue
        checked += 1
        if probe in haystack:
            leaks.append(f"{role} / {quiz}: {probe!r}")
    assert checked > 20
    for label in ("quiz_correct_one", "quiz_correct_many", "quiz_noscript"):
        if _words(PAGE_STRINGS[label]) in haystack:
            leaks.append(f"page string {label}: {PAGE_STRINGS[label]!r}")
    assert not leaks, "quiz answers are searchable:\n" + "\n".join(leaks[:20])
