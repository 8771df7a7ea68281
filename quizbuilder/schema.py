"""JSON Schema validation with every error mapped back to a file position.

The schemas in `quizbuilder/schemas/` are the single description of the authoring
format; editors get completion from them too. This module only turns `jsonschema`'s
errors into `Problem`s that people can act on.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

import fastjsonschema

from .errors import Problem
from .loader import JsonPath, Positions

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SchemaName = Literal["role", "site", "article"]

_SLUG_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$"
_PLAIN_TEXT_PATTERN = "^[^<>]*$"
_TAG_PATTERN = "^[^<>&\"']+$"
_PATTERNS = {
    _SLUG_PATTERN: "lowercase letters, digits and single hyphens, like 'loan-officer'",
    _PLAIN_TEXT_PATTERN: "plain text without '<' or '>'; it becomes the page title or description",
}


@cache
def load_schema(name: SchemaName) -> dict[str, Any]:
    """The packaged JSON Schema `name` (`role`, `site` or `article`)."""
    text = resources.files("quizbuilder").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator(name: SchemaName) -> Draft202012Validator:
    # Imported only when a file fails the fast check: importing jsonschema takes about as
    # long as checking a hundred valid roles.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(name))


@cache
def _fast_check(name: SchemaName) -> Callable[[Any], Any]:
    """The schema compiled to Python by fastjsonschema: ~20 times faster than jsonschema.

    It only answers "valid or not"; the messages always come from jsonschema. Every
    keyword the schemas use means the same in draft-07, which fastjsonschema implements
    (tests/test_schema.py checks that both agree on every real and golden file).
    """
    schema = {**load_schema(name), "$schema": "http://json-schema.org/draft-07/schema#"}
    return fastjsonschema.compile(schema)


def is_valid(data: Any, name: SchemaName) -> bool:
    """Whether `data` passes schema `name`, quickly."""
    try:
        _fast_check(name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def field_name(path: Sequence[str | int]) -> str:
    """A JSON path as people write it: `quizzes[0].questions[2].type`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(part):
            text += f".{part}" if text else part
        else:
            # Keep the field one unambiguous, space-free word: `finder[' x.y']`.
            text += "[" + repr(part).replace(" ", "\\x20") + "]"
    return text or "-"


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")


def validate_schema(data: Any, name: SchemaName, positions: Positions, path: str) -> list[Problem]:
    """Validate `data` against schema `name`; return every problem, in file order."""
    if is_valid(data, name):
        return []
    problems: dict[tuple[int, int, str], Problem] = {}
    for error in _validator(name).iter_errors(data):
        for found in _problems(error, name, positions, path):
            # The same field can fail through two rules (e.g. a forbidden field in both
            # a graded quiz and a single question); one message per field is enough.
            problems.setdefault((found.line, found.column, found.field), found)
    # "unknown field 'titel' (did you mean 'title'?)" already explains the missing 'title'.
    suggested = {
        _parent(found.field) + match.group(1)
        for found in problems.values()
        if (match := _DID_YOU_MEAN.search(found.message)) and found.message.startswith("unknown")
    }
    return sorted(
        found
        for found in problems.values()
        if not (found.message.startswith("missing required") and found.field in suggested)
    )


_DID_YOU_MEAN = re.compile(r"\(did you mean '([^']*)'\?\)")


def _parent(field: str) -> str:
    """`quizzes[0].titel` -> `quizzes[0].`; `titel` -> ``."""
    head, dot, _ = field.rpartition(".")
    return head + dot


