"""The finder page in a real browser: matching, job-title search, keyboard-only use."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]


def role_front_matter(slug: str) -> dict[str, Any]:
    text = (ROOT / "docs" / "roles" / f"{slug}.md").read_text("utf-8")
    _, front, _ = text.split("---\n", 2)
    return yaml.safe_load(front)


def at(ui: Any, path: str) -> re.Pattern[str]:
    """The page URL, exactly: no section tracking rewrites the fragment (issue 15)."""
    return re.compile(re.escape(ui.base_url + path) + "$")


def open_finder(ui: Any) -> Page:
    page = ui.open("/finder/")
    page.locator("form.qb-finder[data-qb-ready]").wait_for(state="attached")
    page.locator("form.qb-finder-search[data-qb-ready]").wait_for(state="attached")
    return page


def closest_roles(page: Page) -> list[str]:
    roles = page.locator("form.qb-finder .qb-finder__roles > li > a")
    roles.first.wait_for(state="visible")
    return [t.strip() for t in roles.all_inner_texts()]


@pytest.mark.parametrize(
    ("slug", "title"),
    [
        ("toll-booth-operator", "Toll Booth Operator"),
        ("high-school-teacher", "High School Teacher"),
    ],
)
def test_answering_like_a_role_finds_that_role(ui: Any, slug: str, title: str) -> None:
    role = role_front_matter(slug)
    assert role["title"] == title
    page = open_finder(ui)
    finder = page.locator("form.qb-finder")
    questions = finder.locator("fieldset[data-qb-question]")
    ids = questions.evaluate_all("fs => fs.map(f => f.dataset.qbQuestion)")
    assert sorted(ids) == sorted(role["finder"]), "one finder question per trait"
    for qid in ids:
        value = role["finder"][qid]
        finder.locator(f"label[for='finder-{qid}-{value}']").click()
        expect(finder.locator(f"#finder-{qid}-{value}")).to_be_checked()
    finder.locator(".qb-actions button[type=submit]").click()
    shown = closest_roles(page)
    assert len(shown) == 3, shown
    assert title in shown, f"{title} not among the three closest roles: {shown}"
    link = finder.locator(".qb-finder__roles > li > a", has_text=title)
    assert link.get_attribute("href", timeout=1000)
    link.click()  # instant navigation to the role page
    expect(page).to_have_url(at(ui, f"/roles/{slug}/"))
    expect(page.locator("h1")).to_have_text(title)


def test_submitting_with_questions_left_lists_them(ui: Any) -> None:
    page = open_finder(ui)
    finder = page.locator("form.qb-finder")
    finder.locator("fieldset[data-qb-question]").first.locator("label").first.click()
    finder.locator(".qb-actions button[type=submit]").click()
    result = finder.locator(".qb-finder__result")
    expect(result.locator(".qb-finder__headline")).to_be_focused()
    total = finder.locator("fieldset[data-qb-question]").count()
    expect(result.locator(".qb-finder__missing li")).to_have_count(total - 1)
    expect(finder.locator(".qb-question--missing")).to_have_count(total - 1)


@pytest.mark.parametrize(
    ("typed", "title"),
    [("toll", "Toll Booth Operator"), ("recepcionist", "Receptionist")],
)
def test_search_finds_a_role(ui: Any, typed: str, title: str) -> None:
    page = open_finder(ui)
    page.locator("#qb-finder-q").press_sequentially(typed, delay=20)
    links = page.locator("#qb-finder-results .qb-finder-search__link")
    expect(links.first).to_have_text(title)
    slug = title.lower().replace(" ", "-")
    assert links.first.get_attribute("href", timeout=1000).rstrip("/").endswith(f"roles/{slug}")
    links.first.click()
    expect(page).to_have_url(at(ui, f"/roles/{slug}/"))


def test_search_for_a_job_with_no_page_invites_to_the_finder(ui: Any) -> None:
    page = open_finder(ui)
    page.locator("#qb-finder-q").press_sequentially("astronaut", delay=20)
    none = page.locator("#qb-finder-results .qb-finder-search__none")
    expect(none).to_be_visible()
    expect(none).to_contain_text("astronaut")
    expect(page.locator("#qb-finder-results .qb-finder-search__link")).to_have_count(0)
    expect(none).to_contain_text("There is no page for “astronaut” yet.")
    invite = none.locator("a.qb-finder-search__finder-link")
    expect(invite).to_have_attribute("href", "#finder")
    expect(none.get_by_role("link", name="Add a page for it")).to_have_attribute(
        "href", "../guide/add-a-role/"
    )
    invite.click()
    page.wait_for_timeout(300)
    top = page.locator("#finder").evaluate("f => f.getBoundingClientRect().top")
    header = page.locator("header.md-header").evaluate("h => h.getBoundingClientRect().bottom")
    assert header <= top < page.viewport_size["height"], "the finder comes into view"
    expect(page.locator("#finder-job")).to_have_value("astronaut")
    role = role_front_matter("toll-booth-operator")
    for qid, value in role["finder"].items():
        page.locator(f"label[for='finder-{qid}-{value}']").click()
    page.locator("form.qb-finder .qb-actions button[type=submit]").click()
    expect(page.locator(".qb-finder__for")).to_have_text("Your answers for “astronaut”")


def focused(page: Page) -> dict[str, Any]:
    return page.evaluate(
        """() => { const e = document.activeElement;
        return {tag: e.tagName, id: e.id, type: e.type || null, name: e.name || null,
                cls: e.className || '', text: (e.textContent || '').trim().slice(0, 60)}; }"""
    )


def test_finder_keyboard_only(ui: Any) -> None:
    """Tab from the top of the page, answer with Space/arrows, submit with Enter."""
    role = role_front_matter("toll-booth-operator")
    page = open_finder(ui)
    questions = page.locator("form.qb-finder fieldset[data-qb-question]")
    ids = questions.evaluate_all("fs => fs.map(f => f.dataset.qbQuestion)")

    for _ in range(300):  # Tab through Material's header, navigation and the search box
        page.keyboard.press("Tab")
        if focused(page)["id"] == f"finder-{ids[0]}-0":
            break
    else:
        pytest.fail(f"Tab never reached the first finder option; stuck at {focused(page)}")

    for n, qid in enumerate(ids):
        if n:
            page.keyboard.press("Tab")  # next radio group, focus on its first option
        where = focused(page)
        assert where["name"] == qid and where["type"] == "radio", where
        page.keyboard.press("Space")
        for _ in range(role["finder"][qid]):
            page.keyboard.press("ArrowRight")  # moves and checks, as radio groups do
        expect(page.locator(f"#finder-{qid}-{role['finder'][qid]}")).to_be_checked()
        assert focused(page)["id"] == f"finder-{qid}-{role['finder'][qid]}"

    page.keyboard.press("Tab")
    where = focused(page)
    assert where["tag"] == "BUTTON" and where["type"] == "submit", where
    page.keyboard.press("Enter")
    headline = page.locator("form.qb-finder .qb-finder__headline")
    expect(headline).to_be_focused()  # the result is announced and focus moves to it
    assert "Toll Booth Operator" in closest_roles(page)

    for _ in range(40):  # on to the closest roles, and follow one with Enter
        page.keyboard.press("Tab")
        where = focused(page)
        if where["tag"] == "A" and where["text"] == "Toll Booth Operator":
            break
    else:
        pytest.fail("Tab never reached the Toll Booth Operator link in the result")
    page.keyboard.press("Enter")
    expect(page).to_have_url(at(ui, "/roles/toll-booth-operator/"))


def test_search_keyboard_only(ui: Any) -> None:
    page = open_finder(ui)
    for _ in range(200):
        page.keyboard.press("Tab")
        if focused(page)["id"] == "qb-finder-q":
            break
    else:
        pytest.fail("Tab never reached the job-title search box")
    page.keyboard.type("recepcionist", delay=20)
    page.keyboard.press("Enter")  # submit: focus moves to the first hit
    where = focused(page)
    assert where["tag"] == "A" and where["text"] == "Receptionist", where
    page.keyboard.press("Enter")
    expect(page).to_have_url(at(ui, "/roles/receptionist/"))


def test_role_index_filters_by_sector_and_customer_kind(ui: Any) -> None:
    """The filter shows only matching roles and says how many, by label like a person."""
    page = ui.page
    page.goto(ui.base_url + "/roles/")
    form = page.locator("form.qb-finder-filter[data-qb-ready]")
    expect(form).to_be_visible()
    items = page.locator(".qb-role-list li")
    total = items.count()
    assert total >= 20
    expect(form.get_by_role("status")).to_have_text(f"{total} of {total} roles")

    page.get_by_label("Sector", exact=True).select_option("Transport")
    visible = page.locator(".qb-role-list li:visible")
    transport = sorted(
        role_front_matter(s.stem)["title"]
        for s in (Path(__file__).parents[2] / "docs" / "roles").glob("*.md")
        if role_front_matter(s.stem)["sector"] == "Transport"
    )
    assert "Toll Booth Operator" in transport
    expect(visible).to_have_count(len(transport))
    assert sorted(visible.get_by_role("link").all_inner_texts()) == transport
    expect(form.get_by_role("status")).to_have_text(f"{len(transport)} of {total} roles")

    page.get_by_label("Sector", exact=True).select_option("")
    page.get_by_label("Customers", exact=True).select_option("public")
    public = [
        s
        for s in (Path(__file__).parents[2] / "docs" / "roles").glob("*.md")
        if any(c.get("kind") == "public" for c in role_front_matter(s.stem)["customers"])
    ]
    expect(visible).to_have_count(len(public))
    visible.first.get_by_role("link").click()
    expect(page.locator("form.qb-quiz").first).to_be_attached()


def test_role_index_without_javascript_lists_every_role(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/roles/")
    expect(page.locator("form.qb-finder-filter")).to_be_hidden()
    assert page.locator(".qb-role-list li:visible").count() >= 20
    context.close()
