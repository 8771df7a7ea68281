"""Hostile content: every editor-controlled field carries an injection payload.

The editor rules (ARCHITECTURE.md, "What an editor may write in quiz fields"):

- question text, option text, explanation, intro and band message accept inline
  Markdown (emphasis, code, links); raw HTML in them is escaped and shown as text;
- link targets must be http, https, mailto or relative: `[x](javascript:...)` keeps its
  text and loses its target;
- titles, names, aliases, summaries and every other field are plain text (escaped).

`tests/hostile/build_hostile_site.py` writes a valid site with the 29 payloads of
`tests/hostile/payloads.json` spread over every field, each `SENTINEL` replaced by a
unique marker. The site is built with `mkdocs build --strict` and served on a free port
(instant navigation is not needed here). Every page is opened, every quiz and the
finder submitted, "My results" read; nothing may execute (`window.__qbPwned`, dialogs,
`on*` attributes, scripts in the content) and each payload must be visible as text.

Fields in PAGE_FIELDS reach Material's templates as `page.title` /
`page.meta.description`, which the theme prints as HTML, or (dimension description)
are block Markdown: they are built in a second site and checked by the three tests at
the end. '<' and '>' are refused in titles and descriptions by the schema
(tests/cases/markup-in-page-title), so there their payloads carry everything else.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import StaticServer, build_site

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))
from build_hostile_site import PAYLOADS, Entry, Manifest, write_hostile_site

PAGE_FIELDS = frozenset(
    {
        "role.title",
        "role.summary",
        "article.title",
        "article.description",
        "dimension.name",
        "dimension.summary",
        "dimension.description",
    }
)
MARKDOWN_SPECIAL = re.compile(r"[\[\]*_`&\\<]")

PAGE_CHECKS = """() => {
  const bad = [];
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.getAttributeNames()) {
      if (/^on/i.test(a)) bad.push('on-attribute ' + a + ' on <' + e.localName + '>');
      if (/^(href|src|action|formaction|data|srcdoc|xlink:href)$/i.test(a)) {
        const v = (e.getAttribute(a) || '').replace(/[\\x00-\\x20]+/g, '').toLowerCase();
        if (/^(javascript|data|vbscript):/.test(v))
          bad.push(a + '=' + v.slice(0, 40) + ' on <' + e.localName + '>');
      }
    }
  }
  for (const s of document.querySelectorAll('.md-content script')) {
    const src = s.getAttribute('src') || '';
    const ours = /assets\\/quizbuilder\\/(quizbuilder|finder|roles-filter|history|team)\\.js$/;
    if (!ours.test(src) || s.textContent.trim())
      bad.push('script in content: ' + (src || s.textContent.slice(0, 60)));
  }
  for (const sel of ['base', 'meta[http-equiv]', '.md-content iframe', '.md-content object',
                     '.md-content embed', '.md-content svg script', '.md-content style',
                     '.md-content img[src="x"]'])
    if (document.querySelector(sel)) bad.push('element ' + sel);
  if (typeof window.__qbPwned !== 'undefined')
    bad.push('window.__qbPwned = ' + String(window.__qbPwned));
  return bad;
}"""

TEXT_OF = """([sel, want]) => {
  const norm = (s) => s.replace(/\\s+/g, ' ').trim();
  return [...document.querySelectorAll(sel)].some((e) => norm(e.textContent).includes(norm(want)));
}"""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Guard:
    """One page that records dialogs, page errors and console errors."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.base = base
        # Reduced motion: results come into view at once, so no click waits for a smooth
        # scroll to settle (nothing here depends on motion).
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 900}, reduced_motion="reduce"
        )
        self.page: Page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.page.on(
            "console",
            lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"),
        )

    def _dialog(self, dialog: Any) -> None:
        self.problems.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()

    def open(self, path: str) -> Page:
        self.page.goto(self.base + "/" + path)
        self.page.wait_for_load_state("load")
        return self.page

    def check(self, where: str) -> None:
        bad = self.page.evaluate(PAGE_CHECKS)
        problems, self.problems = self.problems, []
        assert not (bad or problems), f"{where}: " + "; ".join(bad + problems)


