"""The loader: positions relative to the whole file, and every refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from quizbuilder.errors import ContentError
from quizbuilder.loader import (
    MAX_BYTES,
    MAX_DEPTH,
    decode,
    markdown_document,
    parse_yaml,
    read_text,
    split_front_matter,
    yaml_document,
)

TEXT = """\

---
title: Loan Officer
quizzes:
  - id: q
    questions:
      - {id: a, type: single}
      - id: b
        type: scale
---
Body line.
"""


def test_positions_are_file_lines_and_1_based_columns() -> None:
    document = markdown_document(TEXT, "x.md")
    assert document.data["quizzes"][0]["questions"][1]["type"] == "scale"
    values = document.positions.values
    keys = document.positions.keys
    assert values[()] == (2, 1)
    assert (keys[("title",)], values[("title",)]) == ((3, 1), (3, 8))
    assert values[("quizzes", 0)] == (5, 5)
    assert (keys[("quizzes", 0, "questions", 0, "type")]) == (7, 17)
    assert values[("quizzes", 0, "questions", 0, "type")] == (7, 23)
    assert values[("quizzes", 0, "questions", 1, "type")] == (9, 15)
    assert document.body == "Body line.\n"
    assert document.body_line == 11


def test_position_lookup_falls_back_to_ancestors() -> None:
    positions = markdown_document(TEXT, "x.md").positions
    assert positions.value(("quizzes", 0, "missing", 3)) == (5, 5)
    assert positions.key(("quizzes", 0)) == (5, 5)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\xef\xbb\xbf---\r\na: 1\r\n", "---\na: 1\n"),
        (b"a\rb", "a\nb"),
        ("café".encode(), "café"),
    ],
)
def test_decode_strips_bom_and_normalises_line_ends(raw: bytes, expected: str) -> None:
    assert decode(raw, "x") == expected


def _messages(error: pytest.ExceptionInfo[ContentError]) -> list[str]:
    return [str(problem) for problem in error.value.problems]


def test_decode_names_the_line_of_a_bad_byte() -> None:
    with pytest.raises(ContentError) as caught:
        decode(b"ok\nstill ok\nbad \xff here", "x.md")
    assert _messages(caught) == [
        "x.md:3:5: -: file is not valid UTF-8: byte 0xff at offset 16 "
        "(expected UTF-8 text; re-save the file as UTF-8)"
    ]


def test_read_text_refuses_large_files(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * (MAX_BYTES + 1))
    with pytest.raises(ContentError, match="file is too large: 1048577 bytes"):
        read_text(big)
    (tmp_path / "ok.md").write_bytes(b"x" * MAX_BYTES)
    assert len(read_text(tmp_path / "ok.md")) == MAX_BYTES


def test_read_text_reports_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="cannot read file"):
        read_text(tmp_path / "nope.md", "nope.md")


@pytest.mark.parametrize(
    ("text", "front", "front_line", "body", "body_line"),
    [
        ("---\na: 1\n---\nbody", "a: 1\n", 1, "body", 4),
        ("\n\n---\n---\n", "\n", 3, "", 5),
        ("---  \na: 1\n---\t\n\nx\n", "a: 1\n", 1, "\nx\n", 4),
    ],
)
def test_split_front_matter(
    text: str, front: str, front_line: int, body: str, body_line: int
) -> None:
    assert split_front_matter(text, "x") == (front, front_line, body, body_line)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "key: [1, 2",
            "x.yml:1:6: -: this '[' is not closed on its line [YAML: expected ',' or ']', "
            "but got '<stream end>', while parsing a flow sequence from line 1] "
            "(expected a ']' after the last item)",
        ),
        ("a: 1\nb: 2\na: 3\n", "x.yml:3:1: -: duplicate key 'a' (first defined on line 1)"),
        (
            "a: &x [1]\n",
            "x.yml:1:4: -: text that starts with '&' needs quotes [YAML: anchors ('&name') are "
            "not allowed] (expected quotes around the whole text)",
        ),
        (
            "a: *x\n",
            "x.yml:1:4: -: text that starts with '*' needs quotes [YAML: aliases ('*name') are "
            "not allowed] (expected quotes around the whole text)",
        ),
        ("<<: {a: 1}\n", "x.yml:1:1: -: YAML merge keys ('<<') are not allowed"),
        ("? [a]\n: 1\n", "x.yml:1:3: -: a key must be a plain name, not a list or mapping"),
        (
            "a:\n  b: 1\n\tc: 2\n",
            "x.yml:3:1: -: this line is indented with a tab character, which YAML does not "
            "accept [YAML: found character '\\t' that cannot start any token] "
            "(expected spaces for indentation; set your editor to insert spaces for Tab)",
        ),
        (
            "a: !!python/object:os.system x\n",
            "x.yml:1:4: -: YAML tag !!python/object:os.system is not allowed "
            "(expected plain values without '!' tags)",
        ),
        (
            "a: 0x_\n",
            "x.yml:1:4: -: '0x_' looks like a whole number but is not one "
            "(expected quotes around it to keep it as text)",
        ),
        (
            "a: !!int\n",
            "x.yml:1:4: -: '' cannot be read as the tagged type !!int "
            "(expected a value of that type, or no '!!' tag)",
        ),
        (
            "a: !!bool maybe\n",
            "x.yml:1:4: -: 'maybe' cannot be read as the tagged type !!bool "
            "(expected a value of that type, or no '!!' tag)",
        ),
        (
            "0b_: 1\n",
            "x.yml:1:1: -: '0b_' looks like a whole number but is not one "
            "(expected quotes around it to keep it as text)",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "x.yml:2:1: -: a '---' line splits the YAML into two documents [YAML: but found "
            "another document, expected a single document in the stream from line 1] "
            "(expected one document: delete this line)",
        ),
        ("- 1\n", "x.yml:1:1: -: file holds a list (expected a YAML mapping of fields)"),
        (
            "just text\n",
            "x.yml:1:1: -: file holds a single value ('just text') "
            "(expected a YAML mapping of fields)",
        ),
        ("# only a comment\n", "x.yml:1:1: -: file is empty (expected a YAML mapping of fields)"),
    ],
)
def test_yaml_refusals(text: str, message: str) -> None:
    with pytest.raises(ContentError) as caught:
        yaml_document(text, "x.yml")
    assert _messages(caught) == [message]


def test_every_duplicate_key_is_reported() -> None:
    with pytest.raises(ContentError) as caught:
        parse_yaml("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n", "x.yml", line_offset=10)
    assert _messages(caught) == [
        "x.yml:12:1: -: duplicate key 'a' (first defined on line 11)",
        "x.yml:15:3: -: duplicate key 'c' (first defined on line 14)",
    ]


def test_depth_limit() -> None:
    ok = "a: " + "[" * 49 + "]" * 49
    assert parse_yaml(ok, "x")[0]["a"] is not None
    with pytest.raises(ContentError, match="nesting is too deep"):
        parse_yaml("a: " + "[" * 50 + "]" * 50, "x")
    with pytest.raises(ContentError, match="nesting is too deep"):
        parse_yaml("a: " + "{b: " * 5000 + "1" + "}" * 5000, "x")


def test_a_megabyte_of_brackets_is_refused_without_reading_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The scanner stops at the bracket past the depth limit, before its quadratic
    look-ahead: it peeks at the same few characters for a kilobyte or a megabyte."""
    peeks = 0
    peek = yaml.reader.Reader.peek

    def counting_peek(self: yaml.reader.Reader, index: int = 0) -> str:
        nonlocal peeks
        peeks += 1
        return peek(self, index)  # type: ignore[no-any-return]

    monkeypatch.setattr(yaml.reader.Reader, "peek", counting_peek)
    counts = []
    for size in (1000, MAX_BYTES):
        peeks = 0
        with pytest.raises(ContentError, match="nesting is too deep") as caught:
            parse_yaml("a: " + "[" * size, "x")
        assert caught.value.problems[0].column == len("a: ") + MAX_DEPTH + 1
        counts.append(peeks)
    assert 0 < counts[0] == counts[1] < 20 * MAX_DEPTH


