"""Storage faults: the quiz always scores and shows its result, and says what was not saved.

Each test sabotages `localStorage` with `context.add_init_script` (it runs before any
page script) and takes the loan officer's graded quiz. The storage contract is in
ARCHITECTURE.md ("Browser storage and share links") and core.js `readStore`: key
`quizbuilder:<namespace>:attempts:v1`; version 0 (a bare array, or an object without
`version`) is migrated; a newer version is left untouched and not written.

The site is the session's build of the real site, served on a free port of our own
(these tests use full page loads only; the storage namespace comes from `site_url`,
not from the port serving the files).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from quizbuilder.strings import DEFAULT_STRINGS
from tests.browser.conftest import SiteUI, StaticServer

ROLE, RESULTS = "/roles/loan-officer/", "/results/"
QUIZ = "#quiz-loan-officer-customers"
NS = "127.0.0.1:8000"  # mkdocs.yml site_url, host and path
KEY = f"quizbuilder:{NS}:attempts:v1"
S = DEFAULT_STRINGS

OLD_ATTEMPT = {
    "quiz": "retired-quiz",
    "role": "retired-role",
    "title": "A quiz that was removed",
    "date": "2024-01-02T03:04:05.000Z",
    "answers": {"renamed-question": [3], "gone": [0, 9]},
    "result": {
        "status": "ok",
        "kind": "profile",
        "quiz": "retired-quiz",
        "dimensions": [{"id": "retired-dimension", "points": 1, "max": 2, "percent": 50}],
        "strongest": "retired-dimension",
        "weakest": "retired-dimension",
    },
}


@pytest.fixture(scope="module")
def own_base(site_dir: Path) -> Iterator[str]:
    srv = StaticServer(site_dir, 0)
    yield srv.base
    srv.close()


def seed(page: Page, value: str, key: str = KEY) -> None:
    """Store `value` under `key` before the first page script, once per context."""
    page.context.add_init_script(
        f"""(() => {{ try {{
          if (!sessionStorage.getItem('qb-seeded')) {{
            localStorage.setItem({json.dumps(key)}, {json.dumps(value)});
            sessionStorage.setItem('qb-seeded', '1');
          }} }} catch (e) {{}} }})();"""
    )


def take_quiz(page: Page, base: str) -> str:
    """Open the role page, answer the graded quiz, submit; return the result text."""
    page.goto(base + ROLE)
    form = page.locator(QUIZ)
    form.and_(page.locator("[data-qb-ready]")).wait_for(state="attached")
    SiteUI(page, base).answer_quiz(form, "correct")
    return str(SiteUI(page, base).submit_quiz(form).inner_text())


def stored(page: Page, key: str = KEY) -> Any:
    return page.evaluate("k => localStorage.getItem(k)", key)


def history(page: Page, base: str) -> str:
    page.goto(base + RESULTS)
    page.locator(".qb-history[data-qb-ready] .qb-history__body").wait_for(state="attached")
    return str(page.locator(".qb-history").inner_text())


def assert_scored(text: str, saved: bool) -> None:
    assert S["result_title"] in text, text
    assert "correct" in text and " of " in text, text
    assert (S["not_saved"] in text) is (not saved), text


def test_storage_getter_throws(browser: Browser, own_base: str) -> None:
    """Cookies and site data blocked: reading `window.localStorage` throws.

    Material's own `__md_get` (palette, tabs) reads localStorage outside any `try` and
    throws uncaught errors here (from its bundle and its inline head script); that is the
    theme's, so this test uses its own page and requires only that no uncaught error
    comes from quizbuilder's scripts (all of which live in assets/quizbuilder/)."""
    context = browser.new_context()
    context.add_init_script(
        """Object.defineProperty(window, 'localStorage', { configurable: true,
             get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
           window.__qbErrors = [];
           addEventListener('error', (e) => window.__qbErrors.push(
             String(e.filename) + ' ' + String(e.error && e.error.stack)));"""
    )
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: m.type == "error" and console.append(m.text))
    try:
        assert_scored(take_quiz(page, own_base), saved=False)
        errors = page.evaluate("window.__qbErrors")
        assert S["history_unreadable"] in history(page, own_base)
        errors += page.evaluate("window.__qbErrors")
        ours = [e for e in errors if "/assets/quizbuilder/" in e]
        assert not ours, ours
        assert all("/assets/javascripts/bundle." in e or e.startswith(" ") for e in errors), errors
        assert not console, console
    finally:
        context.close()


