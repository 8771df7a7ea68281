"""The Python reference aggregator for the team view (used by tests only).

Reads exported "My results" files (the format `schemas/results.schema.json` describes)
and aggregates them per quiz against the site's catalogue of quizzes (`team_catalogue`).
The browser's `theme/assets/quizbuilder/team-core.js` implements the same rules; the
vectors in `tests/vectors/aggregate/*.json` hold both to the same numbers.

Rules: each usable file is one person, and their latest attempt at a quiz counts.
Averages and percents are whole numbers, halves rounded up (integer arithmetic).
"""

from __future__ import annotations

import json
import re
from typing import Any

from quizbuilder.constants import EXPORT_MAX_BYTES as MAX_BYTES
from quizbuilder.constants import EXPORT_VERSION as VERSION
from quizbuilder.constants import LABEL_MAX, percent

_SPACE = re.compile(r"\s+")


def mean(total: int, n: int) -> int:
    """`total / n` as a whole number, halves rounded up."""
    return (2 * total + n) // (2 * n)


def _is_int(x: Any) -> bool:
    return type(x) is int or (type(x) is float and x.is_integer())


def _is_pct(x: Any) -> bool:
    return _is_int(x) and 0 <= x <= 100


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def read_export(text: str, size: int, site: str) -> dict[str, Any]:
    """One file as an export, or `{"ok": False, "code": ...}` (large, json, shape, site,
    newer)."""
    if size > MAX_BYTES:
        return {"ok": False, "code": "large"}
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except ValueError:
        return {"ok": False, "code": "json"}
    if isinstance(data, list):
        data = {"attempts": data}
    if not isinstance(data, dict):
        return {"ok": False, "code": "shape"}
    version = data.get("version", 0)
    if _is_int(version) and version > VERSION:
        return {"ok": False, "code": "newer", "version": version}
    if not (_is_int(version) and version in (0, 1, 2)) or not isinstance(
        data.get("attempts"), list
    ):
        return {"ok": False, "code": "shape"}
    version = int(version)
    if version == 2 and not isinstance(data.get("site"), str):
        return {"ok": False, "code": "shape"}
    if version == 2 and data["site"] != site:
        return {"ok": False, "code": "site", "site": data["site"]}
    label = data.get("label") if version == 2 else None
    text_label = _SPACE.sub(" ", label).strip()[:LABEL_MAX] if isinstance(label, str) else ""
    return {"ok": True, "version": version, "label": text_label, "attempts": data["attempts"]}


def _usable(quiz: dict[str, Any], result: Any) -> dict[str, Any] | None:
    if not isinstance(result, dict) or result.get("status") != "ok":
        return None
    if result.get("kind") != quiz["kind"]:
        return None
    if quiz["kind"] == "graded":
        correct: Any = result.get("correct")
        total: Any = result.get("total")
        if not (_is_int(correct) and _is_int(total)) or total < 1 or not 0 <= correct <= total:
            return None
        marks = result.get("questions")
        return {
            "score": percent(int(correct), int(total)),
            "marks": marks if isinstance(marks, dict) else {},
        }
    dims = result.get("dimensions")
    if not isinstance(dims, list):
        return None
    got: dict[str, int] = {}
    for x in dims:
        if isinstance(x, dict) and isinstance(x.get("id"), str) and _is_pct(x.get("percent")):
            got[x["id"]] = int(x["percent"])
    return {"dims": got}


def _bands(quiz: dict[str, Any], values: list[int]) -> list[dict[str, Any]]:
    return [
        {
            "id": b["id"],
            "label": b["label"],
            "count": sum(1 for v in values if b["min"] <= v <= b["max"]),
        }
        for b in quiz.get("bands", [])
    ]


