"""The served bundle in Chromium, on the hand-written page tests/js/fixtures/engine.html.

A quick check of the engine's DOM behaviour without a site build; the full browser
suite runs against the built site.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from quizbuilder.assets import (
    RESULTS,
    RESULTS_STYLESHEET,
    asset_sizes,
    bundle_engine,
    bundle_history,
    bundle_results,
    stylesheet,
)
from quizbuilder.strings import DEFAULT_STRINGS

pytestmark = pytest.mark.browser

HERE = Path(__file__).parent
FIXTURE = HERE / "js" / "fixtures" / "engine.html"
ARTIFACTS = HERE.parent / "test-artifacts"
KEY = "quizbuilder:fixture:attempts:v1"
GRADED = "#quiz-fx-graded"
PROFILE = "#quiz-fx-profile"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("fixture-site")
    shutil.copy(FIXTURE, root / "index.html")
    (root / "quizbuilder.js").write_text(bundle_engine(), "utf-8")
    (root / "quizbuilder.css").write_text(stylesheet(), "utf-8")
    (root / RESULTS).write_text(bundle_results(), "utf-8")
    (root / RESULTS_STYLESHEET).write_text(stylesheet(RESULTS_STYLESHEET), "utf-8")
    # "My results" is history.js's alone (issue 22): the page loads it beside the engine.
    (root / "history.js").write_text(bundle_history(), "utf-8")
    (root / "history.css").write_text(stylesheet("history.css"), "utf-8")
    try:
        import material

        css = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
        for name, glob in (
            ("material-main.css", "main.*.min.css"),
            ("material-palette.css", "palette.*.min.css"),
        ):
            shutil.copy(next(css.glob(glob)), root / name)
    except (ImportError, StopIteration):
        pass  # the page still works unstyled
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1000, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any, base_url: str) -> Any:
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(base_url)
    pg.wait_for_selector("form.qb-quiz[data-qb-ready]")
    pg.errors = errors
    return pg


def shot(page: Any, name: str, **kw: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), **kw)


def answer_graded(page: Any, q1: int, q2: list[int]) -> None:
    page.check(f"#quiz-fx-graded-who-pays-{q1}")
    for i in q2:
        page.check(f"#quiz-fx-graded-internal-{i}")


def answer_profile(page: Any) -> None:
    page.check("#quiz-fx-profile-follow-up-4")
    page.check("#quiz-fx-profile-blame-3")
    page.check("#quiz-fx-profile-angry-caller-1")


def stored(page: Any) -> Any:
    return page.evaluate(f"JSON.parse(localStorage.getItem({json.dumps(KEY)}))")


def test_fixture_carries_the_default_strings() -> None:
    text = FIXTURE.read_text("utf-8")
    assert json.dumps(DEFAULT_STRINGS["result_title"]) in text.replace("&quot;", '"')
    assert asset_sizes()["total_gzip"] <= 8 * 1024


def test_bundled_core_matches_the_vectors(page: Any) -> None:
    vectors = [json.loads(p.read_text("utf-8")) for p in sorted((HERE / "vectors").glob("*.json"))]
    share = json.loads((HERE / "js" / "fixtures" / "share-cases.json").read_text("utf-8"))
    got = page.evaluate(
        """([vectors, share]) => ({
            scores: vectors.map((v) => QuizbuilderCore.score(v.quiz, v.answers)),
            codes: share.rejected.map((c) => {
                try { QuizbuilderCore.decodeShare(share.quizzes[c.quiz], c.fragment); return null; }
                catch (e) { return e instanceof QuizbuilderCore.ShareError ? e.code : String(e); }
            })
        })""",
        [vectors, share],
    )
    assert got["scores"] == [v["expected"] for v in vectors]
    assert got["codes"] == [c["code"] for c in share["rejected"]]
    assert page.errors == []


def test_answers_hidden_until_submit_and_incomplete_lists_questions(page: Any) -> None:
    assert page.evaluate("document.documentElement.classList.contains('qb-js')")
    assert page.locator(f"{GRADED} .qb-answer").first.is_hidden()
    page.check("#quiz-fx-graded-who-pays-1")
    page.click(f"{GRADED} button[type=submit]")
    result = page.locator(f"{GRADED} .qb-result")
    links = result.locator("a")
    assert links.count() == 1
    assert links.first.get_attribute("href") == "#quiz-fx-graded-internal"
    assert "Which of these are internal customers?" in links.first.inner_text()
    assert (
        page.evaluate("document.activeElement.textContent") == DEFAULT_STRINGS["incomplete_title"]
    )
    feedback = page.locator("#quiz-fx-graded-internal .qb-feedback").inner_text()
    assert feedback.endswith(DEFAULT_STRINGS["unanswered"])
    assert page.locator(f"{GRADED} .qb-answer").first.is_hidden()
    assert stored(page) is None
    links.first.click()
    assert page.evaluate("document.activeElement.id") == "quiz-fx-graded-internal-0"


def test_graded_result(page: Any) -> None:
    page.evaluate(
        "window.events = [];"
        "document.addEventListener('quizbuilder:result', (e) => events.push(e.detail))"
    )
    answer_graded(page, 1, [0])
    page.click(f"{GRADED} button[type=submit]")
    result = page.locator(f"{GRADED} .qb-result")
    assert result.locator(".qb-result__score").inner_text() == "1 of 2 correct"
    assert "Developing" in result.locator(".qb-result__band").inner_text()
    assert page.evaluate("document.activeElement.className") == "qb-result__title"
    assert page.locator("#quiz-fx-graded-who-pays .qb-feedback").inner_text().endswith("Correct.")
    assert "Not quite" in page.locator("#quiz-fx-graded-internal .qb-feedback").inner_text()
    assert page.locator("#quiz-fx-graded-internal details.qb-answer").evaluate(
        "d => d.open && !d.hidden"
    )
    events = page.evaluate("events")
    assert [e["correct"] for e in events] == [1]
    attempts = stored(page)["attempts"]
    assert len(attempts) == 1
    assert attempts[0]["answers"] == {"who-pays": [1], "internal": [0]}
    assert attempts[0]["result"] == events[0]
    history = page.locator(".qb-history")
    assert "1 of 2 correct" in history.inner_text()
    shot(page, "engine-graded", full_page=True)
    assert page.errors == []


def test_profile_result_share_and_retake(page: Any, context: Any) -> None:
    answer_profile(page)
    page.click(f"{PROFILE} button[type=submit]")
    result = page.locator(f"{PROFILE} .qb-result")
    bars = result.locator(".qb-bar")
    # ownership: 4 + 2 = 6 of 6; composure: reversed (5-1-3) + 2 = 3 of 6
    assert bars.nth(0).inner_text().split("\n")[:2] == ["Ownership", "100% · Strong"]
    assert bars.nth(1).inner_text().split("\n")[:2] == ["Composure", "50% · Developing"]
    text = result.inner_text()
    assert "Your strongest area: Ownership" in text
    assert "Most room to grow: Composure" in text
    assert result.locator("a[href='#dim-composure']").count() == 2
    shot(page, "engine-profile", full_page=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click(f"{PROFILE} .qb-result__actions button:nth-child(2)")
    page.wait_for_function(
        "document.querySelector('#quiz-fx-profile .qb-share__msg').textContent !== ''"
    )
    assert result.locator(".qb-share__msg").inner_text() == DEFAULT_STRINGS["share_copied"]
    url = page.evaluate("navigator.clipboard.readText()")
    assert url == result.locator(".qb-share__url").input_value()
    assert "#qb=" in url

    shared = context.new_page()
    shared.goto(url)
    shared.wait_for_selector(f"{PROFILE}.qb-quiz--shared")
    view = shared.locator(f"{PROFILE} .qb-result")
    assert DEFAULT_STRINGS["shared_title"] in view.inner_text()
    assert "100% · Strong" in view.inner_text()
    assert shared.locator(f"{PROFILE} .qb-question").first.is_hidden()
    shot(shared, "engine-shared")
    shared.click(f"{PROFILE} .qb-result__actions button")
    assert shared.locator(f"{PROFILE} .qb-question").first.is_visible()
    assert "#qb=" not in shared.url
    assert shared.evaluate("document.activeElement.name") == "follow-up"


@pytest.mark.parametrize("fragment", ["#qb=xx", "#qb=eyJ2IjoxfQ", "#qb="])
def test_tampered_link(context: Any, base_url: str, fragment: str) -> None:
    pg = context.new_page()
    pg.goto(base_url + fragment)
    pg.wait_for_selector(".qb-result h3")
    assert pg.locator(".qb-result h3").first.inner_text() == DEFAULT_STRINGS["share_invalid"]
    assert pg.locator(".qb-quiz--shared").count() == 0


def test_storage_failure_never_breaks_the_quiz(context: Any, base_url: str) -> None:
    context.add_init_script(
        "Storage.prototype.setItem = () => { throw new Error('QuotaExceededError'); };"
        "Object.defineProperty(navigator, 'clipboard', {value: undefined});"
    )
    pg = context.new_page()
    pg.goto(base_url)
    answer_graded(pg, 1, [0, 2])
    pg.click(f"{GRADED} button[type=submit]")
    text = pg.locator(f"{GRADED} .qb-result").inner_text()
    assert "2 of 2 correct" in text
    assert DEFAULT_STRINGS["not_saved"] in text
    pg.click(
        f"{GRADED} .qb-result__actions button:nth-child(2)"
    )  # no Clipboard API: select the link
    assert pg.evaluate("document.activeElement.className") == "qb-share__url"
    assert pg.evaluate("getSelection().toString() || document.activeElement.selectionEnd") != 0
    shot(pg, "engine-not-saved")


def test_corrupt_and_newer_storage(context: Any, base_url: str) -> None:
    pg = context.new_page()
    pg.goto(base_url)
    for raw, message in (
        ("{not json", "history_unreadable"),
        ('{"version":2,"attempts":[]}', "history_newer"),
    ):
        pg.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, raw])
        pg.reload()
        assert DEFAULT_STRINGS[message] in pg.locator(".qb-history").inner_text()
        answer_graded(pg, 0, [1])
        pg.click(f"{GRADED} button[type=submit]")
        assert DEFAULT_STRINGS["not_saved"] in pg.locator(f"{GRADED} .qb-result").inner_text()
        assert pg.evaluate("k => localStorage.getItem(k)", KEY) == raw  # untouched


def test_history_delete_clear_and_other_tabs(context: Any, base_url: str) -> None:
    pg = context.new_page()
    pg.goto(base_url)
    other = context.new_page()
    other.goto(base_url)
    answer_graded(pg, 0, [1])
    pg.click(f"{GRADED} button[type=submit]")
    pg.click(f"{GRADED} .qb-result__actions button:nth-child(1)")  # retake
    assert pg.locator(f"{GRADED} input:checked").count() == 0
    assert pg.locator(f"{GRADED} .qb-answer").first.is_hidden()
    answer_graded(pg, 1, [0, 2])
    pg.click(f"{GRADED} button[type=submit]")
    # the other tab hears the storage event
    other.wait_for_function("document.querySelectorAll('.qb-history__list li').length === 2")
    items = pg.locator(".qb-history__list li")
    assert "2 of 2 correct" in items.nth(0).inner_text()  # newest first
    assert "0 of 2 correct" in items.nth(1).inner_text()
    with pg.expect_download() as dl:
        pg.click(f".qb-history__tools button:has-text('{DEFAULT_STRINGS['download_csv']}')")
    assert dl.value.suggested_filename == "quiz-results.csv"
    items.nth(1).locator("button").click()
    assert pg.locator(".qb-history__status").inner_text() == DEFAULT_STRINGS["history_deleted"]
    assert len(stored(pg)["attempts"]) == 1
    pg.on("dialog", lambda d: d.accept())
    pg.click(f".qb-history__tools button:has-text('{DEFAULT_STRINGS['history_clear']}')")
    assert stored(pg) is None
    assert DEFAULT_STRINGS["history_empty"] in pg.locator(".qb-history").inner_text()
    other.wait_for_function(
        f"document.querySelector('.qb-history').textContent.includes({json.dumps(DEFAULT_STRINGS['history_empty'])})"
    )


def test_rerun_under_instant_navigation_is_idempotent(context: Any, base_url: str) -> None:
    context.add_init_script(
        "window.subs = []; window.document$ = {subscribe(f) { subs.push(f); f(); }};"
        "window.results = 0; document.addEventListener('quizbuilder:result', () => results++);"
    )
    pg = context.new_page()
    pg.goto(base_url)
    pg.wait_for_selector(".qb-history[data-qb-ready]")
    # One subscription per script: the engine's and history.js's (issue 22: My results is
    # a script of its own). Re-running the engine must add none.
    assert pg.evaluate("subs.length") == 2
    for _ in range(3):  # what Material does with the page's <script> on each navigation
        pg.evaluate(
            "new Promise((ok) => { const s = document.createElement('script');"
            " s.src = 'quizbuilder.js'; s.onload = ok; document.body.append(s); })"
        )
        pg.evaluate("subs.forEach((f) => f())")
    assert pg.evaluate("subs.length") == 2
    answer_graded(pg, 1, [0, 2])
    pg.click(f"{GRADED} button[type=submit]")
    assert pg.evaluate("results") == 1
    assert pg.locator(f"{GRADED} .qb-result h3").count() == 1
    assert pg.locator(".qb-history__body").count() == 1


def test_narrow_screen_and_print(context: Any, base_url: str) -> None:
    pg = context.new_page()
    pg.set_viewport_size({"width": 360, "height": 800})
    pg.goto(base_url)
    answer_profile(pg)
    pg.click(f"{PROFILE} button[type=submit]")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 360
    shot(pg, "engine-360", full_page=True)
    pg.set_viewport_size({"width": 800, "height": 1000})
    pg.emulate_media(media="print")
    assert pg.locator(f"{PROFILE} .qb-question").first.is_hidden()
    assert pg.locator(".md-header").is_hidden()
    assert pg.locator(f"{GRADED}").is_hidden()
    assert pg.locator(f"{PROFILE} .qb-bars").is_visible()
    shot(pg, "engine-print", full_page=True)
    pdf = pg.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # the result prints on one page


def test_axe_after_submitting(page: Any) -> None:
    answer_graded(page, 1, [0])
    page.click(f"{GRADED} button[type=submit]")
    answer_profile(page)
    page.click(f"{PROFILE} button[type=submit]")
    page.mouse.move(0, 0)  # Material's hover colour on the primary button is its own affair
    results = Axe().run(page)
    serious = [
        v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], results.generate_report()
