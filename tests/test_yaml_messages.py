"""Each plain-language YAML message, from the smallest text that causes it.

The golden cases in tests/cases/yaml-* show the same messages in whole role files;
these pin the position each one points at and the fix it names.
"""

from __future__ import annotations

import pytest

from quizbuilder.errors import ContentError
from quizbuilder.loader import markdown_document, yaml_document

CASES = [
    # (name, YAML, line:column, start of the message, part of the expected fix)
    (
        "option less indented",
        "q:\n  o:\n    - a: 1\n  - b: 2\n",
        "4:3",
        "this line is indented differently from the lines above it",
        "the '-' above is in column 5",
    ),
    (
        # Issue 23: the first option moved; YAML stumbles on its next line.
        "first option less indented",
        "q:\n  o:\n  - a: 1\n      b: 2\n    - c: 3\n      d: 4\n",
        "3:3",
        "this list item is indented differently from the items after it",
        "the '-' in column 5, as on line 5",
    ),
    (
        "first option more indented",
        "q:\n  o:\n      - a: 1\n      b: 2\n    - c: 3\n      d: 4\n",
        "3:7",
        "this list item is indented differently from the items after it",
        "the '-' in column 5, as on line 5",
    ),
    (
        "option more indented",
        "o:\n  - a: 1\n    - b: 2\n",
        "3:5",
        "this line is indented differently from the lines above it",
        "lined up in one column",
    ),
    (
        "key less indented",
        "a:\n    b: 1\n  c: 2\n",
        "3:3",
        "this line is indented differently from the lines above it",
        "lined up",
    ),
    (
        "field indented more",
        "title: x\nsummary: y\n  sector: z\n",
        "3:3",
        "this line is indented further than line 2, so YAML reads it as more of the text",
        "fields of one item lined up",
    ),
    (
        "colon in text",
        "text: The printer jams: a reader\n",
        "1:7",
        "text containing ': ' or ending in ':' needs quotes",
        'text: "The printer jams: a reader"',
    ),
    (
        "trailing colon",
        "o:\n  - text: You:\n",
        "2:11",
        "text containing ': ' or ending in ':' needs quotes",
        '- text: "You:"',
    ),
    (
        "no space after colon",
        "title:x\nsummary: y\n",
        "1:1",
        "a field name needs a space after its ':'",
        "'title: ' followed by the value",
    ),
    (
        "line without a field",
        "title: x\nmore text\nsummary: y\n",
        "2:1",
        "this line has text but no 'field:' in front of it",
        "'>-'",
    ),
    (
        "unclosed quote at the end",
        'a: x\nb: "abc\n',
        "2:4",
        "this quote is not closed",
        "the same quote mark at the end of the text",
    ),
    (
        "unclosed quote closed later",
        'a: "abc\nb: x "c" d\n',
        "1:4",
        "this quote is not closed",
        "the same quote mark",
    ),
    (
        "text after a closing quote",
        'a: "Out" sign\n',
        "1:4",
        "text that starts with a quote mark must also end with it",
        "a: '\"Out\" sign'",
    ),
    (
        "unclosed bracket",
        "a: [x, y\nb: c\n",
        "1:4",
        "this '[' is not closed on its line",
        "a ']' after the last item",
    ),
    (
        "unclosed brace",
        "a: {x: 1, y: 2\n",
        "1:4",
        "this '{' is not closed on its line",
        "a '}' after the last item",
    ),
    (
        "bad item in brackets",
        "a: [x, y: z: w]\n",
        "1:12",
        "YAML cannot read this list in []",
        "items separated by ', '",
    ),
    (
        "text starting with [",
        "text: [Link](x) here\n",
        "1:7",
        "text that starts with '[' needs quotes",
        'text: "[Link](x) here"',
    ),
    (
        "text starting with {",
        "text: {x} here\n",
        "1:7",
        "text that starts with '{' needs quotes",
        'text: "{x} here"',
    ),
    (
        "text starting with `",
        "text: `x` here\n",
        "1:7",
        "text that starts with '`' needs quotes",
        'text: "`x` here"',
    ),
    (
        "text starting with @",
        "text: @home\n",
        "1:7",
        "text that starts with '@' needs quotes",
        'text: "@home"',
    ),
    (
        "text starting with *",
        "text: *Always* check\n",
        "1:7",
        "text that starts with '*' needs quotes",
        'text: "*Always* check"',
    ),
    (
        "tab indentation",
        "a:\n\tb: 1\n",
        "2:1",
        "this line is indented with a tab character",
        "spaces for indentation",
    ),
    (
        "second document",
        "a: 1\n---\nb: 2\n",
        "2:1",
        "a '---' line splits the YAML into two documents",
        "delete this line",
    ),
    (
        "document end",
        "a: 1\n...\nb: 2\n",
        "2:1",
        "a '...' line splits the YAML into two documents",
        "delete this line",
    ),
    (
        "backslash in double quotes",
        'a: "C:\\path"\n',
        "1:8",
        "a backslash inside double quotes starts an escape",
        "single quotes",
    ),
]


@pytest.mark.parametrize(
    ("text", "at", "message", "fix"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_plain_message(text: str, at: str, message: str, fix: str) -> None:
    with pytest.raises(ContentError) as caught:
        yaml_document(text, "x.yml")
    [found] = caught.value.problems
    assert f"{found.line}:{found.column}" == at
    assert found.message.startswith(message), found.message
    assert fix in found.expected, found.expected
    # The parser's own words stay, short, as a detail.
    assert "[YAML: " in found.message


def test_lines_count_from_the_top_of_the_file() -> None:
    text = "---\ntitle: x\nsummary: y\n  sector: z\n---\n"
    with pytest.raises(ContentError) as caught:
        markdown_document(text, "r.md")
    [found] = caught.value.problems
    assert (found.line, found.column) == (4, 3)
    assert "further than line 3" in found.message


def test_a_dashes_line_inside_front_matter() -> None:
    text = "---\ntitle: x\n---\nquizzes:\n  - id: q\n---\n\nBody.\n"
    with pytest.raises(ContentError) as caught:
        markdown_document(text, "r.md")
    [found] = caught.value.problems
    assert (found.line, found.column) == (3, 1)
    assert found.message.startswith("this '---' line ends the front matter early")


@pytest.mark.parametrize(
    "body",
    [
        "\nNote: an article may start with a label.\n\n---\n\nMore.\n",
        "\nText.\n\n---\n",
        "\n    code: block\n",
    ],
)
def test_articles_with_rules_are_not_mistaken_for_front_matter(body: str) -> None:
    document = markdown_document("---\ntitle: x\n---\n" + body, "r.md")
    assert document.data == {"title": "x"}
