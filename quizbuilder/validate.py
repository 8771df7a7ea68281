"""Semantic checks across files: ids, references, bands, markers, finder values.

These run on the model after every file passed its schema. Positions come from the
loader's `Positions` when given (exact key or value), else from the objects' `Source`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from . import links
from .errors import Problem
from .links import LinkablePages, resolve_learn_more
from .loader import JsonPath, Positions
from .markers import find_markers
from .model import (
    Article,
    Band,
    QuestionType,
    Quiz,
    QuizKind,
    Role,
    SiteSettings,
)
from .schema import field_name

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def normalise_slug(slug: str) -> str:
    """The slug with case and accents ignored, for collision checks."""
    decomposed = unicodedata.normalize("NFKD", slug)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass
class _Where:
    """Looks up positions for one file."""

    path: str
    positions: Positions | None

    def value(self, at: JsonPath, message: str, expected: str = "") -> Problem:
        line, column = self.positions.value(at) if self.positions else (1, 1)
        return Problem(self.path, line, column, field_name(at), message, expected)

    def key(self, at: JsonPath, message: str, expected: str = "") -> Problem:
        line, column = self.positions.key(at) if self.positions else (1, 1)
        return Problem(self.path, line, column, field_name(at), message, expected)


@dataclass(frozen=True)
class _QuizId:
    """Where a quiz id is defined; its line is looked up only for a message
    (positions of files taken from the cache are found again only when asked for)."""

    role: Role
    where: _Where
    at: JsonPath

    def line(self) -> int:
        return self.where.positions.value(self.at)[0] if self.where.positions else 1

    def owned(self, quiz_id: str) -> bool:
        """Whether the id starts with its role's slug, as the guide asks: the role it
        was made for, rather than a copy."""
        return quiz_id == self.role.slug or quiz_id.startswith(self.role.slug + "-")


def validate(
    settings: SiteSettings | None,
    roles: Sequence[Role],
    articles: Sequence[Article] = (),
    positions: Mapping[str, Positions] | None = None,
) -> list[Problem]:
    """Every semantic problem in the content; checks needing the site file are skipped
    when `settings` is None (it had problems of its own)."""
    positions = positions or {}
    problems: list[Problem] = []
    if settings is not None:
        problems += check_settings(settings, positions.get(settings.path))
    problems += _check_slugs([(r.slug, r.path) for r in roles], "role")
    problems += _check_slugs([(a.slug, a.path) for a in articles], "article")
    quiz_ids: dict[str, list[_QuizId]] = {}
    for role in roles:
        where = _Where(role.path, positions.get(role.path))
        for index, quiz in enumerate(role.quizzes):
            quiz_ids.setdefault(quiz.id, []).append(_QuizId(role, where, ("quizzes", index, "id")))
        problems += check_role(role, settings, positions.get(role.path))
    duplicates, copied = _duplicate_quiz_ids(quiz_ids)
    problems += duplicates
    for role in roles:
        problems += _check_markers(role, quiz_ids, follow_on=role.path in copied)
    problems += check_learn_more(roles, articles, positions)
    if settings is not None:
        dimension_ids = [d.id for d in settings.dimensions]
        for article in articles:
            where = _Where(article.path, positions.get(article.path))
            for index, dimension in enumerate(article.dimensions):
                if dimension not in dimension_ids:
                    problems.append(
                        _unknown(
                            where, ("dimensions", index), "dimension", dimension, dimension_ids
                        )
                    )
    return sorted(problems)


def _unknown(
    where: _Where, at: JsonPath, what: str, value: str, known: Sequence[str], *, key: bool = False
) -> Problem:
    message = f"unknown {what} {value!r}"
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if close:
        message += f" (did you mean {close[0]!r}?)"
    expected = "one of: " + ", ".join(known) if known else ""
    return (where.key if key else where.value)(at, message, expected)


def _sector_key(name: str) -> str:
    """`Health care`, `healthcare` and `Health-Care` all become `healthcare`."""
    words = name.casefold().replace(" and ", " & ")
    return "".join(c for c in words if c.isalnum() or c == "&")


def _unknown_sector(where: _Where, sector: str, sectors: Sequence[str]) -> Problem:
    """A role's sector that the site file does not list, with the nearest one."""
    keys = {_sector_key(name): name for name in sectors}
    close = keys.get(_sector_key(sector))
    if close is None:
        # A higher bar than for ids: 'Sector 0' must not suggest 'Public sector'.
        found = difflib.get_close_matches(_sector_key(sector), list(keys), n=1, cutoff=0.8)
        close = keys[found[0]] if found else None
    message = f"unknown sector {sector!r}"
    if close is not None:
        message += f" (did you mean {close!r}?)"
    return where.value(
        ("sector",), message, "one of the sectors in the site file: " + ", ".join(sectors)
    )


