"""Item-writing warnings (quizbuilder/lint.py), `learn_more` validation and `check --strict`.

Each rule has a case that trips it and a near miss that does not. Cases are quizzes
written into a copy of the minimal fixture and loaded the way `quizbuilder check` does.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from quizbuilder import lint
from quizbuilder.cli import main
from quizbuilder.content import load_content_and_warnings
from quizbuilder.errors import ContentError

ROLE = """\
---
title: Clerk
summary: Serves shoppers.
sector: Retail
customers:
  - who: Shoppers
    kind: external
finder: {{public: 2, clients: 4, colleagues: 2, frequency: 4, relationship: 2, stakes: 1,
         technical: 1, hats: 1}}
quizzes:
{quizzes}
---

Clerks serve shoppers.

## What good looks like

Quick, kind and accurate.
"""


def _single(qid: str, right: str, wrong: list[str], **extra: str) -> str:
    lines = [f"      - id: {qid}", "        type: single", "        text: Which one?"]
    lines += [f"        {k}: {v}" for k, v in extra.items()]
    lines.append("        options:")
    lines += [f"          - text: {right}", "            correct: true"]
    lines += [f"          - text: {w}" for w in wrong]
    return "\n".join(lines)


def _graded(*questions: str, shuffle: bool = True) -> str:
    head = ["  - id: clerk-graded", "    title: Graded", "    kind: graded"]
    if not shuffle:
        head.append("    shuffle: false")
    return "\n".join([*head, "    questions:", *questions])


LONG_RIGHT = _graded(
    _single("a", "The shopper at the till", ["A van", "Rain"]),
    _single("b", "The colleague who restocks", ["Dust", "A pen"]),
    _single("c", "Short", ["Much longer wrong answer"]),
)
BALANCED = _graded(
    _single("a", "The shopper at the till", ["A delivery van driver"]),
    _single("b", "Restocking staff", ["The colleague who orders"]),
    _single("c", "Short", ["Much longer wrong answer"]),
)
PROFILE_CUED = """\
  - id: clerk-profile
    title: Profile
    kind: profile
    questions:
      - id: a
        type: single
        text: A shopper waits. You...
        options:
          - text: Ignore them
            points: {}
          - text: Greet them and say you will be with them shortly
            points: {ownership: 2}
      - id: b
        type: single
        text: A colleague asks. You...
        options:
          - text: Later
            points: {}
          - text: Stop, listen and agree a time to help
            points: {ownership: 2}"""
PROFILE_FAIR = PROFILE_CUED.replace(
    "Ignore them", "Finish the task in hand first and then look up to see"
)
MULTIPLE = """\
      - id: m
        type: multiple
        text: Which are customers?
        options:
          - text: Shoppers
            correct: true
          - text: Colleagues
            correct: true
          - text: The weather
{more}"""
SAME_PLACE = _graded(
    _single("a", "Shoppers", ["Vans", "Rain"]),
    _single("b", "Buyers", ["Dust", "Pens"]),
    shuffle=False,
)
VARIED_PLACE = SAME_PLACE.replace(
    "          - text: Buyers\n            correct: true\n          - text: Dust",
    "          - text: Dust\n          - text: Buyers\n            correct: true",
)
CATCH_ALL = _graded(_single("a", "Shoppers", ["Vans", "None of the above"]))
CATCH_ALL_PINNED = CATCH_ALL.replace(
    "- text: None of the above", "- text: None of the above\n            pin: true"
)
CATCH_ALL_FIXED = _graded(_single("a", "Shoppers", ["Vans", "None of the above"], shuffle="false"))


CASES = [
    ("correct-longest", LONG_RIGHT, BALANCED),
    ("best-longest", PROFILE_CUED, PROFILE_FAIR),
    (
        "few-distractors",
        _graded(MULTIPLE.format(more="")),
        _graded(MULTIPLE.format(more="          - text: A fence")),
    ),
    ("same-position", SAME_PLACE, VARIED_PLACE),
    ("unpinned-catch-all", CATCH_ALL, CATCH_ALL_PINNED),
    ("unpinned-catch-all", CATCH_ALL, CATCH_ALL_FIXED),
    (
        "distractor-is-customer",
        _graded(MULTIPLE.format(more="          - text: A shopper on the next street")),
        _graded(MULTIPLE.format(more="          - text: A fence around the shop")),
    ),
]


def _warnings(docs: Path, quizzes: str, body_extra: str = "") -> list[str]:
    (docs / "roles" / "clerk.md").write_text(ROLE.format(quizzes=quizzes) + body_extra, "utf-8")
    _content, warnings = load_content_and_warnings(docs)
    return [w.rule for w in warnings if w.path.endswith("clerk.md")]


@pytest.mark.parametrize(("rule", "trips", "passes"), CASES)
def test_rule_trips_and_near_miss_passes(docs: Path, rule: str, trips: str, passes: str) -> None:
    assert rule in _warnings(docs, trips)
    assert rule not in _warnings(docs, passes)


def test_roles_with_the_same_finder_answers_are_both_warned(docs: Path) -> None:
    (docs / "roles" / "clerk.md").write_text(ROLE.format(quizzes=BALANCED), "utf-8")
    twin = ROLE.replace("title: Clerk", "title: Shop Clerk")
    quizzes = BALANCED.replace("clerk-graded", "twin-graded")
    (docs / "roles" / "twin.md").write_text(twin.format(quizzes=quizzes), "utf-8")
    _content, warnings = load_content_and_warnings(docs)
    found = sorted((w.path, w.field) for w in warnings if w.rule == "same-finder-answers")
    assert found == [("docs/roles/clerk.md", "finder"), ("docs/roles/twin.md", "finder")]
    message = next(w.message for w in warnings if w.path.endswith("clerk.md"))
    assert "Shop Clerk (docs/roles/twin.md)" in message
    # One answer apart: the finder tells them apart, and nothing is said.
    (docs / "roles" / "twin.md").write_text(
        twin.replace("hats: 1}}", "hats: 2}}").format(quizzes=quizzes), "utf-8"
    )
    _content, warnings = load_content_and_warnings(docs)
    assert not [w for w in warnings if w.rule == "same-finder-answers"]


def test_every_rule_has_a_case() -> None:
    covered = {rule for rule, _t, _p in CASES} | {
        "template-placeholder",
        "same-finder-answers",
        "finder-headline",
    }
    assert covered == set(lint.RULES)


FLIGHT_CREW = """\
  - id: crew-graded
    title: Graded
    kind: graded
    questions:
      - id: who-counts
        type: multiple
        text: Which of these are a flight attendant's customers?
        options:
          - text: A passenger who needs help with a bag
            correct: true
          - text: The pilots on the flight deck
            correct: true
          - text: {wrong}
          - text: The company that makes the seats
          - text: A rival airline's cabin crew"""