def _serve(tmp: Path, hostile: Any) -> Iterator[tuple[StaticServer, Manifest, Path]]:
    manifest = write_hostile_site(tmp, hostile=hostile)
    site = tmp / "site"
    build_site(tmp / "mkdocs.yml", site)
    srv = StaticServer(site, 0)
    yield srv, manifest, site
    srv.close()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    root = tmp_path_factory.mktemp("hostile")
    yield from _serve(root, lambda field: field not in PAGE_FIELDS)


def _choose(label: Any, path: str, stats: dict[str, Any]) -> None:
    """Click an option's label like a reader; when another element covers it (long
    hostile text overflowing its box), note it and activate the label directly."""
    try:
        label.click(timeout=3000)
    except PlaywrightTimeout:
        stats["unclickable"].append(f"{path} {label.get_attribute('for')}")
        label.dispatch_event("click")


@pytest.fixture(scope="module")
def walked(hostile_site: Any, browser: Browser) -> Iterator[dict[str, Any]]:
    """Open every page, submit every quiz and the finder, then "My results"."""
    srv, manifest, site = hostile_site
    guard = Guard(browser, srv.base)
    pages = sorted(
        str(p.parent.relative_to(site)).replace(".", "") + "/"
        for p in site.rglob("index.html")
        if "search" not in p.parts
    )
    pages = [p.lstrip("/") for p in pages]
    stats: dict[str, Any] = {
        "unclickable": [],
        "pages": 0,
        "quizzes": 0,
        "finder": 0,
        "results": {},
        "texts": {},
    }
    for path in pages:
        page = guard.open(path)
        page.wait_for_load_state("networkidle")
        guard.check(path)
        stats["pages"] += 1
        for form in page.locator("form.qb-quiz[data-qb-ready]").all():
            data = form.evaluate("f => JSON.parse(f.getAttribute('data-qb-quiz'))")
            fid = form.get_attribute("id")
            for q in data["questions"]:
                _choose(form.locator(f"label[for='{fid}-{q['id']}-0']"), path, stats)
            form.locator(".qb-actions button[type=submit]").click()
            form.locator(".qb-result h3").first.wait_for(state="visible")
            stats["results"][data["id"]] = _norm(form.locator(".qb-result").inner_text())
            stats["texts"][data["id"]] = form.evaluate("f => f.textContent")
            stats["quizzes"] += 1
            guard.check(f"{path} after submitting {data['id']}")
        finder = page.locator("form.qb-finder")
        if finder.count():
            for fs in finder.locator("fieldset[data-qb-question]").all():
                _choose(fs.locator("label").first, path, stats)
            finder.locator(".qb-actions button[type=submit]").click()
            page.wait_for_function(
                "() => document.querySelector('.qb-finder__result').textContent.trim() !== ''"
            )
            stats["finder"] += 1
            guard.check(f"{path} after the finder")
    page = guard.open("results/")
    page.locator(".qb-history[data-qb-ready] .qb-history__body").wait_for(state="attached")
    guard.check("results/")
    stats["history"] = page.evaluate(
        "() => [...document.querySelectorAll('.qb-history__body h2')].map((h) => h.textContent)"
    )
    stats["history_items"] = page.locator(".qb-history__list li").count()
    stats["manifest"] = manifest
    stats["guard"] = guard
    stats["pages_list"] = pages
    yield stats
    guard.context.close()


