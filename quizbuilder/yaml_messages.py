"""PyYAML's syntax errors as plain sentences that say the fix.

PyYAML reports what its parser expected ("expected <block end>, but found '-'"), which
means little to an editor. `syntax_problem` looks at the error, the tokens read before
it and the lines around it, names the usual mistake behind it (indentation, an unquoted
colon, an unclosed quote or bracket, a stray '---') and points at the line to change.
The parser's own words stay at the end of the message as a short detail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.tokens import (
    FlowMappingEndToken,
    FlowSequenceEndToken,
    ScalarToken,
    Token,
)

from .errors import Problem

_KEY_THEN_VALUE = re.compile(r"^(\s*(?:-\s+)*)([^\s:#'\"][^:#]*?):[ \t]+(\S.*)$")
"""`  - text: The value` -> indent and dashes, key, value."""
_KEY_WITHOUT_SPACE = re.compile(r"^\s*(?:-\s+)*[A-Za-z_][\w-]*:[^\s/]")


@dataclass(frozen=True)
class _Where:
    """An error's position and the text around it (0-based line and column)."""

    lines: list[str]
    line: int
    column: int
    offset: int
    """Lines of the file above the YAML, for line numbers in messages."""

    def source(self, line: int) -> str:
        return self.lines[line] if 0 <= line < len(self.lines) else ""