@pytest.mark.parametrize(
    ("wrong", "trips"),
    [
        # Issue 25: the page lists caterers among the internal customers.
        ("The catering firm that loads the meal carts", True),
        ("The agency that prints the safety cards", False),
        # What an option does is not who it is: 'cleaners' is not named here.
        ("A tour operator who hires cleaners for hotels", False),
        # The role's own name ('Flight', 'attendant') is shared by half its world.
        ("A flight attendant of another airline", False),
    ],
)
def test_distractor_that_names_a_listed_customer(docs: Path, wrong: str, trips: bool) -> None:
    role = ROLE.replace("title: Clerk", "title: Flight Attendant").replace(
        "  - who: Shoppers\n",
        "  - who: Shoppers\n    kind: external\n  - who: Gate agents, cleaners and caterers\n",
    )
    (docs / "roles" / "clerk.md").write_text(role.format(quizzes=FLIGHT_CREW.format(wrong=wrong)))
    _content, warnings = load_content_and_warnings(docs)
    found = [w for w in warnings if w.rule == "distractor-is-customer"]
    assert bool(found) is trips, [str(w) for w in found]
    if trips:
        assert found[0].field == "quizzes[0].questions[0].options[2].text"
        assert "'Gate agents, cleaners and caterers'" in found[0].message


