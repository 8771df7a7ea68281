"""The site-wide finder: data, matching, profile, search and the page.

The vectors in tests/vectors/finder/ are shared with tests/js/finder.test.mjs, so the
Python and JavaScript implementations give identical answers. After a deliberate
change of behaviour, regenerate them with `python tests/test_finder.py` and review
the diff.
"""

from __future__ import annotations

import functools
import html
import http.server
import importlib.util
import itertools
import json
import re
import shutil
import threading
import weakref
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest

from quizbuilder import assets, finder, lint
from quizbuilder.content import load_content
from quizbuilder.model import (
    Content,
    Customer,
    CustomerKind,
    FinderQuestion,
    Quiz,
    QuizKind,
    Role,
    SiteSettings,
)
from quizbuilder.render import templating

VECTORS = Path(__file__).parent / "vectors" / "finder"

LABELS = ("Never", "Rarely", "Sometimes", "Often", "All the time")
QUESTIONS = (
    ("public", "How often do you deal with members of the public?", "public"),
    ("clients", "How often do you work with paying customers or clients?", "external"),
    ("colleagues", "How much do colleagues rely on what you produce?", "internal"),
    ("frequency", "How much of your day is spent with people rather than things?", None),
    ("relationship", "How often do you see the same people again?", None),
    ("stakes", "How much is at stake for people when you get it wrong?", None),
    ("technical", "How technical are the questions people bring you?", None),
    ("hats", "How many different needs do you handle for the same person?", None),
)

# slug, title, aliases, summary, finder values in QUESTIONS order
ROLES: tuple[tuple[str, str, tuple[str, ...], str, tuple[int, ...]], ...] = (
    (
        "barista",
        "Barista",
        ("Coffee shop assistant",),
        "Makes the coffee, remembers the regulars and keeps the queue moving.",
        (4, 4, 2, 4, 1, 1, 1, 2),
    ),
    (
        "bookkeeper",
        "Bookkeeper",
        ("Accounts clerk",),
        "Keeps the books straight so managers and auditors can trust the numbers.",
        (0, 0, 4, 2, 3, 3, 3, 2),
    ),
    (
        "call-centre-agent",
        "Call Centre Agent",
        ("Call center agent", "Customer service representative", "CSR"),
        "Answers the phone to strangers with a problem, all day, and solves most of them.",
        (3, 4, 1, 4, 0, 2, 2, 2),
    ),
    (
        "chef-de-cuisine",
        "Chef de Cuisine",
        ("Head chef", "Executive chef"),
        "Runs the kitchen: every plate that leaves it is a promise to a guest.",
        (1, 2, 4, 2, 3, 3, 2, 3),
    ),
    (
        "eclairagiste",
        "Éclairagiste",
        ("Lighting technician",),
        "Lights the stage so the audience sees what the director meant.",
        (0, 0, 0, 0, 0, 1, 1, 1),
    ),
    (
        "it-support-technician",
        "IT Support Technician",
        ("Help desk analyst", "Service desk analyst", "Desktop support"),
        "Gets colleagues working again, and explains what happened without jargon.",
        (0, 1, 4, 4, 2, 3, 4, 2),
    ),
    (
        "lighthouse-keeper",
        "Lighthouse Keeper",
        ("Wickie",),
        "Keeps the light burning for sailors who will never meet them.",
        (0, 0, 0, 0, 0, 1, 1, 1),
    ),
    (
        "loan-officer",
        "Loan Officer",
        ("Mortgage advisor", "Lending officer", "Loan originator"),
        "Helps people borrow money they can repay, and keeps the bank's teams on side.",
        (2, 4, 3, 3, 3, 3, 2, 2),
    ),
    (
        "registered-nurse",
        "Nurse",
        ("Registered nurse", "RN", "Staff nurse"),
        "Cares for patients and their families on what may be their worst day.",
        (4, 2, 3, 4, 2, 4, 3, 4),
    ),
    (
        "payroll-clerk",
        "Payroll Clerk",
        ("Payroll administrator", "Wages clerk"),
        "Makes sure everyone is paid right and on time, and answers when they are not.",
        (0, 0, 4, 2, 3, 3, 3, 2),
    ),
    (
        "receptionist",
        "Receptionist",
        ("Front desk clerk", "Front-of-house assistant", "Réceptionniste"),
        "Greets every visitor and caller, and keeps the front of the building running.",
        (4, 3, 3, 4, 1, 2, 1, 3),
    ),
    (
        "software-developer",
        "Software Developer",
        ("Programmer", "Software engineer", "Coder"),
        "Builds what users and colleagues asked for, and finds out what they meant.",
        (0, 1, 4, 2, 3, 2, 4, 2),
    ),
    (
        "toll-booth-operator",
        "Toll Booth Operator",
        ("Toll collector", "Toll plaza attendant"),
        "Takes the toll from thousands of drivers a day, with a word for each one.",
        (4, 1, 1, 3, 0, 1, 0, 1),
    ),
)


def make_settings() -> SiteSettings:
    return SiteSettings(
        customer_kinds=(
            CustomerKind("external", "External customers"),
            CustomerKind("internal", "Internal customers"),
            CustomerKind("public", "The public"),
        ),
        dimensions=(),
        bands=(),
        scale_labels=LABELS,
        finder_questions=tuple(
            FinderQuestion(i, text, LABELS, kind) for i, text, kind in QUESTIONS
        ),
    )


def make_role(
    slug: str, title: str, aliases: tuple[str, ...], summary: str, values: tuple[int, ...]
) -> Role:
    return Role(
        slug=slug,
        title=title,
        summary=summary,
        sector="Test",
        body="",
        body_line=1,
        path=f"docs/roles/{slug}.md",
        src_uri=f"roles/{slug}.md",
        aliases=aliases,
        finder=dict(zip((q[0] for q in QUESTIONS), values, strict=True)),
        quizzes=QUIZZES.get(slug, ()),
    )


# The loan officer has quizzes, so the data and the result can link them.
QUIZZES = {
    "loan-officer": (
        Quiz("loan-officer-customers", "Who are a loan officer's customers?", QuizKind.GRADED, ()),
        Quiz("loan-officer-profile", "How do you serve borrowers?", QuizKind.PROFILE, ()),
    )
}


def make_content(roles: tuple[tuple[Any, ...], ...] = ROLES) -> Content:
    return Content(settings=make_settings(), roles=tuple(make_role(*row) for row in roles))


def role_url(role: Role) -> str:
    return f"../roles/{role.slug}/"


def load_cases(name: str) -> list[dict[str, Any]]:
    """The cases of a vector file; a missing file becomes one failing case, not a skip."""
    if not (VECTORS / name).exists():
        return [{"name": f"{name} is missing", "input": "", "a": "", "b": "", "missing": name}]
    cases: list[dict[str, Any]] = load_vector(name)["cases"]
    return cases