def syntax_problem(error: yaml.MarkedYAMLError, text: str, path: str, line_offset: int) -> Problem:
    """The `Problem` an editor reads for PyYAML's `error` in `text`."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    where = _Where(text.split("\n"), line, column, line_offset)
    detail = _detail(error, line_offset)
    found = _tab(where) or _explain(error, where, _tokens_before(text, mark))
    at_line, at_column, message, expected = found or (
        line,
        column,
        "YAML cannot read the text here",
        "quotes around text that holds ': ', ' #' or starts with a symbol, "
        "and lines indented like their neighbours",
    )
    return Problem(
        path, at_line + 1 + line_offset, at_column + 1, "-", f"{message} [{detail}]", expected
    )


_Found = tuple[int, int, str, str]
"""(line, column, message, expected), 0-based."""


def _detail(error: yaml.MarkedYAMLError, line_offset: int) -> str:
    reason = error.problem or error.context or "syntax error"
    if error.problem and error.context and error.context_mark is not None:
        reason += f", {error.context} from line {error.context_mark.line + 1 + line_offset}"
    return "YAML: " + reason


def _tab(where: _Where) -> _Found | None:
    for number in (where.line, where.line - 1):
        source = where.source(number)
        indent = source[: len(source) - len(source.lstrip(" \t"))]
        if "\t" in indent:
            return (
                number,
                indent.index("\t"),
                "this line is indented with a tab character, which YAML does not accept",
                "spaces for indentation; set your editor to insert spaces for Tab",
            )
    return None


def _tokens_before(text: str, mark: yaml.Mark | None) -> list[Token]:
    """The tokens that start before `mark` (all those read, for a scanner error)."""
    tokens: list[Token] = []
    end = mark.index if mark is not None else len(text)
    # Only the text up to the end of the error's line: what the parser already read.
    line_end = text.find("\n", end)
    try:
        for token in yaml.scan(
            text[: None if line_end < 0 else line_end + 1], Loader=yaml.SafeLoader
        ):
            if token.start_mark.index >= end:
                break
            tokens.append(token)
    except yaml.YAMLError:
        pass
    return tokens


def _explain(error: yaml.MarkedYAMLError, where: _Where, tokens: list[Token]) -> _Found | None:
    problem = error.problem or ""
    context = error.context or ""
    start = error.context_mark
    if problem == "mapping values are not allowed here":
        return _colon(where, tokens)
    if context in ("while scanning an alias", "while scanning an anchor") and start is not None:
        char = "*" if "alias" in context else "&"
        return (
            start.line,
            start.column,
            f"text that starts with {char!r} needs quotes",
            f"quotes around the whole text, as in {_quoted_example(where, start.column)}",
        )
    if "quoted scalar" in context and start is not None:
        if problem.startswith("found unknown escape character"):
            return (
                where.line,
                where.column,
                "a backslash inside double quotes starts an escape such as \\n",
                "single quotes around text that holds a backslash, or \\\\ for each backslash",
            )
        return _unclosed_quote(start.line, start.column)
    if problem.startswith("expected <block end>"):
        return _block_end(where, tokens)
    if problem.startswith(("expected ',' or ']'", "expected ',' or '}'")) and start is not None:
        return _flow(where, start.line, start.column)
    if problem == "could not find expected ':'" and start is not None:
        return (
            start.line,
            start.column,
            "this line has text but no 'field:' in front of it",
            "'field: value' on one line; to continue a long text, indent the next "
            "lines under it or start the text with '>-'",
        )
    if problem.startswith("found character") and "cannot start any token" in problem:
        char = problem.split("'")[1] if "'" in problem else "?"
        return (
            where.line,
            where.column,
            f"text that starts with {char!r} needs quotes",
            f"quotes around the whole text, as in {_quoted_example(where)}",
        )
    if "another document" in problem or "<document start>" in problem:
        line = next(
            (n for n in range(where.line, -1, -1) if where.source(n).rstrip() in ("---", "...")),
            where.line,
        )
        return (
            line,
            0,
            f"a {where.source(line).rstrip()!r} line splits the YAML into two documents",
            "one document: delete this line",
        )
    return None


def _colon(where: _Where, tokens: list[Token]) -> _Found:
    """'mapping values are not allowed here': a ':' YAML cannot take as a field."""
    scalar = next((t for t in reversed(tokens) if isinstance(t, ScalarToken)), None)
    if scalar is not None and scalar.start_mark.line < where.line:
        # The plain text began on an earlier line: this line continues it.
        first = scalar.start_mark.line
        above = where.source(first)
        if _KEY_WITHOUT_SPACE.match(above):
            return (
                first,
                scalar.start_mark.column,
                "a field name needs a space after its ':'",
                f"'{above.strip().split(':', 1)[0]}: ' followed by the value",
            )
        moved = _moved_item(where, first)
        if moved is not None:
            return moved
        return (
            where.line,
            _indent(where.source(where.line)),
            f"this line is indented further than line {first + 1 + where.offset}, "
            "so YAML reads it as more of the text on that line",
            "fields of one item lined up in the same column",
        )
    column = scalar.start_mark.column if scalar is not None else where.column
    return (
        where.line,
        column,
        "text containing ': ' or ending in ':' needs quotes",
        f"quotes around the whole text, as in {_quoted_example(where, column)}",
    )


def _moved_item(where: _Where, first: int) -> _Found | None:
    """The list item on line `first` moved out of line with its list, while its next
    field (the error's line) still lines up with the fields of the items after it.
    YAML stumbles on that field; the line that moved is `first` (issue 23)."""
    above = where.source(first)
    if not above.lstrip(" ").startswith("- "):
        return None
    dash = _indent(where.source(where.line)) - 2
    if dash < 0 or dash == _indent(above):
        return None
    for number in range(where.line + 1, len(where.lines)):
        source = where.source(number)
        if not source.strip():
            continue
        if _indent(source) < dash:
            return None
        if _indent(source) == dash and source.lstrip(" ").startswith("-"):
            return (
                first,
                _indent(above),
                "this list item is indented differently from the items after it",
                f"the '-' in column {dash + 1}, as on line {number + 1 + where.offset}",
            )
    return None


def _unclosed_quote(line: int, column: int) -> _Found:
    return (
        line,
        column,
        "this quote is not closed, so YAML reads the lines after it as part of the text",
        "the same quote mark at the end of the text, on the same line",
    )


def _block_end(where: _Where, tokens: list[Token]) -> _Found:
    """'expected <block end>, but found ...': something after a value, or a bad indent."""
    last = tokens[-1] if tokens else None
    if (
        isinstance(last, ScalarToken)
        and last.style in ('"', "'")
        and last.end_mark.line == where.line
    ):
        if last.start_mark.line < where.line:
            return _unclosed_quote(last.start_mark.line, last.start_mark.column)
        return (
            where.line,
            last.start_mark.column,
            "text that starts with a quote mark must also end with it",
            f"quotes around the whole text, as in {_quoted_example(where, last.start_mark.column)}",
        )
    if (
        isinstance(last, FlowSequenceEndToken | FlowMappingEndToken)
        and last.start_mark.line == where.line
    ):
        line = last.start_mark.line
        source = where.source(line)
        match = _KEY_THEN_VALUE.match(source)
        column = match.start(3) if match else _indent(source)
        opener = "[" if isinstance(last, FlowSequenceEndToken) else "{"
        return (
            line,
            column,
            f"text that starts with {opener!r} needs quotes",
            f"quotes around the whole text, as in {_quoted_example(where, column)}",
        )
    source = where.source(where.line)
    if not source.lstrip(" ").startswith("-"):
        above = next((n for n in range(where.line - 1, -1, -1) if where.source(n).strip()), None)
        moved = _moved_item(where, above) if above is not None else None
        if moved is not None:
            return moved
    expected = "the items of a list lined up in one column, and the fields of an item too"
    previous = _previous_item_column(where) if source.lstrip().startswith("-") else None
    if previous is not None and previous != _indent(source):
        expected += f"; the '-' above is in column {previous + 1}"
    return (
        where.line,
        _indent(source),
        "this line is indented differently from the lines above it",
        expected,
    )


def _flow(where: _Where, line: int, column: int) -> _Found:
    """'expected ',' or ']'': a list or mapping in brackets that does not end."""
    opener = where.source(line)[column : column + 1] or "["
    closer = "]" if opener == "[" else "}"
    rest = where.source(line)[column:]
    if rest.count(opener) > rest.count(closer):
        return (
            line,
            column,
            f"this {opener!r} is not closed on its line",
            f"a {closer!r} after the last item",
        )
    return (
        where.line,
        where.column,
        f"YAML cannot read this {'list' if opener == '[' else 'mapping'} in {opener}{closer}",
        "items separated by ', ', and quotes around items that hold ':' or ','",
    )


def _indent(source: str) -> int:
    return len(source) - len(source.lstrip(" "))


def _previous_item_column(where: _Where) -> int | None:
    for number in range(where.line - 1, -1, -1):
        stripped = where.source(number).lstrip(" ")
        if stripped.startswith("- ") or stripped == "-":
            return _indent(where.source(number))
    return None


_EXAMPLE_LENGTH = 60


def _quoted_example(where: _Where, column: int | None = None) -> str:
    """`text: "The printer jams: a reader..."`, from the error line."""
    source = where.source(where.line)
    match = _KEY_THEN_VALUE.match(source)
    if column is None:
        column = match.start(3) if match else _indent(source)
    head = source[_indent(source) : column]
    value = source[column:].rstrip()
    quote = "'" if '"' in value and "'" not in value else '"'
    if len(value) > _EXAMPLE_LENGTH:
        value = value[: _EXAMPLE_LENGTH - 3].rstrip() + "..."
    if quote == '"':
        value = value.replace("\\", "\\\\").replace('"', '\\"')
    return f"{head}{quote}{value}{quote}"