def _problems(
    error: ValidationError, name: SchemaName, positions: Positions, path: str
) -> Iterator[Problem]:
    where: JsonPath = tuple(error.absolute_path)
    validator = error.validator
    value: Any = error.instance
    schema: Any = error.schema
    rule: Any = error.validator_value

    def at_value(message: str, expected: str = "", at: JsonPath = where) -> Problem:
        line, column = positions.value(at)
        return Problem(path, line, column, field_name(at), message, expected)

    def at_key(message: str, expected: str = "", at: JsonPath = where) -> Problem:
        line, column = positions.key(at)
        return Problem(path, line, column, field_name(at), message, expected)

    if "propertyNames" in error.absolute_schema_path:
        # jsonschema reports bad property names at the mapping, with the name as instance.
        yield at_key(
            f"{value!r} is not a valid id",
            _PATTERNS.get(str(rule), "a valid name"),
            (*where, str(value)),
        )
    elif validator == "required":
        missing = str(error.message).split("'")[1]
        context = _then_description(name, error.absolute_schema_path)
        line, column = positions.key(where)
        yield Problem(
            path,
            line,
            column,
            field_name((*where, missing)),
            f"missing required field {missing!r}" + (f" in {context}" if context else ""),
        )
    elif validator == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        extras = [key for key in value if key not in known] if isinstance(value, dict) else []
        for key in extras:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            if close:
                yield at_key(
                    f"unknown field {key!r} (did you mean {close[0]!r}?)", at=(*where, key)
                )
            else:
                yield at_key(f"unknown field {key!r}", _one_of(known), (*where, key))
    elif validator == "not" and rule == {}:
        # `{"not": {}}` under `properties` forbids that property. Name it from the schema
        # path, never from the instance path (whose last part may be a list index).
        forbidden = _forbidden_property(error.absolute_schema_path)
        at = where
        if forbidden is not None and (not where or where[-1] != forbidden):
            at = (*where, forbidden)
        context = _then_description(name, error.absolute_schema_path)
        label = forbidden if forbidden is not None else str(at[-1]) if at else "-"
        message = f"field {label!r} is not allowed"
        yield at_key(message + (f" in {context}" if context else " here"), at=at)
    elif validator == "type" and value is None and where in positions.comments:
        comment, (line, column) = positions.comments[where]
        shown = comment.replace("\\", "\\\\").replace('"', '\\"')
        head = f"{where[-1]}:" if where and isinstance(where[-1], str) else "-"
        yield Problem(
            path,
            line,
            column,
            field_name(where),
            f"is empty: in YAML, '#' after a space starts a comment, so {comment!r} is read "
            "as a comment, not as the value",
            f'quotes around the value, as in {head} "{shown}"',
        )
    elif validator == "type":
        source = positions.sources.get(where)
        hint = _quoting_hint(value, rule, source)
        if source is not None and isinstance(value, bool | int | float):
            # Quote what the editor typed (`No`), not what YAML made of it (False).
            yield at_value(
                f"{source!r} is read as {_reading(value, source)}", _type_name(rule) + hint
            )
        else:
            subject = "" if value is None or isinstance(value, list | dict) else f"{value!r} "
            yield at_value(f"{subject}is {_kind(value)}", _type_name(rule) + hint)
    elif validator in ("enum", "const"):
        allowed = [str(item) for item in rule] if validator == "enum" else [str(rule)]
        message = f"{_shown(value, positions.sources.get(where))} is not one of the allowed values"
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
        if close:
            message += f" (did you mean {close[0]!r}?)"
        context = _then_description(name, error.absolute_schema_path)
        if context:
            message += f" in {context}"
        yield at_value(message, _one_of(allowed))
    elif validator == "pattern" and str(rule) == _PLAIN_TEXT_PATTERN:
        yield at_value("contains '<' or '>'", _PATTERNS[_PLAIN_TEXT_PATTERN])
    elif validator == "pattern" and str(rule) == _TAG_PATTERN:
        yield at_value("contains a character tags cannot hold", "a tag without < > & \" or '")
    elif validator == "pattern":
        pattern = str(rule)
        yield at_value(
            f"{_short(value)} is not a valid id",
            _PATTERNS.get(pattern, f"text matching {pattern}"),
        )
    elif validator == "maxLength":
        yield at_value(
            f"is too long ({len(value)} characters)",
            f"at most {_plural(rule, 'character')}",
        )
    elif validator == "minLength":
        yield at_value("is empty" if not value else "is too short", _text_at_least(error))
    elif validator in ("minItems", "maxItems"):
        count = len(value)
        low, high = schema.get("minItems"), schema.get("maxItems")
        if low is not None and low == high:
            expected = f"exactly {_plural(low, 'item')}"
        elif validator == "minItems":
            expected = f"at least {_plural(rule, 'item')}"
        else:
            expected = f"at most {_plural(rule, 'item')}"
        if not count:
            message = "is empty"
        else:
            amount = "few" if validator == "minItems" else "many"
            message = f"has too {amount} items ({count})"
        yield at_value(message, expected)
    elif validator in ("minimum", "maximum"):
        bound = "at least" if validator == "minimum" else "at most"
        word = "small" if validator == "minimum" else "large"
        yield at_value(f"{_short(value)} is too {word}", f"{bound} {rule}")
    elif validator == "uniqueItems":
        yield at_value("has duplicate items", "each item once")
    else:
        yield at_value(str(error.message))