def load_vector(name: str) -> dict[str, Any]:
    vector: dict[str, Any] = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    if isinstance(vector.get("data"), str):
        vector["data"] = json.loads((VECTORS / vector["data"]).read_text(encoding="utf-8"))
    return vector


# --- shared vectors -----------------------------------------------------------------


def test_vector_data_is_what_finder_data_builds() -> None:
    assert load_vector("data.json") == finder.finder_data(make_content(), role_url)


@pytest.mark.parametrize("case", load_cases("normalise.json"), ids=lambda c: c["input"])
def test_normalise_vectors(case: dict[str, Any]) -> None:
    assert finder.normalise(case["input"]) == case["expected"]


@pytest.mark.parametrize(
    "case", load_cases("edit_distance.json"), ids=lambda c: f"{c['a']}-{c['b']}"
)
def test_edit_distance_vectors(case: dict[str, Any]) -> None:
    assert finder.edit_distance(case["a"], case["b"], case["limit"]) == case["expected"]


@pytest.mark.parametrize("case", load_cases("match.json"), ids=lambda c: c["name"])
def test_match_vectors(case: dict[str, Any]) -> None:
    data = load_vector("match.json")["data"]
    if case.get("error"):
        with pytest.raises(ValueError):
            finder.match_roles(data, case["answers"], case["k"])
    else:
        assert finder.match_roles(data, case["answers"], case["k"]) == case["expected"]


@pytest.mark.parametrize("case", load_cases("profile.json"), ids=lambda c: c["name"])
def test_profile_vectors(case: dict[str, Any]) -> None:
    data = case.get("data") or load_vector("data.json")
    assert finder.customer_profile(data, case["answers"]) == case["expected"]


@pytest.mark.parametrize("case", load_cases("search.json"), ids=lambda c: c["name"])
def test_search_vectors(case: dict[str, Any]) -> None:
    data = load_vector("search.json")["data"]
    assert finder.search_roles(data, case["query"], case["limit"]) == case["expected"]


# --- behaviour ----------------------------------------------------------------------


def test_every_role_is_the_closest_match_to_its_own_answers() -> None:
    data = finder.finder_data(make_content(), role_url)
    for role in data["roles"]:
        best = finder.match_roles(data, role["v"], k=1)[0]
        assert best["distance"] == 0
        assert best["fit"] == 100
        # Roles with identical answers tie; the title decides, so each is still reachable.
        twins = [r["slug"] for r in data["roles"] if r["v"] == role["v"]]
        assert best["slug"] in twins
        assert role["slug"] in [
            m["slug"] for m in finder.match_roles(data, role["v"], k=len(twins))
        ]


def test_adding_a_role_adds_it_to_the_data_and_the_matching() -> None:
    before = finder.finder_data(make_content(), role_url)
    new_role = (
        "lollipop-person",
        "School Crossing Patrol",
        ("Lollipop lady", "Lollipop man"),
        "Sees children safely across the road, twice a day, in all weathers.",
        (4, 0, 1, 1, 4, 4, 0, 1),
    )
    after = finder.finder_data(make_content((*ROLES, new_role)), role_url)
    assert len(after["roles"]) == len(before["roles"]) + 1
    assert finder.match_roles(after, list(new_role[4]), k=1)[0]["slug"] == "lollipop-person"
    assert finder.search_roles(after, "lolipop")[0]["slug"] == "lollipop-person"
    assert finder.search_roles(after, "lolipop")[0]["alias"] == "Lollipop lady"


def test_data_follows_the_site_questions_and_kinds() -> None:
    data = finder.finder_data(make_content(), role_url)
    assert [q["id"] for q in data["questions"]] == [q[0] for q in QUESTIONS]
    assert data["questions"][0] == {"id": "public", "kind": "public", "max": 4}
    assert [k["id"] for k in data["kinds"]] == ["external", "internal", "public"]
    receptionist = next(r for r in data["roles"] if r["slug"] == "receptionist")
    assert receptionist == {
        "slug": "receptionist",
        "title": "Receptionist",
        "aliases": ["Front desk clerk", "Front-of-house assistant", "Réceptionniste"],
        "url": "../roles/receptionist/",
        "summary": ROLES[10][3],
        "quizzes": [],
        "v": [4, 3, 3, 4, 1, 2, 1, 3],
    }
    assert not finder.PAGE_ONLY_STRINGS & data["strings"].keys()


def test_a_role_without_a_finder_value_is_refused() -> None:
    content = make_content()
    broken = replace(content.roles[0], finder={"public": 1})
    with pytest.raises(ValueError, match=r"docs/roles/barista\.md: finder\.clients"):
        finder.finder_data(replace(content, roles=(broken,)), role_url)


def test_strings_can_be_overridden_and_unknown_keys_are_ignored() -> None:
    data = finder.finder_data(
        make_content(), role_url, {"verdict_clear": "Oui — surtout {kinds}", "other": "x"}
    )
    assert data["strings"]["verdict_clear"] == "Oui — surtout {kinds}"
    assert "other" not in data["strings"]
    assert finder.customer_profile(data, [0, 0, 4, 0, 0, 0, 0, 0])["verdict"]["headline"] == (
        "Oui — surtout internal customers"
    )


def test_bytes_per_role_stay_small() -> None:
    data = finder.finder_data(make_content(), role_url)

    def size(value: Any) -> int:
        return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())

    sizes = [size({k: v for k, v in role.items() if k != "quizzes"}) for role in data["roles"]]
    # Title, up to three aliases, a one-line summary, the URL and eight digits.
    assert max(sizes) < 300
    assert sum(sizes) / len(sizes) < 250
    # Then each quiz the result links to: its id and title.
    quizzes = [quiz for role in data["roles"] for quiz in role["quizzes"]]
    assert quizzes and max(size(quiz) for quiz in quizzes) < 100