def test_every_page_opens_inert_and_every_quiz_scores(walked: dict[str, Any]) -> None:
    manifest: Manifest = walked["manifest"]
    assert walked["pages"] >= len(manifest.roles) + 29 + 20 + 4, walked["pages_list"]
    assert sorted(walked["results"]) == sorted(manifest.quizzes)
    assert walked["quizzes"] == len(manifest.quizzes)
    assert walked["finder"] == 1
    for quiz, text in walked["results"].items():
        assert text.startswith("Your result"), (quiz, text)
        if quiz.endswith("-g"):
            assert "2 of 2 correct" in text, (quiz, text)
    print(
        f"\nhostile site: {walked['pages']} pages opened, {walked['quizzes']} quizzes and "
        f"{walked['finder']} finder submitted, {len(manifest.entries)} payload placements "
        f"({len(PAYLOADS)} payloads), {len(manifest.skipped)} too long for their field"
    )


def test_long_option_labels_stay_clickable(walked: dict[str, Any]) -> None:
    """A long unbroken option text must not let a neighbour cover its label."""
    assert not walked["unclickable"], "labels covered by another element:\n" + "\n".join(
        walked["unclickable"][:20]
    )


def test_history_lists_every_attempt_as_text(walked: dict[str, Any]) -> None:
    manifest: Manifest = walked["manifest"]
    # Every quiz attempt, and the finder's result, which My results lists too.
    assert walked["history_items"] == len(manifest.quizzes) + walked["finder"]
    titles = {e.sentinel: e.text for e in manifest.entries if e.field.startswith("quiz.title")}
    shown = {_norm(h) for h in walked["history"]}
    for text in titles.values():
        assert _norm(text) in shown, f"history heading missing the literal title {text!r}"


def _expected(entry: Entry) -> str:
    """What must be in the element's text: the literal payload for plain text, and for
    inline Markdown the literal too unless Markdown syntax is in it (then the marker)."""
    if entry.markup == "plain" or not MARKDOWN_SPECIAL.search(entry.text.replace("<", "")):
        return entry.text
    return entry.sentinel


def _load_entries(manifest: Manifest) -> dict[str, list[Entry]]:
    by_page: dict[str, list[Entry]] = {}
    for e in manifest.entries:
        page = e.page or ("roles/hostile-00/" if e.field == "scale.label" else "")
        if page and e.when == "load":
            by_page.setdefault(page, []).append(e)
    return by_page


def test_every_payload_is_visible_as_text(
    hostile_site: Any, walked: dict[str, Any], browser: Browser
) -> None:
    srv, manifest, _ = hostile_site
    guard = Guard(browser, srv.base)
    missing, checked = [], 0
    try:
        for path, entries in sorted(_load_entries(manifest).items()):
            page = guard.open(path)
            for e in entries:
                want = _expected(e)
                checked += 1
                if not page.evaluate(TEXT_OF, [e.where, want]):
                    missing.append(f"{e.field} #{e.payload} on {path} in {e.where}: {want!r}")
            guard.check(path)
    finally:
        guard.context.close()
    print(f"\n{checked} payload placements found as visible text")
    assert not missing, f"{len(missing)} payloads not shown as text:\n" + "\n".join(missing[:40])


def test_raw_html_in_quiz_fields_is_text(hostile_site: Any, walked: dict[str, Any]) -> None:
    """The `<script>` payload (#0) in question text is in the legend as characters."""
    _, manifest, _ = hostile_site
    text = walked["texts"]["hostile-00-g"]
    for e in manifest.entries:
        if e.payload == 0 and e.field in {"question.text", "option.text", "quiz.intro"}:
            assert e.text in text, e.field


def test_javascript_links_lose_their_target(hostile_site: Any, browser: Browser) -> None:
    """Payloads 7 and 8: `[click X](javascript:...)` shows "click X" without a link."""
    srv, manifest, _ = hostile_site
    guard = Guard(browser, srv.base)
    try:
        for index in (7, 8, 9):
            page = guard.open(f"roles/hostile-{index:02d}/")
            for e in manifest.entries:
                if e.payload != index or e.markup != "inline" or not e.page:
                    continue
                found = page.evaluate(
                    """([sel, mark]) => [...document.querySelectorAll(sel)]
                        .filter((x) => x.textContent.includes(mark))
                        .map((x) => ({text: x.textContent,
                        links: [...x.querySelectorAll('a')].map((a) => a.getAttribute('href'))
                        }))""",
                    [e.where, e.sentinel],
                )
                assert found, (e.field, e.where)
                for f in found:
                    assert f["links"] == [], (e.field, f)
                    assert "click " + e.sentinel in f["text"] or "data " + e.sentinel in f["text"]
            guard.check(f"roles/hostile-{index:02d}/")
    finally:
        guard.context.close()