@pytest.mark.parametrize(
    ("who", "heads"),
    [
        ("Gate agents, cleaners and caterers", {"agent", "clean", "cater"}),
        (
            "Pedestrians, children and drivers on the route's streets",
            {"pedestrian", "children", "driv"},
        ),
        ("Tenants and their staff who work in the building", {"tenant"}),
    ],
)
def test_customer_heads(who: str, heads: set[str]) -> None:
    assert lint.customer_heads(who) == heads


def test_placeholders_of_the_new_role_template_are_found(docs: Path) -> None:
    assert main(["new-role", "Night Porter", "--docs-dir", str(docs)]) == 0
    role = docs / "roles" / "night-porter.md"
    text = role.read_text("utf-8")
    for placeholder in lint.PLACEHOLDERS:
        assert placeholder in text, placeholder
    _content, warnings = load_content_and_warnings(docs)
    found = [w for w in warnings if w.path.endswith("night-porter.md")]
    assert found and {w.rule for w in found} == {"template-placeholder"}
    summary = next(w for w in found if w.field == "summary")
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("summary:")))
    assert (summary.line, summary.column) == (line + 1, len("summary: ") + 1)


def test_placeholder_free_role_has_no_placeholder_warning(docs: Path) -> None:
    assert "template-placeholder" not in _warnings(docs, BALANCED)