def test_scalars_use_yaml_1_1_safe_types_but_keep_dates_as_text() -> None:
    data, _ = parse_yaml("a: yes\nb: 3\nc: 2024-01-31\nd: ~\ne: '3'\n", "x")
    assert data == {"a": True, "b": 3, "c": "2024-01-31", "d": None, "e": "3"}


def test_sources_keep_unquoted_scalars_that_did_not_become_text() -> None:
    text = "a: no\nb: 'no'\nc: 1.50\nd: !!bool yes\ne: [On, x, 0x1F]\nf: text\ng:\n"
    data, positions = parse_yaml(text, "x.yml")
    assert data == {
        "a": False,
        "b": "no",
        "c": 1.5,
        "d": True,
        "e": [True, "x", 31],
        "f": "text",
        "g": None,
    }
    assert positions.sources == {
        ("a",): "no",
        ("c",): "1.50",
        ("e", 0): "On",
        ("e", 2): "0x1F",
        ("g",): "",
    }


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("\x1f\n", "x.md:2:1: -: character U+001F is not allowed in YAML"),
        ("title: ok\nsummary: a\x07b\n", "x.md:3:11: -: character U+0007 is not allowed in YAML"),
        ("title: \ufffe\n", "x.md:2:8: -: character U+FFFE is not allowed in YAML"),
    ],
)
def test_unprintable_characters_are_refused_with_a_position(front: str, expected: str) -> None:
    with pytest.raises(ContentError) as caught:
        markdown_document(f"---\n{front}---\nBody \x00 is not YAML.\n", "x.md")
    assert [str(p) for p in caught.value.problems] == [
        expected + " (expected printable text; delete the invisible character)"
    ]


def test_a_value_left_empty_by_a_comment_keeps_the_comment() -> None:
    """`learn_more: #anchor` is an empty value; the loader keeps what followed (issue 23)."""
    from quizbuilder.loader import parse_yaml

    text = "a: #what-good\nb:\n  - #x y\n  - z\nc: 'd' # fine\ne:\n"
    for careful in (False, True):
        if careful:  # the pure-Python path (explicit tags send a file there)
            text = "f: !!str 1\n" + text
        data, positions = parse_yaml(text, "x.yml")
        assert (data["a"], data["b"], data["c"], data["e"]) == (None, [None, "z"], "d", None)
        offset = 1 if careful else 0
        assert positions.comments == {
            ("a",): ("#what-good", (1 + offset, 4)),
            ("b", 0): ("#x y", (3 + offset, 5)),
        }