def _check_slugs(items: Sequence[tuple[str, str]], what: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for slug, path in items:
        if not SLUG_RE.match(slug):
            problems.append(
                Problem(
                    path,
                    1,
                    1,
                    "-",
                    f"file name {slug!r} is not a valid {what} slug",
                    "lowercase letters, digits and single hyphens, like 'loan-officer.md'",
                )
            )
        normal = normalise_slug(slug)
        if normal in seen:
            problems.append(
                Problem(
                    path,
                    1,
                    1,
                    "-",
                    f"{what} slug {slug!r} collides with {seen[normal]} "
                    "(the same after ignoring case and accents)",
                )
            )
        else:
            seen[normal] = path
    return problems


def _duplicates(
    where: _Where, items: Iterable[str], at: Sequence[JsonPath], what: str
) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, JsonPath] = {}
    for item, path in zip(items, at, strict=True):
        if item in first:
            line = where.positions.value(first[item])[0] if where.positions else 1
            problems.append(
                where.value(path, f"duplicate {what} {item!r} (first defined on line {line})")
            )
        else:
            first[item] = path
    return problems


def check_settings(settings: SiteSettings, positions: Positions | None = None) -> list[Problem]:
    """Checks within the site file: unique ids, band coverage, finder kinds."""
    where = _Where(settings.path, positions)
    problems: list[Problem] = []
    for name, ids in (
        ("customer_kinds", [k.id for k in settings.customer_kinds]),
        ("dimensions", [d.id for d in settings.dimensions]),
        ("bands", [b.id for b in settings.bands]),
        ("graded_bands", [b.id for b in settings.graded_bands]),
    ):
        paths: list[JsonPath] = [(name, i, "id") for i in range(len(ids))]
        problems += _duplicates(where, ids, paths, "id")
    finder_ids = [q.id for q in settings.finder_questions]
    problems += _duplicates(
        where, finder_ids, [("finder", "questions", i, "id") for i in range(len(finder_ids))], "id"
    )
    kinds = [k.id for k in settings.customer_kinds]
    for index, question in enumerate(settings.finder_questions):
        if question.kind is not None and question.kind not in kinds:
            problems.append(
                _unknown(
                    where,
                    ("finder", "questions", index, "kind"),
                    "customer kind",
                    question.kind,
                    kinds,
                )
            )
    problems += _check_bands(settings.bands, "bands", where)
    if settings.graded_bands:
        problems += _check_bands(settings.graded_bands, "graded_bands", where)
    band_ids = [b.id for b in settings.bands]
    for index, dimension in enumerate(settings.dimensions):
        for band in dimension.levels:
            if band not in band_ids:
                problems.append(
                    _unknown(
                        where,
                        ("dimensions", index, "levels", band),
                        "band",
                        band,
                        band_ids,
                        key=True,
                    )
                )
    return problems


def _check_bands(bands: Sequence[Band], name: str, where: _Where) -> list[Problem]:
    problems: list[Problem] = []
    indexed = sorted(enumerate(bands), key=lambda item: (item[1].min, item[1].max))
    valid = []
    for index, band in indexed:
        if band.min > band.max:
            problems.append(
                where.value(
                    (name, index, "max"),
                    f"band {band.id!r} ends ({band.max}) before it starts ({band.min})",
                    "max >= min",
                )
            )
        else:
            valid.append((index, band))
    if not valid:
        return problems
    first_index, first = valid[0]
    if first.min != 0:
        problems.append(
            where.value(
                (name, first_index, "min"),
                f"bands start at {first.min}: no band covers 0..{first.min - 1}",
                "the lowest band to start at 0",
            )
        )
    last_index, last = max(valid, key=lambda item: item[1].max)
    if last.max != 100:
        problems.append(
            where.value(
                (name, last_index, "max"),
                f"bands end at {last.max}: no band covers {last.max + 1}..100",
                "the highest band to end at 100",
            )
        )
    previous = valid[0][1]
    for index, band in valid[1:]:
        if band.min > previous.max + 1:
            problems.append(
                where.value(
                    (name, index, "min"),
                    f"gap between {previous.max} and {band.min}: "
                    f"no band covers {previous.max + 1}..{band.min - 1}",
                    f"min: {previous.max + 1}",
                )
            )
        elif band.min <= previous.max:
            top = min(band.max, previous.max)
            problems.append(
                where.value(
                    (name, index, "min"),
                    f"overlap: {band.min}..{top} covered by both {previous.id!r} and {band.id!r}",
                    f"min: {previous.max + 1}",
                )
            )
        if band.max >= previous.max:
            previous = band
    return problems


