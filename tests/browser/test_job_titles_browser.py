"""Issue 10: people type job titles into "Look up your job"; nothing wrong is a match.

The expectations are the hand-written table in tests/finder_expectations.py, also
checked without a browser by tests/test_finder_expectations.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.finder_expectations import GUESS, MATCH, PARTIAL, TITLES

RESULTS = "#qb-finder-results"


@pytest.fixture(scope="module")
def finder_page(browser: Any, base_url: str) -> Iterator[tuple[Page, list[str]]]:
    """One finder page for every row (the box is cleared between them); any script
    error fails the module."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base_url + "/finder/")
    page.locator("form.qb-finder-search[data-qb-ready]").wait_for(state="attached")
    yield page, errors
    context.close()
    assert not errors, errors


@pytest.fixture(scope="module")
def site_titles(finder_page: tuple[Page, list[str]]) -> set[str]:
    titles = finder_page[0].evaluate(
        "() => JSON.parse(document.querySelector('form.qb-finder').dataset.qbFinder)"
        ".roles.map(r => r.title)"
    )
    return set(titles)


def shown(page: Page) -> dict[str, Any]:
    """What the search shows: the kind of answer and the titles listed."""
    return page.evaluate(
        """() => {
          const r = document.querySelector('#qb-finder-results');
          const titles = (sel) => [...r.querySelectorAll(sel)].map(a => a.textContent);
          return {
            count: !!r.querySelector('.qb-finder-search__count'),
            matches: titles(
              '.qb-finder-search__list:not(.qb-finder-search__list--guess)' +
              ':not(.qb-finder-search__list--partial) a'),
            guess: !!r.querySelector('.qb-finder-search__guess'),
            guesses: titles('.qb-finder-search__list--guess a'),
            partial: r.querySelector('.qb-finder-search__partial')?.textContent || '',
            closest: titles('.qb-finder-search__list--partial a'),
            none: r.querySelector('.qb-finder-search__none')?.textContent || '',
          };
        }"""
    )


@pytest.mark.parametrize(("typed", "want", "titles"), TITLES, ids=[t for t, _, _ in TITLES])
def test_typed_job_title_gets_an_honest_answer(
    finder_page: tuple[Page, list[str]],
    site_titles: set[str],
    typed: str,
    want: str,
    titles: tuple[str, ...],
) -> None:
    page, errors = finder_page
    box = page.locator("#qb-finder-q")
    box.fill("")
    expect(page.locator(RESULTS)).to_be_empty()
    box.press_sequentially(typed, delay=10)
    expect(page.locator(RESULTS)).not_to_be_empty()
    got = shown(page)
    assert not errors, errors
    assert set(titles) <= site_titles, f"roles missing from the site: {set(titles) - site_titles}"
    if want == MATCH:
        assert got["count"] and got["matches"], got
        assert got["matches"][0] == titles[0], got
        wrong = [t for t in got["matches"] if t not in titles]
        assert not wrong, f"{typed!r} matched {wrong}"
        assert not got["guess"] and not got["none"], got
    elif want == GUESS:
        assert not got["count"] and not got["matches"], got
        assert got["guess"] and got["guesses"][0] == titles[0], got
        assert "Did you mean" in page.locator(".qb-finder-search__guess").inner_text()
        assert f"If it is none of these, there is no page for “{typed}” yet." in got["none"]
    elif want == PARTIAL:
        # The closest page, said to be the closest: never counted as a match.
        assert not got["count"] and not got["matches"] and not got["guess"], got
        assert got["partial"] == f"There is no page for exactly “{typed}”. The closest:", got
        assert got["closest"] and got["closest"][0] == titles[0], got
        assert f"If it is none of these, there is no page for “{typed}” yet." in got["none"]
    else:
        assert not got["count"] and not got["matches"] and not got["guesses"], got
        assert not got["closest"], got
        assert f"There is no page for “{typed}” yet." in got["none"], got
        assert f"Take the finder for “{typed}”" in got["none"], got
