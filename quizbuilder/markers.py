"""Quiz markers: the `<!-- quiz: ID -->` lines that place a role's quizzes in its article.

One rule, read by validation (which reports a marker it cannot place) and by rendering
(which puts each quiz where its marker stands):

- a marker is a line of its own, outside fenced code: `<!-- quiz: ID -->`;
- inside fenced code or an inline code span it is an example, left as the text it is;
- anywhere else in a line (inside a sentence) it is a mistake `validate` reports with
  its line: Markdown would split the paragraph around the quiz.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quizbuilder.headings import unfenced_lines

_ALONE = re.compile(r"^\s*<!--\s*quiz:\s*(\S*)\s*-->\s*$")
_ANYWHERE = re.compile(r"<!--\s*quiz:\s*(\S*?)\s*-->")
# A code span: a run of backticks, then text up to the same run (CommonMark).
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


@dataclass(frozen=True)
class Marker:
    """A quiz marker found in an article body."""

    quiz_id: str
    index: int
    """The line's index in the body (0 for its first line)."""
    column: int
    """1-based column of the quiz id."""
    alone: bool
    """A line of its own: the only kind that places a quiz."""


def find_markers(body: str) -> Iterator[Marker]:
    """Every marker of `body` outside fenced code and code spans, in order."""
    for index, line in unfenced_lines(body):
        if "<!--" not in line:
            continue
        match = _ALONE.match(line)
        if match:
            yield Marker(match.group(1), index, match.start(1) + 1, alone=True)
            continue
        # Blank out code spans (same length, so columns stay true) before looking.
        text = _CODE_SPAN.sub(lambda span: " " * len(span.group(0)), line)
        for found in _ANYWHERE.finditer(text):
            yield Marker(found.group(1), index, found.start(1) + 1, alone=False)


def place_quizzes(body: str, slot_for: Callable[[str], str | None]) -> str:
    """`body` with each marker line that `slot_for` gives a placeholder for replaced by
    that placeholder, as a block of its own; every other line as it was."""
    lines = body.split("\n")
    for marker in find_markers(body):
        slot = slot_for(marker.quiz_id) if marker.alone else None
        if slot is not None:
            lines[marker.index] = f"\n{slot}\n"
    return "\n".join(lines)
