"""A blind bot takes every graded quiz of the real site and must score near chance.

It never reads a question. It answers each graded quiz twice in Chromium, as a
visitor would (clicking labels, options in the order the page shows them):

- "longest": the longest option; on "choose all that apply", everything but the
  shortest option;
- "shortest": the shortest option; on "choose all that apply", everything but the
  longest (writers who avoid long right answers can make the short one the cue);
- "position": the second option shown; on "choose all that apply", everything but
  the last option shown.

Why the thresholds are what they are (computed from the site's own quiz data):

- The position rule is pure chance once options are shuffled. For a single question
  with `n` options it is right with probability p = 1/n (a pinned option in
  position 2 makes it certain: right or wrong). For "choose all that apply" it is
  right only when the one wrong option lands last: p = 1/n with exactly one wrong
  option, 0 with two or more. The expected share of questions right is
  E = mean(p), and its standard deviation over the site's N questions is
  sd = sqrt(sum p(1-p)) / N. The bot fails above E + 3 sd: a fair site passes
  99.8% of runs.
- The length rules are not random processes: they measure the content. A site whose
  right answers carry no length cue lets them score what the position rule scores
  by chance, so they get the same limit, E + 3 sd. (Issue 9's own floor, the correct
  option longest in at most 40% of single questions, would allow about 0.40 x S/N +
  3 sd; this site is held to chance instead, because its content was rewritten for
  it: in 181 single questions the right answer is the shortest, second, third and
  longest option about equally often.)

The scores are printed (run with `-s` to see them) and are in the failure message.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page
from quiz_helpers import quiz_data, stored_attempts

ROLES = sorted(p.stem for p in (Path(__file__).parents[2] / "docs" / "roles").glob("*.md"))


def _labels(form: Locator, qid: str) -> list[tuple[int, int, Locator]]:
    """(source index, text length, label) of each option, in the order shown.

    The page is read in one call per question (its options' values and visible
    texts, as shown); the bot then clicks each chosen label as a person would.
    """
    options = form.locator(f"fieldset[data-qb-question='{qid}'] .qb-option")
    seen = options.evaluate_all(
        "els => els.map(e => [e.querySelector('input').value, e.querySelector('label').innerText])"
    )
    return [
        (int(value), len(" ".join(text.split())), options.nth(index).locator("label"))
        for index, (value, text) in enumerate(seen)
    ]


def _blind_choice(rule: str, kind: str, shown: list[tuple[int, int, Locator]]) -> list[Locator]:
    lengths = [length for _v, length, _l in shown]
    if rule == "longest":
        if kind == "single":
            return [shown[lengths.index(max(lengths))][2]]
        skip = lengths.index(min(lengths))
        return [label for i, (_v, _n, label) in enumerate(shown) if i != skip]
    if rule == "shortest":
        if kind == "single":
            return [shown[lengths.index(min(lengths))][2]]
        skip = lengths.index(max(lengths))
        return [label for i, (_v, _n, label) in enumerate(shown) if i != skip]
    if kind == "single":
        return [shown[1][2]]
    return [label for _v, _n, label in shown[:-1]]


def _chance(question: dict[str, Any]) -> float:
    """The position rule's probability of being right under shuffling."""
    options = question["options"]
    n = len(options)
    shuffled = question.get("shuffle", False)
    if question["type"] == "single":
        at = 1
        if not shuffled or options[at].get("pin"):
            return 1.0 if options[at]["correct"] else 0.0
        free = [o for o in options if not o.get("pin")]
        return sum(o["correct"] for o in free) / len(free)
    wrong = [i for i, o in enumerate(options) if not o["correct"]]
    if len(wrong) != 1:
        return 0.0
    if not shuffled or options[-1].get("pin"):
        return 1.0 if wrong == [n - 1] else 0.0
    if options[wrong[0]].get("pin"):
        return 0.0
    return 1 / len([o for o in options if not o.get("pin")])


def _take(page: Page, form: Locator, rule: str) -> dict[str, Any]:
    data = quiz_data(form)
    for question in data["questions"]:
        for label in _blind_choice(rule, question["type"], _labels(form, question["id"])):
            label.click()
    form.locator(".qb-actions button[type=submit]").click()
    form.locator(".qb-result h3").wait_for(state="visible")
    result: dict[str, Any] = [a for a in stored_attempts(page) if a["quiz"] == data["id"]][-1][
        "result"
    ]
    form.locator(".qb-result button", has_text="Retake").click()
    form.locator(".qb-actions button[type=submit]").wait_for(state="visible")
    return result


def test_blind_rules_score_near_chance_on_every_graded_quiz(page: Page, base_url: str) -> None:
    # A visitor who asked for reduced motion: the result comes into view at once, so
    # no click waits for a smooth scroll to settle (what the bot answers is the same).
    page.emulate_media(reduced_motion="reduce")
    right = {"longest": 0, "shortest": 0, "position": 0}
    questions: list[dict[str, Any]] = []
    for slug in ROLES:
        page.goto(f"{base_url}/roles/{slug}/")
        page.locator("form.qb-quiz[data-qb-ready]").first.wait_for(state="attached")
        for form in page.locator("form.qb-quiz--graded").all():
            questions += quiz_data(form)["questions"]
            for rule in right:
                right[rule] += _take(page, form, rule)["correct"]
    total = len(questions)
    assert total > 0
    chances = [_chance(q) for q in questions]
    expected = sum(chances) / total
    sd = math.sqrt(sum(p * (1 - p) for p in chances)) / total
    singles = sum(q["type"] == "single" for q in questions)
    limits = dict.fromkeys(right, expected + 3 * sd)
    scores = {rule: right[rule] / total for rule in right}
    report = (
        f"{total} graded questions ({singles} single); chance for the position rule "
        f"{expected:.1%} (sd {sd:.1%}); "
        + "; ".join(
            f"{rule}: {right[rule]}/{total} = {scores[rule]:.1%} (limit {limits[rule]:.1%})"
            for rule in right
        )
    )
    print(report)
    assert all(scores[rule] <= limits[rule] for rule in right), report
