"""Text to plain data with positions: reading files, front matter, and safe YAML.

Every function here raises `ContentError` with problems that point into the file as a
whole (1-based lines and columns), never into the front matter alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import ContentError, Problem
from .yaml_messages import syntax_problem

MAX_BYTES = 1024 * 1024
"""Content files larger than this are refused (1 MiB)."""

MAX_DEPTH = 50
"""Deepest nesting of mappings and sequences accepted in YAML."""

JsonPath = tuple[str | int, ...]
Position = tuple[int, int]

_DELIMITER = "---"
_TOO_DEEP = f"nesting is too deep (more than {MAX_DEPTH} levels)"
_ALIAS = "text that starts with '*' needs quotes [YAML: aliases ('*name') are not allowed]"
_QUOTE_IT = "quotes around the whole text"
_ANCHOR = "text that starts with '&' needs quotes [YAML: anchors ('&name') are not allowed]"


@dataclass
class Positions:
    """Where each value (and each mapping key) of a YAML document was written.

    Keys of both dicts are JSON paths such as `("quizzes", 0, "questions", 2, "type")`;
    values are 1-based `(line, column)` in the file.
    """

    values: dict[JsonPath, Position] = field(default_factory=dict)
    keys: dict[JsonPath, Position] = field(default_factory=dict)
    sources: dict[JsonPath, str] = field(default_factory=dict)
    """The text as written of each unquoted scalar that YAML did not read as text
    (`no` became False, `1984` a number), so messages can suggest quotes."""
    comments: dict[JsonPath, tuple[str, Position]] = field(default_factory=dict)
    """The comment, and where it starts, on the line of each value left empty by it:
    `learn_more: #what-good-looks-like` is an empty value, as `#` starts a comment."""

    def value(self, path: JsonPath) -> Position:
        """Position of the value at `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found is not None:
                return found
        return (1, 1)

    def key(self, path: JsonPath) -> Position:
        """Position of the key naming `path`; the value's position for list items."""
        found = self.keys.get(path)
        return found if found is not None else self.value(path)


class DeferredPositions(Positions):
    """Positions found only when first asked for, by parsing the file again.

    For files taken from the cache: their positions serve only messages and warnings,
    which a build without problems rarely needs, and storing them cost more than
    parsing the odd file again.
    """

    def __init__(self, find: Callable[[], Positions]) -> None:  # no dataclass fields here
        self._find: Callable[[], Positions] | None = find
        self._found: Positions | None = None

    def _positions(self) -> Positions:
        if self._found is None:
            assert self._find is not None
            self._found, self._find = self._find(), None
        return self._found

    @property
    def values(self) -> dict[JsonPath, Position]:  # type: ignore[override]
        return self._positions().values

    @property
    def keys(self) -> dict[JsonPath, Position]:  # type: ignore[override]
        return self._positions().keys

    @property
    def sources(self) -> dict[JsonPath, str]:  # type: ignore[override]
        return self._positions().sources

    @property
    def comments(self) -> dict[JsonPath, tuple[str, Position]]:  # type: ignore[override]
        return self._positions().comments


@dataclass(frozen=True)
class Document:
    """One loaded file: its front matter (or whole YAML) as data, plus the body."""

    path: str
    data: dict[str, Any]
    positions: Positions
    body: str = ""
    body_line: int = 1


def problem(path: str, line: int, column: int, message: str, expected: str = "") -> Problem:
    """A problem about the file as a whole or about its text (field `-`)."""
    return Problem(path, line, column, "-", message, expected)


def read_text(file: Path, display: str | None = None) -> str:
    """Read a UTF-8 text file, refusing large or non-UTF-8 files.

    A leading BOM is dropped and CRLF/CR line ends become LF.
    """
    name = display if display is not None else str(file)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise ContentError([_too_big(name, size)])
        raw = file.read_bytes()
    except OSError as error:
        raise ContentError([problem(name, 1, 1, f"cannot read file: {error.strerror}")]) from None
    return decode(raw, name)


def decode(raw: bytes, path: str) -> str:
    """Decode file bytes as UTF-8 (see `read_text`)."""
    if len(raw) > MAX_BYTES:
        raise ContentError([_too_big(path, len(raw))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ContentError(
            [
                problem(
                    path,
                    line,
                    column,
                    f"file is not valid UTF-8: byte 0x{raw[error.start]:02x} at offset "
                    f"{error.start}",
                    "UTF-8 text; re-save the file as UTF-8",
                )
            ]
        ) from None
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _too_big(path: str, size: int) -> Problem:
    return problem(
        path,
        1,
        1,
        f"file is too large: {size} bytes",
        f"at most 1 MiB, {MAX_BYTES} bytes",
    )


def split_front_matter(text: str, path: str) -> tuple[str, int, str, int]:
    """Split `text` into front matter and body.

    Returns `(front_matter, front_matter_line, body, body_line)` where
    `front_matter_line` is the 1-based line of the opening `---` and `body_line` the
    line where the body starts. Blank lines before the opening `---` are allowed.
    """
    if not text.strip():
        raise ContentError(
            [problem(path, 1, 1, "file is empty", "front matter between '---' lines")]
        )
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if lines[start].rstrip() != _DELIMITER:
        raise ContentError(
            [
                problem(
                    path,
                    start + 1,
                    1,
                    "missing front matter",
                    "the file to start with a '---' line, then YAML, then another '---' line",
                )
            ]
        )
    for end in range(start + 1, len(lines)):
        if lines[end].rstrip() == _DELIMITER:
            front = "\n".join(lines[start + 1 : end]) + "\n"
            body = "\n".join(lines[end + 1 :])
            return front, start + 1, body, end + 2
    raise ContentError(
        [
            problem(
                path,
                start + 1,
                1,
                "front matter is not closed",
                "a '---' line after the front matter",
            )
        ]
    )


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases and deep nesting while composing.

    Checking in `compose_node` stops before the recursive composer can go deep, so
    thousands of nested brackets fail fast instead of raising RecursionError.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0
        self.explicit: set[int] = set()
        """`id()` of scalar nodes with an explicit tag such as `!!bool`."""

    def fetch_flow_collection_start(self, TokenClass: Any) -> None:
        # The scanner looks ahead along a whole line of '[[[[...' before the composer
        # sees any node, in quadratic time: stop it here already.
        if self.flow_level >= MAX_DEPTH:
            raise _Refused(self.get_mark(), _TOO_DEEP)
        super().fetch_flow_collection_start(TokenClass)

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            raise _Refused(event.start_mark, _ALIAS, _QUOTE_IT)
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise _Refused(event.start_mark, _ANCHOR, _QUOTE_IT)
        if isinstance(event, ScalarEvent) and event.tag not in (None, "!"):
            node = super().compose_node(parent, index)
            self.explicit.add(id(node))
            return node
        if isinstance(event, CollectionStartEvent):
            if self.depth >= MAX_DEPTH:
                raise _Refused(event.start_mark, _TOO_DEEP)
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1
        return super().compose_node(parent, index)


class _Refused(Exception):
    def __init__(self, mark: Any, message: str, expected: str = "") -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.expected = expected


def parse_yaml(text: str, path: str, *, line_offset: int = 0) -> tuple[Any, Positions]:
    """Compose YAML `text` into plain data and the positions of every value and key.

    `line_offset` is added to every line, for YAML that starts further down a file.
    """
    fast = _load_with_libyaml(text, line_offset)
    if fast is not _CAREFUL:
        _find_comments(text, fast[1], line_offset)
        return fast  # type: ignore[no-any-return]
    try:
        loader = _Loader(text)  # the reader checks every character here
    except yaml.reader.ReaderError as error:
        raise ContentError([_reader_problem(error, text, path, line_offset)]) from None
    try:
        data, positions = _convert(loader, loader.get_single_node(), path, line_offset)
        _find_comments(text, positions, line_offset)
        return data, positions
    except _Refused as error:
        raise ContentError(
            [
                problem(
                    path,
                    error.mark.line + 1 + line_offset,
                    error.mark.column + 1,
                    error.message,
                    error.expected,
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as error:
        raise ContentError([syntax_problem(error, text, path, line_offset)]) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML always marks its errors
        raise ContentError([problem(path, 1 + line_offset, 1, f"invalid YAML: {error}")]) from None
    finally:
        loader.dispose()


def _find_comments(text: str, positions: Positions, line_offset: int) -> None:
    """Record the comment that follows each empty value on its line (`positions.comments`)."""
    empty = [at for at, written in positions.sources.items() if written == ""]
    if not empty:
        return
    lines = text.split("\n")
    for at in empty:
        line, column = positions.values[at]
        source = lines[line - 1 - line_offset] if 0 < line - line_offset <= len(lines) else ""
        rest = source[column - 1 :]
        if rest.lstrip().startswith("#"):
            start = column - 1 + len(rest) - len(rest.lstrip())
            positions.comments[at] = (rest.strip(), (line, start + 1))


def _convert(
    loader: _Loader, node: Node | None, path: str, line_offset: int
) -> tuple[Any, Positions]:
    positions = Positions()
    converter = _Converter(loader, path, line_offset, positions)
    data = None if node is None else converter.convert(node, ())
    if converter.problems:
        raise ContentError(converter.problems)
    return data, positions


_CAREFUL = object()
"""Returned by `_load_with_libyaml` when the careful pure-Python path must run."""

_CSafeLoader: type[Any] | None = getattr(yaml, "CSafeLoader", None)
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_IMPLICIT = yaml.SafeLoader.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _load_with_libyaml(text: str, line_offset: int) -> Any:
    """Data and positions of `text` in one pass over libyaml's events, or `_CAREFUL`.

    PyYAML's pure-Python composer is about 15 times slower than libyaml and dominated
    build time for large sites. This pass builds exactly what the careful path would
    build from plainly ordinary YAML; at the first thing that path refuses or treats
    specially (anchors, aliases, explicit tags, deep nesting, keys that are not unique
    names, values YAML cannot construct) or any error, it gives up and the careful path
    runs, so every message is the same.
    """
    if _CSafeLoader is None:
        return _CAREFUL
    positions = Positions()
    values, keys, sources = positions.values, positions.keys, positions.sources
    root: Any = None
    # One frame per open collection: [container, its path, key awaiting its value].
    stack: list[list[Any]] = []
    documents = 0
    try:
        parser = _CSafeLoader(text)
    except yaml.YAMLError:
        return _CAREFUL
    try:
        # `iter(get_event, None)` rather than `yaml.parse`: no Python generator between
        # libyaml and this loop.
        events: Iterator[Any] = iter(parser.get_event, None)
        for event in events:
            kind = type(event)
            if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag not in (None, "!"):
                    return _CAREFUL
                mark = event.start_mark
                at = (mark.line + 1 + line_offset, mark.column + 1)
                path: JsonPath
                if stack:
                    frame = stack[-1]
                    container = frame[0]
                    if type(container) is dict:
                        if frame[2] is None:  # this event is a key
                            if kind is not ScalarEvent:
                                return _CAREFUL
                            key = event.value
                            if event.implicit[0] and _resolve(key) != _STR_TAG:
                                return _CAREFUL
                            if key in container:
                                return _CAREFUL
                            keys[(*frame[1], key)] = at
                            frame[2] = key
                            continue
                        path = (*frame[1], frame[2])
                    else:
                        path = (*frame[1], len(container))
                else:
                    path = ()
                values[path] = at
                value: Any
                if kind is ScalarEvent:
                    value = event.value
                    if event.implicit[0]:
                        tag = _resolve(value)
                        if tag != _STR_TAG and tag != _TIMESTAMP_TAG:
                            constructor = _CONSTRUCTOR.yaml_constructors.get(tag)
                            if constructor is None:
                                return _CAREFUL
                            try:
                                value = constructor(_CONSTRUCTOR, ScalarNode(tag, value))
                            except (ValueError, LookupError, TypeError, ArithmeticError):
                                return _CAREFUL
                            if not isinstance(value, str):
                                sources[path] = event.value
                else:
                    if len(stack) >= MAX_DEPTH - 1:
                        return _CAREFUL
                    value = {} if kind is MappingStartEvent else []
                if stack:
                    frame = stack[-1]
                    if frame[2] is not None:
                        frame[0][frame[2]] = value
                        frame[2] = None
                    else:
                        frame[0].append(value)
                else:
                    root = value
                if kind is not ScalarEvent:
                    stack.append([value, path, None])
            elif isinstance(event, CollectionEndEvent):
                stack.pop()
            elif kind is AliasEvent:
                return _CAREFUL
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    return _CAREFUL
    except yaml.YAMLError:
        return _CAREFUL
    finally:
        parser.dispose()
    return root, positions


_ANY_FIRST = tuple(_IMPLICIT.get(None, ()))
"""Resolvers that apply whatever the first character (none in PyYAML's SafeLoader)."""


_RESOLVED: dict[str, str] = {}
"""Tags of short plain scalars seen before: keys and ids repeat in every file."""


def _resolve(value: str) -> str:
    """The tag YAML gives a plain scalar (`SafeLoader`'s implicit resolvers)."""
    known = _RESOLVED.get(value)
    if known is not None:
        return known
    candidates = _IMPLICIT.get(value[:1])
    if candidates is None and not _ANY_FIRST:
        return _STR_TAG  # most text: no resolver starts with its first character
    tag = _STR_TAG
    for resolved, pattern in (*(candidates or ()), *_ANY_FIRST):
        if pattern.match(value):
            tag = str(resolved)
            break
    if len(value) <= 40 and len(_RESOLVED) < 10_000:
        _RESOLVED[value] = tag
    return tag


def _reader_problem(
    error: yaml.reader.ReaderError, text: str, path: str, line_offset: int
) -> Problem:
    at = max(0, min(error.position, len(text)))
    line = text.count("\n", 0, at) + 1 + line_offset
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1])
    return problem(
        path,
        line,
        column,
        f"character U+{code:04X} is not allowed in YAML",
        "printable text; delete the invisible character",
    )


class _Converter:
    """Turns composed nodes into plain data, recording positions as it goes."""

    def __init__(self, loader: _Loader, path: str, line_offset: int, positions: Positions) -> None:
        self.loader = loader
        self.path = path
        self.line_offset = line_offset
        self.positions = positions
        self.problems: list[Problem] = []

    def position(self, node: Node) -> Position:
        return (node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1)

    def convert(self, node: Node, path: JsonPath) -> Any:
        self.positions.values[path] = self.position(node)
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.convert(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if node.tag == "tag:yaml.org,2002:timestamp":
            # Dates are never wanted as dates here; keep what the editor wrote.
            return node.value
        if node.tag == _STR_TAG and id(node) not in self.loader.explicit:
            return node.value  # most values: text needs no constructor
        value = self.scalar(node)
        if (
            not node.style  # plain: None from PyYAML, "" from libyaml
            and id(node) not in self.loader.explicit
            and not isinstance(value, str)
        ):
            self.positions.sources[path] = node.value
        return value

    def scalar(self, node: ScalarNode) -> Any:
        """The scalar's value; `_UNREADABLE` (and a problem) when YAML resolves it to a
        type it then cannot build, like `0x_` (an int without digits) or `!!int abc`."""
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, LookupError, TypeError, ArithmeticError, yaml.YAMLError):
            pass
        line, column = self.position(node)
        standard = node.tag.startswith(_YAML_TAG)
        kind = node.tag.removeprefix(_YAML_TAG)
        shown = f"!!{kind}" if standard else node.tag
        if node.tag not in self.loader.yaml_constructors:
            message = f"YAML tag {shown} is not allowed"
            expected = "plain values without '!' tags"
        elif id(node) in self.loader.explicit:
            message = f"{node.value!r} cannot be read as the tagged type {shown}"
            expected = "a value of that type, or no '!!' tag"
        else:
            message = f"{node.value!r} looks like {_TAG_NAMES.get(kind, kind)} but is not one"
            expected = "quotes around it to keep it as text"
        self.problems.append(problem(self.path, line, column, message, expected))
        return _UNREADABLE

    def mapping(self, node: MappingNode, path: JsonPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line, column = self.position(key_node)
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(
                    problem(self.path, line, column, "YAML merge keys ('<<') are not allowed")
                )
                continue
            if not isinstance(key_node, ScalarNode):
                self.problems.append(
                    problem(
                        self.path, line, column, "a key must be a plain name, not a list or mapping"
                    )
                )
                continue
            key = self.scalar(key_node)
            if key is _UNREADABLE:
                continue
            if not isinstance(key, str):
                self.problems.append(
                    problem(
                        self.path,
                        line,
                        column,
                        f"key {key_node.value!r} is read as {_kind(key)}, not a name",
                        "a text key; put it in quotes",
                    )
                )
                continue
            if key in first_line:
                self.problems.append(
                    problem(
                        self.path,
                        line,
                        column,
                        f"duplicate key {key!r} (first defined on line {first_line[key]})",
                    )
                )
                continue
            first_line[key] = line
            self.positions.keys[(*path, key)] = (line, column)
            result[key] = self.convert(value_node, (*path, key))
        return result


_UNREADABLE = object()
"""Stands for a scalar that could not be constructed (the problem is recorded)."""

_YAML_TAG = "tag:yaml.org,2002:"
_STR_TAG = _YAML_TAG + "str"
_TAG_NAMES = {"int": "a whole number", "float": "a number", "bool": "a boolean"}


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "null"
    return "a " + type(value).__name__


def load_markdown(file: Path, display: str | None = None) -> Document:
    """Load a Markdown file with YAML front matter into a `Document`.

    The root position (path `()`) is the opening `---` line, so problems about the
    front matter as a whole (such as a missing required field) point there.
    """
    name = display if display is not None else str(file)
    return markdown_document(read_text(file, name), name)


def markdown_document(text: str, path: str) -> Document:
    """Like `load_markdown`, for text already read (see `read_text`)."""
    front, front_line, body, body_line = split_front_matter(text, path)
    stray = _stray_delimiter(body, body_line, path)
    if stray is not None:
        raise ContentError([stray])
    body_problems = check_body(body, body_line, path)
    try:
        data, positions = parse_yaml(front, path, line_offset=front_line)
    except ContentError as error:
        raise ContentError([*error.problems, *body_problems]) from None
    if data is None:
        raise ContentError(
            [
                problem(path, front_line, 1, "front matter is empty", "a YAML mapping of fields"),
                *body_problems,
            ]
        )
    if not isinstance(data, dict):
        line, column = positions.value(())
        raise ContentError(
            [
                problem(
                    path,
                    line,
                    column,
                    f"front matter is {_shape(data)}",
                    "a YAML mapping of fields, like 'title: ...'",
                ),
                *body_problems,
            ]
        )
    if body_problems:
        raise ContentError(body_problems)
    positions.values[()] = (front_line, 1)
    return Document(path, data, positions, body, body_line)


_YAML_LINE = re.compile(r"^(?:\s+\S|- |[a-z_][a-z0-9_-]*:(?:\s|$))")


def _stray_delimiter(body: str, body_line: int, path: str) -> Problem | None:
    """A '---' line written inside the front matter (say, between two quizzes) ends it
    early, and the YAML after it would silently become article text. The sign: the
    body starts with YAML-shaped lines (indented, a list item or a lowercase `field:`)
    and another '---' line follows."""
    lines = body.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _YAML_LINE.match(lines[first]):
        return None
    if not any(line.rstrip() == _DELIMITER for line in lines[first + 1 :]):
        return None
    line = body_line - 1
    return problem(
        path,
        line,
        1,
        "this '---' line ends the front matter early, so the YAML after it would be "
        "read as article text",
        "no '---' inside the front matter: delete this line",
    )


MAX_BODY_INDENT = 400
"""Deepest indentation, in columns, accepted in a Markdown body (100 list levels).
Python-Markdown recurses once per level and fails with RecursionError a few hundred
levels down."""

MAX_BODY_BRACKETS = 2000
"""Most '[' characters accepted in one Markdown body. Python-Markdown's link matching
is quadratic in unclosed brackets: 2,000 take about a second, 20,000 minutes."""


def check_body(body: str, body_line: int, path: str) -> list[Problem]:
    """Problems with a Markdown body that would make Python-Markdown hang or crash."""
    problems: list[Problem] = []
    brackets = 0
    for number, line in enumerate(body.split("\n"), start=body_line):
        stripped = line.lstrip(" \t")
        indent = len(line[: len(line) - len(stripped)].expandtabs(4))
        if indent > MAX_BODY_INDENT and stripped and not problems:
            problems.append(
                problem(
                    path,
                    number,
                    1,
                    f"line is indented {indent} columns: Markdown nested this deep cannot be built",
                    f"at most {MAX_BODY_INDENT} columns (about 100 levels of lists)",
                )
            )
        count = line.count("[")
        if brackets <= MAX_BODY_BRACKETS < brackets + count:
            column = _nth_index(line, "[", MAX_BODY_BRACKETS - brackets + 1) + 1
            problems.append(
                problem(
                    path,
                    number,
                    column,
                    f"the article has more than {MAX_BODY_BRACKETS} '[' characters",
                    f"at most {MAX_BODY_BRACKETS}; Markdown slows down sharply on open brackets",
                )
            )
        brackets += count
    return problems


def _nth_index(text: str, char: str, n: int) -> int:
    index = -1
    for _ in range(n):
        index = text.index(char, index + 1)
    return index


def load_yaml_file(file: Path, display: str | None = None) -> Document:
    """Load a YAML file whose top level must be a mapping."""
    name = display if display is not None else str(file)
    return yaml_document(read_text(file, name), name)


def yaml_document(text: str, path: str) -> Document:
    """Like `load_yaml_file`, for text already read (see `read_text`)."""
    data, positions = parse_yaml(text, path)
    if data is None:
        raise ContentError([problem(path, 1, 1, "file is empty", "a YAML mapping of fields")])
    if not isinstance(data, dict):
        line, column = positions.value(())
        raise ContentError(
            [problem(path, line, column, f"file holds {_shape(data)}", "a YAML mapping of fields")]
        )
    return Document(path, data, positions)


def _shape(data: object) -> str:
    if isinstance(data, list):
        return "a list"
    return f"a single value ({data!r})"
