"""Property tests for loading content: hostile input is refused with a `ContentError`.

Three properties, each run through `quizbuilder.content.load_content` on a copy of
`tests/fixtures/minimal` with one extra role file written per example:

(a) anything as front matter (YAML built from random data, raw random text, random
    mutations of a valid role file) either loads or raises `ContentError` whose every
    problem is well formed (`path:line:column: field: message`);
(b) arbitrary text in every string field of a valid role either loads (and then holds
    exactly that text) or raises `ContentError`;
(c) roles generated to respect the schema and the semantic checks always load, and the
    model holds what was written.

The runs are derandomized (a fixed seed per test), so a failure reproduces exactly on
every machine; `--hypothesis-seed` does not change them. Each test counts the examples
it ran, records the count (`record_property`, visible in JUnit XML), prints it
(`pytest -s`) and stores it in the pytest cache (`pytest --cache-show 'quizbuilder/*'`).
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import string
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quizbuilder.content import load_content
from quizbuilder.errors import ContentError, Problem
from quizbuilder.model import Content, QuestionType, QuizKind, Role

FIXTURES = Path(__file__).parent / "fixtures"
VALID_ROLE = FIXTURES / "minimal" / "roles" / "loan-officer.md"
PROBLEM_RE = re.compile(r"^.+:\d+:\d+: \S+: .+", re.DOTALL)
FUZZ_NAME = "fuzz-role"

SCALE = float(os.environ.get("QB_FUZZ_SCALE", "1"))
"""Multiplies every example count: `QB_FUZZ_SCALE=20 pytest tests/test_properties.py` for a
longer run. The defaults keep this file under ~20 s (each example loads three files)."""
EXAMPLES_A = max(10, int(120 * SCALE))
EXAMPLES_B = max(10, int(100 * SCALE))
EXAMPLES_B_RAW = max(10, int(80 * SCALE))
EXAMPLES_C = max(10, int(60 * SCALE))

FUZZ = settings(
    max_examples=EXAMPLES_A,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TEXT = st.characters(exclude_categories=("Cs",))
"""Any code point except surrogates (they cannot be written to a UTF-8 file)."""

HOSTILE_STRINGS = [
    "</script><script>alert(1)</script>",
    "{{ config }}",
    "{% raw %}{{ x }}{% endraw %}",
    "\u202eevil\u202c",
    "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "\U0001f600\U0001f469\u200d\U0001f4bb",
    "\x00\x07\x0b\x0c\x1b",
    "\ufeff",
    "\ufffe",
    "\x85\u2028\u2029",
    "---",
    "...",
    "\n---\n",
    "&anchor",
    "*alias",
    "!!python/object:os.system",
    "<<: {}",
    "0x_",
    "0b_",
    "!!int x",
    "~",
    "@`|>%",
    "'",
    '"',
    "\t",
    "# comment",
    "a: b",
    "- item",
    "? key",
    "[",
    "{",
]


# --- helpers ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the minimal docs dir; the working directory is its parent so messages
    read `docs/roles/...`."""
    root = tmp_path_factory.mktemp("props")
    shutil.copytree(FIXTURES / "minimal", root / "docs")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        yield root / "docs"


def _record(
    request: pytest.FixtureRequest,
    record_property: Callable[[str, object], None],
    name: str,
    count: int,
) -> None:
    record_property("hypothesis_examples", count)
    cache = getattr(request.config, "cache", None)
    if cache is not None:
        cache.set(f"quizbuilder/fuzz_iterations/{name}", count)
    print(f"\n{name}: {count} hypothesis examples run")


def _write_role(docs: Path, text: str, name: str = FUZZ_NAME) -> Path:
    path = docs / "roles" / f"{name}.md"
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _check_problem(problem: Problem) -> None:
    assert isinstance(problem, Problem)
    assert problem.path, problem
    assert isinstance(problem.line, int) and problem.line >= 1, problem
    assert isinstance(problem.column, int) and problem.column >= 1, problem
    assert PROBLEM_RE.match(str(problem)), repr(str(problem))


def _load_or_refuse(docs: Path) -> Content | None:
    """`load_content`, asserting that any refusal is a well-formed `ContentError`."""
    try:
        return load_content(docs)
    except ContentError as error:
        assert error.problems, "ContentError without problems"
        for problem in error.problems:
            _check_problem(problem)
        return None