@pytest.mark.parametrize(
    ("query", "slug", "match"),
    [
        ("Receptionist", "receptionist", "exact"),
        ("recepcionist", "receptionist", "typo"),
        ("Recepcionist", "receptionist", "typo"),
        ("recep", "receptionist", "prefix"),
        ("toll booth", "toll-booth-operator", "words"),
        ("tollbooth", "toll-booth-operator", "prefix"),
        ("Toll-booth operator", "toll-booth-operator", "exact"),
        ("toll colector", "toll-booth-operator", "typo"),
        ("front desk", "receptionist", "words"),
        ("réceptioniste", "receptionist", "typo"),
        ("mortgage", "loan-officer", "words"),
        ("progammer", "software-developer", "typo"),
        ("sofware enginer", "software-developer", "typo"),
        ("RN", "registered-nurse", "exact"),
        ("staff nurse", "registered-nurse", "exact"),
        ("eclairagiste", "eclairagiste", "exact"),
        ("call center", "call-centre-agent", "words"),
        ("wickie", "lighthouse-keeper", "exact"),
        ("head of the kitchen chef", "chef-de-cuisine", None),
    ],
)
def test_search_finds_titles_aliases_and_labels_guesses(
    query: str, slug: str, match: str | None
) -> None:
    data = finder.finder_data(make_content(), role_url)
    hits = finder.search_roles(data, query)
    if match is None:
        assert slug not in [h["slug"] for h in hits]
        return
    assert (hits[0]["slug"], hits[0]["match"]) == (slug, match)


@pytest.mark.parametrize(
    "query",
    [
        # Short words get no typos: `chef` is not `chief`, `hepl` is not `help`.
        "chif",
        "hepl desk",
        "nuse",
        # Every typed word must match: one shared word is not a match (nor, when
        # it is not the last word, the closest page).
        "police officer",
        "software tester",
        # A guess must keep the first letter: `mechanic` is not `technician`.
        "mechanic",
        "astronaut",
        "beekeeper",
    ],
)
def test_search_does_not_pass_off_a_partial_or_wild_guess(query: str) -> None:
    data = finder.finder_data(make_content(), role_url)
    assert finder.search_roles(data, query) == []


@pytest.mark.parametrize(
    ("query", "slug", "alias"),
    [
        # Issue 21: a kind of a job the site has is offered as the closest page only.
        ("night receptionist", "receptionist", None),
        ("senior receptionists", "receptionist", None),
        ("night shift toll collector", "toll-booth-operator", "Toll collector"),
    ],
)
def test_a_title_ending_with_a_role_name_is_only_the_closest_page(
    query: str, slug: str, alias: str | None
) -> None:
    data = finder.finder_data(make_content(), role_url)
    hits = finder.search_roles(data, query)
    assert [(h["slug"], h["match"], h["alias"]) for h in hits] == [(slug, "partial", alias)]


def test_partial_matches_rank_by_how_much_of_the_title_they_cover() -> None:
    roles = (
        ("a", "Nurse", (), "", (0,) * 8),
        ("b", "Registered Nurse", (), "", (0,) * 8),
        ("c", "Shift Registered Nurse", (), "", (0,) * 8),
        ("d", "Nurse Manager", (), "", (0,) * 8),
    )
    data = finder.finder_data(make_content(roles), role_url)
    hits = finder.search_roles(data, "night shift registered nurse")
    assert [(h["slug"], h["match"]) for h in hits] == [
        ("c", "partial"),
        ("b", "partial"),
        ("a", "partial"),
    ]
    # A name in the middle of the title is not the job: 'nurse manager' manages.
    assert [h["slug"] for h in finder.search_roles(data, "senior nurse manager")] == ["d"]
    assert finder.search_roles(data, "nurse manager assistant") == []


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("drivers", "driver"),
        ("secretaries", "secretary"),
        ("coaches", "coach"),
        ("waitresses", "waitress"),
        ("boxes", "box"),
        ("bus", "bus"),
        ("boss", "boss"),
        ("status", "status"),
        ("analysis", "analysis"),
        ("nurse", "nurse"),
        ("gas", "gas"),
    ],
)
def test_word_stem_takes_off_regular_plurals_only(word: str, stem: str) -> None:
    assert finder.word_stem(word) == stem


def test_search_returns_only_the_best_kind_of_match() -> None:
    roles = (
        ("a", "Nurse", (), "", (0,) * 8),
        ("b", "Nursery Teacher", (), "", (0,) * 8),
        ("c", "Purse Maker", (), "", (0,) * 8),
        ("d", "Night Nurse", (), "", (0,) * 8),
        ("e", "Nutrition Adviser", (), "", (0,) * 8),
    )
    data = finder.finder_data(make_content(roles), role_url)

    def hits(query: str) -> list[tuple[str, str]]:
        return [(h["slug"], h["match"]) for h in finder.search_roles(data, query)]

    # Whole words beat word starts: `nurse` does not offer the nursery.
    assert hits("nurse") == [("a", "exact"), ("d", "words")]
    # A word still being typed: every name with a word that starts so.
    assert hits("nurs") == [("d", "prefix"), ("a", "prefix"), ("b", "prefix")]
    # Guesses only when nothing matches, and never a changed first letter.
    # One typo each (titles then decide): `nurse`, `night nurse`, the start of `nursery`.
    assert hits("nursse") == [("d", "typo"), ("a", "typo"), ("b", "typo")]
    assert hits("purse") == [("c", "words")]
    assert hits("nutritoin") == [("e", "typo")]


def test_typo_budget_scales_with_word_length() -> None:
    assert [finder.allowed_edits(n) for n in range(1, 12)] == [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2]


@pytest.mark.parametrize("query", ["", "   ", "!!!", "xyzzy", "the"])
def test_search_finds_nothing_for_noise(query: str) -> None:
    data = finder.finder_data(make_content(), role_url)
    assert finder.search_roles(data, query) == []


def test_search_respects_the_limit() -> None:
    data = finder.finder_data(make_content(), role_url)
    assert len(finder.search_roles(data, "c", limit=3)) == 3
    assert len(finder.search_roles(data, "c", limit=100)) > 3
    assert finder.search_roles(data, "c", limit=0) == []


# --- numbers that mean something ----------------------------------------------------


def test_identical_answers_are_the_same_and_100() -> None:
    data = finder.finder_data(make_content(), role_url)
    for role in data["roles"]:
        best = finder.match_roles(data, role["v"], k=1)[0]
        assert (best["distance"], best["fit"], best["close"]) == (0, 100, "same")


def test_only_identical_answers_score_100_and_one_step_off_is_nearly_the_same() -> None:
    data = finder.finder_data(make_content(), role_url)
    spread = finder.random_spread(data)
    assert spread == 8 * 24  # eight questions of 0..4: E[(a-b)²] = 4 each, times 6
    assert finder.closeness(1, spread) == 97
    assert finder.closeness_label(97) == "nearly"
    assert all(finder.closeness(d, spread) < 100 for d in range(1, 200))


def test_closeness_falls_as_answers_move_apart() -> None:
    data = finder.finder_data(make_content(), role_url)
    spread = finder.random_spread(data)
    scores = [finder.closeness(d, spread) for d in range(0, 8 * 16 + 1)]
    assert scores[0] == 100
    assert all(a >= b for a, b in itertools.pairwise(scores))
    assert scores[-1] == 0
    # As far apart as two people answering at random (32) is 0, and so is further.
    assert scores[32] == 0 and scores[31] > 0


