"""Issue 23: texts that carry a count agree with it ("All 1 attempts" was on My results).

Each count-bearing text (`strings.PLURAL_KEYS`) has a `_one` and an `_other` form. Python
picks with `strings.plural_key`; the browser with plural.js (`Intl.PluralRules`). The
vectors in tests/vectors/strings/plural.json hold the two to the same answers: the categories of
many counts, and every text rendered with 0, 1 and 2 (tests/js/plural.test.mjs).

Regenerate the vectors with `python tests/test_plurals.py` after changing a text.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path
from typing import Any

import pytest

from quizbuilder.finder import DEFAULT_FINDER_STRINGS
from quizbuilder.strings import (
    DEFAULT_STRINGS,
    PAGE_STRINGS,
    PLURAL_KEYS,
    plural_category,
    plural_key,
)

VECTORS = Path(__file__).parent / "vectors" / "strings" / "plural.json"
TABLES = {"engine": DEFAULT_STRINGS, "finder": DEFAULT_FINDER_STRINGS, "page": PAGE_STRINGS}
COUNTS = [*range(0, 25), 100, 101, 111, 1000, 1001]
NOUNS = ("attempt", "quiz", "file", "role", "person", "question")
"""The counted things; a number before one of them must agree with it."""


def _table(key: str) -> dict[str, str]:
    holding = [t for t in TABLES.values() if f"{key}_one" in t and f"{key}_other" in t]
    assert len(holding) == 1, f"{key}: its _one and _other forms belong in one table"
    return holding[0]


def _values(template: str, key: str, count: int) -> dict[str, Any]:
    names = {field for _, field, _, _ in string.Formatter().parse(template) if field}
    values: dict[str, Any] = dict.fromkeys(names, "x")
    values.update(
        {"people": 2, "shown": 1, "total": count, "series": "50%", "name": "a.json", "label": "Ann"}
    )
    values[PLURAL_KEYS[key]] = count
    return values


def render(key: str, count: int) -> str:
    table = _table(key)
    template = table[plural_key(table, key, count)]
    return template.format(**_values(template, key, count))


def vectors() -> dict[str, Any]:
    return {
        "categories": {str(n): plural_category(n) for n in COUNTS},
        "texts": {
            key: {
                "texts": {k: v for k, v in _table(key).items() if k.startswith(f"{key}_")},
                "rendered": {str(n): render(key, n) for n in (0, 1, 2)},
                "values": {
                    str(n): _values(_table(key)[plural_key(_table(key), key, n)], key, n)
                    for n in (0, 1, 2)
                },
            }
            for key in sorted(PLURAL_KEYS)
        },
    }


@pytest.mark.parametrize("key", sorted(PLURAL_KEYS))
@pytest.mark.parametrize("count", [0, 1, 2])
def test_every_counted_text_agrees_with_its_count(key: str, count: int) -> None:
    text = render(key, count)
    assert key not in _table(key), f"{key}: a form without a count would never be chosen"
    for noun in NOUNS:
        plural = "people" if noun == "person" else ("quizzes" if noun == "quiz" else noun + "s")
        # "1 attempts" or "2 attempt" would be wrong; "of 1 file" and "All 2 attempts" right.
        assert not re.search(rf"\b1 {plural}\b", text), text
        assert not re.search(rf"\b[02] {noun}\b(?!s)", text) or noun == "person", text
    if count == 1:
        assert plural_key(_table(key), key, 1).endswith("_one")
    else:
        assert plural_key(_table(key), key, count).endswith("_other")


def test_english_categories() -> None:
    assert [plural_category(n) for n in (0, 1, 2, 11, 21, 101)] == ["other", "one", *["other"] * 4]


def test_a_text_without_forms_is_used_as_it_is() -> None:
    assert plural_key({"x": "{count} things"}, "x", 1) == "x"
    assert plural_key({"x_other": "{count} things"}, "x", 1) == "x_other"
    assert plural_key({"x_one": "a thing", "x_other": "{count} things"}, "x", 1) == "x_one"


def test_the_vectors_are_current() -> None:
    assert json.loads(VECTORS.read_text("utf-8")) == vectors(), (
        "run `python tests/test_plurals.py` to regenerate tests/vectors/strings/plural.json"
    )


if __name__ == "__main__":
    VECTORS.write_text(json.dumps(vectors(), indent=1, ensure_ascii=False) + "\n", "utf-8")
