"""The validated content model: frozen dataclasses built from the loaded files.

Nothing here reads files or knows about MkDocs. Every object that came from a file
carries a `Source` so later checks can still point at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Source:
    """Where something was written: a file path and a 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1


class QuizKind(StrEnum):
    GRADED = "graded"
    PROFILE = "profile"


class QuestionType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    SCALE = "scale"


@dataclass(frozen=True)
class Option:
    text: str
    """Inline Markdown."""
    correct: bool = False
    """Graded quizzes only."""
    points: dict[str, int] = field(default_factory=dict)
    """Profile quizzes only: dimension id -> points (>= 0)."""
    pin: bool = False
    """Stays at its written position when the other options are shuffled."""
    source: Source | None = None


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    text: str
    """Inline Markdown."""
    options: tuple[Option, ...] = ()
    """Empty for scale questions: their options are the site's scale labels."""
    explanation: str = ""
    """Inline Markdown, shown after submitting (graded quizzes)."""
    dimension: str | None = None
    """Scale questions only."""
    reverse: bool = False
    """Scale questions only: agreeing scores low."""
    shuffle: bool | None = None
    """None follows the quiz's setting; True or False overrides it for this question."""
    learn_more: str = ""
    """Where the site teaches the answer: '#anchor' on the role page or a relative link."""
    source: Source | None = None


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str
    kind: QuizKind
    questions: tuple[Question, ...]
    intro: str = ""
    shuffle: bool = True
    """Whether the browser shuffles single and multiple questions' options per attempt."""
    source: Source | None = None


@dataclass(frozen=True)
class Customer:
    who: str
    kind: str
    needs: str = ""
    source: Source | None = None


@dataclass(frozen=True)
class Role:
    slug: str
    title: str
    summary: str
    sector: str
    body: str
    """The article, Markdown, exactly as written after the front matter."""
    body_line: int
    """1-based line of the file where `body` starts."""
    path: str
    """Path of the role file as given to the loader (for messages)."""
    src_uri: str
    """Path relative to docs_dir with forward slashes, e.g. `roles/loan-officer.md`."""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    customers: tuple[Customer, ...] = ()
    finder: dict[str, int] = field(default_factory=dict)
    quizzes: tuple[Quiz, ...] = ()
    source: Source | None = None


@dataclass(frozen=True)
class CustomerKind:
    id: str
    name: str
    summary: str = ""


@dataclass(frozen=True)
class Level:
    """A dimension at one band: what it means, and one habit to try (plain text)."""

    meaning: str
    habit: str


@dataclass(frozen=True)
class Dimension:
    id: str
    name: str
    summary: str
    description: str = ""
    """Markdown body of the dimension's page."""
    levels: dict[str, Level] = field(default_factory=dict)
    """Band id -> what that band means for this dimension (profile results)."""
    source: Source | None = None


@dataclass(frozen=True)
class Band:
    id: str
    label: str
    min: int
    max: int
    message: str
    """Inline Markdown."""
    source: Source | None = None


@dataclass(frozen=True)
class FinderQuestion:
    id: str
    text: str
    options: tuple[str, ...]
    """Answer labels; the answer's value is its index."""
    kind: str | None = None
    """The customer kind this trait is evidence for, if any."""
    source: Source | None = None


@dataclass(frozen=True)
class SiteSettings:
    """Everything `docs/quizbuilder.yml` defines."""

    customer_kinds: tuple[CustomerKind, ...]
    dimensions: tuple[Dimension, ...]
    bands: tuple[Band, ...]
    scale_labels: tuple[str, ...]
    finder_questions: tuple[FinderQuestion, ...] = ()
    sectors: tuple[str, ...] = ()
    """The sectors roles may name, in index order; empty accepts any sector."""
    graded_bands: tuple[Band, ...] = ()
    """Bands of graded results; the site file's `graded_bands`, else quizbuilder's own."""
    path: str = ""


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    description: str
    dimensions: tuple[str, ...]
    src_uri: str
    """e.g. `articles/your-problem.md`."""
    path: str = ""
    anchors: dict[str, str] = field(default_factory=dict)
    """Heading anchor → heading text, as the `toc` extension makes them."""


@dataclass(frozen=True)
class Content:
    """All validated content of one docs directory."""

    settings: SiteSettings
    roles: tuple[Role, ...]
    """Sorted by title (case-insensitive), then slug."""
    articles: tuple[Article, ...] = ()

    def dimension(self, dimension_id: str) -> Dimension:
        for dimension in self.settings.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise KeyError(dimension_id)

    def articles_for(self, dimension_id: str) -> tuple[Article, ...]:
        return tuple(a for a in self.articles if dimension_id in a.dimensions)
