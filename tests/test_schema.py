"""The JSON Schemas themselves, and how their errors become problems."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from quizbuilder.loader import markdown_document, yaml_document
from quizbuilder.schema import SchemaName, field_name, load_schema, validate_schema

NAMES: list[SchemaName] = ["role", "site", "article"]


def _objects(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield where, node
        for key, value in node.items():
            yield from _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _objects(value, f"{where}/{index}")


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_valid_draft_2020_12(name: SchemaName) -> None:
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", NAMES)
def test_every_object_is_closed_and_every_property_documented(name: SchemaName) -> None:
    for where, node in _objects(load_schema(name)):
        if "properties" in node:
            assert node["additionalProperties"] is False, where
            for key, prop in node["properties"].items():
                assert prop.get("title") and prop.get("description"), f"{where}/{key}"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ((), "-"),
        (("title",), "title"),
        (("quizzes", 0, "questions", 2, "type"), "quizzes[0].questions[2].type"),
        (("finder", "Public_2"), "finder.Public_2"),
        ((" ",), "['\\x20']"),
        (("finder", "a.b c"), "finder['a.b\\x20c']"),
        (("", "\t"), "['']['\\t']"),
        (("titlé",), "['titlé']"),
    ],
)
def test_field_name(path: tuple[str | int, ...], expected: str) -> None:
    assert field_name(path) == expected


SITE_ERRORS = """\
customer_kinds:
  - id: External
    name: External customers
dimensions: []
bands:
  - {id: low, label: Low, min: -1, max: 100, message: ''}
scale:
  labels: [Only one]
finder:
  questions:
    - id: public
      text: How often?
      options: [a, b, c, d]
"""


def test_site_errors_point_at_values() -> None:
    document = yaml_document(SITE_ERRORS, "q.yml")
    assert [
        str(p) for p in validate_schema(document.data, "site", document.positions, "q.yml")
    ] == [
        "q.yml:2:9: customer_kinds[0].id: 'External' is not a valid id (expected lowercase "
        "letters, digits and single hyphens, like 'loan-officer')",
        "q.yml:4:13: dimensions: is empty (expected at least 1 item)",
        "q.yml:6:32: bands[0].min: -1 is too small (expected at least 0)",
        "q.yml:6:55: bands[0].message: is empty (expected at least 1 character)",
        "q.yml:8:11: scale.labels: has too few items (1) (expected at least 2 items)",
        "q.yml:13:16: finder.questions[0].options: has too few items (4) "
        "(expected exactly 5 items)",
    ]


ROLE_ERRORS = """\
---
title: {long}
summary: x
sector: Retail
customers:
  - who: Shoppers
    kind: public
    need: Quick service
finder: {{Public: 2}}
quizzes:
  - id: q
    title: Q
    kind: profile
    questions:
      - id: a
        type: multiple
        text: Pick
        options:
          - text: A
            points: {{ownership: 11, composure: true}}
