"""The one-pass libyaml loader gives exactly what the careful path gives, or steps aside.

`parse_yaml` reads ordinary YAML from libyaml's events in one pass and leaves anything
unusual to the careful pure-Python path. Whatever the fast pass accepts must be the same
data (types included), the same positions and the same written sources.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizbuilder import loader
from quizbuilder.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent


def _careful(text: str, line_offset: int, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_CSafeLoader", None)
        try:
            return loader.parse_yaml(text, "f.md", line_offset=line_offset)
        except ContentError as error:
            return error


def _same(fast: Any, careful: Any) -> None:
    assert not isinstance(careful, ContentError), careful
    data, positions = fast
    expected, expected_positions = careful
    assert repr(data) == repr(expected)  # repr: True and 1 differ
    assert positions.values == expected_positions.values
    assert positions.keys == expected_positions.keys
    assert positions.sources == expected_positions.sources


def _front_matters() -> list[tuple[str, str, int]]:
    found = []
    files = [*ROOT.glob("docs/**/*.md"), *ROOT.glob("docs/**/*.yml")]
    files += [*ROOT.glob("tests/cases/**/*.md"), *ROOT.glob("tests/cases/**/*.yml")]
    files += [*ROOT.glob("tests/fixtures/**/*.md"), *ROOT.glob("tests/fixtures/**/*.yml")]
    for file in sorted(files):
        try:
            text = loader.decode(file.read_bytes(), str(file))
            if file.suffix == ".md":
                front, line, _, _ = loader.split_front_matter(text, str(file))
            else:
                front, line = text, 0
        except ContentError:
            continue
        found.append((str(file.relative_to(ROOT)), front, line))
    return found


def test_every_content_file_loads_the_same_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    accepted = 0
    cases = _front_matters()
    for name, front, line in cases:
        fast = loader._load_with_libyaml(front, line)
        if fast is loader._CAREFUL:
            continue
        accepted += 1
        try:
            _same(fast, _careful(front, line, monkeypatch))
        except AssertionError as error:
            raise AssertionError(name) from error
    # Every real role and the site file take the fast path.
    real = [name for name, _, _ in cases if name.startswith("docs/")]
    assert real
    assert accepted >= len(real)


# Scalars YAML reads in surprising ways, and syntax the careful path refuses.
_TOKENS = [
    "text",
    "Two words",
    "yes",
    "No",
    "off",
    "true",
    "1984",
    "-3",
    "+7",
    "0o17",
    "0x1F",
    "0x_",
    "1_000",
    "1e3",
    "3.5",
    ".inf",
    "-.NaN",
    "~",
    "null",
    "",
    "2024-01-31",
    "2024-01-31 10:00:00",
    "<<",
    "=",
    "'quoted'",
    '"dou\\tble"',
    "! 12",
    "!!str 12",
    "!!int x",
    "!custom x",
    "&anchor x",
    "*anchor",
    "[a, 1, no]",
    "{a: 1, b: yes}",
    "[]",
    "{}",
    "a: b",
    "- x",
    "# comment",
    "x # comment",
    "|\n  block\n  text",
    ">-\n  folded",
]
_KEYS = ["id", "title", "text", "yes", "1", "'1'", "<<", "a b", "[x]", "? k", "id", "-"]


@st.composite
def _yaml_text(draw: st.DrawFn) -> str:
    def block(depth: int, indent: str) -> list[str]:
        lines: list[str] = []
        for _ in range(draw(st.integers(1, 4))):
            key = draw(st.sampled_from(_KEYS))
            shape = draw(
                st.sampled_from(["scalar", "scalar", "map", "list"] if depth < 3 else ["scalar"])
            )
            if shape == "scalar":
                value = draw(st.sampled_from(_TOKENS)).replace("\n", "\n" + indent)
                lines.append(f"{indent}{key}: {value}")
            elif shape == "map":
                lines.append(f"{indent}{key}:")
                lines += block(depth + 1, indent + "  ")
            else:
                lines.append(f"{indent}{key}:")
                for _ in range(draw(st.integers(1, 3))):
                    if draw(st.booleans()):
                        item = draw(st.sampled_from(_TOKENS)).replace("\n", "\n" + indent + "  ")
                        lines.append(f"{indent}  - {item}")
                    else:
                        inner = block(depth + 1, indent + "    ")
                        inner[0] = f"{indent}  - " + inner[0].lstrip()
                        lines += inner
        return lines

    return "\n".join(block(0, "")) + "\n"


@settings(max_examples=400, deadline=None)
@given(text=_yaml_text(), line_offset=st.integers(0, 3))
def test_generated_yaml_loads_the_same_both_ways(text: str, line_offset: int) -> None:
    fast = loader._load_with_libyaml(text, line_offset)
    if fast is loader._CAREFUL:
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        _same(fast, _careful(text, line_offset, monkeypatch))


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: 1\na: 2\n",
        "yes: 1\n",
        "<<: {a: 1}\n",
        "[a]: 1\n",
        "a: 0x_\n",
        "a: 1\n---\nb: 2\n",
        "a: [" * 60 + "]" * 60 + "\n",
        "a: b: c\n",
    ],
)
def test_unusual_yaml_takes_the_careful_path(text: str) -> None:
    assert loader._load_with_libyaml(text, 0) is loader._CAREFUL