def _duplicate_quiz_ids(
    quiz_ids: Mapping[str, Sequence[_QuizId]],
) -> tuple[list[Problem], set[str]]:
    """One problem per quiz id defined more than once, naming every place alike, and
    the paths of the roles reported as holding a copy of another role's id.

    It is reported at the copy: where the id does not start with its role's slug (a
    role's own id, published and maybe linked, is not the one to change). When that
    does not tell them apart, at each place but the first in file order.
    """
    problems: list[Problem] = []
    copied: set[str] = set()
    for quiz_id, places in quiz_ids.items():
        if len(places) < 2:
            continue
        ordered = sorted(places, key=lambda place: (place.role.path, place.line()))
        shown = [f"{place.role.path}:{place.line()}" for place in ordered]
        listed = ", ".join(shown[:-1]) + " and " + shown[-1]
        files = {place.role.path for place in places}
        if len(files) == 1:
            lines = [str(place.line()) for place in ordered]
            message = (
                f"quiz id {quiz_id!r} is used {_times(len(places))} in this file: lines "
                + ", ".join(lines[:-1])
                + f" and {lines[-1]}"
            )
        elif len(places) == 2:
            message = f"quiz id {quiz_id!r} is used by two roles: {listed}"
        else:
            message = f"quiz id {quiz_id!r} is used {len(places)} times: {listed}"
        owners = [place for place in ordered if place.owned(quiz_id)]
        copies = [place for place in ordered if not place.owned(quiz_id)]
        report = copies if owners and copies else ordered[1:]
        for place in report:
            problems.append(
                place.where.value(place.at, message, "quiz ids unique across the whole site")
            )
            if len(files) > 1:
                copied.add(place.role.path)
    return problems, copied


def _times(count: int) -> str:
    return "twice" if count == 2 else f"{count} times"


def check_role(
    role: Role,
    settings: SiteSettings | None,
    positions: Positions | None = None,
) -> list[Problem]:
    """Checks of one role on its own (quiz ids across roles: `validate`)."""
    where = _Where(role.path, positions)
    problems: list[Problem] = []
    kinds = [k.id for k in settings.customer_kinds] if settings else []
    dimensions = [d.id for d in settings.dimensions] if settings else []

    if settings is not None and settings.sectors and role.sector not in settings.sectors:
        problems.append(_unknown_sector(where, role.sector, settings.sectors))
    if settings is not None:
        for index, customer in enumerate(role.customers):
            if customer.kind not in kinds:
                problems.append(
                    _unknown(
                        where, ("customers", index, "kind"), "customer kind", customer.kind, kinds
                    )
                )
        traits = [q.id for q in settings.finder_questions]
        for trait in role.finder:
            if trait not in traits:
                problems.append(
                    _unknown(where, ("finder", trait), "finder trait", trait, traits, key=True)
                )
        missing = [trait for trait in traits if trait not in role.finder]
        if missing:
            problems.append(
                where.key(
                    ("finder",),
                    "missing finder values for: " + ", ".join(missing),
                    "a value 0..4 for every finder question in the site file",
                )
            )

    for index, quiz in enumerate(role.quizzes):
        problems += _check_quiz(quiz, ("quizzes", index), where, settings, dimensions)
    return problems