def _graded(quiz: dict[str, Any], people: list[dict[str, Any]]) -> dict[str, Any]:
    scores = [p["score"] for p in people]
    questions = []
    for order, q in enumerate(quiz["questions"]):
        marks = [p["marks"][q["id"]] for p in people if isinstance(p["marks"].get(q["id"]), bool)]
        correct = sum(1 for m in marks if m)
        pct = percent(correct, len(marks)) if marks else None
        questions.append(
            (
                (pct is None, pct or 0, order),
                {
                    "id": q["id"],
                    "text": q["text"],
                    "answered": len(marks),
                    "correct": correct,
                    "percent": pct,
                },
            )
        )
    questions.sort(key=lambda item: item[0])
    return {
        "id": quiz["id"],
        "title": quiz["title"],
        "kind": "graded",
        "people": len(people),
        "average": mean(sum(scores), len(scores)),
        "bands": _bands(quiz, scores),
        "questions": [q for _, q in questions],
    }


def _profile(quiz: dict[str, Any], people: list[dict[str, Any]]) -> dict[str, Any]:
    dimensions = []
    for x in quiz.get("dimensions", []):
        values = [p["dims"][x["id"]] for p in people if x["id"] in p["dims"]]
        if values:
            dimensions.append(
                {
                    "id": x["id"],
                    "name": x["name"],
                    "people": len(values),
                    "average": mean(sum(values), len(values)),
                    "bands": _bands(quiz, values),
                }
            )
    return {
        "id": quiz["id"],
        "title": quiz["title"],
        "kind": "profile",
        "people": len(people),
        "dimensions": dimensions,
    }


def aggregate(
    catalogue: list[dict[str, Any]], site: str, files: list[dict[str, Any]]
) -> dict[str, Any]:
    """Aggregate `files` (`{"name", "size", "text"}`, in the order given) per quiz."""
    quizzes = {q["id"]: q for q in catalogue}
    seen: dict[str, str] = {}
    latest: dict[str, list[dict[str, Any]]] = {}
    report: list[dict[str, Any]] = []
    for file in files:
        entry: dict[str, Any] = {"name": file["name"]}
        report.append(entry)
        read = read_export(file["text"], file["size"], site)
        if not read["ok"]:
            entry.update(status="error", code=read["code"])
            entry.update({k: read[k] for k in ("site", "version") if k in read})
            continue
        if file["text"] in seen:
            entry.update(status="error", code="duplicate", other=seen[file["text"]])
            continue
        seen[file["text"]] = file["name"]
        mine: dict[str, dict[str, Any]] = {}
        unknown: list[str] = []
        for a in read["attempts"]:
            if not (
                isinstance(a, dict)
                and isinstance(a.get("quiz"), str)
                and isinstance(a.get("date"), str)
                and isinstance(a.get("result"), dict)
                and a["result"].get("status") == "ok"
            ):
                continue
            quiz = quizzes.get(a["quiz"])
            if quiz is None:
                if a["result"].get("kind") != "finder" and a["quiz"] not in unknown:
                    unknown.append(a["quiz"])
                continue
            got = _usable(quiz, a["result"])
            before = mine.get(a["quiz"])
            if got is not None and (before is None or a["date"] >= before["date"]):
                mine[a["quiz"]] = {"date": a["date"], "got": got}
        if not mine:
            entry.update(status="error", code="unknown" if unknown else "empty")
            if unknown:
                entry["quizzes"] = unknown
            continue
        entry.update(status="partial" if unknown else "ok", label=read["label"], count=len(mine))
        if unknown:
            entry.update(code="unknown", quizzes=unknown)
        for quiz_id, x in mine.items():
            latest.setdefault(quiz_id, []).append(x["got"])
    out = []
    for quiz in catalogue:
        people = latest.get(quiz["id"])
        if people:
            out.append(
                _graded(quiz, people) if quiz["kind"] == "graded" else _profile(quiz, people)
            )
    counted = [f for f in report if f["status"] != "error"]
    return {"files": report, "people": len(counted), "quizzes": out}
