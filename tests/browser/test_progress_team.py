"""Issue 11: My results over time (change, chart, finder attempts, empty state, print) and
the team view (three people export, a trainer combines their files; every number shown
is checked against the reference aggregator, quizbuilder/reference/aggregate.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from quiz_helpers import (
    GRADED,
    PROFILE,
    ROLE,
    STORAGE_KEY,
    S,
    attempt,
    graded_mix,
    graded_right,
    profile_mix,
    quiz_data,
    quiz_form,
)
from test_accessibility import assert_accessible

from quizbuilder.reference import aggregate

SITE = "127.0.0.1:8000"
SHOTS = Path(os.environ.get("QB_SHOTS", "/tmp/results-shots"))
Answers = Callable[[dict[str, Any]], dict[str, list[int]]]


def take(page: Page, quiz_id: str, answers_for: Answers) -> dict[str, Any]:
    """`attempt`, then a pause so the next attempt gets a distinct timestamp."""
    result = attempt(page, quiz_id, answers_for)
    page.wait_for_timeout(20)
    return result


def wrong_first(data: dict[str, Any]) -> dict[str, list[int]]:
    """Every question answered with its first wrong option."""
    return {
        q["id"]: [next(i for i, o in enumerate(q["options"]) if not o["correct"])]
        for q in data["questions"]
    }


def profile_seed(seed: int) -> Answers:
    return lambda data: profile_mix(data, seed)


def open_results(page: Page, base_url: str) -> None:
    page.goto(base_url + "/results/")
    page.locator(".qb-history[data-qb-progress]").wait_for(state="attached")


def change_rows(page: Page, title: str) -> list[str]:
    section = page.locator("section.qb-progress", has=page.locator("h2", has_text=title))
    return [
        " ".join(t.split()) for t in section.locator(".qb-progress__change li").all_inner_texts()
    ]


def download_export(page: Page, label: str = "") -> dict[str, Any]:
    if label:
        page.get_by_label(S["history_label"]).fill(label)
    with page.expect_download() as info:
        page.get_by_role("button", name=S["download_json"]).click()
    text = info.value.path().read_text("utf-8")
    return {"name": f"person-{label or 'anon'}.json", "text": text}


# --- My results over time -------------------------------------------------------------


def test_my_results_shows_change_and_chart_with_instant_navigation(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + ROLE)
    graded_data = quiz_data(quiz_form(page, GRADED))
    profile_data = quiz_data(quiz_form(page, PROFILE))
    names = {d["id"]: d["name"] for d in profile_data["dimensions"]}
    g1 = take(page, GRADED, wrong_first)
    g2 = take(page, GRADED, graded_mix)
    g3 = take(page, GRADED, graded_right)
    p1 = take(page, PROFILE, profile_seed(1))
    p2 = take(page, PROFILE, profile_seed(2))

    # Instant navigation: the nav link swaps the content, the document stays.
    page.evaluate("window.__same = 1")
    page.locator(".md-sidebar--primary .md-nav__link", has_text="My results").first.click()
    page.locator(".qb-history[data-qb-progress] section.qb-progress").first.wait_for()
    assert page.evaluate("window.__same") == 1, "the page was reloaded, not navigated"

    # Graded: the last attempt against the one before (counts, and the signed change).
    total = g3["total"]
    delta = g3["correct"] - g2["correct"]
    sign = f"+{delta}" if delta > 0 else f"\u2212{-delta}" if delta < 0 else "0"
    assert change_rows(page, graded_data["title"]) == [
        f"{S['history_score_name']} {g2['correct']} of {total} correct \u2192 "
        f"{g3['correct']} of {total} correct, {sign}"
    ]
    # Profile: one row per dimension, "Ownership 58% → 71%, +13".
    before = {d["id"]: d["percent"] for d in p1["dimensions"]}
    want = []
    for d in p2["dimensions"]:
        n = d["percent"] - before[d["id"]]
        signed = f"+{n}" if n > 0 else f"\u2212{-n}" if n < 0 else "0"
        want.append(f"{names[d['id']]} {before[d['id']]}% \u2192 {d['percent']}%, {signed}")
    assert change_rows(page, profile_data["title"]) == want

    # The charts: one line per series, one point per attempt; the text equivalent
    # carries every value, oldest first; the table too.
    graded_chart = page.locator(
        "section.qb-progress", has=page.locator("h2", has_text=graded_data["title"])
    ).locator("svg.qb-chart__svg")
    expect(graded_chart.locator("polyline")).to_have_count(1)
    expect(graded_chart.locator("circle")).to_have_count(3)
    pcts = [(200 * g["correct"] + total) // (2 * total) for g in (g1, g2, g3)]
    label = graded_chart.get_attribute("aria-label") or ""
    assert label.endswith(f"{S['history_score_name']} {', '.join(map(str, pcts))}"), label
    assert graded_chart.get_attribute("role") == "img"
    profile_chart = page.locator(
        "section.qb-progress", has=page.locator("h2", has_text=profile_data["title"])
    ).locator("svg.qb-chart__svg")
    expect(profile_chart.locator("polyline")).to_have_count(len(p2["dimensions"]))
    plabel = profile_chart.get_attribute("aria-label") or ""
    for d in p2["dimensions"]:
        assert f"{names[d['id']]} {before[d['id']]}, {d['percent']}" in plabel
    # Each polyline's points run left to right, higher percent higher up.
    ys = graded_chart.locator("circle").evaluate_all("cs => cs.map(c => +c.getAttribute('cy'))")
    for (a, b), (ya, yb) in zip(pairwise(pcts), pairwise(ys), strict=True):
        assert (a > b) == (ya < yb), (pcts, ys)

    # The attempts list is still there (delete works on the right attempt).
    section = page.locator(
        "section.qb-progress", has=page.locator("h2", has_text=graded_data["title"])
    )
    expect(section.locator(".qb-history__list li")).to_have_count(3)
    section.locator(".qb-history__list li").first.get_by_role("button").click()
    expect(section.locator(".qb-history__list li")).to_have_count(2)
    # Now the previous two are compared.
    rows = change_rows(page, graded_data["title"])
    assert rows[0].startswith(f"{S['history_score_name']} {g1['correct']} of {total} correct")


def test_finder_attempts_and_unknown_kinds_are_listed(page: Page, base_url: str) -> None:
    page.goto(base_url + "/results/")
    finder = {
        "quiz": "finder",
        "title": "Your finder answers",
        "url": "/finder/",
        "names": {"external": "External customers"},
        "date": "2026-11-01T10:00:00.000Z",
        "answers": {},
        "result": {
            "status": "ok",
            "kind": "finder",
            "quiz": "finder",
            "job": "Chef",
            "dimensions": [{"id": "external", "percent": 80}],
            "closest": [{"slug": "x", "title": "Produce Clerk", "fit": 90}],
        },
    }
    later = json.loads(json.dumps(finder))
    later["date"] = "2026-11-02T10:00:00.000Z"
    later["result"]["dimensions"][0]["percent"] = 60
    odd = {
        "quiz": "new-kind",
        "title": "Something new",
        "date": "2026-11-03T00:00:00Z",
        "result": {"status": "ok", "kind": "later"},
    }
    store = {"version": 1, "attempts": [finder, later, odd]}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORAGE_KEY, json.dumps(store)])
    open_results(page, base_url)
    assert change_rows(page, "Your finder answers") == [
        "External customers 80% \u2192 60%, \u221220"
    ]
    text = page.locator(".qb-history").inner_text()
    assert "closest role: Produce Clerk" in text
    assert "Something new" in text and S["history_done"] in text


def test_empty_state_links_the_finder_and_the_roles(page: Page, base_url: str) -> None:
    open_results(page, base_url)
    body = page.locator(".qb-history__body")
    expect(body).to_contain_text(S["history_empty"])
    finder = body.get_by_role("link", name=S["history_start_finder"])
    roles = body.get_by_role("link", name=S["history_start_roles"])
    assert finder.evaluate("a => a.href") == base_url + "/finder/"
    assert roles.evaluate("a => a.href") == base_url + "/roles/"
    expect(page.get_by_role("button", name=S["download_json"])).to_have_count(0)


# --- Team view -----------------------------------------------------------------------


def people_exports(browser: Browser, base_url: str) -> tuple[list[dict[str, Any]], list[Any]]:
    """Three people, each in their own browser context, take quizzes and export."""
    plans: list[tuple[str, list[tuple[str, Answers]]]] = [
        ("Ann", [(GRADED, wrong_first), (GRADED, graded_right), (PROFILE, profile_seed(1))]),
        ("", [(GRADED, graded_mix), (PROFILE, profile_seed(2))]),
        (
            "Team blue",
            [(GRADED, graded_right), (PROFILE, profile_seed(3)), (PROFILE, profile_seed(4))],
        ),
    ]
    files, results = [], []
    for label, plan in plans:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(base_url + ROLE)
        results.append([take(page, quiz, answers) for quiz, answers in plan])
        open_results(page, base_url)
        files.append(download_export(page, label))
        context.close()
    return files, results


def set_dark(page: Page) -> None:
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_timeout(150)


def team_page(browser: Browser, base_url: str, scheme: str = "light") -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "/team/")
    page.locator(".qb-team[data-qb-ready]").wait_for(state="attached")
    if scheme == "dark":
        set_dark(page)
    return page


def add_files(page: Page, folder: Path, files: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Write the files and pick them in the page; return them as the aggregator reads them."""
    paths, read = [], []
    for f in files:
        path = folder / f["name"]
        path.write_bytes(f["text"].encode("utf-8") if "bytes" not in f else f["bytes"])
        paths.append(str(path))
        size = path.stat().st_size
        text = "" if size > aggregate.MAX_BYTES else path.read_text("utf-8", errors="replace")
        read.append({"name": f["name"], "size": size, "text": text})
    page.locator("#qb-team-files").set_input_files(paths)
    return read


