"""The project's one error type: a list of problems, each pointing at a file position."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, printable as `path:line:column: field: message`
    (`path: message` when it is about a folder: line 0, no position).

    A warning (`severity="warning"`, with a short `rule` name) is advice about how the
    content is written: it prints as `path:line:column: warning: field: message [rule]`,
    and fails `quizbuilder check` and the site build (`mkdocs build --strict`) as an
    error does, while `mkdocs serve` only shows it.
    """

    path: str
    line: int
    column: int
    field: str
    message: str
    expected: str = ""
    severity: str = "error"
    """"error" or "warning"."""
    rule: str = ""
    """The warning's rule name, e.g. `correct-longest`."""

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def __str__(self) -> str:
        if self.is_warning:
            # The field as errors name it (`quizzes[0].questions[2]`), when there is one.
            field = f"{self.field}: " if self.field not in ("", "-") else ""
            return (
                f"{self.path}:{self.line}:{self.column}: warning: {field}{self.message} "
                f"[{self.rule}]"
            )
        if self.line:
            text = f"{self.path}:{self.line}:{self.column}: {self.field or '-'}: {self.message}"
        else:  # about a folder, not a place in a file: no position, and no field
            text = f"{self.path}: {self.message}"
        if self.expected:
            text += f" (expected {self.expected})"
        return text


class ContentError(Exception):
    """Raised when content is invalid; carries every problem found, sorted by position."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return "\n".join(str(p) for p in self.problems) + f"\n{count} {noun} found."
