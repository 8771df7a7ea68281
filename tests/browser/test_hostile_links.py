"""Crafted share links on a real role page: every one is refused with the "not valid" view.

A share link is the role page URL with `#qb=<base64url(JSON)>` (ARCHITECTURE.md,
"Browser storage and share links"). Whatever the fragment holds, the page must show
the exact `share_invalid` string, log no error, run nothing and add no element. The
tampered fragments of tests/js/fixtures/share-cases.json (made for other quiz ids) are
replayed too; they must be refused here as well.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from quizbuilder.strings import DEFAULT_STRINGS

ROLE = "roles/loan-officer/"
GRADED, PROFILE = "loan-officer-customers", "loan-officer-profile"
INVALID = DEFAULT_STRINGS["share_invalid"]
SHARED = DEFAULT_STRINGS["shared_title"]
CASES = json.loads(
    (Path(__file__).resolve().parents[1] / "js/fixtures/share-cases.json").read_text("utf-8")
)
XSS = "<img src=x onerror=\"window.__qbPwned='link'\"><script>window.__qbPwned='link'</script>"


def b64(value: Any) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def raw(text: str) -> str:
    return b64(text.encode())


def own_cases(total: int, dims: list[str]) -> list[tuple[str, str]]:
    """(name, fragment) pairs; `total` and `dims` are the real quizzes' question count
    and scored dimensions, so each case is wrong in exactly the way its name says."""
    g = {"v": 1, "q": GRADED, "k": "g", "c": 1, "t": total}
    p = {"v": 1, "q": PROFILE, "k": "p", "d": dict.fromkeys(dims, 50)}
    d0 = dims[0]

    def gr(**kw: Any) -> str:
        return b64({**g, **kw})

    def pr(**kw: Any) -> str:
        return b64({**p, "d": {**p["d"], **kw}})

    return [
        ("invalid base64 characters", "%%%%"),
        ("base64 with a bad length", "eyJ2Ijox" + "A"),
        ("valid base64, not JSON", raw("{v:1,q:" + GRADED)),
        ("JSON with a trailing comma", raw('{"v":1,"q":"' + GRADED + '","k":"g","c":1,"t":2,}')),
        ("JSON string", b64("hello")),
        ("JSON null", b64(None)),
        ("JSON array", b64([1, 2, 3])),
        ("version as string", gr(v="1")),
        ("version 2", gr(v=2)),
        ("correct as string", gr(c="1")),
        ("correct as boolean", gr(c=True)),
        ("correct as list", gr(c=[1])),
        ("correct 1e308", raw(json.dumps(g).replace('"c": 1', '"c": 1e308'))),
        ("correct 2**64", gr(c=2**64)),
        ("total 2**64", gr(t=2**64, c=2**64)),
        ("negative correct", gr(c=-1)),
        ("NaN correct", raw(json.dumps(g).replace('"c": 1', '"c": NaN'))),
        ("Infinity correct", raw(json.dumps(g).replace('"c": 1', '"c": Infinity'))),
        ("correct above total", gr(c=total + 1)),
        ("total not the quiz's", gr(t=total + 1, c=1)),
        ("non-integer correct", gr(c=1.5)),
        ("unknown quiz id", gr(q="no-such-quiz")),
        ("quiz id with markup", gr(q=XSS)),
        ("kind mismatch", b64({**g, "k": "p"})),
        ("unknown kind", gr(k=XSS)),
        ("extra key", gr(extra=1)),
        ("__proto__ key", raw(json.dumps(g)[:-1] + ', "__proto__": {"polluted": 1}}')),
        ("constructor key", gr(constructor={"prototype": {"polluted": 1}})),
        ("answers smuggled in", gr(answers={"who-pays": [0]})),
        ("percent 101", pr(**{d0: 101})),
        ("percent negative", pr(**{d0: -5})),
        ("percent 1e308", raw(json.dumps(p).replace(f'"{d0}": 50', f'"{d0}": 1e308'))),
        ("percent 2**64", pr(**{d0: 2**64})),
        ("percent non-integer", pr(**{d0: 49.5})),
        ("percent as string", pr(**{d0: "50"})),
        ("percent as markup", pr(**{d0: XSS})),
        ("unknown dimension", pr(nosuch=50)),
        ("dimension name with markup", pr(**{XSS: 50})),
        ("missing dimension", b64({**p, "d": {k: v for k, v in p["d"].items() if k != d0}})),
        ("__proto__ dimension", raw(json.dumps(p)[:-2] + ', "__proto__": 50}}')),
        ("constructor dimension", pr(constructor=50)),
        ("dimensions as list", b64({**p, "d": [50] * len(dims)})),
        ("profile with graded fields", b64({**p, "c": 1, "t": total})),
        ("100 KB fragment", b64({**g, "pad": "A" * 75_000})),
        ("100 KB of base64 noise", "A" * 100_000),
        ("markup as the fragment", "<script>window.__qbPwned='frag'</script>"),
    ]


@pytest.fixture(scope="module")
def quizzes(browser: Any, base_url: str) -> dict[str, Any]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base_url}/{ROLE}")
    data = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('form.qb-quiz')]"
        ".map((f) => { const q = JSON.parse(f.dataset.qbQuiz); return [q.id, q]; }))"
    )
    context.close()
    return data


def all_cases(quizzes: dict[str, Any]) -> list[tuple[str, str]]:
    total = len(quizzes[GRADED]["questions"])
    dims = [d["id"] for d in quizzes[PROFILE]["dimensions"]]
    fixture = [(f"share-cases: {c['name']}", c["fragment"]) for c in CASES["rejected"]]
    return [*own_cases(total, dims), *fixture]


COUNT = """() => document.querySelectorAll(
  '.qb-quiz-block img, .qb-quiz-block script, .qb-quiz-block svg, .qb-quiz-block iframe,'
  + ' .qb-quiz-block object, .qb-quiz-block embed').length"""
HEADINGS = "() => [...document.querySelectorAll('.qb-result h3')].map((h) => h.textContent)"


def _open(page: Page, url: str) -> None:
    page.goto("about:blank")
    page.goto(url)
    page.locator("form.qb-quiz[data-qb-ready]").first.wait_for(state="attached")


def test_crafted_share_links_are_refused(page: Page, base_url: str, quizzes: Any) -> None:
    assert GRADED in quizzes and PROFILE in quizzes, list(quizzes)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    url = f"{base_url}/{ROLE}"
    _open(page, url)
    clean = page.evaluate(COUNT)
    cases = all_cases(quizzes)
    assert len(cases) >= 25 + len(CASES["rejected"])
    failures: list[str] = []
    for name, fragment in cases:
        _open(page, f"{url}#qb={fragment}")
        page.wait_for_function("() => document.querySelector('.qb-result h3') !== null")
        heads = page.evaluate(HEADINGS)
        if heads != [INVALID]:
            failures.append(f"{name}: result headings {heads}")
        if page.evaluate(COUNT) != clean:
            failures.append(f"{name}: elements injected into the quiz block")
        if page.evaluate("() => typeof window.__qbPwned !== 'undefined' || ({}).polluted"):
            failures.append(f"{name}: script ran or prototype polluted")
    print(f"\n{len(cases)} crafted share fragments refused on {ROLE}")
    assert not dialogs, dialogs
    assert not failures, "\n".join(failures)


def test_a_valid_link_is_still_shown(page: Page, base_url: str, quizzes: Any) -> None:
    """The control: a well-formed fragment for the same page is accepted."""
    total = len(quizzes[GRADED]["questions"])
    _open(page, f"{base_url}/{ROLE}#qb=" + b64({"v": 1, "q": GRADED, "k": "g", "c": 1, "t": total}))
    page.wait_for_function("() => document.querySelector('.qb-result h3') !== null")
    assert page.evaluate(HEADINGS) == [SHARED]
    assert f"1 of {total} correct" in page.locator(f"#quiz-{GRADED} .qb-result").inner_text()


def test_invalid_link_offers_the_quiz(page: Page, base_url: str) -> None:
    """After a refused link, "Take this quiz yourself" clears the fragment."""
    _open(page, f"{base_url}/{ROLE}#qb=" + b64({"v": 1, "q": GRADED, "k": "g", "c": 99, "t": 1}))
    page.locator(".qb-result button", has_text=DEFAULT_STRINGS["take_quiz"]).click()
    assert page.evaluate("location.hash") == ""
    assert page.evaluate(HEADINGS) == []


# --- the finder's share links (issue 10) --------------------------------------------

FINDER = "finder/"
FINDER_INVALID = "This finder link is not valid, so there is nothing to show."
FINDER_VECTORS = json.loads(
    (Path(__file__).resolve().parents[1] / "vectors/finder/share.json").read_text("utf-8")
)
FINDER_COUNT = """() => document.querySelectorAll(
  '.qb-finder-block img, .qb-finder-block script, .qb-finder-block svg,'
  + ' .qb-finder-block iframe, .qb-finder-block object, .qb-finder-block embed').length"""


def finder_cases(questions: int) -> list[tuple[str, str]]:
    """(name, fragment): the refused vectors shared with the unit tests, and more."""
    good = {"v": 1, "k": "f", "a": "0" * questions}
    cases = [
        (f"vector {c['error']}: {c['text'][:24]}", c["text"])
        for c in FINDER_VECTORS["decode"]
        if "error" in c
    ]
    return [
        *cases,
        ("quiz payload on the finder", b64({"v": 1, "q": GRADED, "k": "g", "c": 1, "t": 5})),
        ("answers as markup", b64({**good, "a": XSS})),
        ("kind as markup", b64({**good, "k": XSS})),
        ("job with a newline and markup", b64({**good, "j": "a\n" + XSS})),
        ("job too long", b64({**good, "j": "x" * 81})),
        ("job right-to-left override", b64({**good, "j": "\u202egnp.exe"})),
        ("100 KB fragment", b64({**good, "pad": "A" * 75_000})),
        ("markup as the fragment", "<script>window.__qbPwned='frag'</script>"),
        ("percent-encoded markup", "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"),
    ]


def _open_finder(page: Page, url: str) -> None:
    page.goto("about:blank")
    page.goto(url)
    page.locator("form.qb-finder[data-qb-ready]").wait_for(state="attached")


def test_crafted_finder_links_are_refused(page: Page, base_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    url = f"{base_url}/{FINDER}"
    _open_finder(page, url)
    clean = page.evaluate(FINDER_COUNT)
    questions = page.locator("form.qb-finder fieldset[data-qb-question]").count()
    cases = finder_cases(questions)
    assert len(cases) >= 30
    failures: list[str] = []
    for name, fragment in cases:
        _open_finder(page, f"{url}#qb={fragment}")
        heads = page.locator(".qb-finder__result .qb-finder__headline").all_text_contents()
        if heads != [FINDER_INVALID]:
            failures.append(f"{name}: result headings {heads}")
        if page.locator(".qb-finder__roles").count():
            failures.append(f"{name}: roles shown for a refused link")
        if page.evaluate(FINDER_COUNT) != clean:
            failures.append(f"{name}: elements injected into the finder")
        if page.evaluate("() => typeof window.__qbPwned !== 'undefined' || ({}).polluted"):
            failures.append(f"{name}: script ran or prototype polluted")
    print(f"\n{len(cases)} crafted finder fragments refused on /{FINDER}")
    assert not dialogs, dialogs
    assert not failures, "\n".join(failures)


def test_markup_in_a_finder_job_title_is_shown_as_text(page: Page, base_url: str) -> None:
    """A job title is free text a sender chose: shown as text, never as markup."""
    markup = '<img src=x onerror="window.__qbPwned=1">'
    _open_finder(page, f"{base_url}/{FINDER}")
    questions = page.locator("form.qb-finder fieldset[data-qb-question]").count()
    clean = page.evaluate(FINDER_COUNT)
    _open_finder(
        page,
        f"{base_url}/{FINDER}#qb=" + b64({"v": 1, "k": "f", "a": "2" * questions, "j": markup}),
    )
    shown = page.locator(".qb-finder__result .qb-finder__for").text_content() or ""
    assert markup in shown
    assert page.evaluate(FINDER_COUNT) == clean
    assert page.evaluate("() => typeof window.__qbPwned") == "undefined"
