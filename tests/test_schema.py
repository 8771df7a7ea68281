"""The JSON Schemas themselves, and how their errors become problems."""

from __future__ import annotations

from collections.abc import Iterator
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
        "r.md:20:48: quizzes[0].questions[0].options[0].points.composure: True is a boolean "
        "(expected a whole number)",
    ]


def test_valid_article_with_material_keys() -> None:
    text = "---\ntitle: T\ndescription: D\nhide: [toc]\ntags: [a]\nicon: material/book\n---\n"
    document = markdown_document(text, "a.md")
    assert validate_schema(document.data, "article", document.positions, "a.md") == []
