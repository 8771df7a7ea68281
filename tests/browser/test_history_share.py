"""The "My results" page (list, delete, clear, downloads) and share links (copy, open, tamper)."""

from __future__ import annotations

import base64
import csv
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, expect
from quiz_helpers import (
    GRADED,
    PROFILE,
    ROLE,
    STORAGE_KEY,
    S,
    attempt,
    expected_bars,
    graded_mix,
    graded_right,
    graded_text,
    profile_mix,
    quiz_data,
    quiz_form,
    result_region,
    shown_bars,
    stored_attempts,
    submit_label,
)

from quizbuilder.reference import scoring

CSV_HEADER = [
    "date",
    "quiz",
    "title",
    "role",
    "kind",
    "correct",
    "total",
    "strongest",
    "weakest",
    "dimensions",
]


def two_graded_and_a_profile(page: Page, base_url: str) -> list[dict[str, Any]]:
    page.goto(base_url + ROLE)
    first = attempt(page, GRADED, graded_right)
    page.wait_for_timeout(20)  # distinct ISO timestamps
    second = attempt(page, GRADED, graded_mix)
    profile = attempt(page, PROFILE, profile_mix)
    assert len(stored_attempts(page)) == 3
    return [first, second, profile]


def open_results(page: Page, base_url: str) -> None:
    page.goto(base_url + "/results/")
    page.locator(".qb-history[data-qb-ready]").wait_for(state="attached")


def section_items(page: Page, title: str) -> list[str]:
    """The texts of the list items under one quiz's heading on "My results"."""
    heading = page.locator(".qb-history h2", has_text=title)
    expect(heading).to_have_count(1)
    items = heading.locator(
        "xpath=following-sibling::ul[contains(@class, 'qb-history__list')][1]/li"
    )
    return [" ".join(t.split()) for t in items.all_inner_texts()]


def test_my_results_lists_deletes_downloads_and_clears(page: Page, base_url: str) -> None:
    first, second, profile = two_graded_and_a_profile(page, base_url)
    graded_title = quiz_data(quiz_form(page, GRADED))["title"]
    profile_data = quiz_data(quiz_form(page, PROFILE))
    open_results(page, base_url)

    # Grouped per quiz, newest first.
    items = section_items(page, graded_title)
    assert len(items) == 2
    assert graded_text(second) in items[0] and graded_text(first) in items[1]
    times = page.locator(".qb-history__list time").evaluate_all(
        "ts => ts.map(t => t.getAttribute('datetime'))"
    )
    assert times[0] > times[1]
    profile_items = section_items(page, profile_data["title"])
    assert len(profile_items) == 1
    for d in profile["dimensions"]:
        name = next(x["name"] for x in profile_data["dimensions"] if x["id"] == d["id"])
        assert f"{name} {d['percent']}%" in profile_items[0]
    # The quiz headings link back to the role page.
    link = page.locator(".qb-history h2 a", has_text=graded_title)
    assert link.evaluate("a => a.href") == base_url + ROLE

    # Download JSON: the stored record, with every attempt.
    with page.expect_download() as info:
        page.get_by_role("button", name=S["download_json"]).click()
    download = info.value
    assert download.suggested_filename == "quiz-results.json"
    record = json.loads(download.path().read_text("utf-8"))
    assert record["version"] == 2 and record["site"] == "127.0.0.1:8000"
    assert "label" not in record  # anonymous unless the person adds a label
    assert [a["result"] for a in record["attempts"]] == [first, second, profile]
    assert record["attempts"] == stored_attempts(page)

    # Download CSV: a header and one row per attempt.
    with page.expect_download() as info:
        page.get_by_role("button", name=S["download_csv"]).click()
    download = info.value
    assert download.suggested_filename == "quiz-results.csv"
    with download.path().open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == CSV_HEADER
    assert len(rows) == 4
    by_col = [dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:]]
    assert [r["quiz"] for r in by_col] == [GRADED, GRADED, PROFILE]
    assert [r["correct"] for r in by_col[:2]] == [str(first["correct"]), str(second["correct"])]
    assert by_col[2]["weakest"] == profile["weakest"]
    assert by_col[2]["dimensions"] == ";".join(
        f"{d['id']}={d['percent']}" for d in profile["dimensions"]
    )

    # Delete one (the newest graded attempt), by its labelled button.
    heading = page.locator(".qb-history h2", has_text=graded_title)
    newest = heading.locator(
        "xpath=following-sibling::ul[contains(@class, 'qb-history__list')][1]/li"
    ).first
    label = newest.get_by_role("button").get_attribute("aria-label")
    assert label and label.startswith("Delete the result from ")
    page.get_by_role("button", name=label, exact=True).click()
    expect(page.locator(".qb-history__status")).to_have_text(S["history_deleted"])
    assert len(section_items(page, graded_title)) == 1
    assert graded_text(first) in section_items(page, graded_title)[0]
    assert [a["result"] for a in stored_attempts(page)] == [first, profile]

    # Clear all: a dismissed confirmation keeps everything ...
    seen: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.get_by_role("button", name=S["history_clear"]).click()
    expect(page.locator(".qb-history__list li")).to_have_count(2)
    assert len(stored_attempts(page)) == 2

    # ... an accepted one deletes everything.
    def accept(dialog: Dialog) -> None:
        seen.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    page.get_by_role("button", name=S["history_clear"]).click()
    expect(page.locator(".qb-history__status")).to_have_text(S["history_cleared"])
    expect(page.locator(".qb-history__body")).to_contain_text(S["history_empty"])
    expect(page.locator(".qb-history__list li")).to_have_count(0)
    assert seen == [S["history_confirm"]] * 2
    assert page.evaluate("k => localStorage.getItem(k)", STORAGE_KEY) is None


