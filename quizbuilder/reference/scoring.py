"""The Python reference scorer and share-link codec (used by tests only).

Works on the quiz-data dict the browser reads from `data-qb-quiz` (ARCHITECTURE.md,
"Quiz data contract"). The JavaScript core (`theme/assets/quizbuilder/core.js`)
implements the same rules; `tests/vectors/*.json` hold the cases both must agree on.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

from quizbuilder.constants import SHARE_MAX_CHARS, percent

SHARE_PREFIX = "qb="

_B64URL = re.compile(r"[A-Za-z0-9_-]+")


class ShareError(ValueError):
    """A share payload that must not be shown; `code` says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def band_for(quiz: dict[str, Any], pct: int) -> str | None:
    """The id of the band with `min <= pct <= max`, or None."""
    for band in quiz.get("bands", []):
        if band["min"] <= pct <= band["max"]:
            return str(band["id"])
    return None


def _size(question: dict[str, Any]) -> int:
    if question["type"] == "scale":
        return int(question["points"])
    return len(question.get("options", []))


def _is_int(x: Any) -> bool:
    """Like JavaScript's `Number.isInteger`: JSON `1.0` is the integer 1 in a browser."""
    return type(x) is int or (type(x) is float and x.is_integer())


def _chosen(question: dict[str, Any], given: Any) -> list[int] | None:
    """The valid, de-duplicated chosen indexes, or None when the answer does not count.

    An answer counts when every index is an in-range integer and single/scale
    questions have exactly one.
    """
    if not isinstance(given, list) or not given:
        return None
    n = _size(question)
    chosen: list[int] = []
    for i in given:
        if not _is_int(i) or not 0 <= i < n:
            return None
        if int(i) not in chosen:
            chosen.append(int(i))
    if question["type"] != "multiple" and len(chosen) != 1:
        return None
    return chosen