def test_band_label_and_message_shown_as_text(hostile_site: Any, walked: dict[str, Any]) -> None:
    """First-option answers give graded 100 % (last band) and profile 0 % / 100 %."""
    _, manifest, _ = hostile_site
    graded = walked["results"]["hostile-00-g"]
    profile = walked["results"]["hostile-00-p"]
    labels = [e for e in manifest.entries if e.field == "band.label"]  # in band order
    assert len(labels) == 10
    checked = 0
    for e in (labels[0], labels[9]):
        assert _norm(e.text) in (graded + profile), e.text
        checked += 1
    for e in manifest.entries:
        if e.field == "band.message" and e.payload in (9, 19):
            assert e.sentinel in graded, e.text
            checked += 1
    assert checked >= 3


@pytest.fixture(scope="module")
def bug_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    root = tmp_path_factory.mktemp("hostile-titles")
    yield from _serve(root, lambda field: field in PAGE_FIELDS)


def _bug_check(bug_site: Any, browser: Browser, fields: set[str], script: str) -> list[str]:
    """Run `script(entry text)` on the page of every entry of `fields`; collect failures."""
    srv, manifest, _ = bug_site
    guard = Guard(browser, srv.base)
    failures = []
    try:
        for e in manifest.entries:
            if e.field in fields:
                # An article's description is shown on a dimension page (e.page), but
                # its meta description belongs to the article's own page.
                where = (
                    f"articles/article-{e.payload:02d}/"
                    if e.field == "article.description"
                    else e.page
                )
                page = guard.open(where)
                problem = page.evaluate(script, e.text)
                if problem:
                    failures.append(f"{e.field} #{e.payload} on {where}: {problem}")
    finally:
        guard.context.close()
    return failures


def test_page_titles_are_escaped(bug_site: Any, browser: Browser) -> None:
    failures = _bug_check(
        bug_site,
        browser,
        {"role.title", "article.title", "dimension.name"},
        """(want) => {
          const h = document.querySelector('.md-content h1');
          if (!h || h.children.length || h.textContent.trim() !== want.trim())
            return 'h1 is ' + (h ? h.innerHTML.slice(0, 80)
              : 'missing (markup from a title in the nav broke the page)');
          return '';
        }""",
    )
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures[:30])


def test_meta_descriptions_are_escaped(bug_site: Any, browser: Browser) -> None:
    failures = _bug_check(
        bug_site,
        browser,
        {"role.summary", "article.description", "dimension.summary"},
        """(want) => {
          const m = document.querySelector('meta[name=description]');
          if (!m || m.getAttribute('content') !== want || m.getAttributeNames().length !== 2)
            return 'meta is ' + (m ? m.outerHTML.slice(0, 100) : 'missing');
          return '';
        }""",
    )
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures[:30])


def test_dimension_descriptions_hold_no_markup(bug_site: Any, browser: Browser) -> None:
    failures = _bug_check(
        bug_site,
        browser,
        {"dimension.description"},
        """(want) => {
          const c = document.querySelector('.md-content');
          const els = [...c.querySelectorAll('*')].filter((e) => !e.closest('h1'));
          const bad = els.filter((e) => e.matches('script, style, iframe, object, svg, img, math'));
          const on = els.filter((e) => e.getAttributeNames().some((a) => /^on/i.test(a)));
          if (bad.length || on.length) return bad.length + ' elements, ' + on.length + ' on*';
          return '';
        }""",
    )
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures[:30])