def catalogue(page: Page) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(
        page.locator(".qb-team").get_attribute("data-qb-team") or "[]"
    )
    return data


def check_numbers_against_reference(page: Page, want: dict[str, Any]) -> None:
    """Every number the page shows, quiz by quiz, against the reference aggregate."""
    sections = page.locator("section.qb-team__quiz")
    expect(sections).to_have_count(len(want["quizzes"]))
    for i, q in enumerate(want["quizzes"]):
        s = sections.nth(i)
        assert s.get_attribute("data-quiz") == q["id"]
        people = (
            S["team_people_one"]
            if q["people"] == 1
            else S["team_people_other"].format(count=q["people"])
        )
        expect(s.locator(".qb-team__people")).to_have_text(people)
        if q["kind"] == "graded":
            expect(s.locator(".qb-team__average")).to_have_text(
                S["team_average"].format(percent=q["average"])
            )
            counts = s.locator(".qb-team__bands tbody td").all_inner_texts()
            assert counts == [str(b["count"]) for b in q["bands"]]
            rows = s.locator(".qb-team__questions tbody tr")
            got = [
                (
                    r.get_attribute("data-question"),
                    r.locator("th").inner_text(),
                    r.locator("td").all_inner_texts(),
                )
                for r in rows.all()
            ]
            assert got == [
                (
                    x["id"],
                    x["text"],
                    ["–" if x["percent"] is None else f"{x['percent']}%", str(x["answered"])],
                )
                for x in q["questions"]
            ]
            shown = [x["percent"] for x in q["questions"]]
            assert shown == sorted(shown), "most-missed questions first"
        else:
            rows = s.locator(".qb-team__dimensions tbody tr")
            got = [
                (r.get_attribute("data-dimension"), r.locator("td").all_inner_texts())
                for r in rows.all()
            ]
            assert got == [
                (
                    d["id"],
                    [f"{d['average']}%", str(d["people"]), *(str(b["count"]) for b in d["bands"])],
                )
                for d in q["dimensions"]
            ]


