"""Item-writing warnings: quiz content that is valid but easy to game or unfinished.

Each rule returns `Problem`s with `severity="warning"` and a short rule name. They are
advice, not errors: `quizbuilder check` prints them and still succeeds, `--strict` (and
the site's CI) makes them fail. Rules:

- `correct-longest`: in a graded quiz, the correct option is the longest in more than
  half of its single questions (a reader can pass by picking the longest);
- `best-longest`: the same cue in a profile quiz: the highest-scoring option is the
  longest in more than half of its single questions;
- `few-distractors`: a graded "choose all that apply" question with fewer than two
  wrong options;
- `same-position`: among the questions whose options are not shuffled, the correct
  option sits in the same position in more than half;
- `unpinned-catch-all`: "all/none of the above" or "none of these" in a shuffled
  question without `pin: true` (after shuffling it may not be last);
- `template-placeholder`: text from the `new-role` template left in a role file;
- `distractor-is-customer`: in a graded "choose all that apply" question, an option keyed
  as wrong shares a distinctive word with someone the same file lists under `customers`
  (a reader who read the page would pick it, and be marked wrong);
- `same-finder-answers`: two roles give the same answer to every finder question, so
  the finder cannot tell them apart ("Jobs most like yours" ties them at 100%);
- `finder-headline`: the finder, given a role's own answers, leads with another kind of
  customer than the one the role's `customers` list most (or finds another role first),
  so the finder and the role page tell two stories.

Warnings name their field and count from 0 as errors do (`quizzes[0].questions[2]`),
and point at the line of what they are about: a question's warning at that question.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from . import finder
from .errors import Problem
from .loader import JsonPath, Positions
from .markdown_inline import render_text
from .model import Content, Option, Question, QuestionType, Quiz, QuizKind, Role, SiteSettings
from .schema import field_name

RULES = (
    "correct-longest",
    "best-longest",
    "few-distractors",
    "same-position",
    "unpinned-catch-all",
    "template-placeholder",
    "distractor-is-customer",
    "same-finder-answers",
    "finder-headline",
)

PLACEHOLDERS = (
    "Replace me",
    "Write the article here",
    "Write the correct answer here",
    "Write a wrong answer here",
    "Which of these is a customer of this role?",
    "Say why the answer is right",
    "A statement that shows",
)
"""Texts of quizbuilder/templates/new_role.md.j2 that an editor must replace (every text
of the template but the role's own title and sector, the quiz titles and "None of
these"; tests/test_lint.py holds the template to this)."""

CATCH_ALL = re.compile(r"\b(?:all|none|neither) of (?:the above|these|those|them)\b", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_SUFFIXES = ("ings", "ing", "ers", "er", "ies", "es", "s", "ed")
GENERIC_WORDS = frozenset(
    [
        "about",
        "after",
        "also",
        "another",
        "anyone",
        "asks",
        "away",
        "before",
        "being",
        "both",
        "business",
        "businesses",
        "client",
        "clients",
        "colleague",
        "colleagues",
        "company",
        "companies",
        "customer",
        "customers",
        "does",
        "down",
        "each",
        "every",
        "everyone",
        "firm",
        "firms",
        "from",
        "group",
        "groups",
        "have",
        "here",
        "into",
        "just",
        "like",
        "local",
        "member",
        "members",
        "more",
        "most",
        "need",
        "needs",
        "only",
        "other",
        "others",
        "over",
        "people",
        "person",
        "public",
        "same",
        "service",
        "services",
        "some",
        "someone",
        "staff",
        "team",
        "teams",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "upon",
        "very",
        "what",
        "when",
        "where",
        "which",
        "while",
        "whose",
        "with",
        "without",
        "work",
        "works",
        "worker",
        "workers",
        "your",
        "yours",
    ]
)
"""Words too common in customer lists to mark one customer: not evidence of a clash."""
_ARTICLES = frozenset({"a", "an", "the"})
_PHRASE_ENDS = _ARTICLES | frozenset(
    [
        "who",
        "whom",
        "whose",
        "that",
        "which",
        "where",
        "when",
        "while",
        "on",
        "in",
        "at",
        "for",
        "of",
        "from",
        "to",
        "with",
        "by",
        "across",
        "about",
        "into",
        "onto",
        "over",
        "under",
        "behind",
        "beside",
        "near",
        "through",
        "during",
        "after",
        "before",
    ]
)
MIN_QUESTIONS = 2
"""A position or length cue needs at least this many questions to be a pattern."""


def lint(
    roles: Sequence[Role],
    positions: Mapping[str, Positions] | None = None,
    settings: SiteSettings | None = None,
) -> list[Problem]:
    """Every item-writing warning in `roles`, sorted by position (the finder rules that
    need the site file only with `settings`)."""
    positions = positions or {}
    found: list[Problem] = []
    for role in roles:
        found += lint_role(role, positions.get(role.path))
    found += lint_site(roles, positions, settings)
    return sorted(found)


def lint_site(
    roles: Sequence[Role],
    positions: Mapping[str, Positions] | None = None,
    settings: SiteSettings | None = None,
) -> list[Problem]:
    """The warnings that compare roles with each other or with the finder (never cached
    per file: they change when another file does)."""
    positions = positions or {}
    found = list(_same_finder_answers(roles, positions))
    if settings is not None and settings.finder_questions:
        data = finder.finder_data(Content(settings, tuple(roles), ()), lambda role: "")
        for role in roles:
            story = finder_headline(role, data, first=False)
            if story is not None:
                trait, message = story
                at: JsonPath = ("finder", trait) if trait else ("finder",)
                found.append(
                    _Warner(role.path, positions.get(role.path))(at, "finder-headline", message)
                )
    return found


def _tie(role: Mapping[str, Any]) -> tuple[str, str]:
    """How `finder.match_roles` orders roles at the same distance."""
    return (finder.normalise(role["title"]), role["slug"])


def _lead(data: Mapping[str, Any], values: list[int]) -> list[str]:
    """The customer kinds the finder's result leads with for `values`, first first."""
    kinds: list[str] = finder.customer_profile(data, values)["verdict"]["kinds"]
    return kinds


def finder_headline(
    role: Role, data: Mapping[str, Any], *, first: bool = True
) -> tuple[str, str] | None:
    """Why the finder tells another story about `role` than its page does, or None.

    Given the role's own finder answers, the finder's result must lead with the kind of
    customer the role's `customers` list most (any of them, on a tie), and (with
    `first`) find this role first. Returns `(trait, message)`: the finder value to
    change ("" when no one value would do) and what to do. `data` is
    `finder.finder_data` of the site.
    """
    values = [role.finder[q["id"]] for q in data["questions"]]
    if first:
        # Only identical answers are at distance 0, so the closest role is the first of
        # the roles with these answers in the finder's own order.
        same = [r for r in data["roles"] if r["v"] == values]
        closest = min(same, key=_tie) if same else finder.match_roles(data, values, k=1)[0]
        if closest["slug"] != role.slug:
            return (
                "",
                f"the finder, given this role's own answers, finds {closest['title']} "
                f"({closest['slug']}) first: change the answer that differs most between "
                "the jobs",
            )
    counts = Counter(customer.kind for customer in role.customers)
    if not counts:
        return None
    most = max(counts.values())
    listed = [k["id"] for k in data["kinds"] if counts.get(k["id"]) == most]
    lead = _lead(data, values)
    if lead and lead[0] in listed:
        return None
    tally = ", ".join(f"{counts[k['id']]} {k['id']}" for k in data["kinds"] if k["id"] in counts)
    leads = f"leads with {lead[0]!r}" if lead else "points at no kind of customer"
    named = [repr(kind) for kind in listed]
    most_kinds = " and ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)
    message = (
        f"the finder, given this role's own answers, {leads}, but the customers listed here "
        f"are mostly {most_kinds} ({tally})"
    )
    change = _headline_fix(data, values, listed, lead)
    if change is None:
        return "", message + ": change the finder values or the customers so they agree"
    index, value = change
    trait = data["questions"][index]["id"]
    verb = "raise" if value > values[index] else "lower"
    return (
        trait,
        f"{message}: {verb} finder.{trait} from {values[index]} to {value}, or list the "
        "customers this role really serves most",
    )


def _headline_fix(
    data: Mapping[str, Any], values: list[int], listed: Sequence[str], lead: Sequence[str]
) -> tuple[int, int] | None:
    """The smallest change of one finder value that makes the finder lead with a kind in
    `listed`: raising a question about that kind first, else lowering one about the
    kind it leads with. `(question index, new value)`, or None."""
    questions = data["questions"]
    for wanted, step in ((set(listed), 1), (set(lead[:1]), -1)):
        for distance in range(1, max((q["max"] for q in questions), default=0) + 1):
            for index, question in enumerate(questions):
                value = values[index] + step * distance
                if question["kind"] not in wanted or not 0 <= value <= question["max"]:
                    continue
                changed = [*values[:index], value, *values[index + 1 :]]
                found = _lead(data, changed)
                if found and found[0] in listed:
                    return index, value
    return None


def _same_finder_answers(
    roles: Sequence[Role], positions: Mapping[str, Positions]
) -> Iterator[Problem]:
    """One warning on each role whose finder answers another role gives too."""
    by_answers: dict[tuple[tuple[str, int], ...], list[Role]] = {}
    for role in roles:
        if role.finder:
            by_answers.setdefault(tuple(sorted(role.finder.items())), []).append(role)
    for twins in by_answers.values():
        if len(twins) < 2:
            continue
        for role in twins:
            others = ", ".join(f"{o.title} ({o.path})" for o in twins if o is not role)
            yield _Warner(role.path, positions.get(role.path))(
                ("finder",),
                "same-finder-answers",
                f"the same answers as {others}: the finder cannot tell these roles apart; "
                "change the answer that differs most between the jobs",
            )


def lint_role(role: Role, positions: Positions | None = None) -> list[Problem]:
    """The warnings of one role file."""
    warn = _Warner(role.path, positions)
    found = list(_placeholders(role, warn))
    for index, quiz in enumerate(role.quizzes):
        found += _lint_quiz(quiz, ("quizzes", index), warn)
        if quiz.kind is QuizKind.GRADED:
            found += _distractors_named_as_customers(role, quiz, ("quizzes", index), warn)
    return found


def stems(words: Iterable[str]) -> set[str]:
    """Distinctive word stems: lower case, a common suffix off (`caterers` and
    `catering` both give `cater`), generic and short words dropped."""
    found = set()
    for word in words:
        word = word.casefold()
        if len(word) < 4 or word in GENERIC_WORDS:
            continue
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        found.add(word)
    return found


def first_phrase(text: str) -> list[str]:
    """The words of `text` before its first preposition, relative word or second
    article: who or what it names, without what it does (`The catering firm` of
    "The catering firm that loads the meal carts")."""
    words = _WORD.findall(text)
    for index, word in enumerate(words):
        if word.casefold() in _PHRASE_ENDS and (index or word.casefold() not in _ARTICLES):
            return words[:index]
    return words


def customer_heads(who: str) -> set[str]:
    """The stems of the people a `customers[].who` lists: the last word of each item's
    first phrase (`agent`, `cleaner`, `cater` of "Gate agents, cleaners and caterers")."""
    items = re.split(r",|;|\band\b|\bor\b", who)
    return stems(phrase[-1] for phrase in map(first_phrase, items) if phrase)


def _distractors_named_as_customers(
    role: Role, quiz: Quiz, at: JsonPath, warn: _Warner
) -> Iterator[Problem]:
    """Wrong options of "choose all that apply" questions that name a listed customer.

    An option names someone by its first phrase; a customer is named by the heads of
    its `who`. Words of the role's own title and aliases ('plumb' for a plumber) are
    shared by half its world and say nothing."""
    own = stems(_WORD.findall(" ".join((role.title, *role.aliases))))
    heads = [(customer, customer_heads(customer.who) - own) for customer in role.customers]
    for index, question in enumerate(quiz.questions):
        if question.type is not QuestionType.MULTIPLE:
            continue
        for number, option in enumerate(question.options):
            if option.correct:
                continue
            named = stems(first_phrase(render_text(option.text))) - own
            for customer, theirs in heads:
                shared = sorted(named & theirs)
                if shared:
                    yield warn(
                        (*at, "questions", index, "options", number, "text"),
                        "distractor-is-customer",
                        f"{option.text!r} is keyed as not a customer, but the page lists "
                        f"{customer.who!r} among the customers (both name "
                        f"{', '.join(repr(w) for w in shared)}): name someone the page does "
                        "not list, or key it as correct",
                    )
                    break


class _Warner:
    def __init__(self, path: str, positions: Positions | None) -> None:
        self.path = path
        self.positions = positions

    def __call__(self, at: JsonPath, rule: str, message: str) -> Problem:
        line, column = self.positions.value(at) if self.positions else (1, 1)
        return Problem(
            self.path, line, column, field_name(at), message, severity="warning", rule=rule
        )


def shuffled(quiz: Quiz, question: Question) -> bool:
    """Whether the browser shuffles this question's options."""
    if question.type is QuestionType.SCALE:
        return False
    return quiz.shuffle if question.shuffle is None else question.shuffle


def _length(option: Option) -> int:
    return len(" ".join(render_text(option.text).split()))


def _longest(question: Question) -> int | None:
    """The index of the one longest option; None when two share the greatest length."""
    lengths = [_length(o) for o in question.options]
    top = max(lengths, default=0)
    return lengths.index(top) if lengths.count(top) == 1 else None


def _lint_quiz(quiz: Quiz, at: JsonPath, warn: _Warner) -> list[Problem]:
    found: list[Problem] = []
    singles = [
        (i, q)
        for i, q in enumerate(quiz.questions)
        if q.type is QuestionType.SINGLE and len(q.options) >= 2
    ]
    graded = quiz.kind is QuizKind.GRADED
    if len(singles) >= MIN_QUESTIONS:
        cued = [i for i, q in singles if _cued(q, graded)]
        if len(cued) * 2 > len(singles):
            what = "correct option" if graded else "highest-scoring option"
            numbers = _numbers(cued)
            # One warning per question, at that question: each is a place to fix.
            for index in cued:
                found.append(
                    warn(
                        (*at, "questions", index),
                        "correct-longest" if graded else "best-longest",
                        f"the {what} is the longest, as in {len(cued)} of {len(singles)} "
                        f"single questions of this quiz ({numbers}): make the other "
                        "options as long and as plausible",
                    )
                )
    if graded:
        found += _same_position(quiz, at, warn)
    for index, question in enumerate(quiz.questions):
        here: JsonPath = (*at, "questions", index)
        if graded and question.type is QuestionType.MULTIPLE:
            wrong = sum(not o.correct for o in question.options)
            if wrong < 2:
                found.append(
                    warn(
                        (*here, "id"),
                        "few-distractors",
                        f"'choose all that apply' with {wrong} wrong option"
                        f"{'' if wrong == 1 else 's'}: add wrong options a newcomer "
                        "could believe (at least 2)",
                    )
                )
        if shuffled(quiz, question):
            for number, option in enumerate(question.options):
                if not option.pin and CATCH_ALL.search(option.text):
                    found.append(
                        warn(
                            (*here, "options", number, "text"),
                            "unpinned-catch-all",
                            f"{option.text!r} refers to the other options, but the options "
                            "are shuffled: add 'pin: true' to keep it in place",
                        )
                    )
    return found


def _cued(question: Question, graded: bool) -> bool:
    longest = _longest(question)
    if longest is None:
        return False
    if graded:
        return question.options[longest].correct
    totals = [sum(o.points.values()) for o in question.options]
    return totals[longest] == max(totals) and min(totals) != max(totals)


def _same_position(quiz: Quiz, at: JsonPath, warn: _Warner) -> list[Problem]:
    fixed = [
        (i, q)
        for i, q in enumerate(quiz.questions)
        if q.type is QuestionType.SINGLE and not shuffled(quiz, q) and len(q.options) >= 2
    ]
    if len(fixed) < MIN_QUESTIONS:
        return []
    where = {i: next(n for n, o in enumerate(q.options) if o.correct) for i, q in fixed}
    place, count = Counter(where.values()).most_common(1)[0]
    if count * 2 <= len(fixed):
        return []
    same = [i for i, _q in fixed if where[i] == place]
    return [
        warn(
            (*at, "questions", index),
            "same-position",
            f"the options are not shuffled and the correct option is options[{place}], as in "
            f"{count} of {len(fixed)} single questions of this quiz ({_numbers(same)}): "
            "vary its position or allow shuffling",
        )
        for index in same
    ]


def _numbers(indexes: Iterable[int]) -> str:
    """`questions[0], questions[2]`: questions numbered as in error messages."""
    return ", ".join(f"questions[{index}]" for index in indexes)


def _texts(role: Role) -> Iterator[tuple[JsonPath, str]]:
    """Every editor-written text of a role's front matter, with its JSON path."""
    yield ("title",), role.title
    yield ("summary",), role.summary
    yield ("sector",), role.sector
    for index, alias in enumerate(role.aliases):
        yield ("aliases", index), alias
    for index, customer in enumerate(role.customers):
        yield ("customers", index, "who"), customer.who
        yield ("customers", index, "needs"), customer.needs
    for q_index, quiz in enumerate(role.quizzes):
        at: JsonPath = ("quizzes", q_index)
        yield (*at, "title"), quiz.title
        yield (*at, "intro"), quiz.intro
        for index, question in enumerate(quiz.questions):
            here: JsonPath = (*at, "questions", index)
            yield (*here, "text"), question.text
            yield (*here, "explanation"), question.explanation
            for number, option in enumerate(question.options):
                yield (*here, "options", number, "text"), option.text


def _placeholders(role: Role, warn: _Warner) -> Iterator[Problem]:
    lowered = [p.casefold() for p in PLACEHOLDERS]
    texts = list(_texts(role))
    # Almost every role has none: one look at all its text first, then where, if any.
    everything = "\n".join([role.body, *(text for _, text in texts)]).casefold()
    if not any(low in everything for low in lowered):
        return
    for at, text in texts:
        folded = text.casefold()
        for placeholder, low in zip(PLACEHOLDERS, lowered, strict=True):
            if low in folded:
                yield warn(
                    at,
                    "template-placeholder",
                    f"{placeholder!r} is text from the new-role template: write this role's own",
                )
                break
    for offset, line in enumerate(role.body.split("\n")):
        folded = line.casefold()
        for placeholder, low in zip(PLACEHOLDERS, lowered, strict=True):
            column = folded.find(low)
            if column >= 0:
                yield Problem(
                    role.path,
                    role.body_line + offset,
                    column + 1,
                    "-",
                    f"{placeholder!r} is text from the new-role template: write the article",
                    severity="warning",
                    rule="template-placeholder",
                )
                break
