"""Issue 10 in the browser: a finder result with somewhere to go, and the layout.

The result links the nearest role's quizzes, offers a retake and a share link, is saved
in "My results" and its exports, and all of it works after instant navigation. The
finder's options do not break words at 1280 px; the roles index lists each role once;
the home page's cards lead to three places, side by side. Screenshots at 1280 and
360 px go to $QB_SHOTS (default /tmp/qb-finder-shots) for a person to look at.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from quizbuilder.finder import DEFAULT_FINDER_STRINGS as F

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("QB_SHOTS", "/tmp/qb-finder-shots"))
MARKER = "window.__qbMarker"
_axe = Axe()


def role_values(slug: str) -> dict[str, int]:
    text = (ROOT / "docs" / "roles" / f"{slug}.md").read_text("utf-8")
    import yaml

    values: dict[str, int] = yaml.safe_load(text.split("---\n", 2)[1])["finder"]
    return values


def answer(page: Page, values: dict[str, int]) -> None:
    finder = page.locator("form.qb-finder")
    for qid, value in values.items():
        finder.locator(f"label[for='finder-{qid}-{value}']").click()


def submit(page: Page) -> Any:
    page.locator("form.qb-finder .qb-actions button[type=submit]").click()
    result = page.locator(".qb-finder__result")
    expect(result.locator(".qb-finder__headline")).to_be_focused()
    return result


def share_link(page: Page, base_url: str) -> str:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page.get_by_role("button", name=F["finder_share"]).click()
    expect(page.locator(".qb-finder__result .qb-share__msg")).to_have_text(F["finder_share_copied"])
    return str(page.evaluate("navigator.clipboard.readText()"))


def axe_clean(page: Page, what: str) -> None:
    response = _axe.run(page).response
    blocking = [v for v in response["violations"] if v["impact"] in ("serious", "critical")]
    assert not blocking, f"{what}: " + json.dumps(
        [(v["id"], [n["target"] for n in v["nodes"]]) for v in blocking]
    )


def same_document(page: Page) -> None:
    assert page.evaluate(MARKER) == 1, f"full page load at {page.url}"


def test_result_links_quizzes_shares_retakes_and_is_saved_after_instant_navigation(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/")
    page.wait_for_load_state("networkidle")
    page.evaluate(f"{MARKER} = 1")
    page.locator("nav.md-nav--primary").get_by_role(
        "link", name="Find your job", exact=True
    ).first.click()
    page.wait_for_url(re.compile(r"/finder/$"))
    page.locator("form.qb-finder[data-qb-ready]").wait_for(state="attached")
    same_document(page)

    page.locator("#finder-job").fill("Toll collector")
    answer(page, role_values("toll-booth-operator"))
    result = submit(page)
    expect(result.locator(".qb-finder__for")).to_have_text("Your answers for “Toll collector”")
    expect(result.locator(".qb-finder__share-line strong")).to_have_text(
        re.compile(r"^Customer service: about \d+% of your work$")
    )
    first = result.locator(".qb-finder__roles > li").first
    expect(first.locator("> a")).to_have_text("Toll Booth Operator")
    expect(first.locator(".qb-finder__fit")).to_have_text(" · Same answers (100%)")
    quiz_links = first.locator(".qb-finder__quizzes a")
    assert quiz_links.count() >= 1
    href = quiz_links.first.get_attribute("href") or ""
    assert re.fullmatch(r"\.\./roles/toll-booth-operator/#quiz-[a-z0-9-]+", href), href
    expect(result.locator(".qb-finder__saved")).to_contain_text(F["finder_saved"])
    axe_clean(page, "finder result")

    link = share_link(page, base_url)
    assert link.startswith(base_url + "/finder/#qb="), link
    assert page.evaluate("location.hash") == "", "one's own result leaves the address alone"

    # Retake: the form and the result are cleared, focus on the first answer.
    page.get_by_role("button", name=F["finder_retake"]).click()
    expect(result).to_be_empty()
    assert page.locator("form.qb-finder input[type=radio]:checked").count() == 0

    # The nearest role's quiz, by instant navigation.
    answer(page, role_values("toll-booth-operator"))
    submit(page)
    page.locator(".qb-finder__quizzes a").first.click()
    page.wait_for_url(re.compile(r"/roles/toll-booth-operator/#quiz-"))
    expect(page.locator("form.qb-quiz").first).to_be_attached()
    same_document(page)

    # My results lists both attempts, and both exports include them.
    page.locator("nav.md-nav--primary").get_by_role(
        "link", name="My results", exact=True
    ).first.click()
    page.wait_for_url(re.compile(r"/results/$"))
    same_document(page)
    history = page.locator(".qb-history")
    expect(history.get_by_role("heading", name=F["finder_history_title"])).to_be_visible()
    expect(history.locator(".qb-history__list li")).to_have_count(2)
    expect(history.locator(".qb-history__list li").first).to_contain_text("The public")
    with page.expect_download() as got:
        history.get_by_role("button", name=re.compile("JSON")).click()
    exported = json.loads(Path(got.value.path()).read_text("utf-8"))
    finder_attempts = [a for a in exported["attempts"] if a["quiz"] == "finder"]
    assert len(finder_attempts) == 2
    assert finder_attempts[0]["result"]["job"] == "Toll collector"
    assert finder_attempts[0]["result"]["closest"][0]["title"] == "Toll Booth Operator"
    with page.expect_download() as got:
        history.get_by_role("button", name=re.compile("CSV")).click()
    csv = Path(got.value.path()).read_text("utf-8")
    assert csv.count(",finder,") >= 2, csv

    # The history's link opens the latest result as a shared view, in place.
    history.get_by_role("link", name=F["finder_history_title"]).click()
    page.wait_for_url(re.compile(r"/finder/#qb="))
    same_document(page)
    shared = page.locator(".qb-finder__result")
    expect(shared.locator(".qb-finder__for")).to_have_text("Shared answers for “Toll collector”")

    # The copied link, in a fresh tab, shows the same result; "Take it yourself" closes it.
    other = page.context.new_page()
    other.goto(link)
    view = other.locator(".qb-finder__result")
    expect(view.locator(".qb-finder__headline")).to_be_focused()
    expect(view.locator(".qb-finder__for")).to_have_text("Shared answers for “Toll collector”")
    expect(view.locator(".qb-finder__roles > li > a").first).to_have_text("Toll Booth Operator")
    expect(view.get_by_role("button", name=F["finder_share"])).to_have_count(0)
    axe_clean(other, "shared finder result")
    other.get_by_role("button", name=F["finder_take"]).click()
    assert other.evaluate("location.href") == base_url + "/finder/"
    expect(view).to_be_empty()
    other.close()


@pytest.mark.parametrize(
    "fragment",
    ["AAAA", "eyJ2IjoxLCJrIjoiZiIsImEiOiI5OTk5OTk5OSJ9", "<script>window.__qbPwned=1</script>"],
)
def test_a_broken_finder_link_is_refused_cleanly(page: Page, base_url: str, fragment: str) -> None:
    page.goto(f"{base_url}/finder/#qb={fragment}")
    result = page.locator(".qb-finder__result")
    expect(result.locator(".qb-finder__headline")).to_have_text(F["finder_shared_invalid"])
    expect(result.locator(".qb-finder__roles")).to_have_count(0)
    assert page.evaluate("typeof window.__qbPwned") == "undefined"
    page.get_by_role("button", name=F["finder_take"]).click()
    assert page.evaluate("location.hash") == ""


def words_broken(page: Page, selector: str) -> list[str]:
    """Words of the labels under `selector` that the layout splits across two lines.

    A line may end after a hyphen (`how-` / `to`), as in print; never inside a word."""
    return page.evaluate(
        """(sel) => {
          const broken = [];
          for (const label of document.querySelectorAll(sel)) {
            const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const m of node.data.matchAll(/[^\\s-]+/g)) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (tops.size > 1) broken.push(m[0]);
              }
            }
          }
          return broken;
        }""",
        selector,
    )


@pytest.mark.parametrize("width", [1280, 1024, 800])
def test_finder_options_do_not_break_words(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + "/finder/")
    assert words_broken(page, "form.qb-finder .qb-option label") == []
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width


def test_roles_index_lists_each_role_once(page: Page, base_url: str) -> None:
    page.goto(base_url + "/roles/")
    page.locator("form.qb-finder-filter[data-qb-ready]").wait_for(state="visible")
    slugs = sorted(p.stem for p in (ROOT / "docs" / "roles").glob("*.md"))
    hrefs = page.locator("article a[href]").evaluate_all(
        "as => as.map(a => new URL(a.href).pathname)"
    )
    for slug in slugs:
        assert hrefs.count(f"/roles/{slug}/") == 1, slug
    height = page.evaluate("document.scrollingElement.scrollHeight")
    assert height < 160 * len(slugs) + 1000, f"{height} px for {len(slugs)} roles"


def test_home_cards_lead_to_three_places_side_by_side(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    cards = page.locator(".grid.cards > ul > li")
    expect(cards).to_have_count(3)
    targets = cards.evaluate_all(
        "cs => cs.map(c => { const a = c.querySelector('p:last-child a');"
        " const u = new URL(a.href); return u.pathname + u.hash; })"
    )
    assert len(set(targets)) == 3, targets
    assert len({t.split("#")[0] for t in targets}) == 3, f"two cards share a page: {targets}"
    boxes = cards.evaluate_all(
        "cs => cs.map(c => { const r = c.getBoundingClientRect();"
        " return [Math.round(r.top), Math.round(r.width), Math.round(r.height)]; })"
    )
    assert len({b[0] for b in boxes}) == 1, f"not on one row: {boxes}"
    assert max(b[1] for b in boxes) - min(b[1] for b in boxes) <= 2, boxes
    assert max(b[2] for b in boxes) - min(b[2] for b in boxes) <= 2, boxes
    for target in targets:
        response = page.request.get(base_url + target.split("#")[0])
        assert response.ok, target


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_finder_states_are_accessible(ui: Any, scheme: str) -> None:
    page = ui.open("/finder/", scheme)
    page.locator("form.qb-finder[data-qb-ready]").wait_for(state="attached")
    box = page.locator("#qb-finder-q")
    for typed in ("receptionist", "recepcionist", "astronaut"):
        box.fill(typed)
        axe_clean(page, f"search {typed!r} [{scheme}]")
    answer(page, role_values("toll-booth-operator"))
    submit(page)
    axe_clean(page, f"finder result [{scheme}]")
    page = ui.open("/roles/", scheme)
    page.locator("form.qb-finder-filter[data-qb-ready]").wait_for(state="visible")
    page.get_by_label("Customers", exact=True).select_option("public")
    axe_clean(page, f"roles index filtered [{scheme}]")


SEARCHES = {"match": "receptionist", "guess": "recepcionist", "none": "astronaut"}


@pytest.mark.parametrize("width", [1280, 360])
def test_screenshots(page: Page, base_url: str, width: int) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + "/finder/")
    page.locator("form.qb-finder-search[data-qb-ready]").wait_for(state="attached")
    for name, typed in SEARCHES.items():
        page.locator("#qb-finder-q").fill(typed)
        block = page.locator(".qb-finder-search-block")
        block.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"search-{name}-{width}.png"))
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    page.locator("#qb-finder-q").fill("")
    page.locator("#finder-job").fill("Toll collector")
    answer(page, role_values("toll-booth-operator"))
    result = submit(page)
    page.wait_for_timeout(200)
    result.screenshot(path=str(SHOTS / f"finder-result-{width}.png"))
    page.locator("form.qb-finder").screenshot(path=str(SHOTS / f"finder-form-{width}.png"))
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    page.goto(base_url + "/roles/")
    page.locator("form.qb-finder-filter[data-qb-ready]").wait_for(state="visible")
    page.screenshot(path=str(SHOTS / f"roles-{width}.png"), full_page=True)
    page.goto(base_url + "/")
    page.screenshot(path=str(SHOTS / f"home-{width}.png"), full_page=True)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width


def test_finder_works_when_its_script_arrives_late(page: Page, base_url: str) -> None:
    """Instant navigation re-creates the page's scripts, and they run as they load. The
    finder is one bundle (its core inside, issue 22): held back here, it still enhances
    the page it arrives on."""

    def slow(route: Any) -> None:
        page.wait_for_timeout(400)
        route.continue_()

    page.goto(base_url + "/")
    page.wait_for_load_state("networkidle")
    page.evaluate(f"{MARKER} = 1")
    page.route("**/finder.js", slow)
    page.locator("nav.md-nav--primary").get_by_role(
        "link", name="Find your job", exact=True
    ).first.click()
    page.wait_for_url(re.compile(r"/finder/$"))
    page.locator("form.qb-finder-search[data-qb-ready]").wait_for(state="attached")
    same_document(page)
    page.locator("#qb-finder-q").fill("receptionist")
    expect(page.locator(".qb-finder-search__link").first).to_have_text("Receptionist")
