"""Every shared vector in tests/vectors/ against the Python reference scorer.

The same files run against the JavaScript core in tests/js/core.test.mjs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quizbuilder.reference import scoring

VECTORS = sorted((Path(__file__).parent / "vectors").glob("*.json"))
SHARE_CASES = json.loads(
    (Path(__file__).parent / "js" / "fixtures" / "share-cases.json").read_text("utf-8")
)
# An empty fixture folder must fail collection, not pass as zero tests.
assert VECTORS and SHARE_CASES["rejected"], "scoring vectors or share cases missing"


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


@pytest.mark.parametrize("path", VECTORS, ids=[p.stem for p in VECTORS])
def test_vector(path: Path) -> None:
    case = load(path)
    assert scoring.score(case["quiz"], case["answers"]) == case["expected"], case["description"]


# Only results that were scored can be shared; the others are covered by test_vector.
SHAREABLE = [p for p in VECTORS if load(p)["expected"]["status"] == "ok"]


@pytest.mark.parametrize("path", SHAREABLE, ids=[p.stem for p in SHAREABLE])
def test_share_round_trip(path: Path) -> None:
    case = load(path)
    result = scoring.score(case["quiz"], case["answers"])
    assert result["status"] == "ok", case["description"]
    shared = scoring.decode_share(case["quiz"], scoring.encode_share(result))
    if result["kind"] == "graded":
        assert (shared["correct"], shared["total"]) == (result["correct"], result["total"])
    else:
        assert shared["dimensions"] == [
            {k: d[k] for k in ("id", "percent", "band")} for d in result["dimensions"]
        ]
        assert (shared["strongest"], shared["weakest"]) == (result["strongest"], result["weakest"])


@pytest.mark.parametrize(
    "case", SHARE_CASES["rejected"], ids=[c["name"] for c in SHARE_CASES["rejected"]]
)
def test_tampered_share_rejected(case: dict[str, Any]) -> None:
    quiz = SHARE_CASES["quizzes"][case["quiz"]]
    with pytest.raises(scoring.ShareError) as info:
        scoring.decode_share(quiz, case["fragment"])
    assert info.value.code == case["code"]


@pytest.mark.parametrize(
    "case", SHARE_CASES["accepted"], ids=[c["name"] for c in SHARE_CASES["accepted"]]
)
def test_share_accepted(case: dict[str, Any]) -> None:
    quiz = SHARE_CASES["quizzes"][case["quiz"]]
    assert scoring.decode_share(quiz, case["fragment"]) == case["expected"]


def test_percent_is_round_half_up() -> None:
    assert [scoring.percent(p, 8) for p in range(9)] == [0, 13, 25, 38, 50, 63, 75, 88, 100]