def _forbidden_property(schema_path: Sequence[str | int]) -> str | None:
    """`correct` for a schema path ending in `properties/correct/not`, else None."""
    parts = list(schema_path)
    if len(parts) >= 3 and parts[-1] == "not" and parts[-3] == "properties":
        return str(parts[-2])
    return None


def _reading(value: object, source: str) -> str:
    """What YAML made of an unquoted scalar: `a yes/no value (false)`, `a number (3.5)`."""
    if isinstance(value, bool):
        word = str(value).lower()
        return "a yes/no value" if source.lower() == word else f"a yes/no value ({word})"
    if isinstance(value, int | float):
        return "a number" if str(value) == source else f"a number ({value!r})"
    return _kind(value)


def _shown(value: object, source: str | None) -> str:
    """A value in a message: as the editor typed it when YAML changed it."""
    return repr(source) if source is not None else _short(value)


def _types(rule: object) -> set[str]:
    return {str(item) for item in rule} if isinstance(rule, list) else {str(rule)}


def _quoting_hint(value: object, rule: object, source: str | None) -> str:
    """Advice for YAML's implicit typing: `title: no` is a boolean, `title: 1984` a number.

    `source` is the scalar as written (kept by the loader for unquoted scalars that did
    not become text); without it the value was not written as a plain scalar.
    """
    types = _types(rule)
    if "string" in types and source is not None and isinstance(value, bool | int | float):
        return f'; write it in quotes, "{source}", to keep it as text'
    if isinstance(value, str) and "string" not in types:
        word = value.strip().lower()
        if "boolean" in types and word in ("true", "false"):
            return "; remove the quotes"
        if types & {"integer", "number"} and re.fullmatch(r"[+-]?\d+", word):
            return "; remove the quotes"
    return ""


def _then_description(name: SchemaName, schema_path: Sequence[str | int]) -> str:
    """The `description` of the innermost `then` the failing rule sits in."""
    node: Any = load_schema(name)
    root = node
    found = ""
    for part in schema_path:
        if isinstance(node, Mapping) and "$ref" in node and part not in node:
            node = _resolve(root, str(node["$ref"]))
        if isinstance(node, Mapping):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            node = node[part]
        else:
            break
        if part == "then" and isinstance(node, Mapping):
            found = str(node.get("description", ""))
    return found


def _resolve(root: Mapping[str, Any], ref: str) -> Any:
    node: Any = root
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def _kind(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a " + type(value).__name__


_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
    "null": "nothing",
}


def _type_name(expected: object) -> str:
    if isinstance(expected, list):
        return " or ".join(_TYPE_NAMES.get(str(item), str(item)) for item in expected)
    return _TYPE_NAMES.get(str(expected), str(expected))


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "...'"


def _one_of(values: Sequence[str]) -> str:
    return "one of: " + ", ".join(values)


def _plural(count: object, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _text_at_least(error: ValidationError) -> str:
    return f"at least {_plural(error.validator_value, 'character')}"
