"""Issue 21: the 100 largest US occupations (occupations/), and the pages that cover them."""

from __future__ import annotations

from pathlib import Path

import pytest

from occupations.coverage import main, missing_pages, occupations
from quizbuilder.content import load_content
from tests.finder_expectations import MATCH, TITLES

DOCS = Path(__file__).resolve().parents[1] / "docs"
ROWS = occupations()


def test_the_table_is_the_hundred_largest_in_order() -> None:
    assert [row.rank for row in ROWS] == list(range(1, 101))
    employment = [row.employment for row in ROWS]
    assert employment == sorted(employment, reverse=True)
    assert len({row.soc_code for row in ROWS}) == 100
    # The May 2025 national estimates: about 106 million jobs in these 100.
    assert 105_000_000 < sum(employment) < 107_000_000


def test_every_named_page_exists() -> None:
    assert missing_pages(ROWS) == []


def test_at_least_85_of_the_100_are_covered() -> None:
    assert sum(1 for row in ROWS if row.page) >= 85


def test_each_covered_occupation_has_a_typed_name_that_finds_its_page() -> None:
    """Every covered occupation is reached by a common name in the hand-written search
    expectations, which the finder tests (Python and browser) hold the site to."""
    titles = {role.slug: role.title for role in load_content(DOCS).roles}
    found = {names[0] for _typed, want, names in TITLES if want == MATCH}
    unreached = sorted({row.page for row in ROWS if row.page and titles[row.page] not in found})
    assert unreached == []


def test_the_script_prints_every_row_and_the_total(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") >= 100
    covered = sum(1 for row in ROWS if row.page)
    assert f"{covered} of 100 occupations covered" in out
    assert main(["--missing"]) == 0
    missing = capsys.readouterr().out
    assert missing.count("-- no page --") == 100 - covered