def test_warning_format_and_exit_codes(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (docs / "roles" / "clerk.md").write_text(ROLE.format(quizzes=LONG_RIGHT), "utf-8")
    # Warnings fail `check` as they fail the build; --strict is kept and means the same.
    for strict in ([], ["--strict"]):
        assert main(["check", *strict, "docs"]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.splitlines() == [
            # Each at its question's own line, numbered from 0 as errors are.
            f"docs/roles/clerk.md:{line}:9: warning: quizzes[0].questions[{index}]: the "
            "correct option is the longest, as in 2 of 3 single questions of this quiz "
            "(questions[0], questions[1]): make the other options as long and as plausible "
            "[correct-longest]"
            for index, line in ((0, 15), (1, 23))
        ] + ["2 warnings found: the site build refuses them too, so fix them first."]
    (docs / "roles" / "clerk.md").write_text(ROLE.format(quizzes=BALANCED), "utf-8")
    assert main(["check", "--strict", "docs"]) == 0
    assert main(["check", "docs"]) == 0


def test_same_position_warns_at_each_question_numbered_from_0(docs: Path) -> None:
    (docs / "roles" / "clerk.md").write_text(ROLE.format(quizzes=SAME_PLACE), "utf-8")
    _content, warnings = load_content_and_warnings(docs)
    found = [(w.line, w.field, w.message) for w in warnings if w.rule == "same-position"]
    message = (
        "the options are not shuffled and the correct option is options[0], as in 2 of 2 "
        "single questions of this quiz (questions[0], questions[1]): vary its position or "
        "allow shuffling"
    )
    assert found == [
        (16, "quizzes[0].questions[0]", message),
        (24, "quizzes[0].questions[1]", message),
    ]


# --- learn_more ---------------------------------------------------------------------

GOOD_LINKS = ["#what-good-looks-like", "../articles/your-problem.md", "https://example.org/x"]
BAD_LINKS = [
    ("#what-good-look-like", "no heading with the anchor '#what-good-look-like'"),
    ("../articles/missing.md", "is not a role or article page"),
    ("../articles/your-problem.md#nope", "no heading with the anchor '#nope'"),
    ("barista", "must be relative and end in .md"),
]


def _with_link(link: str) -> str:
    return _graded(_single("a", "Shoppers", ["Vans and lorries"], learn_more=f'"{link}"'))


@pytest.mark.parametrize("link", GOOD_LINKS)
def test_learn_more_that_leads_somewhere_passes(docs: Path, link: str) -> None:
    _warnings(docs, _with_link(link))  # raises ContentError if it were refused


@pytest.mark.parametrize(("link", "message"), BAD_LINKS)
def test_learn_more_that_leads_nowhere_is_an_error(docs: Path, link: str, message: str) -> None:
    with pytest.raises(ContentError) as raised:
        _warnings(docs, _with_link(link))
    [problem] = raised.value.problems
    assert message in problem.message
    assert problem.field == "quizzes[0].questions[0].learn_more"
    assert problem.path.endswith("clerk.md")
    assert (problem.line, problem.column) == (18, 21)  # the value of learn_more


MKDOCS_YML = """\
site_name: Lint
site_url: https://example.org/
theme: {name: mkdocs}
plugins: [quizbuilder]
markdown_extensions: [toc]
"""


def test_the_build_logs_warnings_and_strict_builds_fail(
    docs: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    (docs / "roles" / "clerk.md").write_text(ROLE.format(quizzes=LONG_RIGHT), "utf-8")
    (docs / "index.md").write_text("# Home\n", "utf-8")
    config_file = docs.parent / "mkdocs.yml"
    config_file.write_text(MKDOCS_YML, "utf-8")
    with caplog.at_level(logging.WARNING):
        build(load_config(config_file=str(config_file), site_dir=str(docs.parent / "a")))
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(
        m.endswith("[correct-longest]") and "clerk.md:15:9: warning: quizzes[0].questions[0]: " in m
        for m in warned
    )
    caplog.clear()
    with pytest.raises(Abort):
        build(
            load_config(config_file=str(config_file), site_dir=str(docs.parent / "b"), strict=True)
        )


# --- issue 23 -------------------------------------------------------------------------


def test_every_text_of_the_new_role_template_is_a_placeholder(docs: Path) -> None:
    """The template's own question and explanation texts (and every other text it writes)
    are caught, so a role cannot pass with any of them left."""
    assert main(["new-role", "Night Porter", "--docs-dir", str(docs)]) == 0
    content, warnings = load_content_and_warnings(docs)
    role = next(r for r in content.roles if r.slug == "night-porter")
    flagged = {w.field for w in warnings if w.rule == "template-placeholder"}
    own = {"title", "sector"}  # the editor's title, and a real sector of the site
    for at, text in lint._texts(role):  # the rule's own list of a role's texts
        field = lint.field_name(at)
        if not text or field in own or field.endswith(".title") or text == "None of these":
            continue
        assert field in flagged, (field, text)
    assert {"quizzes[0].questions[0].text", "quizzes[0].questions[0].explanation"} <= flagged
    assert "quizzes[1].questions[0].text" in flagged


HEADLINE_ROLE = ROLE.replace("public: 2, clients: 4, colleagues: 2", "{finder}")


def _headline(docs: Path, finder: str) -> list[str]:
    text = HEADLINE_ROLE.replace("{finder}", finder).format(quizzes=BALANCED)
    (docs / "roles" / "clerk.md").write_text(text, "utf-8")
    _content, warnings = load_content_and_warnings(docs)
    return [str(w) for w in warnings if w.rule == "finder-headline"]


def test_finder_headline_that_disagrees_with_the_customers_is_a_warning(docs: Path) -> None:
    # The page lists one external customer; answers that lead with the public disagree.
    assert _headline(docs, "public: 4, clients: 3, colleagues: 2") == [
        "docs/roles/clerk.md:8:30: warning: finder.clients: the finder, given this role's "
        "own answers, leads with 'public', but the customers listed here are mostly "
        "'external' (1 external): raise finder.clients from 3 to 4, or list the customers "
        "this role really serves most [finder-headline]"
    ]
    # Within reach of the top, external shares the headline and leads (site order).
    assert _headline(docs, "public: 4, clients: 4, colleagues: 2") == []
    assert _headline(docs, "public: 2, clients: 4, colleagues: 2") == []


def test_finder_headline_is_the_rule_the_finder_tests_use(docs: Path) -> None:
    """tests/test_finder.py checks every role of the site with `lint.finder_headline`."""
    from quizbuilder import finder

    text = HEADLINE_ROLE.replace("{finder}", "public: 4, clients: 3, colleagues: 2")
    (docs / "roles" / "clerk.md").write_text(text.format(quizzes=BALANCED), "utf-8")
    content, _warnings = load_content_and_warnings(docs)
    data = finder.finder_data(content, lambda role: "")
    role = next(r for r in content.roles if r.slug == "clerk")
    found = lint.finder_headline(role, data)
    assert found is not None and found[0] == "clients"
    assert "raise finder.clients from 3 to 4" in found[1]