def score(quiz: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """Score `answers` (`{question_id: [option_index, ...]}`) against `quiz`."""
    chosen: dict[str, list[int]] = {}
    missing: list[str] = []
    for q in quiz["questions"]:
        c = _chosen(q, answers.get(q["id"]))
        if c is None:
            missing.append(q["id"])
        else:
            chosen[q["id"]] = c
    if missing:
        return {"status": "incomplete", "missing": missing}
    if quiz["kind"] == "graded":
        marks: dict[str, bool] = {}
        for q in quiz["questions"]:
            right = {i for i, o in enumerate(q["options"]) if o.get("correct")}
            marks[q["id"]] = set(chosen[q["id"]]) == right
        return {
            "status": "ok",
            "kind": "graded",
            "quiz": quiz["id"],
            "correct": sum(marks.values()),
            "total": len(marks),
            "questions": marks,
        }
    ids = [d["id"] for d in quiz.get("dimensions", [])]
    top = score_max(quiz)
    got = dict.fromkeys(ids, 0)
    for q in quiz["questions"]:
        pick = chosen[q["id"]]
        if q["type"] == "scale":
            dim = q.get("dimension")
            if dim in got:
                n = int(q["points"])
                got[dim] += n - 1 - pick[0] if q.get("reverse") else pick[0]
            continue
        for dim in ids:
            got[dim] += sum(int(q["options"][i].get("points", {}).get(dim, 0)) for i in pick)
    dims = []
    for dim in ids:
        if top[dim] > 0:
            pct = percent(got[dim], top[dim])
            dims.append(
                {
                    "id": dim,
                    "points": got[dim],
                    "max": top[dim],
                    "percent": pct,
                    "band": band_for(quiz, pct),
                }
            )
    return {
        "status": "ok",
        "kind": "profile",
        "quiz": quiz["id"],
        "dimensions": dims,
        **_extremes(dims),
    }


def _extremes(dims: list[dict[str, Any]]) -> dict[str, Any]:
    strongest = weakest = None
    for d in dims:
        if strongest is None or d["percent"] > strongest["percent"]:
            strongest = d
        if weakest is None or d["percent"] < weakest["percent"]:
            weakest = d
    return {
        "strongest": strongest and strongest["id"],
        "weakest": weakest and weakest["id"],
    }


def share_payload(result: dict[str, Any]) -> dict[str, Any]:
    """The share-link JSON for an `ok` result: the result only, never the answers."""
    if result["kind"] == "graded":
        return {
            "v": 1,
            "q": result["quiz"],
            "k": "g",
            "c": result["correct"],
            "t": result["total"],
        }
    return {
        "v": 1,
        "q": result["quiz"],
        "k": "p",
        "d": {d["id"]: d["percent"] for d in result["dimensions"]},
    }


def encode_share(result: dict[str, Any]) -> str:
    """The fragment payload (without `#qb=`): base64url of compact JSON, unpadded."""
    raw = json.dumps(share_payload(result), separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # as in JavaScript's JSON.parse


def decode_share(quiz: dict[str, Any], text: str) -> dict[str, Any]:
    """Decode and validate a fragment payload against `quiz`; raise `ShareError`.

    Returns a result shaped like `score`'s (without points, max and per-question marks).
    """
    if not isinstance(text, str) or not text:
        raise ShareError("empty", "empty payload")
    if len(text) > SHARE_MAX_CHARS:
        raise ShareError("size", "payload too long")
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        raise ShareError("encoding", "not base64url")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
        data = json.loads(raw, parse_constant=_no_constant)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise ShareError("json", "not JSON") from exc
    if not isinstance(data, dict):
        raise ShareError("shape", "not an object")
    if data.get("v") != 1 or not _is_int(data.get("v")):
        raise ShareError("version", "unknown version")
    if data.get("q") != quiz["id"]:
        raise ShareError("quiz", "another quiz")
    k = data.get("k")
    kind = {"g": "graded", "p": "profile"}.get(k) if isinstance(k, str) else None
    if kind != quiz["kind"]:
        raise ShareError("kind", "wrong kind")
    keys = {"v", "q", "k", "c", "t"} if kind == "graded" else {"v", "q", "k", "d"}
    if set(data) != keys:
        raise ShareError("shape", "unexpected fields")
    if kind == "graded":
        c, t = data["c"], data["t"]
        if not (_is_int(c) and _is_int(t)) or t != len(quiz["questions"]) or not 0 <= c <= t:
            raise ShareError("range", "score out of range")
        return {
            "status": "ok",
            "kind": "graded",
            "quiz": quiz["id"],
            "correct": int(c),
            "total": int(t),
        }
    d = data["d"]
    if not isinstance(d, dict):
        raise ShareError("shape", "dimensions not an object")
    known = [x["id"] for x in score_dimensions(quiz)]
    if sorted(d) != sorted(known):
        raise ShareError("dimension", "unknown or missing dimension")
    dims = []
    for dim in known:
        p = d[dim]
        if not _is_int(p) or not 0 <= p <= 100:
            raise ShareError("range", "percent out of range")
        dims.append({"id": dim, "percent": int(p), "band": band_for(quiz, int(p))})
    return {
        "status": "ok",
        "kind": "profile",
        "quiz": quiz["id"],
        "dimensions": dims,
        **_extremes(dims),
    }


def score_dimensions(quiz: dict[str, Any]) -> list[dict[str, Any]]:
    """The quiz's dimensions that can score (max > 0), in site order."""
    top = score_max(quiz)
    return [d for d in quiz.get("dimensions", []) if top.get(d["id"], 0) > 0]


def score_max(quiz: dict[str, Any]) -> dict[str, int]:
    """Maximum points per dimension id."""
    ids = [d["id"] for d in quiz.get("dimensions", [])]
    top = dict.fromkeys(ids, 0)
    for q in quiz["questions"]:
        if q["type"] == "scale":
            if q.get("dimension") in top:
                top[q["dimension"]] += int(q["points"]) - 1
            continue
        for dim in ids:
            values = [int(o.get("points", {}).get(dim, 0)) for o in q["options"]]
            top[dim] += sum(values) if q["type"] == "multiple" else max(values)
    return top