def test_random_answers_are_on_average_not_similar() -> None:
    """The calibration itself: over every pair of answer sets, the mean closeness of a
    random pair is low, and nearly none reach the "similar" line."""
    data = {"questions": [{"id": "q", "max": 4}] * 2}
    spread = finder.random_spread(data)
    values = range(5)
    distances = [
        (a - c) ** 2 + (b - d) ** 2 for a in values for b in values for c in values for d in values
    ]
    assert sum(distances) * 6 == spread * len(distances)  # the expectation is exact


def _lowest(data: dict[str, Any]) -> list[int]:
    return [0] * len(data["questions"])


def test_all_lowest_answers_are_similar_to_no_test_role() -> None:
    data = finder.finder_data(make_content(), role_url)
    # Éclairagiste and the lighthouse keeper answer 0,0,0,0,0,1,1,1: three steps off.
    for match in finder.match_roles(data, _lowest(data), k=len(data["roles"])):
        if match["slug"] in {"eclairagiste", "lighthouse-keeper"}:
            assert match["close"] == "nearly"
        else:
            assert match["fit"] < finder.SIMILAR_FROM, match


SITE = load_content(Path(__file__).parents[1] / "docs")


def _site_data() -> dict[str, Any]:
    return finder.finder_data(SITE, role_url)


def test_all_lowest_answers_are_similar_to_no_role_on_the_site() -> None:
    data = _site_data()
    for match in finder.match_roles(data, _lowest(data), k=len(data["roles"])):
        assert match["fit"] < finder.SIMILAR_FROM, match
    profile = finder.customer_profile(data, _lowest(data))
    assert profile["share"] == 0
    assert profile["verdict"]["level"] == "none"


@pytest.mark.parametrize(
    ("answers", "share"),
    [
        ([0] * 8, 0),
        ([4] * 8, 100),
        ([0, 0, 4, 0, 0, 0, 0, 0], 100),  # colleagues who stall without you
        ([1, 2, 0, 4, 4, 4, 4, 4], 50),  # the customer questions decide, not the others
        ([3, 1, 0, 0, 0, 0, 0, 0], 75),
    ],
)
def test_customer_service_share_is_the_strongest_kind(answers: list[int], share: int) -> None:
    data = finder.finder_data(make_content(), role_url)
    profile = finder.customer_profile(data, answers)
    assert profile["share"] == share
    assert share == max(kind["strength"] for kind in profile["kinds"])


# --- one model of customers ---------------------------------------------------------


def _headline_problem(role: Role, data: dict[str, Any]) -> str | None:
    """Why the finder disagrees with `role`'s own page, or None when it agrees: the
    rule `quizbuilder check` warns about (`finder-headline`, issue 23)."""
    found = lint.finder_headline(role, data)
    return None if found is None else f"{role.slug}: {found[1]}"


@pytest.mark.parametrize("role", SITE.roles, ids=lambda r: r.slug)
def test_every_role_answering_as_itself_comes_first_with_its_own_headline_kind(
    role: Role,
) -> None:
    """Issue 10: the finder and the role page tell one story about a role's customers."""
    problem = _headline_problem(role, _site_data())
    assert problem is None, problem


def test_the_consistency_check_can_fail() -> None:
    content = make_content()
    role = next(r for r in content.roles if r.slug == "toll-booth-operator")
    data = finder.finder_data(content, role_url)

    internal_heavy = replace(
        role,
        customers=(
            Customer("Supervisors", "internal"),
            Customer("Maintenance crews", "internal"),
            Customer("Drivers", "public"),
        ),
    )
    assert "leads with 'public', but the customers listed here are mostly 'internal'" in (
        _headline_problem(internal_heavy, data) or ""
    )
    public_heavy = replace(role, customers=(Customer("Drivers", "public"),))
    assert _headline_problem(public_heavy, data) is None


# --- share links --------------------------------------------------------------------


@pytest.mark.parametrize("job", ["", "waiter", "Chef de partie — nuits", "🧑‍🚒 firefighter"])
def test_share_links_round_trip(job: str) -> None:
    data = finder.finder_data(make_content(), role_url)
    answers = [4, 0, 3, 1, 2, 4, 0, 1]
    text = finder.encode_share(answers, job)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", text)
    assert finder.decode_share(data, text) == {"answers": answers, "job": job}


def _b64(value: str) -> str:
    import base64

    return base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        (None, "empty"),
        ("A" * 513, "size"),
        ("abc$", "encoding"),
        ("abcde", "encoding"),
        (_b64("not json"), "json"),
        (_b64('{"v":1,"k":"f","a":"00000000","x":NaN}'), "json"),
        (_b64("[1,2]"), "shape"),
        (_b64('{"v":2,"k":"f","a":"00000000"}'), "version"),
        (_b64('{"v":true,"k":"f","a":"00000000"}'), "version"),
        (_b64('{"v":1,"k":"g","a":"00000000"}'), "kind"),
        (_b64('{"v":1,"k":"f"}'), "shape"),
        (_b64('{"v":1,"k":"f","a":"00000000","x":1}'), "shape"),
        (_b64('{"v":1,"k":"f","a":"0000000"}'), "answers"),
        (_b64('{"v":1,"k":"f","a":"00000005"}'), "answers"),
        (_b64('{"v":1,"k":"f","a":"0000000-"}'), "answers"),
        (_b64('{"v":1,"k":"f","a":[0,0,0,0,0,0,0,0]}'), "answers"),
        (_b64('{"v":1,"k":"f","a":"00000000","j":""}'), "job"),
        (_b64('{"v":1,"k":"f","a":"00000000","j":"  "}'), "job"),
        (_b64('{"v":1,"k":"f","a":"00000000","j":7}'), "job"),
        (_b64('{"v":1,"k":"f","a":"00000000","j":"' + "x" * 81 + '"}'), "job"),
        (_b64(r'{"v":1,"k":"f","a":"00000000","j":"a\u202eb"}'), "job"),
        (_b64(r'{"v":1,"k":"f","a":"00000000","j":"a\nb"}'), "job"),
        (_b64(r'{"v":1,"k":"f","a":"00000000","j":"\ud800"}'), "job"),
    ],
)
def test_tampered_share_links_are_refused(text: Any, code: str) -> None:
    data = finder.finder_data(make_content(), role_url)
    with pytest.raises(finder.ShareError) as error:
        finder.decode_share(data, text)
    assert error.value.code == code