# --- share links -----------------------------------------------------------------------


@pytest.fixture
def fresh(browser: Browser) -> Iterator[tuple[BrowserContext, list[str]]]:
    """A second, empty browser context (another person); collects its script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    errors: list[str] = []

    def watch(p: Page) -> None:
        p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        p.on("pageerror", lambda e: errors.append(str(e)))
        p.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))

    context.on("page", watch)
    yield context, errors
    context.close()
    assert not errors, errors


def copy_link(page: Page, base_url: str, quiz_id: str) -> str:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    form = quiz_form(page, quiz_id)
    result_region(form).get_by_role("button", name=S["share"]).click()
    expect(form.locator(".qb-share__msg")).to_have_text(S["share_copied"])
    link = str(page.evaluate("navigator.clipboard.readText()"))
    assert link.startswith(base_url + ROLE + "#qb=")
    return link


@pytest.mark.parametrize("quiz_id", [GRADED, PROFILE])
def test_a_shared_link_shows_the_same_result_read_only(
    page: Page, base_url: str, fresh: tuple[BrowserContext, list[str]], quiz_id: str
) -> None:
    page.goto(base_url + ROLE)
    form = quiz_form(page, quiz_id)
    data = quiz_data(form)
    mine = attempt(page, quiz_id, graded_mix if quiz_id == GRADED else profile_mix)
    link = copy_link(page, base_url, quiz_id)
    # The link holds the result, never the answers.
    payload = json.loads(base64.urlsafe_b64decode(link.split("#qb=")[1] + "=="))
    assert payload == scoring.share_payload(mine)

    context, _ = fresh
    other = context.new_page()
    other.goto(link)
    theirs = quiz_form(other, quiz_id)
    region = result_region(theirs)
    expect(region.locator("h3")).to_have_text(S["shared_title"])
    expect(region).to_contain_text(S["shared_note"])
    if quiz_id == GRADED:
        # Written for the person receiving it.
        expect(region.locator(".qb-result__score")).to_have_text(graded_text(mine, shared=True))
    else:
        assert shown_bars(region) == expected_bars(data, mine)
        expect(region).not_to_contain_text("Your strongest")
    # Read-only: no questions, no submit, no retake/share, nothing saved.
    expect(theirs.locator(".qb-question").first).to_be_hidden()
    expect(theirs.get_by_role("button", name=submit_label(theirs))).to_be_hidden()
    expect(region.get_by_role("button", name=S["share"])).to_have_count(0)
    assert other.evaluate("k => localStorage.getItem(k)", STORAGE_KEY) is None

    region.get_by_role("button", name=S["take_quiz"]).click()
    expect(theirs.locator(".qb-question").first).to_be_visible()
    expect(theirs.get_by_role("button", name=submit_label(theirs))).to_be_visible()
    expect(region.locator("h3")).to_have_count(0)
    assert "#qb=" not in other.url
    expect(theirs.locator(".qb-question input").first).to_be_focused()


def test_copy_falls_back_to_a_visible_link_when_the_clipboard_is_refused(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + ROLE)
    mine = attempt(page, GRADED, graded_mix)
    page.evaluate(
        """() => {
            navigator.clipboard.writeText = () =>
                Promise.reject(new DOMException('refused', 'NotAllowedError'));
        }"""
    )
    form = quiz_form(page, GRADED)
    result_region(form).get_by_role("button", name=S["share"]).click()
    box = form.get_by_label(S["share_manual"])
    expect(box).to_be_visible()
    expect(box).to_be_focused()
    value = box.input_value()
    assert value == base_url + ROLE + "#qb=" + scoring.encode_share(mine)


def b64(obj: Any) -> str:
    raw = obj if isinstance(obj, str) else json.dumps(obj, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


XSS = "<img src=x onerror=alert(1)>"
GOOD = {"v": 1, "q": GRADED, "k": "g", "c": 3, "t": 5}


def tampered() -> list[tuple[str, str]]:
    good = b64(GOOD)
    flipped = good[:6] + ("A" if good[6] != "A" else "B") + good[7:]
    return [
        ("flipped", flipped),
        ("reversed", good[::-1]),
        ("truncated", good[:-5]),
        ("not-base64", good[:8] + "%3Cb%3E" + good[8:]),
        ("markup-in-count", b64({**GOOD, "c": XSS})),
        ("markup-in-quiz", b64({**GOOD, "q": XSS})),
        ("markup-extra-field", b64({**GOOD, "x": XSS})),
        ("markup-raw", b64(XSS)),
        ("markup-in-dimension", b64({"v": 1, "q": PROFILE, "k": "p", "d": {XSS: 50}})),
        ("out-of-range", b64({**GOOD, "c": 6})),
        ("too-long", "A" * 3000),
    ]


@pytest.mark.parametrize(("case", "fragment"), tampered(), ids=[c for c, _ in tampered()])
def test_a_tampered_link_is_refused(
    fresh: tuple[BrowserContext, list[str]], base_url: str, case: str, fragment: str
) -> None:
    context, errors = fresh
    other = context.new_page()
    other.goto(base_url + ROLE + "#qb=" + fragment)
    quiz_form(other, GRADED)
    quiz_form(other, PROFILE)
    shown = other.locator(".qb-result h3")
    expect(shown).to_have_count(1)
    expect(shown).to_have_text(S["share_invalid"])
    # Nothing from the payload reached the page: no injected element, no shared view.
    expect(other.locator("article img")).to_have_count(0)
    expect(other.locator(".qb-quiz--shared")).to_have_count(0)
    assert XSS not in other.locator("article").inner_text()
    assert other.evaluate("document.querySelectorAll('[onerror]').length") == 0
    # The questions stay usable; "Take this quiz" clears the message.
    expect(other.locator(".qb-question").first).to_be_visible()
    other.locator(".qb-result").get_by_role("button", name=S["take_quiz"]).click()
    expect(other.locator(".qb-result h3")).to_have_count(0)
    assert not re.search(r"#qb=", other.url)
    assert not errors
