"""The reference aggregator (quizbuilder/reference/aggregate.py) and the export format.

The vectors in tests/vectors/aggregate/ are shared with tests/js/team.test.mjs, so the
team view in the browser and this reference agree on every number.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from quizbuilder.reference import aggregate
from quizbuilder.team import team_catalogue

ROOT = Path(__file__).parent.parent
VECTORS = sorted((ROOT / "tests" / "vectors" / "aggregate").glob("*.json"))
SCHEMA = json.loads((ROOT / "quizbuilder" / "schemas" / "results.schema.json").read_text("utf-8"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


@pytest.mark.parametrize("path", VECTORS, ids=[p.stem for p in VECTORS])
def test_vectors(path: Path) -> None:
    v = _load(path)
    assert aggregate.aggregate(v["catalogue"], v["site"], v["files"]) == v["expected"]


def test_three_people_by_hand() -> None:
    """Numbers worked out by hand, so the vectors cannot drift with the code."""
    v = _load(VECTORS[0])
    got = aggregate.aggregate(v["catalogue"], v["site"], v["files"])
    graded, profile = got["quizzes"]
    # Scores 2/3, 3/3 and (latest) 1/3: 67, 100, 33; mean 66.67 -> 67.
    assert (graded["people"], graded["average"]) == (3, 67)
    assert [(q["id"], q["percent"]) for q in graded["questions"]] == [
        ("q3", 33),
        ("q1", 67),
        ("q2", 100),
    ]
    # Ownership 58 and 71: 64.5 rounds up to 65.
    assert [(d["id"], d["average"]) for d in profile["dimensions"]] == [
        ("ownership", 65),
        ("composure", 65),
    ]
    assert [f["label"] for f in got["files"]] == ["Ann", "", "Team blue"]


def test_mean_rounds_halves_up() -> None:
    assert [aggregate.mean(t, n) for t, n in [(3, 2), (1, 2), (1, 3), (2, 3), (0, 1)]] == [
        2,
        1,
        0,
        1,
        0,
    ]


def test_each_refusal() -> None:
    site = "s"
    assert aggregate.read_export("{", 1, site)["code"] == "json"
    assert aggregate.read_export("[]", aggregate.MAX_BYTES + 1, site)["code"] == "large"
    assert aggregate.read_export('{"version": 3, "attempts": []}', 9, site)["code"] == "newer"
    assert (
        aggregate.read_export('{"version": 2, "site": "t", "attempts": []}', 9, site)["code"]
        == "site"
    )
    assert aggregate.read_export('{"version": 2, "attempts": {}}', 9, site)["code"] == "shape"
    assert aggregate.read_export("Infinity", 8, site)["code"] == "json"
    assert aggregate.read_export("[]", 2, site)["ok"] is True


def test_schema_is_valid_and_describes_new_exports() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    # The well-formed version-2 files of the vectors (the others are broken on purpose).
    good = {"a.json", "b.json", "c.json", "other-site.json", "gone.json", "mixed.json"}
    good |= {"finder-only.json", "r1.json", "r2.json", "r3.json"}
    checked = 0
    for path in VECTORS:
        for file in _load(path)["files"]:
            if file["name"] in good:
                errors = list(validator.iter_errors(json.loads(file["text"])))
                assert not errors, (file["name"], [e.message for e in errors])
                checked += 1
    assert checked >= 5
    assert list(validator.iter_errors({"version": 2, "site": "s", "attempts": [], "label": ""}))
    assert list(validator.iter_errors({"version": 1, "attempts": []}))


def test_catalogue_covers_every_quiz_of_the_site() -> None:
    from quizbuilder.content import load_content

    content = load_content(ROOT / "docs")
    catalogue = team_catalogue(content)
    ids = [q.id for role in content.roles for q in role.quizzes]
    assert [q["id"] for q in catalogue] == ids
    for quiz in catalogue:
        assert quiz["bands"] and quiz["bands"][0]["min"] == 0
        if quiz["kind"] == "graded":
            assert quiz["questions"] and all("<" not in q["text"] for q in quiz["questions"])
        else:
            assert quiz["dimensions"] and not quiz["questions"]