@pytest.mark.parametrize(
    ("answers", "level", "headline"),
    [
        ([0] * 8, "none", "Not in the usual sense — but someone still relies on you"),
        ([4] * 8, "clear", "Yes — every kind of customer"),
        ([0, 0, 4, 0, 0, 0, 0, 0], "clear", "Yes — mostly internal customers"),
        ([4, 4, 0, 0, 0, 0, 0, 0], "clear", "Yes — mostly external customers and the public"),
        ([1, 0, 0, 4, 4, 4, 4, 4], "quiet", "Yes, in a quieter way — mostly the public"),
    ],
)
def test_verdict(answers: list[int], level: str, headline: str) -> None:
    data = finder.finder_data(make_content(), role_url)
    verdict = finder.customer_profile(data, answers)["verdict"]
    assert (verdict["level"], verdict["headline"]) == (level, headline)


def test_every_answer_still_gets_a_verdict_and_three_roles() -> None:
    data = finder.finder_data(make_content(), role_url)
    for value in range(5):
        answers = [value] * 8
        profile = finder.customer_profile(data, answers)
        assert profile["verdict"]["headline"]
        assert profile["verdict"]["text"]
        assert [k["id"] for k in profile["kinds"]] == ["external", "internal", "public"]
        assert len(finder.match_roles(data, answers)) == 3


@pytest.mark.parametrize(
    "answers", [[], [0] * 7, [0] * 9, [5] + [0] * 7, [-1] + [0] * 7, [True] + [0] * 7]
)
def test_bad_answers_are_refused(answers: list[int]) -> None:
    data = finder.finder_data(make_content(), role_url)
    with pytest.raises(ValueError):
        finder.match_roles(data, answers)
    with pytest.raises(ValueError):
        finder.customer_profile(data, answers)


class _TrackedRole(dict[str, Any]):
    """A role record that can be weakly referenced, to count how many are kept."""

    __hash__ = object.__hash__  # identity, not content: each record counts once
    __eq__ = object.__eq__


def test_matching_is_one_pass() -> None:
    """`_top_k` keeps k entries; it must not sort (or even copy) all of them.

    Each role is a fresh object, and the generator counts how many of the roles it
    has handed out are still alive: a one-pass top-k holds about k of them, a sort
    or a copy holds every one."""
    data = finder.finder_data(make_content(), role_url)
    seen = 0
    alive: weakref.WeakSet[_TrackedRole] = weakref.WeakSet()
    most_alive = 0

    def roles() -> Any:
        nonlocal seen, most_alive
        for role in data["roles"] * 100:
            seen += 1
            tracked = _TrackedRole(role)
            alive.add(tracked)
            most_alive = max(most_alive, len(alive))
            yield tracked
            del tracked

    lazy = {**data, "roles": roles()}
    assert len(finder.match_roles(lazy, [2] * 8)) == 3
    assert seen == len(data["roles"]) * 100
    assert most_alive <= 3 + 2, most_alive


# --- page ---------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _page() -> str:
    return finder.render_finder_page(make_content(), role_url, roles_index_url="../roles/")


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = _Collector()
    collector.feed(markdown.markdown(page.split("---\n", 2)[2]))
    return collector.tags


def test_page_front_matter_and_lead() -> None:
    page = _page()
    front, body = page.split("---\n", 2)[1:]
    assert "title: Are you in customer service?\n" in front
    assert re.search(r"^description: \S.{40,}$", front, re.MULTILINE)
    assert body.lstrip().startswith("# Are you in customer service?")


def test_page_search_form_works_without_javascript() -> None:
    tags = _tags(_page())
    form = next(a for t, a in tags if t == "form" and a.get("class") == "qb-finder-search")
    assert form["role"] == "search"
    assert form["action"] == "../roles/"
    search = next(a for t, a in tags if t == "input" and a.get("type") == "search")
    labels = [a for t, a in tags if t == "label" and a.get("for") == search["id"]]
    assert len(labels) == 1, "the search field has exactly one label"
    results = next(a for t, a in tags if a.get("id") == search["aria-controls"])
    assert results["aria-live"] == "polite"


def test_page_finder_form_is_complete() -> None:
    page = _page()
    tags = _tags(page)
    form = next(a for t, a in tags if t == "form" and a.get("class") == "qb-finder")
    assert form["id"] == "finder"
    data = json.loads(form["data-qb-finder"] or "")
    assert data == finder.finder_data(make_content(), role_url)
    assert sum(1 for t, _ in tags if t == "fieldset") == len(QUESTIONS)
    radios = [a for t, a in tags if t == "input" and a.get("type") == "radio"]
    assert len(radios) == 5 * len(QUESTIONS)
    assert {r["name"] for r in radios} == {q[0] for q in QUESTIONS}
    labelled = {a["for"] for t, a in tags if t == "label"}
    assert all(r["id"] in labelled for r in radios)
    result = next(a for t, a in tags if "qb-finder__result" in (a.get("class") or ""))
    assert (result["role"], result["aria-live"]) == ("status", "polite")
    assert any(t == "button" and a.get("type") == "submit" for t, a in tags)
    assert page.count("<noscript>") == 2
    assert page.count("data-search-exclude") == 3  # both blocks and the finder form


def test_page_has_no_scripts_or_handlers() -> None:
    page = _page()
    assert "<script" not in page.lower()
    for _tag, attrs in _tags(page):
        assert not [name for name in attrs if name.startswith("on")]


def test_page_escapes_the_json_and_every_text() -> None:
    nasty = '</form><script>alert("x")</script> & co'
    roles = (("x", nasty, (nasty,), nasty, (0,) * 8),)
    content = make_content(roles)
    settings = replace(
        content.settings,
        finder_questions=tuple(
            replace(q, text=nasty, options=(nasty, *q.options[1:]))
            for q in content.settings.finder_questions
        ),
    )
    page = finder.render_finder_page(replace(content, settings=settings), role_url)
    assert "<script" not in page
    assert "</form><" not in page
    raw = re.search(r'data-qb-finder="([^"]*)"', page)
    assert raw is not None
    assert "<" not in raw.group(1) and ">" not in raw.group(1)
    decoded = html.unescape(raw.group(1))
    assert "\\u003c/form\\u003e" in decoded and "\\u0026 co" in decoded
    assert json.loads(decoded)["roles"][0]["title"] == nasty


def test_the_finder_page_uses_the_one_html_json_encoder() -> None:
    assert finder.encode_json is templating.encode_json
    assert finder.encode_json({"a": "<b>&</b>"}) == '{"a":"\\u003cb\\u003e\\u0026\\u003c/b\\u003e"}'


# --- browser: finder.js on tests/js/fixtures/finder.html ----------------------------