def _role(content: Content, slug: str) -> Role:
    found = [role for role in content.roles if role.slug == slug]
    assert len(found) == 1, [role.slug for role in content.roles]
    return found[0]


def _valid_front_matter() -> str:
    text = VALID_ROLE.read_text(encoding="utf-8")
    _, front, _ = text.split("---\n", 2)
    return front


def _role_file(front: str, body: str = "\nThe article.\n") -> str:
    return "---\n" + front + ("" if front.endswith("\n") else "\n") + "---\n" + body


def _valid_data() -> dict[str, Any]:
    data = yaml.safe_load(_valid_front_matter())
    assert isinstance(data, dict)
    # Quiz ids are unique site-wide: rename this copy's so it sits beside loan-officer.md.
    for quiz in data["quizzes"]:
        quiz["id"] = "fuzz-" + quiz["id"]
    return data


# --- (a) anything as front matter ---------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(TEXT, max_size=30)
    | st.sampled_from(HOSTILE_STRINGS)
)
yaml_data = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.text(TEXT, max_size=12) | st.sampled_from(HOSTILE_STRINGS), children, max_size=5
        )
    ),
    max_leaves=30,
)


@st.composite
def dumped_yaml(draw: st.DrawFn) -> str:
    data = draw(yaml_data)
    return yaml.safe_dump(
        data,
        default_flow_style=draw(st.sampled_from([False, True, None])),
        allow_unicode=draw(st.booleans()),
        sort_keys=draw(st.booleans()),
        width=draw(st.sampled_from([20, 80, 1000])),
    )


YAML_TOKENS = [
    ":",
    ": ",
    "'",
    '"',
    "\t",
    " ",
    "  ",
    "-",
    "- ",
    "#",
    "&a ",
    "*a",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!binary ",
    "!!timestamp ",
    "!!set ",
    "!!omap ",
    "!!python/object:os.system ",
    "!custom ",
    "<<: ",
    "? ",
    "|",
    ">",
    "[",
    "]",
    "{",
    "}",
    ",",
    "%YAML 1.1",
    "---",
    "...",
    "@",
    "`",
    "\\",
    "\x00",
    "\x07",
    "\ufeff",
    "\r",
    "\u2028",
]

numberish = st.from_regex(r"[-+]?(0b|0x|0o|0|\.|[1-9])?[0-9a-fA-F_:.eE+-]{0,6}", fullmatch=True)


@st.composite
def mutated_role(draw: st.DrawFn) -> str:
    lines = _valid_front_matter().rstrip("\n").split("\n")
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        action = draw(
            st.sampled_from(
                ["delete", "duplicate", "indent", "dedent", "insert", "tab", "value", "swap"]
            )
        )
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "indent":
            lines[index] = " " * draw(st.integers(1, 5)) + line
        elif action == "dedent":
            lines[index] = line[draw(st.integers(1, 4)) :]
        elif action == "insert":
            at = draw(st.integers(0, len(line)))
            token = draw(st.sampled_from(YAML_TOKENS) | st.text(TEXT, max_size=3))
            lines[index] = line[:at] + token + line[at:]
        elif action == "tab":
            lines[index] = "\t" + line
        elif action == "value" and ":" in line:
            key = line[: line.index(":") + 1]
            value = draw(numberish | st.sampled_from(HOSTILE_STRINGS) | st.text(TEXT, max_size=10))
            lines[index] = f"{key} {value}"
        elif action == "swap" and len(lines) > 1:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
    return "\n".join(lines) + "\n"


any_front_matter = dumped_yaml() | st.text(TEXT, max_size=400) | mutated_role()


def test_any_front_matter_loads_or_is_refused_cleanly(
    workdir: Path,
    request: pytest.FixtureRequest,
    record_property: Callable[[str, object], None],
) -> None:
    count = 0

    @FUZZ
    @given(front=any_front_matter, body=st.sampled_from(["", "\nBody.\n", "\n\x00</script>\n"]))
    def run(front: str, body: str) -> None:
        nonlocal count
        count += 1
        _write_role(workdir, _role_file(front, body))
        content = _load_or_refuse(workdir)
        if content is not None:
            assert _role(content, FUZZ_NAME).path == f"docs/roles/{FUZZ_NAME}.md"

    try:
        run()
    finally:
        _record(request, record_property, "a_any_front_matter", count)
    assert count >= EXAMPLES_A // 2


# --- (b) arbitrary text in every string field ----------------------------------------