@pytest.fixture(scope="module")
def exports(browser: Browser, base_url: str) -> tuple[list[dict[str, Any]], list[Any]]:
    return people_exports(browser, base_url)


def test_three_people_export_and_the_team_view_matches_the_reference(
    browser: Browser, base_url: str, exports: Any, tmp_path: Path
) -> None:
    files, results = exports
    records = [json.loads(f["text"]) for f in files]
    assert [r.get("label") for r in records] == ["Ann", None, "Team blue"]
    assert all(r["version"] == 2 and r["site"] == SITE for r in records)
    page = team_page(browser, base_url)
    read = add_files(page, tmp_path, files)
    want = aggregate.aggregate(catalogue(page), SITE, read)
    assert want["people"] == 3
    graded = next(q for q in want["quizzes"] if q["id"] == GRADED)
    # The reference agrees with the people's own results (their latest attempt counts).
    latest = [r[1] if i == 0 else r[0] for i, r in enumerate(results)]
    assert graded["people"] == 3
    assert graded["average"] == aggregate.mean(
        sum((200 * g["correct"] + g["total"]) // (2 * g["total"]) for g in latest), 3
    )
    expect(page.locator(".qb-team__file--ok")).to_have_count(3)
    expect(page.locator(".qb-team__files")).to_contain_text("(Ann)")
    expect(page.locator(".qb-team__status")).to_have_text(
        S["team_summary_other"].format(people=3, files=3)
    )
    check_numbers_against_reference(page, want)

    # The CSV holds the same numbers.
    with page.expect_download() as info:
        page.get_by_role("button", name=S["team_csv"]).click()
    rows = info.value.path().read_text("utf-8").splitlines()
    assert rows[0] == "quiz,title,kind,measure,name,people,percent,correct,distribution"
    score_row = next(r for r in rows if r.startswith(f"{GRADED},") and ",score," in r)
    assert score_row.split(",")[-4:-2] == [str(graded["people"]), str(graded["average"])]
    page.context.close()


def test_each_bad_file_has_its_message_and_the_good_files_still_count(
    browser: Browser, base_url: str, exports: Any, tmp_path: Path
) -> None:
    files, _ = exports
    good = json.loads(files[0]["text"])
    gone = json.loads(files[1]["text"])
    gone["attempts"].append({**gone["attempts"][0], "quiz": "retired-quiz", "title": "An old quiz"})
    only_gone = {**gone, "attempts": [{**gone["attempts"][0], "quiz": "retired-quiz"}]}
    big = json.dumps({**good, "padding": "x" * (aggregate.MAX_BYTES + 10)})
    bad = [
        {"name": "notes.txt", "text": "These are my notes, not JSON."},
        {"name": "shape.json", "text": json.dumps({"results": [1, 2]})},
        {"name": "other-site.json", "text": json.dumps({**good, "site": "quiz.example.org"})},
        {"name": "newer.json", "text": json.dumps({**good, "version": 3})},
        {"name": "huge.json", "text": big},
        {"name": "copy.json", "text": files[0]["text"]},
        {"name": "partly-gone.json", "text": json.dumps(gone)},
        {"name": "all-gone.json", "text": json.dumps(only_gone)},
        {
            "name": "old-v1.json",
            "text": json.dumps(
                {"version": 1, "attempts": json.loads(files[2]["text"])["attempts"]}
            ),
        },
    ]
    page = team_page(browser, base_url)
    read = add_files(page, tmp_path, [files[0], *bad])
    want = aggregate.aggregate(catalogue(page), SITE, read)
    codes = [f.get("code", "ok") for f in want["files"]]
    assert codes == [
        "ok",
        "json",
        "shape",
        "site",
        "newer",
        "large",
        "duplicate",
        "unknown",
        "unknown",
        "ok",
    ]
    items = page.locator(".qb-team__file")
    expect(items).to_have_count(len(read))
    assert items.evaluate_all("xs => xs.map(x => x.dataset.code)") == codes
    texts = items.all_inner_texts()
    assert S["team_err_json"].format(name="notes.txt") == texts[1]
    assert S["team_err_shape"].format(name="shape.json") == texts[2]
    assert S["team_err_site"].format(name="other-site.json", site="quiz.example.org") == texts[3]
    assert S["team_err_newer"].format(name="newer.json", version=3) == texts[4]
    assert texts[5] == S["team_err_large"].format(
        name="huge.json", size=-(-read[5]["size"] // 1024), max=aggregate.MAX_BYTES // 1024
    )
    assert S["team_err_duplicate"].format(name="copy.json", other=files[0]["name"]) == texts[6]
    assert "retired-quiz" in texts[7] and want["files"][7]["status"] == "partial"
    assert S["team_err_unknown"].format(name="all-gone.json", quizzes="retired-quiz") == texts[8]
    # The good ones: the first export, the partly-gone file, the old version-1 file.
    assert want["people"] == 3
    expect(page.locator(".qb-team__status")).to_have_text(
        S["team_summary_other"].format(people=3, files=len(read))
    )
    check_numbers_against_reference(page, want)
    page.context.close()


# --- Accessibility, screenshots, print -------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_clean_on_my_results_and_the_team_view(
    browser: Browser, base_url: str, exports: Any, tmp_path: Path, scheme: str
) -> None:
    files, _ = exports
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "/results/")
    record = json.loads(files[0]["text"])
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)",
        [STORAGE_KEY, json.dumps({"version": 1, "attempts": record["attempts"]})],
    )
    open_results(page, base_url)
    if scheme == "dark":
        set_dark(page)
    page.wait_for_timeout(200)
    assert_accessible(page, "My results with several attempts")
    context.close()
    team = team_page(browser, base_url, scheme)
    add_files(team, tmp_path, [*files, {"name": "notes.txt", "text": "not json"}])
    team.locator("section.qb-team__quiz").first.wait_for()
    assert_accessible(team, "team view with three people")
    team.context.close()