ASSETS = Path(__file__).parents[1] / "quizbuilder" / "theme" / "assets" / "quizbuilder"
ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"
# A stand-in for Material's `document$` (a ReplaySubject of the document).
FAKE_DOCUMENT_SUBJECT = """
window.__subscriptions = 0;
window.document$ = {
  subscribe(fn) { window.__subscriptions += 1; this.fn = fn; fn(document); },
  next() { this.fn(document); }
};
"""


def test_fixture_carries_the_current_data() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    raw = re.search(r'data-qb-finder="([^"]*)"', text)
    assert raw is not None, "run `python tests/test_finder.py` to regenerate the fixture"
    assert json.loads(html.unescape(raw.group(1))) == finder.finder_data(make_content(), role_url)


def test_finder_core_never_touches_the_page() -> None:
    source = (ASSETS / "finder-core.js").read_text(encoding="utf-8")
    for banned in ("document", "window", "location", "localStorage", "history"):
        assert not re.search(rf"\b{banned}\b", source), banned


def test_finder_js_builds_the_dom_without_markup_strings() -> None:
    source = (ASSETS / "finder.js").read_text(encoding="utf-8")
    source += (ASSETS / "finder-core.js").read_text(encoding="utf-8")
    for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert banned not in source


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("finder-fixture")
    shutil.copy(FIXTURE, root / "index.html")
    # The finder as served: one minified bundle (issue 22).
    (root / "finder.js").write_text(assets.bundle_finder(), "utf-8")
    for name in ("finder.css", "quizbuilder.css"):
        shutil.copy(ASSETS / name, root / name)
    spec = importlib.util.find_spec("material")
    if spec is not None and spec.origin is not None:
        css = Path(spec.origin).parent / "templates" / "assets" / "stylesheets"
        for name, glob in (
            ("material-main.css", "main.*.min.css"),
            ("material-palette.css", "palette.*.min.css"),
        ):
            for found in css.glob(glob):
                shutil.copy(found, root / name)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def chromium(browser: Any) -> Any:
    return browser


