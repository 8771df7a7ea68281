"""Limits: oversized, explosive or deeply nested input is refused quickly and clearly,
and Markdown bodies known to be slow for Python-Markdown still build in bounded time.

No test here measures speed: the refusal times are reported by `benchmarks/limits.py`.
`HANG_CAP` only turns a hang or a quadratic blow-up (minutes) into a failure, so a
busy machine can never fail these tests.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from quizbuilder.build import mkdocs_command
from quizbuilder.content import load_content
from quizbuilder.errors import ContentError, Problem
from quizbuilder.loader import MAX_BYTES, MAX_DEPTH

FIXTURES = Path(__file__).parent / "fixtures"
ROLE = "docs/roles/limit.md"
HANG_CAP = 60.0
"""Seconds after which a refusal counts as hung; real refusals take milliseconds."""
BUILD_TIMEOUT = 60

HEADER = """\
---
title: Limit
summary: A role for limit tests.
sector: Testing
customers:
  - who: Testers
    kind: internal
finder: {public: 0, clients: 0, colleagues: 4, frequency: 4, relationship: 2, stakes: 1,
         technical: 3, hats: 1}
"""


def _refused(docs: Path) -> tuple[list[Problem], float]:
    start = time.perf_counter()
    with pytest.raises(ContentError) as caught:
        load_content(docs)
    return caught.value.problems, time.perf_counter() - start


def _only(problems: list[Problem], path: str = ROLE) -> Problem:
    assert [p.path for p in problems] == [path], "\n".join(map(str, problems))
    return problems[0]


# --- size ------------------------------------------------------------------------------


def test_five_megabyte_role_file_is_refused_quickly_with_a_size_message(docs: Path) -> None:
    role = docs / "roles" / "limit.md"
    text = HEADER + "---\n\n" + ("All work and no play. " * 50 + "\n") * 4600
    role.write_text(text, encoding="utf-8")
    size = role.stat().st_size
    assert 5_000_000 <= size <= 5_300_000

    problems, elapsed = _refused(docs)

    problem = _only(problems)
    assert (problem.line, problem.column, problem.field) == (1, 1, "-")
    assert problem.message == f"file is too large: {size} bytes"
    assert problem.expected == f"at most 1 MiB, {MAX_BYTES} bytes"
    assert elapsed < HANG_CAP


def test_file_of_exactly_the_limit_is_read(docs: Path) -> None:
    role = docs / "roles" / "limit.md"
    head = HEADER + "---\n\n"
    role.write_text(head + "x" * (MAX_BYTES - len(head)), encoding="utf-8")
    assert role.stat().st_size == MAX_BYTES
    assert any(r.slug == "limit" for r in load_content(docs).roles)
    role.write_text(head + "x" * (MAX_BYTES - len(head) + 1), encoding="utf-8")
    problem = _only(_refused(docs)[0])
    assert problem.message == f"file is too large: {MAX_BYTES + 1} bytes"


# --- YAML bombs and depth ------------------------------------------------------------


def test_billion_laughs_is_refused_quickly_with_an_anchor_message(docs: Path) -> None:
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        levels.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    (docs / "roles" / "limit.md").write_text(
        HEADER + "\n".join(levels) + "\n---\n\nBody.\n", encoding="utf-8"
    )

    problems, elapsed = _refused(docs)

    problem = _only(problems)
    first_anchor_line = HEADER.count("\n") + 1
    assert (problem.line, problem.column) == (first_anchor_line, len("a0: ") + 1)
    assert "anchors" in problem.message
    assert "not allowed" in problem.message
    assert elapsed < HANG_CAP


def test_alias_without_anchor_is_refused_with_an_alias_message(docs: Path) -> None:
    (docs / "roles" / "limit.md").write_text(
        HEADER + "aliases: *nowhere\n---\n\nBody.\n", encoding="utf-8"
    )
    problem = _only(_refused(docs)[0])
    assert "aliases" in problem.message
    assert (problem.line, problem.column) == (HEADER.count("\n") + 1, len("aliases: ") + 1)


@pytest.mark.parametrize(
    ("value", "width"),
    [
        pytest.param("[" * 5000 + "]" * 5000, 1, id="flow-sequences"),
        pytest.param("{a: " * 5000 + "1" + "}" * 5000, 4, id="flow-mappings"),
        pytest.param("[" * 5000, 1, id="unclosed-flow-sequences"),
        pytest.param("[{a: " * 2500 + "1" + "}]" * 2500, 5, id="mixed"),
    ],
)
def test_5000_deep_nesting_is_refused_with_a_depth_message(
    docs: Path, value: str, width: int
) -> None:
    """`width` is the characters per level: the problem points at a level near the limit."""
    (docs / "roles" / "limit.md").write_text(
        HEADER + f"tags: {value}\n---\n\nBody.\n", encoding="utf-8"
    )

    problems, elapsed = _refused(docs)  # a RecursionError would fail here

    problem = _only(problems)
    assert problem.message == f"nesting is too deep (more than {MAX_DEPTH} levels)"
    assert problem.line == HEADER.count("\n") + 1
    assert len("tags: ") + 1 < problem.column <= len("tags: ") + 1 + width * MAX_DEPTH
    assert elapsed < HANG_CAP


def test_deep_block_nesting_is_refused_with_a_depth_message(docs: Path) -> None:
    """Block style (`a:` / indented `a:` ...) as deep as fits in the size limit."""
    lines = [" " * (2 * depth) + "a:" for depth in range(300)]
    (docs / "roles" / "limit.md").write_text(
        HEADER + "tags:\n" + "\n".join(lines) + " 1\n---\n\nBody.\n", encoding="utf-8"
    )
    problem = _only(_refused(docs)[0])
    assert problem.message == f"nesting is too deep (more than {MAX_DEPTH} levels)"


def test_nesting_at_the_limit_is_not_a_depth_problem(docs: Path) -> None:
    # The front matter mapping is level 1, so `tags` may nest MAX_DEPTH - 1 levels.
    ok = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    (docs / "roles" / "limit.md").write_text(
        HEADER + f"tags: {ok}\n---\n\nBody.\n", encoding="utf-8"
    )
    problems = _refused(docs)[0]
    assert all("nesting" not in p.message for p in problems), problems
    (docs / "roles" / "limit.md").write_text(
        HEADER + f"tags: [{ok}]\n---\n\nBody.\n", encoding="utf-8"
    )
    problem = _only(_refused(docs)[0])
    assert problem.message == f"nesting is too deep (more than {MAX_DEPTH} levels)"


def test_deep_nesting_in_the_site_file_is_refused(docs: Path) -> None:
    site = docs / "quizbuilder.yml"
    site.write_text(site.read_text(encoding="utf-8") + "x: " + "[" * 5000 + "\n", encoding="utf-8")
    problems, elapsed = _refused(docs)
    problem = _only(problems, "docs/quizbuilder.yml")
    assert problem.message == f"nesting is too deep (more than {MAX_DEPTH} levels)"
    assert elapsed < HANG_CAP


# --- quiz size -------------------------------------------------------------------------


def _quiz_role(questions: int) -> str:
    lines = [
        "quizzes:",
        "  - id: limit-quiz",
        "    title: Many questions",
        "    kind: graded",
        "    questions:",
    ]
    for index in range(questions):
        lines += [
            f"      - id: q{index}",
            "        type: single",
            f"        text: Question {index}?",
            "        options:",
            "          - text: Right",
            "            correct: true",
            "          - text: Wrong",
        ]
    return HEADER + "\n".join(lines) + "\n---\n\nBody.\n"


def test_500_question_quiz_is_refused_by_the_schema_cap(docs: Path) -> None:
    """The role schema caps a quiz at 50 questions (`maxItems: 50`)."""
    (docs / "roles" / "limit.md").write_text(_quiz_role(500), encoding="utf-8")

    problems, elapsed = _refused(docs)

    problem = _only(problems)
    assert problem.field == "quizzes[0].questions"
    # The questions list starts at the first item's '-'.
    assert (problem.line, problem.column) == (HEADER.count("\n") + 6, 7)
    assert problem.message == "has too many items (500)"
    assert problem.expected == "at most 50 items"
    assert elapsed < HANG_CAP


def test_50_question_quiz_loads(docs: Path) -> None:
    (docs / "roles" / "limit.md").write_text(_quiz_role(50), encoding="utf-8")
    role = next(r for r in load_content(docs).roles if r.slug == "limit")
    assert len(role.quizzes[0].questions) == 50
    (docs / "roles" / "limit.md").write_text(_quiz_role(51), encoding="utf-8")
    assert _only(_refused(docs)[0]).message == "has too many items (51)"


# --- front matter placement ----------------------------------------------------------


def test_blank_lines_before_the_opening_delimiter_are_accepted(docs: Path) -> None:
    (docs / "roles" / "limit.md").write_text("\n  \n\t\n" + HEADER + "---\n\nBody.\n", "utf-8")
    role = next(r for r in load_content(docs).roles if r.slug == "limit")
    assert role.title == "Limit"
    assert role.body_line == 3 + HEADER.count("\n") + 2


def test_lines_after_leading_blank_lines_count_from_the_top_of_the_file(docs: Path) -> None:
    text = "\n\n" + HEADER.replace("sector: Testing", "sector: [Testing]") + "---\n"
    (docs / "roles" / "limit.md").write_text(text, encoding="utf-8")
    problem = _only(_refused(docs)[0])
    assert problem.field == "sector"
    assert (problem.line, problem.column) == (2 + 4, len("sector: ") + 1)


# --- Markdown bodies that are slow for Python-Markdown -------------------------------

MKDOCS_YML = """\
site_name: Limits
theme:
  name: material
  font: false