STRING_FIELDS: list[tuple[str | int, ...]] = [
    ("title",),
    ("summary",),
    ("sector",),
    ("aliases", 0),
    ("tags", 0),
    ("customers", 0, "who"),
    ("customers", 0, "needs"),
    ("quizzes", 0, "title"),
    ("quizzes", 0, "intro"),
    ("quizzes", 0, "questions", 0, "text"),
    ("quizzes", 0, "questions", 0, "options", 0, "text"),
    ("quizzes", 0, "questions", 0, "explanation"),
    ("quizzes", 1, "title"),
    ("quizzes", 1, "questions", 0, "text"),
    ("quizzes", 1, "questions", 1, "options", 1, "text"),
]

field_text = (
    st.text(TEXT, max_size=200)
    | st.sampled_from(HOSTILE_STRINGS)
    | st.lists(st.sampled_from(HOSTILE_STRINGS) | st.text(TEXT, max_size=5), max_size=6).map(
        "".join
    )
)


def _set(data: Any, path: tuple[str | int, ...], value: object) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _get(role: Role, path: tuple[str | int, ...]) -> object:
    head = path[0]
    if head in ("title", "summary", "sector"):
        return getattr(role, str(head))
    if head == "aliases":
        return role.aliases[0]
    if head == "tags":
        return role.tags[0]
    if head == "customers":
        return getattr(role.customers[0], str(path[2]))
    quiz = role.quizzes[int(path[1])]
    if len(path) == 3:
        return getattr(quiz, str(path[2]))
    question = quiz.questions[int(path[3])]
    if len(path) == 5:
        return getattr(question, str(path[4]))
    return question.options[int(path[5])].text


def test_any_text_in_string_fields_loads_or_is_refused_cleanly(
    workdir: Path,
    request: pytest.FixtureRequest,
    record_property: Callable[[str, object], None],
) -> None:
    count = 0
    base = _valid_data()

    @settings(FUZZ, max_examples=EXAMPLES_B)
    @given(
        where=st.sampled_from(STRING_FIELDS),
        text=field_text,
        allow_unicode=st.booleans(),
    )
    def run(where: tuple[str | int, ...], text: str, allow_unicode: bool) -> None:
        nonlocal count
        count += 1
        data = copy.deepcopy(base)
        _set(data, where, text)
        front = yaml.safe_dump(data, allow_unicode=allow_unicode, sort_keys=False)
        _write_role(workdir, _role_file(front))
        content = _load_or_refuse(workdir)
        if content is not None:
            # Accepted text reaches the model exactly as YAML reads it. (Not always `text`:
            # PyYAML's emitter writes a raw NEL, U+0085, that YAML then folds to a space.)
            expected = yaml.safe_load(front)
            for part in where:
                expected = expected[part]
            assert _get(_role(content, FUZZ_NAME), where) == expected

    try:
        run()
    finally:
        _record(request, record_property, "b_any_text_in_fields_dumped", count)
    assert count >= EXAMPLES_B // 2


RAW_FIELDS = ["title", "summary", "sector"]


def test_raw_text_in_plain_fields_loads_or_is_refused_cleanly(
    workdir: Path,
    request: pytest.FixtureRequest,
    record_property: Callable[[str, object], None],
) -> None:
    """The same text written into the file as is (unquoted, as an editor might type it)."""
    count = 0
    front = _valid_front_matter()

    @settings(FUZZ, max_examples=EXAMPLES_B_RAW)
    @given(key=st.sampled_from(RAW_FIELDS), text=field_text)
    def run(key: str, text: str) -> None:
        nonlocal count
        count += 1
        edited = re.sub(rf"(?m)^{key}: .*$", lambda _: f"{key}: {text}", front, count=1)
        _write_role(workdir, _role_file(edited.replace("loan-officer-", "fuzz-loan-officer-")))
        _load_or_refuse(workdir)

    try:
        run()
    finally:
        _record(request, record_property, "b_any_text_in_fields_raw", count)
    assert count >= EXAMPLES_B_RAW // 2


# --- (c) valid generated roles always load ------------------------------------------

DIMENSIONS = ["ownership", "composure", "versatility", "teamwork", "attitude"]
KINDS = ["external", "internal", "public"]
TRAITS = [
    "public",
    "clients",
    "colleagues",
    "frequency",
    "relationship",
    "stakes",
    "technical",
    "hats",
]
ID_ALPHABET = string.ascii_lowercase + string.digits
ids = st.lists(st.text(ID_ALPHABET, min_size=1, max_size=6), min_size=1, max_size=3).map("-".join)