def test_set_item_throws_quota_exceeded(page: Page, own_base: str) -> None:
    page.context.add_init_script(
        """Storage.prototype.setItem = function () {
             throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"""
    )
    assert_scored(take_quiz(page, own_base), saved=False)
    assert stored(page) is None


def test_corrupt_value_is_kept_and_reported(page: Page, own_base: str) -> None:
    seed(page, '{"version": 1, "attempts": [')
    assert_scored(take_quiz(page, own_base), saved=False)
    assert stored(page) == '{"version": 1, "attempts": ['
    assert S["history_unreadable"] in history(page, own_base)
    assert stored(page) == '{"version": 1, "attempts": ['


@pytest.mark.parametrize(
    "old",
    [json.dumps([OLD_ATTEMPT]), json.dumps({"attempts": [OLD_ATTEMPT]})],
    ids=["bare-array", "object-without-version"],
)
def test_older_version_is_migrated_not_deleted(page: Page, own_base: str, old: str) -> None:
    seed(page, old)
    shown = history(page, own_base)
    assert OLD_ATTEMPT["title"] in shown, shown
    assert stored(page) == old, "reading the history must not rewrite the store"
    assert_scored(take_quiz(page, own_base), saved=True)
    data = json.loads(stored(page))
    assert data["version"] == 1
    assert data["attempts"][0] == OLD_ATTEMPT
    assert [a["quiz"] for a in data["attempts"]] == ["retired-quiz", "loan-officer-customers"]


def test_newer_version_is_kept_byte_identical(page: Page, own_base: str) -> None:
    newer = json.dumps({"version": 2, "attempts": [OLD_ATTEMPT], "future": {"x": [1, 2]}}, indent=3)
    seed(page, newer)
    assert_scored(take_quiz(page, own_base), saved=False)
    assert stored(page) == newer
    assert S["history_newer"] in history(page, own_base)
    assert stored(page) == newer


def test_attempts_of_renamed_or_removed_questions_still_render(page: Page, own_base: str) -> None:
    renamed = {
        **OLD_ATTEMPT,
        "quiz": "loan-officer-customers",
        "role": "loan-officer",
        "title": "Who are a loan officer's customers? (old wording)",
        "result": {
            "status": "ok",
            "kind": "graded",
            "quiz": "loan-officer-customers",
            "correct": 2,
            "total": 9,
            "questions": {"renamed-question": True, "gone": False},
        },
    }
    seed(page, json.dumps({"version": 1, "attempts": [OLD_ATTEMPT, renamed, {"junk": 1}, 7]}))
    shown = history(page, own_base)
    assert OLD_ATTEMPT["title"] in shown, shown
    assert "retired-dimension 50%" in shown, shown
    assert "2 of 9 correct" in shown, shown
    assert page.locator(".qb-history__list li").count() == 2


def test_a_result_saved_in_one_tab_appears_in_the_other(page: Page, own_base: str) -> None:
    other = page.context.new_page()
    other.goto(own_base + RESULTS)
    other.locator(".qb-history[data-qb-ready]").wait_for(state="attached")
    assert S["history_empty"] in other.locator(".qb-history").inner_text()
    assert_scored(take_quiz(page, own_base), saved=True)
    other.locator(".qb-history__list li").first.wait_for(state="attached", timeout=5000)
    assert "correct" in other.locator(".qb-history__list").inner_text()
    other.close()


def test_attempts_are_scoped_to_the_site_namespace(page: Page, own_base: str) -> None:
    foreign = "quizbuilder:other.example/site:attempts:v1"
    seed(page, json.dumps({"version": 1, "attempts": [OLD_ATTEMPT]}), key=foreign)
    assert S["history_empty"] in history(page, own_base)
    config = page.evaluate("JSON.parse(document.querySelector('.qb-history').dataset.qbConfig)")
    assert config["storage"] == NS
    assert_scored(take_quiz(page, own_base), saved=True)
    keys = page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('quizbuilder:'))")
    assert sorted(keys) == sorted([KEY, foreign])
    assert json.loads(stored(page, foreign))["attempts"] == [OLD_ATTEMPT]
    shown = history(page, own_base)
    assert OLD_ATTEMPT["title"] not in shown
    assert page.locator(".qb-history__list li").count() == 1