plugins:
  - quizbuilder
"""


def _build_with_body(tmp_path: Path, body: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", project / "docs")
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    role = project / "docs" / "roles" / "barista.md"
    front = role.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    role.write_text(front + "\n---\n\n" + body, encoding="utf-8")
    assert role.stat().st_size <= MAX_BYTES, "the body must get past the size limit"
    site = tmp_path / "site"
    try:
        result = subprocess.run(
            mkdocs_command("build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)),
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
            cwd=project,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the build did not finish within {BUILD_TIMEOUT} s")
    return result, site / "roles" / "barista" / "index.html"


SLOW_BODIES = {
    "blockquote-20k-markers": ">" * 20_000 + " deep\n",
    "emphasis-50k-stars": "*" * 50_000 + "\n",
    "emphasis-alternating": "*a _b " * 10_000 + "\n",
    "brackets-2k": "[" * 2_000 + "\n",
    "nested-lists-100": "".join("    " * depth + "- item\n" for depth in range(100)),
    "html-tags-10k": "<div>" * 10_000 + "\n",
    "backticks-50k": "`" * 50_000 + "\n",
}


@pytest.mark.parametrize("name", list(SLOW_BODIES))
def test_slow_markdown_body_builds_in_bounded_time(tmp_path: Path, name: str) -> None:
    result, page = _build_with_body(tmp_path, SLOW_BODIES[name])
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert page.is_file()


PATHOLOGICAL_BODIES = {
    # ~320 KB, within the 1 MiB limit: Python-Markdown recurses per level and raises
    # RecursionError, so the build stops with a traceback instead of a message.
    "nested-lists-400": "".join("    " * depth + "- item\n" for depth in range(400)),
    # Python-Markdown's link matching is quadratic in unclosed '[': 2k take ~1 s, 10k
    # (10 KB) ~25-60 s, 20k well over 60 s; the 1 MiB limit allows a million.
    "brackets-20k": "[" * 20_000 + "\n",
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL_BODIES))
def test_pathological_markdown_body_builds_or_is_refused_clearly(tmp_path: Path, name: str) -> None:
    """Either the page builds, or the build stops with a `path:line:column` problem."""
    result, page = _build_with_body(tmp_path, PATHOLOGICAL_BODIES[name])
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    if result.returncode == 0:
        assert page.is_file()
    else:
        assert "docs/roles/barista.md:" in result.stderr, result.stderr[-2000:]