def plain(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.text(TEXT, min_size=min_size, max_size=max_size)


def page_text(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    """Text for fields that become a page's title or description: no '<' or '>'."""
    return plain(min_size, max_size).map(lambda t: t.replace("<", "(").replace(">", ")"))


@st.composite
def options(draw: st.DrawFn, kind: str, qtype: str) -> list[dict[str, Any]]:
    count = draw(st.integers(2, 6))
    result: list[dict[str, Any]] = [{"text": draw(plain(1, 60))} for _ in range(count)]
    if kind == "graded":
        if qtype == "single":
            correct = {draw(st.integers(0, count - 1))}
        else:
            correct = set(draw(st.lists(st.integers(0, count - 1), min_size=1, unique=True)))
        for index, option in enumerate(result):
            if index in correct:
                option["correct"] = True
            elif draw(st.booleans()):
                option["correct"] = False
    else:
        for option in result:
            option["points"] = draw(
                st.dictionaries(st.sampled_from(DIMENSIONS), st.integers(0, 10), max_size=3)
            )
    return result


@st.composite
def question(draw: st.DrawFn, kind: str, qid: str) -> dict[str, Any]:
    types = ["single", "multiple"] + (["scale"] if kind == "profile" else [])
    qtype = draw(st.sampled_from(types))
    result: dict[str, Any] = {"id": qid, "type": qtype, "text": draw(plain(1, 120))}
    if qtype == "scale":
        result["dimension"] = draw(st.sampled_from(DIMENSIONS))
        if draw(st.booleans()):
            result["reverse"] = draw(st.booleans())
    else:
        result["options"] = draw(options(kind, qtype))
    if kind == "graded" and draw(st.booleans()):
        result["explanation"] = draw(plain(0, 200))
    return result


@st.composite
def quiz(draw: st.DrawFn, quiz_id: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(["graded", "profile"]))
    qids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    questions = [draw(question(kind, qid)) for qid in qids]
    if kind == "profile":
        # Every profile quiz must score at least one dimension.
        questions[0] = {
            "id": qids[0],
            "type": "scale",
            "text": draw(plain(1, 80)),
            "dimension": draw(st.sampled_from(DIMENSIONS)),
        }
    result: dict[str, Any] = {
        "id": quiz_id,
        "title": draw(plain(1, 120)),
        "kind": kind,
        "questions": questions,
    }
    if draw(st.booleans()):
        result["intro"] = draw(plain(0, 200))
    return result


@st.composite
def valid_role(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    slug = "gen-" + draw(ids)
    quiz_ids = draw(st.lists(ids, max_size=3, unique=True))
    data: dict[str, Any] = {
        "title": draw(page_text(1, 120)),
        "summary": draw(page_text(1, 300)),
        "sector": draw(plain(1, 60)),
        "customers": [
            {"who": draw(plain(1, 120)), "kind": draw(st.sampled_from(KINDS))}
            | ({"needs": draw(plain(0, 300))} if draw(st.booleans()) else {})
            for _ in range(draw(st.integers(1, 4)))
        ],
        "finder": {trait: draw(st.integers(0, 4)) for trait in TRAITS},
        "quizzes": [draw(quiz(f"{slug}-{quiz_id}")) for quiz_id in quiz_ids],
    }
    if draw(st.booleans()):
        data["aliases"] = draw(st.lists(plain(1, 120), max_size=5, unique=True))
    if draw(st.booleans()):
        tags = st.lists(
            plain(1, 40).map(lambda t: "".join(c for c in t if c not in "<>&\"'") or "tag"),
            max_size=5,
            unique=True,
        )
        data["tags"] = draw(tags)
    return slug, data


def test_valid_generated_roles_load_and_round_trip(
    workdir: Path,
    request: pytest.FixtureRequest,
    record_property: Callable[[str, object], None],
) -> None:
    count = 0
    (workdir / "roles" / f"{FUZZ_NAME}.md").unlink(missing_ok=True)

    @settings(FUZZ, max_examples=EXAMPLES_C)
    @given(generated=valid_role(), allow_unicode=st.booleans())
    def run(generated: tuple[str, dict[str, Any]], allow_unicode: bool) -> None:
        nonlocal count
        count += 1
        slug, data = generated
        front = yaml.safe_dump(data, allow_unicode=allow_unicode, sort_keys=False)
        # PyYAML's emitter cannot round-trip every string (a raw NEL, U+0085, comes back
        # as a space); such examples say nothing about quizbuilder.
        assume(yaml.safe_load(front) == data)
        path = _write_role(workdir, _role_file(front), slug)
        try:
            try:
                content = load_content(workdir)
            except ContentError as error:  # pragma: no cover - shown on failure
                pytest.fail(f"a schema-valid role was refused:\n{error}\n--- file:\n{front}")
            role = _role(content, slug)
        finally:
            path.unlink()
        assert role.title == data["title"]
        assert role.summary == data["summary"]
        assert role.sector == data["sector"]
        assert role.aliases == tuple(data.get("aliases", ()))
        assert role.tags == tuple(data.get("tags", ()))
        assert [(c.who, c.kind, c.needs) for c in role.customers] == [
            (c["who"], c["kind"], c.get("needs", "")) for c in data["customers"]
        ]
        assert role.finder == data["finder"]
        assert [q.id for q in role.quizzes] == [q["id"] for q in data["quizzes"]]
        for quiz_model, quiz_data in zip(role.quizzes, data["quizzes"], strict=True):
            assert quiz_model.title == quiz_data["title"]
            assert quiz_model.kind is QuizKind(quiz_data["kind"])
            assert quiz_model.intro == quiz_data.get("intro", "")
            assert [q.id for q in quiz_model.questions] == [q["id"] for q in quiz_data["questions"]]
            for q_model, q_data in zip(quiz_model.questions, quiz_data["questions"], strict=True):
                assert q_model.type is QuestionType(q_data["type"])
                assert q_model.text == q_data["text"]
                assert len(q_model.options) == len(q_data.get("options", ()))
                assert [o.text for o in q_model.options] == [
                    o["text"] for o in q_data.get("options", ())
                ]
                assert [o.correct for o in q_model.options] == [
                    o.get("correct", False) for o in q_data.get("options", ())
                ]
                assert [o.points for o in q_model.options] == [
                    o.get("points", {}) for o in q_data.get("options", ())
                ]
                assert q_model.dimension == q_data.get("dimension")
                assert q_model.reverse == q_data.get("reverse", False)

    try:
        run()
    finally:
        _record(request, record_property, "c_valid_generated_roles", count)
    assert count >= EXAMPLES_C // 2


# --- deterministic regressions for what the properties found --------------------------


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("0x_", id="implicit-hex-int-without-digits"),
        pytest.param("0b_", id="implicit-binary-int-without-digits"),
        pytest.param("!!int abc", id="explicit-int-tag-on-text"),
        pytest.param("!!float abc", id="explicit-float-tag-on-text"),
        pytest.param("!!bool maybe", id="explicit-bool-tag-on-text"),
    ],
)
def test_scalars_yaml_cannot_construct_are_refused(docs: Path, value: str) -> None:
    """PyYAML's SafeLoader raises ValueError/KeyError (not YAMLError) for these."""
    front = _valid_front_matter().replace("title: Loan Officer", f"title: {value}")
    _write_role(docs, _role_file(front.replace("loan-officer-", "fuzz-loan-officer-")))
    with pytest.raises(ContentError) as caught:
        load_content(docs)
    problems = caught.value.problems
    assert [p.path for p in problems] == [f"docs/roles/{FUZZ_NAME}.md"]
    assert (problems[0].line, problems[0].column) == (2, 8)


@pytest.mark.parametrize(
    "char", ["\x07", "\x0c", "\x1b", "\x00", "\ufffe"], ids=["bel", "ff", "esc", "nul", "fffe"]
)
def test_non_printable_character_in_front_matter_is_refused(docs: Path, char: str) -> None:
    """PyYAML's Reader raises ReaderError while the loader is being constructed."""
    front = _valid_front_matter().replace("title: Loan Officer", f"title: Loan{char}Officer")
    _write_role(docs, _role_file(front.replace("loan-officer-", "fuzz-loan-officer-")))
    with pytest.raises(ContentError) as caught:
        load_content(docs)
    problems = caught.value.problems
    assert [p.path for p in problems] == [f"docs/roles/{FUZZ_NAME}.md"]
    assert problems[0].line == 2
    assert problems[0].column == len("title: Loan") + 1
