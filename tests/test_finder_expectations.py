"""The real site's finder against the hand-written expectations (no browser).

The browser test types the same titles into the page; this one asks the Python
reference directly, so a wrong answer shows up in seconds and names the function.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quizbuilder import finder
from quizbuilder.content import load_content
from quizbuilder.model import Role
from tests.finder_expectations import CLOSENESS, GUESS, MATCH, PARTIAL, TITLES

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    def role_url(role: Role) -> str:
        return f"../roles/{role.slug}/"

    return finder.finder_data(load_content(DOCS), role_url)


@pytest.mark.parametrize(("typed", "want", "titles"), TITLES, ids=[t for t, _, _ in TITLES])
def test_typed_title(data: dict[str, Any], typed: str, want: str, titles: tuple[str, ...]) -> None:
    found = finder.search_roles(data, typed)
    shown = [(hit["title"], hit["match"]) for hit in found]
    if want == MATCH:
        assert found, f"{typed!r}: nothing found"
        assert found[0]["title"] == titles[0], shown
        assert all(hit["match"] != "typo" for hit in found), shown
        assert not [t for t, _ in shown if t not in titles], f"{typed!r} matched {shown}"
    elif want == GUESS:
        assert found and found[0]["title"] == titles[0], shown
        assert all(hit["match"] == "typo" for hit in found), shown
    elif want == PARTIAL:
        assert found and found[0]["title"] == titles[0], shown
        assert all(hit["match"] == "partial" for hit in found), shown
    else:
        assert found == [], shown


def test_enough_expectations() -> None:
    """Issue 21: at least 150 typed titles, of every kind of answer."""
    assert len(TITLES) >= 150
    assert len({typed.casefold() for typed, _w, _t in TITLES}) == len(TITLES)
    assert {want for _t, want, _ in TITLES} == {MATCH, GUESS, PARTIAL, "none"}


@pytest.mark.parametrize(("answers", "first", "low", "high"), CLOSENESS)
def test_closeness(
    data: dict[str, Any], answers: list[int], first: str | None, low: int, high: int
) -> None:
    best = finder.match_roles(data, answers)[0]
    if first is not None:
        assert best["slug"] == first, best
    assert low <= best["fit"] <= high, best
