"""Semantic checks on hand-built models (no files, no positions)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizbuilder.model import (
    Band,
    CustomerKind,
    Dimension,
    Level,
    Option,
    Question,
    QuestionType,
    Quiz,
    QuizKind,
    Role,
    SiteSettings,
)
from quizbuilder.validate import check_settings, normalise_slug, validate


def _settings(*bands: tuple[str, int, int]) -> SiteSettings:
    return SiteSettings(
        customer_kinds=(CustomerKind("external", "External"),),
        dimensions=(Dimension("ownership", "Ownership", "s"),),
        bands=tuple(Band(id, id.title(), low, high, "m") for id, low, high in bands),
        scale_labels=("No", "Yes"),
        path="site.yml",
    )


@pytest.mark.parametrize(
    ("bands", "messages"),
    [
        ([("a", 0, 49), ("b", 50, 100)], []),
        ([("b", 50, 100), ("a", 0, 49)], []),
        ([("a", 0, 100)], []),
        ([("a", 0, 39), ("b", 45, 100)], ["gap between 39 and 45: no band covers 40..44"]),
        ([("a", 0, 45), ("b", 40, 100)], ["overlap: 40..45 covered by both 'a' and 'b'"]),
        ([("a", 5, 100)], ["bands start at 5: no band covers 0..4"]),
        ([("a", 0, 90)], ["bands end at 90: no band covers 91..100"]),
        ([("a", 0, 100), ("b", 60, 40)], ["band 'b' ends (40) before it starts (60)"]),
        (
            [("a", 0, 100), ("b", 10, 20)],
            ["overlap: 10..20 covered by both 'a' and 'b'"],
        ),
    ],
)
def test_bands(bands: list[tuple[str, int, int]], messages: list[str]) -> None:
    assert [p.message for p in check_settings(_settings(*bands))] == messages


def test_duplicate_site_ids() -> None:
    settings = _settings(("a", 0, 49), ("a", 50, 100))
    assert [str(p) for p in check_settings(settings)] == [
        "site.yml:1:1: bands[1].id: duplicate id 'a' (first defined on line 1)"
    ]


@pytest.mark.parametrize(
    ("slug", "normal"), [("cafe", "cafe"), ("café", "cafe"), ("Café", "cafe"), ("ＬＯＡＮ", "loan")]
)
def test_normalise_slug(slug: str, normal: str) -> None:
    assert normalise_slug(slug) == normal


def _role(*quizzes: Quiz, slug: str = "r", body: str = "") -> Role:
    return Role(slug, "R", "s", "x", body, 5, f"{slug}.md", f"roles/{slug}.md", quizzes=quizzes)


def _question(kind: QuestionType, *options: Option, id: str = "q") -> Question:
    return Question(
        id, kind, "t", options, dimension="ownership" if kind is QuestionType.SCALE else None
    )


def test_role_checks_without_positions_point_at_file_start() -> None:
    graded = Quiz(
        "g",
        "G",
        QuizKind.GRADED,
        (
            _question(QuestionType.SINGLE, Option("a", True), Option("b", True)),
            _question(QuestionType.MULTIPLE, Option("a"), id="m"),
        ),
    )
    profile = Quiz(
        "g", "P", QuizKind.PROFILE, (_question(QuestionType.SINGLE, Option("a"), Option("b")),)
    )
    role = _role(graded, profile, body="<!-- quiz: nope -->")
    assert [str(p) for p in validate(_settings(("a", 0, 100)), [role])] == [
        "r.md:1:1: quizzes[0].questions[0].options: 2 options are marked correct "
        "(expected exactly one option with 'correct: true' in a single question)",
        "r.md:1:1: quizzes[0].questions[1].options: no option is marked correct "
        "(expected at least one option with 'correct: true')",
        "r.md:1:1: quizzes[0].questions[1].options: question has only 1 option "
        "(expected at least 2 options)",
        "r.md:1:1: quizzes[1]: profile quiz gives no points on any dimension "
        "(expected a scale question or an option with points)",
        "r.md:1:1: quizzes[1].id: quiz id 'g' is used twice in this file: lines 1 and 1 "
        "(expected quiz ids unique across the whole site)",
        "r.md:5:12: -: marker names unknown quiz 'nope' (expected one of: g)",
    ]


def test_a_marker_inside_a_sentence_is_an_error_at_its_line() -> None:
    quiz = Quiz("g", "P", QuizKind.PROFILE, (_question(QuestionType.SCALE),))
    body = "Intro.\n\nTake it now <!-- quiz: g --> and read on.\n\nShown: `<!-- quiz: g -->`."
    role = _role(quiz, body=body)
    assert [str(p) for p in validate(_settings(("a", 0, 100)), [role])] == [
        "r.md:7:24: -: marker for quiz 'g' is inside a line of text, where it would split "
        "the paragraph around the quiz (expected the marker on a line of its own, or in "
        "`backticks` to show it as an example)"
    ]


def test_without_settings_only_role_local_checks_run() -> None:
    quiz = Quiz("p", "P", QuizKind.PROFILE, (_question(QuestionType.SCALE),))
    assert validate(None, [_role(quiz)]) == []


@pytest.mark.parametrize(
    ("ids", "messages"),
    [
        (["a", "b", "c"], []),
        (
            ["a", "b", "a"],
            [
                "r.md:1:1: quizzes[0].questions[2].id: duplicate question id 'a' "
                "(first defined on line 1)"
            ],
        ),
        (
            ["a", "a", "a"],
            [
                "r.md:1:1: quizzes[0].questions[1].id: duplicate question id 'a' "
                "(first defined on line 1)",
                "r.md:1:1: quizzes[0].questions[2].id: duplicate question id 'a' "
                "(first defined on line 1)",
            ],
        ),
    ],
)
def test_duplicate_question_ids(ids: list[str], messages: list[str]) -> None:
    scale = QuestionType.SCALE
    quiz = Quiz("p", "P", QuizKind.PROFILE, tuple(_question(scale, id=id) for id in ids))
    assert [str(p) for p in validate(None, [_role(quiz)])] == messages


SECTORS = ("Food service", "Healthcare", "Care & social services", "Public sector")


@pytest.mark.parametrize(
    ("sector", "message"),
    [
        ("Healthcare", None),
        ("Health care", "unknown sector 'Health care' (did you mean 'Healthcare'?)"),
        ("healthcare", "unknown sector 'healthcare' (did you mean 'Healthcare'?)"),
        ("Health-Care", "unknown sector 'Health-Care' (did you mean 'Healthcare'?)"),
        (
            "Care and social services",
            "unknown sector 'Care and social services' (did you mean 'Care & social services'?)",
        ),
        ("Food services", "unknown sector 'Food services' (did you mean 'Food service'?)"),
        ("Aerospace", "unknown sector 'Aerospace'"),
        ("Sector 0", "unknown sector 'Sector 0'"),
    ],
)
def test_sector_must_be_listed_in_the_site_file(sector: str, message: str | None) -> None:
    settings = replace(_settings(("a", 0, 100)), sectors=SECTORS)
    role = replace(_role(), sector=sector)
    problems = validate(settings, [role])
    if message is None:
        assert problems == []
    else:
        [problem] = problems
        assert (problem.field, problem.message) == ("sector", message)
        assert problem.expected == "one of the sectors in the site file: " + ", ".join(SECTORS)


def test_without_a_sector_list_any_sector_is_accepted() -> None:
    role = replace(_role(), sector="Anything at all")
    assert validate(_settings(("a", 0, 100)), [role]) == []


def test_graded_bands_are_checked_like_bands() -> None:
    settings = replace(
        _settings(("a", 0, 49), ("b", 50, 100)),
        graded_bands=(Band("g", "G", 0, 70, "m"), Band("h", "H", 80, 100, "m")),
    )
    assert [str(p) for p in check_settings(settings)] == [
        "site.yml:1:1: graded_bands[1].min: gap between 70 and 80: no band covers 71..79"
        " (expected min: 71)"
    ]


def test_dimension_levels_name_known_bands() -> None:
    settings = _settings(("a", 0, 49), ("b", 50, 100))
    good = replace(settings.dimensions[0], levels={"a": Level("m", "h"), "b": Level("m", "h")})
    assert check_settings(replace(settings, dimensions=(good,))) == []
    bad = replace(settings.dimensions[0], levels={"bb": Level("m", "h")})
    [problem] = check_settings(replace(settings, dimensions=(bad,)))
    assert problem.field == "dimensions[0].levels.bb"
    assert problem.message == "unknown band 'bb' (did you mean 'b'?)"


def _graded(quiz_id: str) -> Quiz:
    options = (Option("a", True), Option("b"))
    return Quiz(quiz_id, "G", QuizKind.GRADED, (_question(QuestionType.SINGLE, *options),))


@pytest.mark.parametrize(
    ("first", "second", "reported"),
    [
        # The copy is the role whose slug the id does not start with, in either order.
        ("dental-assistant", "medical-assistant", "dental-assistant.md"),
        ("zoo-keeper", "medical-assistant", "zoo-keeper.md"),
        # Neither (or both) made it: the later file in file order.
        ("aa", "bb", "bb.md"),
    ],
)
def test_a_duplicate_quiz_id_is_one_problem_at_the_copy_naming_both_files(
    first: str, second: str, reported: str
) -> None:
    quiz_id = "medical-assistant-customers" if reported != "bb.md" else "shared-quiz"
    body = f"<!-- quiz: {first}-customers -->"  # the copy's marker names the id it had
    roles = [
        _role(_graded(quiz_id), slug=first, body=body),
        _role(_graded(quiz_id), slug=second, body=f"<!-- quiz: {quiz_id} -->"),
    ]
    paths = sorted([f"{first}.md", f"{second}.md"])
    problems = [p for p in validate(_settings(("a", 0, 100)), roles) if "marker" not in p.message]
    assert [str(p) for p in problems] == [
        f"{reported}:1:1: quizzes[0].id: quiz id {quiz_id!r} is used by two roles: "
        f"{paths[0]}:1 and {paths[1]}:1 (expected quiz ids unique across the whole site)"
    ]
    # No follow-on: the copy's marker names the id its quiz had before it was copied.
    markers = [p for p in validate(_settings(("a", 0, 100)), roles) if "marker" in p.message]
    if reported == f"{first}.md":
        assert markers == []
    else:
        assert [p.message for p in markers] == ["marker names unknown quiz 'aa-customers'"]