def _check_quiz(
    quiz: Quiz,
    at: JsonPath,
    where: _Where,
    settings: SiteSettings | None,
    dimensions: Sequence[str],
) -> list[Problem]:
    problems: list[Problem] = []
    if not quiz.questions:
        problems.append(
            where.value((*at, "questions"), "quiz has no questions", "at least 1 question")
        )
    problems += _duplicates(
        where,
        [q.id for q in quiz.questions],
        [(*at, "questions", i, "id") for i in range(len(quiz.questions))],
        "question id",
    )
    max_points = 0
    for index, question in enumerate(quiz.questions):
        q_at: JsonPath = (*at, "questions", index)
        if question.type is QuestionType.SCALE:
            if quiz.kind is QuizKind.GRADED:
                problems.append(
                    where.value(
                        (*q_at, "type"),
                        "scale questions are only allowed in profile quizzes",
                        "one of: single, multiple",
                    )
                )
            elif question.dimension is not None and settings is not None:
                if question.dimension not in dimensions:
                    problems.append(
                        _unknown(
                            where, (*q_at, "dimension"), "dimension", question.dimension, dimensions
                        )
                    )
                max_points += len(settings.scale_labels) - 1
            continue
        if len(question.options) < 2:
            count = len(question.options)
            problems.append(
                where.value(
                    (*q_at, "options"),
                    "question has no options" if not count else "question has only 1 option",
                    "at least 2 options",
                )
            )
        if quiz.kind is QuizKind.GRADED:
            correct = sum(option.correct for option in question.options)
            if question.type is QuestionType.SINGLE and correct != 1:
                problems.append(
                    where.key(
                        (*q_at, "options"),
                        "no option is marked correct"
                        if not correct
                        else f"{correct} options are marked correct",
                        "exactly one option with 'correct: true' in a single question",
                    )
                )
            elif question.type is QuestionType.MULTIPLE and not correct:
                problems.append(
                    where.key(
                        (*q_at, "options"),
                        "no option is marked correct",
                        "at least one option with 'correct: true'",
                    )
                )
            continue
        for o_index, option in enumerate(question.options):
            for dimension, points in option.points.items():
                if settings is not None and dimension not in dimensions:
                    problems.append(
                        _unknown(
                            where,
                            (*q_at, "options", o_index, "points", dimension),
                            "dimension",
                            dimension,
                            dimensions,
                            key=True,
                        )
                    )
                max_points += points
    if quiz.kind is QuizKind.PROFILE and quiz.questions and max_points == 0 and settings:
        problems.append(
            where.value(
                at,
                "profile quiz gives no points on any dimension",
                "a scale question or an option with points",
            )
        )
    return problems


def _check_markers(
    role: Role, quiz_ids: Mapping[str, Sequence[_QuizId]], *, follow_on: bool = False
) -> list[Problem]:
    """Markers that name no quiz of this role, or one already placed. With `follow_on`
    (this role holds a copy of another role's quiz id), a marker naming an unknown id
    that starts with this role's slug is left unsaid: it names the id the quiz had, and
    fixing the copy fixes it."""
    problems: list[Problem] = []
    own = list(dict.fromkeys(quiz.id for quiz in role.quizzes))
    seen: dict[str, int] = {}
    for marker in find_markers(role.body):
        quiz_id, line, column = marker.quiz_id, role.body_line + marker.index, marker.column
        if not marker.alone:
            message = (
                f"marker for quiz {quiz_id!r} is inside a line of text, where it would "
                "split the paragraph around the quiz"
            )
            expected = "the marker on a line of its own, or in `backticks` to show it as an example"
            problems.append(Problem(role.path, line, column, "-", message, expected))
            continue
        if quiz_id in seen:
            message = f"quiz {quiz_id!r} is already placed on line {seen[quiz_id]}"
            problems.append(Problem(role.path, line, column, "-", message, "one marker per quiz"))
            continue
        seen[quiz_id] = line
        if quiz_id in own:
            continue
        if quiz_id in quiz_ids:
            other = quiz_ids[quiz_id][0].role.path
            message = (
                f"marker names quiz {quiz_id!r} of another role ({other}); "
                "a marker can only place this role's quizzes"
            )
        elif follow_on and quiz_id.startswith(role.slug + "-"):
            continue
        else:
            message = f"marker names unknown quiz {quiz_id!r}"
            close = difflib.get_close_matches(quiz_id, own, n=1, cutoff=0.6)
            if close:
                message += f" (did you mean {close[0]!r}?)"
        expected = "one of: " + ", ".join(own) if own else "no markers: this role has no quizzes"
        problems.append(Problem(role.path, line, column, "-", message, expected))
    return problems


def check_learn_more(
    roles: Sequence[Role],
    articles: Sequence[Article],
    positions: Mapping[str, Positions] | None = None,
) -> list[Problem]:
    """Every `learn_more` must lead to a heading of its role page or to an article/role page
    (and heading) that exists."""
    positions = positions or {}
    problems: list[Problem] = []
    pages = LinkablePages(roles, articles)
    for role in roles:
        where = _Where(role.path, positions.get(role.path))
        for q_index, quiz in enumerate(role.quizzes):
            for index, question in enumerate(quiz.questions):
                if not question.learn_more:
                    continue
                found = resolve_learn_more(question.learn_more, role, pages)
                if isinstance(found, str):
                    at: JsonPath = ("quizzes", q_index, "questions", index, "learn_more")
                    problems.append(where.value(at, found, links.EXPECTED))
    return problems