@pytest.fixture
def page(chromium: Any, fixture_url: str) -> Any:
    context = chromium.new_context(viewport={"width": 1000, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda error: errors.append(str(error)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.add_init_script(FAKE_DOCUMENT_SUBJECT)
    pg.add_init_script(
        "document.addEventListener('quizbuilder:finder', e => "
        "(window.__events = window.__events || []).push(e.detail));"
    )
    pg.goto(fixture_url)
    pg.wait_for_selector("form.qb-finder[data-qb-ready]")
    yield pg
    context.close()
    assert not errors, errors


def _answer(page: Any, values: list[int]) -> None:
    for (question_id, _text, _kind), value in zip(QUESTIONS, values, strict=True):
        page.check(f"#finder-{question_id}-{value}")


@pytest.mark.browser
def test_browser_search_lists_matching_roles(page: Any) -> None:
    page.fill("#qb-finder-q", "recepcionist")
    link = page.locator(".qb-finder-search__results a").first
    assert link.text_content() == "Receptionist"
    assert link.get_attribute("href") == "../roles/receptionist/"
    page.fill("#qb-finder-q", "toll colector")
    assert "also called Toll collector" in (
        page.locator(".qb-finder-search__item").first.text_content() or ""
    )
    page.press("#qb-finder-q", "Enter")
    assert page.evaluate("document.activeElement.textContent") == "Toll Booth Operator"
    page.fill("#qb-finder-q", "astronaut")
    none = page.locator(".qb-finder-search__none")
    assert "There is no page for “astronaut” yet." in (none.text_content() or "")
    assert none.locator("a").get_attribute("href") == "#finder"
    page.fill("#qb-finder-q", "recepcionst")
    guess = page.locator(".qb-finder-search__guess")
    assert "Did you mean" in (guess.text_content() or "")
    assert page.locator(".qb-finder-search__list--guess a").first.text_content() == "Receptionist"
    assert page.locator(".qb-finder-search__count").count() == 0
    page.fill("#qb-finder-q", "")
    assert page.locator(".qb-finder-search__results").evaluate("e => e.childElementCount") == 0


@pytest.mark.browser
def test_browser_finder_names_the_missing_questions(page: Any) -> None:
    page.check("#finder-public-2")
    page.click("form.qb-finder button[type=submit]")
    result = page.locator(".qb-finder__result")
    assert page.evaluate("document.activeElement.className") == "qb-finder__headline"
    assert result.locator(".qb-finder__missing li").count() == len(QUESTIONS) - 1
    assert page.locator("fieldset.qb-question--missing").count() == len(QUESTIONS) - 1
    assert page.evaluate("window.__events[0].status") == "incomplete"
    page.check("#finder-clients-1")
    assert page.locator("#finder-clients.qb-question--missing").count() == 0


@pytest.mark.browser
def test_browser_finder_result_agrees_with_python(page: Any, artifacts_dir: Path) -> None:
    answers = [4, 3, 3, 4, 1, 2, 1, 3]
    data = finder.finder_data(make_content(), role_url)
    _answer(page, answers)
    page.click("form.qb-finder button[type=submit]")
    profile = finder.customer_profile(data, answers)
    matches = finder.match_roles(data, answers)
    headline = page.locator(".qb-finder__headline")
    assert headline.text_content() == profile["verdict"]["headline"]
    assert page.evaluate("document.activeElement.className") == "qb-finder__headline"
    names = page.locator(".qb-finder__roles a").all_text_contents()
    assert names == [m["title"] for m in matches]
    strengths = page.locator(".qb-finder__kind-strength").all_text_contents()
    assert strengths[0] == f"Strong, {profile['kinds'][0]['strength']} out of 100"
    detail = page.evaluate("window.__events[0]")
    assert detail["status"] == "ok"
    assert detail["profile"] == profile
    assert detail["matches"] == matches
    page.locator("form.qb-finder").scroll_into_view_if_needed()
    page.locator(".qb-finder__result").screenshot(path=str(artifacts_dir / "finder-result.png"))
    page.set_viewport_size({"width": 360, "height": 800})
    page.locator(".qb-finder__result").screenshot(path=str(artifacts_dir / "finder-result-360.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.browser
def test_browser_running_the_script_again_changes_nothing(page: Any) -> None:
    """Material's instant navigation re-creates the script: still one handler each."""
    page.evaluate(
        """() => new Promise(resolve => {
            const script = document.createElement('script');
            script.src = 'finder.js';
            script.onload = resolve;
            document.body.appendChild(script);
        })"""
    )
    page.evaluate("window.document$.next()")
    assert page.evaluate("window.__subscriptions") == 1
    _answer(page, [0] * 8)
    page.click("form.qb-finder button[type=submit]")
    assert page.evaluate("window.__events.length") == 1
    assert page.locator(".qb-finder__headline").text_content() == (
        "Not in the usual sense — but someone still relies on you"
    )
    page.fill("#qb-finder-q", "nurse")
    assert page.locator(".qb-finder-search__count").count() == 1


@pytest.fixture(scope="module")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# --- vector generation --------------------------------------------------------------


def _write(name: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=1) + "\n"
    (VECTORS / name).write_text(text, encoding="utf-8")


def _profile_data() -> dict[str, Any]:
    """Kinds of 8 and 3 points (half-way roundings, 33 and 67), one with no questions."""
    return {
        "v": 1,
        "questions": [
            {"id": "a1", "kind": "a", "max": 4},
            {"id": "a2", "kind": "a", "max": 4},
            {"id": "n", "kind": None, "max": 4},
            {"id": "b1", "kind": "b", "max": 3},
        ],
        "kinds": [
            {"id": "a", "name": "IT teams"},
            {"id": "none", "name": "Nobody asked"},
            {"id": "b", "name": "Visitors"},
        ],
        "roles": [],
        "strings": finder.finder_strings(),
    }


def regenerate_vectors() -> None:
    data = finder.finder_data(make_content(), role_url)
    VECTORS.mkdir(parents=True, exist_ok=True)
    _write("data.json", data)

    normalise_inputs = [
        "Chef de Cuisine",
        "CHEF-DE-CUISINE",
        "  Toll   booth\toperator ",
        "Réceptionniste",
        "Driver's mate",
        "Driver’s mate",
        "Straße",
        "ﬁeld worker",
        "Ｆｕｌｌ ｓｔａｃｋ",
        "Ørsted",
        "Ελληνικά",
        "ΟΔΟΣ",
        "İstanbul",
        "24/7 support",
        "Barista ☕",
        "",
        "!!!",
        "Café-owner (part time)",
    ]
    _write(
        "normalise.json",
        {"cases": [{"input": s, "expected": finder.normalise(s)} for s in normalise_inputs]},
    )

    pairs = [
        ("recepcionist", "receptionist", 2),
        ("ca", "ac", 1),
        ("abc", "ca", 3),
        ("", "abc", 3),
        ("abc", "", 1),
        ("kitten", "sitting", 1),
        ("kitten", "sitting", 5),
        ("nurse", "nurse", 0),
        ("café", "cafe", 1),
        ("centre", "center", 2),
        ("hepl", "help", 1),
        ("progammer", "programmer", 2),
    ]
    _write(
        "edit_distance.json",
        {
            "cases": [
                {"a": a, "b": b, "limit": limit, "expected": finder.edit_distance(a, b, limit)}
                for a, b, limit in pairs
            ]
        },
    )

    match_cases: list[dict[str, Any]] = []
    for name, answers, k in [
        ("receptionist itself", [4, 3, 3, 4, 1, 2, 1, 3], 3),
        ("all never", [0] * 8, 3),
        ("all the time", [4] * 8, 3),
        ("all sometimes", [2] * 8, 3),
        ("bookkeeper and payroll tie, title decides", [0, 0, 4, 2, 3, 3, 3, 2], 2),
        ("accented title sorts as plain letters", [0, 0, 0, 0, 0, 1, 1, 1], 2),
        ("only the best", [3, 4, 1, 4, 0, 2, 2, 2], 1),
        ("k zero", [2] * 8, 0),
        ("k beyond the roles", [1, 2, 3, 4, 0, 1, 2, 3], 20),
    ]:
        match_cases.append(
            {
                "name": name,
                "answers": answers,
                "k": k,
                "expected": finder.match_roles(data, answers, k),
            }
        )
    bad: list[tuple[str, list[Any]]] = [
        ("too few answers", [0] * 7),
        ("too many answers", [0] * 9),
        ("above the scale", [5, 0, 0, 0, 0, 0, 0, 0]),
        ("below the scale", [0, 0, 0, -1, 0, 0, 0, 0]),
        ("not a number", ["2", 0, 0, 0, 0, 0, 0, 0]),
        ("not an integer", [2.5, 0, 0, 0, 0, 0, 0, 0]),
        ("a boolean", [True, 0, 0, 0, 0, 0, 0, 0]),
        ("unanswered", [None, 0, 0, 0, 0, 0, 0, 0]),
    ]
    for name, wrong in bad:
        match_cases.append({"name": name, "answers": wrong, "k": 3, "error": True})
    _write("match.json", {"data": "data.json", "cases": match_cases})

    profile_cases: list[dict[str, Any]] = []
    for name, answers in [
        ("all never", [0] * 8),
        ("all the time", [4] * 8),
        ("colleagues only", [0, 0, 4, 0, 0, 0, 0, 0]),
        ("public and clients equal", [4, 4, 0, 0, 0, 0, 0, 0]),
        ("public ahead of clients", [4, 3, 0, 0, 0, 0, 0, 0]),
        ("public within ten of clients", [3, 4, 3, 0, 0, 0, 0, 0]),
        ("quiet public", [1, 0, 0, 4, 4, 4, 4, 4]),
        ("quiet everyone", [1, 1, 1, 0, 0, 0, 0, 0]),
        ("strong but not all", [4, 2, 4, 2, 2, 2, 2, 2]),
    ]:
        profile_cases.append(
            {"name": name, "answers": answers, "expected": finder.customer_profile(data, answers)}
        )
    small = _profile_data()
    for name, answers in [
        ("nothing at all", [0, 0, 4, 0]),
        ("12.5 rounds up to 13, quiet", [1, 0, 0, 0]),
        ("33 is quiet", [0, 0, 4, 1]),
        ("37.5 rounds up to 38 and 33 is close: every kind", [3, 0, 0, 1]),
        ("67 is strong and 50 is not close", [2, 2, 0, 2]),
        ("all-caps name kept", [4, 3, 0, 1]),
        ("quiet pair joined", [2, 0, 0, 1]),
        ("everything", [4, 4, 4, 3]),
    ]:
        profile_cases.append(
            {
                "name": name,
                "data": small,
                "answers": answers,
                "expected": finder.customer_profile(small, answers),
            }
        )
    _write("profile.json", {"data": "data.json", "cases": profile_cases})

    search_cases: list[dict[str, Any]] = []
    for query, limit in [
        ("Receptionist", 8),
        ("recepcionist", 8),
        ("recep", 8),
        ("réceptionniste", 8),
        ("receptioniste", 8),
        ("toll booth", 8),
        ("tollbooth", 8),
        ("Toll-Booth operator", 8),
        ("TOLL COLLECTOR", 8),
        ("front desk", 8),
        ("desk", 8),
        ("desk", 1),
        ("nurse", 8),
        ("rn", 8),
        ("chef", 8),
        ("chef cuisine", 8),
        ("cuisine chef", 8),
        ("progammer", 8),
        ("sofware enginer", 8),
        ("developper", 8),
        ("hepl desk", 8),
        ("night receptionist", 8),
        ("call center", 8),
        ("call centre", 8),
        ("customer service", 8),
        ("coffee", 8),
        ("wickie", 8),
        ("eclairagiste", 8),
        ("clerk", 8),
        ("a", 8),
        ("a", 3),
        ("the", 8),
        ("xyzzy", 8),
        ("", 8),
        ("  !!! ", 8),
        ("waiter", 8),
        ("chef", 8),
        ("police officer", 8),
        ("mechanic", 8),
        ("social worker", 8),
        ("flight attendant", 8),
        ("nurs", 8),
        ("nursse", 8),
        ("toll colector", 8),
        ("head of it", 8),
        ("c", 3),
        # Plurals count as their singular; the typed title may end with a whole name.
        ("receptionists", 8),
        ("toll booth operators", 8),
        ("chefs", 8),
        ("senior receptionist", 8),
        ("night shift toll collector", 8),
        ("aircraft mechanic", 8),
        ("server administrator", 8),
        ("receptionist supervisor", 8),
        ("senior software engineers", 8),
        ("bus", 8),
        ("busses", 8),
        ("ies", 8),
        # Only the last word may be unfinished, and the words come in the order typed:
        # "school nurse" is not "Nursery school teacher", "desk fro" is not "Front desk".
        ("school nurse", 8),
        ("desk fro", 8),
        ("front de", 8),
        ("fro desk", 8),
        ("toll boo", 8),
        ("chef cuis", 8),
    ]:
        search_cases.append(
            {
                "name": f"{query!r} limit {limit}",
                "query": query,
                "limit": limit,
                "expected": finder.search_roles(data, query, limit),
            }
        )
    _write("search.json", {"data": "data.json", "cases": search_cases})

    encode_cases = [
        {"answers": answers, "job": job, "expected": finder.encode_share(answers, job)}
        for answers, job in [
            ([0] * 8, ""),
            ([4, 3, 3, 4, 1, 2, 1, 3], "waiter"),
            ([1, 2, 3, 4, 0, 1, 2, 3], "Réceptionniste de nuit"),
            ([2] * 8, "🧑‍🚒 <b>firefighter</b> & co"),
        ]
    ]
    texts = [case["expected"] for case in encode_cases] + [
        "",
        "A" * 513,
        "abc$",
        "abc=",
        "abcde",
        "////",
        _b64("not json"),
        _b64('{"v":1,"k":"f","a":"00000000","x":NaN}'),
        _b64('{"v":1,"k":"f","a":"00000000","x":Infinity}'),
        _b64("[1,2]"),
        _b64("null"),
        _b64('"text"'),
        _b64('{"v":2,"k":"f","a":"00000000"}'),
        _b64('{"v":"1","k":"f","a":"00000000"}'),
        _b64('{"v":true,"k":"f","a":"00000000"}'),
        _b64('{"v":1.0,"k":"f","a":"00000000"}'),
        _b64('{"v":1,"k":"p","a":"00000000"}'),
        _b64('{"v":1,"k":"f"}'),
        _b64('{"v":1,"k":"f","a":"00000000","__proto__":{}}'),
        _b64('{"v":1,"k":"f","a":"00000000","a":"11111111"}'),
        _b64('{"v":1,"k":"f","a":"0000000"}'),
        _b64('{"v":1,"k":"f","a":"000000000"}'),
        _b64('{"v":1,"k":"f","a":"00000005"}'),
        _b64('{"v":1,"k":"f","a":"0000000٣"}'),
        _b64('{"v":1,"k":"f","a":"000000😀"}'),
        _b64('{"v":1,"k":"f","a":12345678}'),
        _b64('{"v":1,"k":"f","a":"00000000","j":""}'),
        _b64(r'{"v":1,"k":"f","a":"00000000","j":" \t "}'),
        _b64(r'{"v":1,"k":"f","a":"00000000","j":"\ufeff"}'),
        _b64('{"v":1,"k":"f","a":"00000000","j":null}'),
        _b64('{"v":1,"k":"f","a":"00000000","j":"' + "é" * 80 + '"}'),
        _b64('{"v":1,"k":"f","a":"00000000","j":"' + "😀" * 80 + '"}'),
        _b64('{"v":1,"k":"f","a":"00000000","j":"' + "x" * 81 + '"}'),
        _b64(r'{"v":1,"k":"f","a":"00000000","j":"a\u202eb"}'),
        _b64(r'{"v":1,"k":"f","a":"00000000","j":"a\u0085b"}'),
        _b64(r'{"v":1,"k":"f","a":"00000000","j":"\ud83d"}'),
        _b64('{"v":1,"k":"f","a":"00000000","j":"<img src=x onerror=alert(1)>"}'),
        "eyJ2IjoxLCJrIjoiZiIsImEiOiIwMDAwMDAwMCJ9",
        "eyJ2IjoxLCJrIjoiZiIsImEiOiIwMDAwMDAwMCJ9==",
        "_w",
    ]
    decode_cases = []
    for text in texts:
        try:
            decode_cases.append({"text": text, "expected": finder.decode_share(data, text)})
        except finder.ShareError as error:
            decode_cases.append({"text": text, "error": error.code})
    _write(
        "share.json",
        {"data": "data.json", "encode": encode_cases, "decode": decode_cases},
    )


FIXTURE = Path(__file__).parent / "js" / "fixtures" / "finder.html"
FIXTURE_HEAD = """<!doctype html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Are you in customer service? - quizbuilder finder fixture</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="material-main.css">
<link rel="stylesheet" href="material-palette.css">
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" \
data-md-color-accent="indigo">
<header class="md-header" data-md-component="header"><nav class="md-header__inner md-grid">\
<span class="md-header__topic">Are you in customer service?</span></nav></header>
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">\
<div class="md-content" data-md-component="content">
<article class="md-content__inner md-typeset">
"""
FIXTURE_TAIL = """<link rel="stylesheet" href="quizbuilder.css">
<link rel="stylesheet" href="finder.css">
<script src="finder.js" defer></script>
</article>
</div></div></div></main>
<footer class="md-footer"><p>Footer</p></footer></div>
</body>
</html>
"""


def regenerate_fixture() -> None:
    """tests/js/fixtures/finder.html: the finder page as MkDocs would render it."""
    body = _page().split("---\n", 2)[2]
    html_body = markdown.markdown(body, extensions=["attr_list", "md_in_html", "toc"])
    FIXTURE.write_text(FIXTURE_HEAD + html_body + "\n" + FIXTURE_TAIL, encoding="utf-8")


if __name__ == "__main__":
    regenerate_vectors()
    regenerate_fixture()