def pdf_pages(page: Page, pdf: Path) -> list[Path]:
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", print_background=False)
    assert shutil.which("pdftoppm"), "needs poppler-utils"
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(pdf.with_suffix(""))], check=True)
    return sorted(pdf.parent.glob(pdf.stem + "-*.png"))


def test_screenshots_and_one_page_print(
    browser: Browser, base_url: str, exports: Any, tmp_path: Path
) -> None:
    files, _ = exports
    SHOTS.mkdir(parents=True, exist_ok=True)
    for stale in SHOTS.glob("*.png"):
        stale.unlink()
    record = json.loads(files[0]["text"])
    more = json.loads(files[2]["text"])["attempts"]
    attempts = sorted(record["attempts"] + more, key=lambda a: a["date"])
    for width in (1280, 360):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(base_url + "/results/")
        page.evaluate(
            "([k, v]) => localStorage.setItem(k, v)",
            [STORAGE_KEY, json.dumps({"version": 1, "attempts": attempts})],
        )
        open_results(page, base_url)
        page.screenshot(path=str(SHOTS / f"my-results-{width}.png"), full_page=True)
        if width == 1280:
            printed = pdf_pages(page, SHOTS / "my-results-print.pdf")
            assert len(printed) == 1, f"My results prints on {len(printed)} pages"
            # No buttons, inputs or navigation in print.
            hidden = page.evaluate(
                """() => [...document.querySelectorAll('button, input, .md-header, .md-sidebar')]
                    .filter(e => e.offsetParent !== null && getComputedStyle(e).display !== 'none')
                    .map(e => e.outerHTML.slice(0, 60))"""
            )
            assert hidden == []
            page.emulate_media(media="screen")
        context.close()

        team = browser.new_context(viewport={"width": width, "height": 900}).new_page()
        team.goto(base_url + "/team/")
        team.locator(".qb-team[data-qb-ready]").wait_for(state="attached")
        add_files(team, tmp_path, files)
        team.locator("section.qb-team__quiz").first.wait_for()
        team.screenshot(path=str(SHOTS / f"team-{width}.png"), full_page=True)
        team.context.close()

    # One result printed from its quiz page: one page too.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + ROLE)
    take(page, PROFILE, profile_seed(1))
    printed = pdf_pages(page, SHOTS / "one-result-print.pdf")
    assert len(printed) == 1, f"one result prints on {len(printed)} pages"
    context.close()
    assert re.search(r"my-results-print-\d+\.png", " ".join(p.name for p in SHOTS.iterdir()))


def test_dropped_files_are_read_like_picked_ones(
    browser: Browser, base_url: str, exports: Any
) -> None:
    files, _ = exports
    page = team_page(browser, base_url)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.locator(".qb-team__drop").evaluate(
        """(zone, files) => {
            const data = new DataTransfer();
            for (const f of files) data.items.add(new File([f.text], f.name));
            const event = (type) => new DragEvent(type,
                { dataTransfer: data, bubbles: true, cancelable: true });
            zone.dispatchEvent(event('dragover'));
            zone.dispatchEvent(event('drop'));
        }""",
        [files[0], {"name": "broken.json", "text": "{"}],
    )
    items = page.locator(".qb-team__file")
    expect(items).to_have_count(2)
    assert items.evaluate_all("xs => xs.map(x => x.dataset.code)") == ["ok", "json"]
    expect(page.locator("section.qb-team__quiz").first).to_be_visible()
    # Nothing was sent anywhere: reading the files made no request at all.
    assert requests == []
    page.get_by_role("button", name=S["team_clear"]).click()
    expect(page.locator("section.qb-team__quiz")).to_have_count(0)
    expect(page.locator(".qb-team__files li")).to_have_text([S["team_none"]])
    page.context.close()