---
"""


def test_role_errors() -> None:
    text = ROLE_ERRORS.format(long="x" * 121)
    document = markdown_document(text, "r.md")
    assert [str(p) for p in validate_schema(document.data, "role", document.positions, "r.md")] == [
        "r.md:2:8: title: is too long (121 characters) (expected at most 120 characters)",
        "r.md:8:5: customers[0].need: unknown field 'need' (did you mean 'needs'?)",
        "r.md:9:10: finder.Public: 'Public' is not a valid id (expected lowercase letters, "
        "digits and single hyphens, like 'loan-officer')",
        "r.md:20:33: quizzes[0].questions[0].options[0].points.ownership: 11 is too large "
        "(expected at most 10)",
        "r.md:20:48: quizzes[0].questions[0].options[0].points.composure: 'true' is read as a "
        "yes/no value (expected a whole number)",
    ]


def test_valid_article_with_material_keys() -> None:
    text = "---\ntitle: T\ndescription: D\nhide: [toc]\ntags: [a]\nicon: material/book\n---\n"
    document = markdown_document(text, "a.md")
    assert validate_schema(document.data, "article", document.positions, "a.md") == []


FORBIDDEN = """\
---
title: T
summary: S
sector: R
customers: [{{who: W, kind: public}}]
quizzes:
  - id: q
    title: Q
    kind: {kind}
    questions:
{questions}
---
"""


def _role_problems(kind: str, questions: str) -> list[str]:
    text = FORBIDDEN.format(kind=kind, questions=questions)
    document = markdown_document(text, "r.md")
    return [str(p) for p in validate_schema(document.data, "role", document.positions, "r.md")]


@pytest.mark.parametrize(
    ("kind", "questions", "expected"),
    [
        (
            "graded",
            "      - {id: a, type: single, text: T, options: [{text: A, correct: true}, "
            "{text: B, points: {}}]}",
            "r.md:11:86: quizzes[0].questions[0].options[1].points: field 'points' is not "
            "allowed in graded quizzes",
        ),
        (
            "graded",
            "      - {id: a, type: scale, text: T, dimension: d, reverse: true}",
            "r.md:11:39: quizzes[0].questions[0].dimension: field 'dimension' is not allowed "
            "in graded quizzes",
        ),
        (
            "graded",
            "      - {id: a, type: scale, text: T, dimension: d, reverse: true}",
            "r.md:11:53: quizzes[0].questions[0].reverse: field 'reverse' is not allowed in "
            "graded quizzes",
        ),
        (
            "profile",
            "      - {id: a, type: single, text: T, options: []}\n"
            "      - {id: b, type: single, text: T, options: []}\n"
            "      - {id: c, type: single, text: T, options: []}\n"
            "      - id: d\n"
            "        type: single\n"
            "        text: T\n"
            "        options:\n"
            "          - {text: A, points: {}}\n"
            "          - {text: B, points: {}}\n"
            "          - text: C\n"
            "            correct: false\n",
            "r.md:21:13: quizzes[0].questions[3].options[2].correct: field 'correct' is not "
            "allowed in profile quizzes",
        ),
        (
            "profile",
            "      - {id: a, type: single, text: T, explanation: E, options: []}",
            "r.md:11:40: quizzes[0].questions[0].explanation: field 'explanation' is not "
            "allowed in profile quizzes",
        ),
        (
            "profile",
            "      - {id: a, type: scale, text: T, dimension: d, options: []}",
            "r.md:11:53: quizzes[0].questions[0].options: field 'options' is not allowed in "
            "scale questions",
        ),
        (
            "profile",
            "      - {id: a, type: multiple, text: T, dimension: d, options: []}",
            "r.md:11:42: quizzes[0].questions[0].dimension: field 'dimension' is not allowed "
            "in single and multiple questions",
        ),
        (
            "profile",
            "      - {id: a, type: single, text: T, reverse: false, options: []}",
            "r.md:11:40: quizzes[0].questions[0].reverse: field 'reverse' is not allowed in "
            "single and multiple questions",
        ),
    ],
)
def test_every_forbidden_field_is_named_at_its_key(
    kind: str, questions: str, expected: str
) -> None:
    assert expected in _role_problems(kind, questions)


def test_forbidden_fields_never_name_an_index() -> None:
    problems = _role_problems(
        "profile",
        "      - id: a\n        type: single\n        text: T\n        options:\n"
        + "".join(f"          - {{text: O{i}, correct: true}}\n" for i in range(4)),
    )
    assert len(problems) == 4
    for index, line in enumerate(problems):
        assert f".options[{index}].correct: field 'correct' is not allowed" in line
    assert not [line for line in problems if re.search(r"field \d+ ", line)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "yes",
            "'yes' is read as a yes/no value (true) "
            '(expected text; write it in quotes, "yes", to keep it as text)',
        ),
        (
            "No",
            "'No' is read as a yes/no value (false) "
            '(expected text; write it in quotes, "No", to keep it as text)',
        ),
        (
            "OFF",
            "'OFF' is read as a yes/no value (false) "
            '(expected text; write it in quotes, "OFF", to keep it as text)',
        ),
        (
            "on",
            "'on' is read as a yes/no value (true) "
            '(expected text; write it in quotes, "on", to keep it as text)',
        ),
        (
            "true",
            "'true' is read as a yes/no value "
            '(expected text; write it in quotes, "true", to keep it as text)',
        ),
        ("!!bool yes", "True is a boolean (expected text)"),
        (
            "1984",
            "'1984' is read as a number "
            '(expected text; write it in quotes, "1984", to keep it as text)',
        ),
        (
            "1.50",
            "'1.50' is read as a number (1.5) "
            '(expected text; write it in quotes, "1.50", to keep it as text)',
        ),
        (
            "017",
            "'017' is read as a number (15) "
            '(expected text; write it in quotes, "017", to keep it as text)',
        ),
        (
            "1_000",
            "'1_000' is read as a number (1000) "
            '(expected text; write it in quotes, "1_000", to keep it as text)',
        ),
        ("", "is empty (expected text)"),
        ("[a]", "is a list (expected text)"),
    ],
)
def test_implicit_types_get_a_quoting_hint(value: str, expected: str) -> None:
    text = f"---\ntitle: {value}\nsummary: S\nsector: R\ncustomers: [{{who: W, kind: k}}]\n---\n"
    document = markdown_document(text, "r.md")
    problems = validate_schema(document.data, "role", document.positions, "r.md")
    assert [p.message + f" (expected {p.expected})" for p in problems] == [expected]


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        ("correct: 'true'", "'true' is text (expected true or false; remove the quotes)"),
        ("correct: 'yes'", "'yes' is text (expected true or false)"),
        ("points: {d: '2'}", "'2' is text (expected a whole number; remove the quotes)"),
        ("points: {d: 'two'}", "'two' is text (expected a whole number)"),
    ],
)
def test_quoted_booleans_and_numbers_get_a_hint(yaml: str, expected: str) -> None:
    kind = "graded" if yaml.startswith("correct") else "profile"
    problems = _role_problems(
        kind,
        "      - id: a\n        type: single\n        text: T\n        options:\n"
        f"          - {{text: A, {yaml}}}\n          - {{text: B}}\n",
    )
    assert [line.split(": ", 2)[2] for line in problems] == [expected]


# --- the fast validity check agrees with jsonschema ---------------------------------


def _front_matters() -> list[tuple[str, Any]]:
    """Front matter of every real role, fixture role and golden-case role that parses."""
    import yaml

    root = Path(__file__).resolve().parents[1]
    found = []
    files = [
        *sorted((root / "docs" / "roles").glob("*.md")),
        *sorted((root / "tests" / "fixtures").rglob("roles/*.md")),
        *sorted((root / "tests" / "cases").rglob("roles/*.md")),
    ]
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
            data = yaml.safe_load(text.lstrip("\ufeff\n").split("\n---", 2)[0].removeprefix("---"))
        except (UnicodeDecodeError, ValueError, yaml.YAMLError, RecursionError):
            continue
        if isinstance(data, dict):
            found.append((str(file.relative_to(root)), data))
    return found


def _mutations(data: dict[str, Any]) -> list[Any]:
    """Each top-level field dropped, retyped or misspelled, and a question broken."""
    out: list[Any] = []
    for key in list(data):
        out.append({k: v for k, v in data.items() if k != key})
        out.append({**data, key: 12345})
        out.append({**{k: v for k, v in data.items() if k != key}, key + "x": data[key]})
    quizzes = data.get("quizzes")
    if isinstance(quizzes, list) and quizzes and isinstance(quizzes[0], dict):
        for change in ({"kind": "mixed"}, {"questions": []}, {"id": "Not A Slug"}):
            out.append({**data, "quizzes": [{**quizzes[0], **change}, *quizzes[1:]]})
        questions = quizzes[0].get("questions")
        if isinstance(questions, list) and questions and isinstance(questions[0], dict):
            for change in ({"type": "scale"}, {"options": "a, b"}, {"points": {"x": 99}}):
                broken = {**quizzes[0], "questions": [{**questions[0], **change}, *questions[1:]]}
                out.append({**data, "quizzes": [broken, *quizzes[1:]]})
    return out


def test_fast_check_agrees_with_jsonschema_on_every_role_and_mutation() -> None:
    from jsonschema import Draft202012Validator

    from quizbuilder.schema import is_valid, load_schema

    reference = Draft202012Validator(load_schema("role"))
    documents = _front_matters()
    assert len(documents) > 60
    checked = disagreements = 0
    report = []
    for name, data in documents:
        for candidate in [data, *_mutations(data)]:
            checked += 1
            if is_valid(candidate, "role") != reference.is_valid(candidate):
                disagreements += 1
                report.append(name)
    assert checked > 1000
    assert not disagreements, f"{disagreements} of {checked} disagree, e.g. {report[:5]}"


@pytest.mark.parametrize("name", ["site", "article"])
def test_fast_check_agrees_with_jsonschema_on_site_and_article_files(name: SchemaName) -> None:
    import yaml
    from jsonschema import Draft202012Validator

    from quizbuilder.schema import is_valid

    root = Path(__file__).resolve().parents[1]
    if name == "site":
        files = [
            root / "docs" / "quizbuilder.yml",
            *sorted(root.rglob("tests/*/*/quizbuilder.yml")),
        ]
        documents = []
        for file in files[:20]:
            try:
                documents.append(yaml.safe_load(file.read_text(encoding="utf-8")))
            except yaml.YAMLError:
                continue  # a golden case of broken YAML
    else:
        texts = [
            f.read_text(encoding="utf-8") for f in sorted((root / "docs").rglob("articles/*.md"))
        ]
        documents = [yaml.safe_load(t.split("\n---", 2)[0].removeprefix("---")) for t in texts]
    reference = Draft202012Validator(load_schema(name))
    checked = 0
    for data in documents:
        for candidate in [data, *_mutations(data)]:
            checked += 1
            assert is_valid(candidate, name) == reference.is_valid(candidate), candidate
    assert checked > 20
