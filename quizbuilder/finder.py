"""The site-wide finder "Are you in customer service?": data, matching, search, page.

Pure functions over the content model. `finder-core.js` implements `match_roles`,
`customer_profile`, `search_roles`, `normalise` and the share-link codec the same way
(`finder.js` is its page code); the shared vectors in `tests/vectors/finder/` hold both
to the same answers. Every number that leaves these
functions is an integer, so Python and JavaScript cannot disagree on rounding.
"""

from __future__ import annotations

import base64
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from quizbuilder.constants import percent
from quizbuilder.model import Content, Role
from quizbuilder.render.templating import encode_json, environment

DATA_VERSION = 1

DEFAULT_FINDER_STRINGS: dict[str, str] = {
    "search_label": "Your job title",
    "search_hint": "Type a job title, or what people call it.",
    "search_noscript": "Searching needs JavaScript.",
    "search_browse": "Browse every role instead.",
    "search_count_one": "1 role matches.",
    "search_count_other": "{count} roles match.",
    "search_guess": "No role page matches “{query}”. Did you mean …?",
    "search_partial": "There is no page for exactly “{query}”. The closest:",
    "search_none": "There is no page for “{query}” yet.",
    "search_none_after_guess": "If it is none of these, there is no page for “{query}” yet.",
    "search_try_finder": "Take the finder for “{query}”: it works for any job.",
    "search_add": "Know this job well? Add a page for it.",
    "search_alias": "also called {alias}",
    "finder_title": "Who does your work serve?",
    "finder_intro": "Answer for a typical week. There are no right answers.",
    "finder_job_label": "Your job title (optional)",
    "finder_noscript": "Matching your answers needs JavaScript. You can still read the questions.",
    "finder_submit": "Show my answer",
    "finder_missing_title": "A few questions still need an answer",
    "finder_missing_text": "Answer every question to see your result. Still to answer:",
    "finder_for": "Your answers for “{job}”",
    "finder_yours": "Your answers",
    "finder_shared": "A shared finder result",
    "finder_shared_for": "Shared answers for “{job}”",
    "finder_shared_note": "Someone shared these finder answers with you.",
    "finder_shared_invalid": "This finder link is not valid, so there is nothing to show.",
    "finder_share_line": "Customer service: about {share}% of your work",
    "finder_share_how": "This is your highest answer to the three questions about who your "
    "work is for, as a share of the top answer.",
    "finder_kinds_title": "Who you serve",
    "finder_roles_title": "Jobs most like yours",
    "finder_roles_none_similar": "No role on this site works much like yours yet. "
    "These are the nearest:",
    "finder_fit": "{label} ({fit}%)",
    "finder_fit_how": "Closeness: 100% means the same answers; 0% means no closer than "
    "two people answering at random.",
    "close_same": "Same answers",
    "close_nearly": "Nearly the same",
    "close_similar": "Similar",
    "close_somewhat": "Somewhat alike",
    "close_unlike": "Not much alike",
    "finder_quizzes": "Quizzes for {title}:",
    "finder_retake": "Answer again",
    "finder_take": "Take it yourself",
    "finder_share": "Copy link to this result",
    "finder_share_copied": "Link copied.",
    "finder_share_manual": "Copy this link:",
    "finder_saved": "Saved in My results.",
    "finder_not_saved": "This result could not be saved in this browser.",
    "finder_history_title": "Finder: who does your work serve?",
    "finder_all_results": "All my results",
    "finder_strength": "{label}, {strength} out of 100",
    "label_strong": "Strong",
    "label_some": "Some",
    "label_light": "Light",
    "label_none": "None",
    "and": "and",
    "verdict_clear": "Yes — mostly {kinds}",
    "verdict_all": "Yes — every kind of customer",
    "verdict_quiet": "Yes, in a quieter way — mostly {kinds}",
    "verdict_none": "Not in the usual sense — but someone still relies on you",
    "verdict_clear_text": "Whatever your job title says, a large part of your work is serving "
    "people. Knowing what they need from you is the job.",
    "verdict_quiet_text": "You don't meet many customers face to face, but someone still "
    "depends on what you do. Knowing who they are, and what they need, is what customer "
    "service means in a job like yours.",
    "verdict_none_text": "You rarely deal with anyone directly, and that is an honest answer. "
    "Still, almost every job ends up in someone's hands: the colleague who uses your "
    "figures, the public who never see you keep things running. They are your customers, "
    "even if you never meet them.",
}
"""Every text the finder shows; the page template and `finder.js` read them from here."""

PAGE_ONLY_STRINGS = frozenset(
    {
        "search_label",
        "search_hint",
        "search_noscript",
        "search_browse",
        "finder_title",
        "finder_intro",
        "finder_job_label",
        "finder_noscript",
        "finder_submit",
    }
)
"""Strings only the server-rendered page shows; left out of the data to keep it small."""

STRENGTH_LABELS: tuple[tuple[int, str], ...] = ((67, "strong"), (34, "some"), (1, "light"))
"""(lowest strength, label), highest first; below the last one the label is `none`."""

CLOSE_TO_TOP = 10
"""Kinds within this many points of the strongest share the verdict."""

CLEAR_FROM = 34
"""A strongest kind at or above this makes the verdict `clear`, below it `quiet`."""

CLOSENESS_LABELS: tuple[tuple[int, str], ...] = (
    (100, "same"),
    (90, "nearly"),
    (70, "similar"),
    (40, "somewhat"),
    (0, "unlike"),
)
"""(lowest closeness, label), highest first."""

SIMILAR_FROM = 70
"""A role at or above this closeness is "similar"; below it the result says none is."""

_APOSTROPHES = frozenset("'’`ʼ")
STOP_WORDS = frozenset({"and", "the", "for", "with", "of", "a", "an", "in", "at", "to"})
"""Words a job-title search does not require (unless the query is nothing else)."""

MATCH_EXACT, MATCH_WORDS, MATCH_PREFIX, MATCH_TYPO, MATCH_PARTIAL = 0, 1, 2, 3, 4
MATCH_NAMES = ("exact", "words", "prefix", "typo", "partial")
"""The name of each match tier above, as search results report it."""

_T = TypeVar("_T")


# --- data ---------------------------------------------------------------------------


def finder_data(
    content: Content,
    page_url_for_role: Callable[[Role], str],
    strings: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The JSON-able data the finder page carries in `data-qb-finder`.

    `page_url_for_role` gives each role page's URL relative to the finder page.
    `strings` overrides any of `DEFAULT_FINDER_STRINGS`; other keys are ignored, so the
    plugin's whole `strings` option can be passed as it is.
    """
    questions = content.settings.finder_questions
    roles = []
    for role in content.roles:
        values = []
        for question in questions:
            if question.id not in role.finder:
                raise ValueError(f"{role.path}: finder.{question.id}: missing (expected 0..4)")
            values.append(role.finder[question.id])
        roles.append(
            {
                "slug": role.slug,
                "title": role.title,
                "aliases": list(role.aliases),
                "url": page_url_for_role(role),
                "summary": role.summary,
                "quizzes": [{"id": quiz.id, "title": quiz.title} for quiz in role.quizzes],
                "v": values,
            }
        )
    return {
        "v": DATA_VERSION,
        "questions": [{"id": q.id, "kind": q.kind, "max": len(q.options) - 1} for q in questions],
        "kinds": [{"id": k.id, "name": k.name} for k in content.settings.customer_kinds],
        "roles": roles,
        "strings": {
            key: value
            for key, value in finder_strings(strings).items()
            if key not in PAGE_ONLY_STRINGS
        },
    }


def finder_strings(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """`DEFAULT_FINDER_STRINGS` with the known keys of `overrides` applied."""
    merged = dict(DEFAULT_FINDER_STRINGS)
    for key, value in (overrides or {}).items():
        if key in merged:
            merged[key] = value
    return merged


# --- matching -----------------------------------------------------------------------


def check_answers(data: Mapping[str, Any], answers: list[int]) -> None:
    """Raise `ValueError` unless `answers` holds one in-range integer per question."""
    questions = data["questions"]
    if len(answers) != len(questions):
        raise ValueError(f"expected {len(questions)} answers, got {len(answers)}")
    for question, answer in zip(questions, answers, strict=True):
        if type(answer) is not int or not 0 <= answer <= question["max"]:
            raise ValueError(f"{question['id']}: {answer!r} is not in 0..{question['max']}")


def match_roles(data: Mapping[str, Any], answers: list[int], k: int = 3) -> list[dict[str, Any]]:
    """The `k` roles whose typical answers are closest to `answers`.

    Distance is the squared Euclidean distance (an integer, so the ranking is exact);
    ties go to the title, then the slug. `fit` is the calibrated `closeness` and
    `close` its word. One pass over the roles keeping the best `k`.
    """
    check_answers(data, answers)
    spread = random_spread(data)
    ranked = _top_k(
        (
            (
                (sum((a - v) * (a - v) for a, v in zip(answers, role["v"], strict=True)),),
                _tie_key(role),
                role,
            )
            for role in data["roles"]
        ),
        k,
    )
    matches = []
    for key, _tie, role in ranked:
        fit = closeness(key[0], spread)
        matches.append(
            {
                "slug": role["slug"],
                "title": role["title"],
                "url": role["url"],
                "summary": role["summary"],
                "quizzes": role.get("quizzes", []),
                "distance": key[0],
                "fit": fit,
                "close": closeness_label(fit),
            }
        )
    return matches


def random_spread(data: Mapping[str, Any]) -> int:
    """Six times the expected squared distance between two sets of random answers.

    For one question with answers 0..m chosen uniformly and independently,
    E[(a - b)²] = m(m + 2) / 6; six times it keeps the arithmetic in integers.
    """
    return sum(q["max"] * (q["max"] + 2) for q in data["questions"])


def closeness(distance: int, spread: int) -> int:
    """How alike two answer sets are, 0..100: 100 for the same answers, 0 for no
    closer than two people answering at random (or further apart).

    `100 × (1 − distance / expected random distance)`, rounded half up, floored at 0.
    """
    if spread <= 0:
        return 100
    return max(0, percent(spread - 6 * distance, spread))


def closeness_label(fit: int) -> str:
    """The word for a closeness: `same`, `nearly`, `similar`, `somewhat`, `unlike`."""
    for lowest, label in CLOSENESS_LABELS:
        if fit >= lowest:
            return label
    return "unlike"


def customer_profile(data: Mapping[str, Any], answers: list[int]) -> dict[str, Any]:
    """How strongly the answers point at each customer kind, the verdict, and `share`.

    A kind's strength is its questions' answers as an integer percent of their
    maximum; kinds no question is evidence for are left out. `share`, how much of the
    work is customer service, is the strongest kind's strength: the highest answer to
    the questions about who the work is for, as a share of the top answer.
    """
    check_answers(data, answers)
    strings = data["strings"]
    kinds: list[dict[str, Any]] = []
    for kind in data["kinds"]:
        points = maximum = 0
        for question, answer in zip(data["questions"], answers, strict=True):
            if question["kind"] == kind["id"]:
                points += answer
                maximum += question["max"]
        if maximum == 0:
            continue
        strength = percent(points, maximum)
        kinds.append(
            {
                "id": kind["id"],
                "name": kind["name"],
                "strength": strength,
                "label": _label(strength),
            }
        )
    top = max((kind["strength"] for kind in kinds), default=0)
    if top == 0:
        verdict = {
            "level": "none",
            "kinds": [],
            "headline": strings["verdict_none"],
            "text": strings["verdict_none_text"],
        }
    else:
        # Stable: kinds of equal strength keep the site's order.
        lead = sorted(
            (kind for kind in kinds if kind["strength"] >= top - CLOSE_TO_TOP),
            key=lambda kind: -kind["strength"],
        )
        level = "clear" if top >= CLEAR_FROM else "quiet"
        if level == "clear" and len(lead) == len(kinds) > 1:
            headline = strings["verdict_all"]
        else:
            names = [_in_sentence(kind["name"]) for kind in lead]
            headline = strings[f"verdict_{level}"].replace("{kinds}", _join(names, strings["and"]))
        verdict = {
            "level": level,
            "kinds": [kind["id"] for kind in lead],
            "headline": headline,
            "text": strings[f"verdict_{level}_text"],
        }
    return {"kinds": kinds, "verdict": verdict, "share": top}


def _label(strength: int) -> str:
    for lowest, label in STRENGTH_LABELS:
        if strength >= lowest:
            return label
    return "none"


def _in_sentence(name: str) -> str:
    """A kind's name as it reads mid-sentence: `The public` -> `the public`, `IT` kept."""
    first = name.split(" ")[0]
    if len(first) > 1 and first == first.upper():
        return name
    return name[:1].lower() + name[1:]


def _join(names: list[str], and_word: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {and_word} " + names[-1]


def _tie_key(role: Mapping[str, Any]) -> tuple[str, str]:
    return (normalise(role["title"]), role["slug"])


def _top_k(
    items: Iterable[tuple[tuple[int, ...], tuple[str, str], _T]], k: int
) -> list[tuple[tuple[int, ...], tuple[str, str], _T]]:
    """The `k` smallest `(key, tie, item)` by key then tie, in order: O(n·k), not a sort."""
    best: list[tuple[tuple[int, ...], tuple[str, str], _T]] = []
    if k <= 0:
        return best
    for entry in items:
        if len(best) == k and (entry[0], entry[1]) >= (best[-1][0], best[-1][1]):
            continue
        index = len(best)
        while index > 0 and (entry[0], entry[1]) < (best[index - 1][0], best[index - 1][1]):
            index -= 1
        best.insert(index, entry)
        if len(best) > k:
            best.pop()
    return best


# --- search -------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Lower case, accents dropped, apostrophes removed, other punctuation as spaces.

    `Chef de cuisine` and `CHEF-DE-CUISINE` both give `chef de cuisine`; `Driver's
    mate` gives `drivers mate`. Letters and digits of every script are kept.
    """
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text).lower():
        category = unicodedata.category(char)
        if category[0] == "M" or char in _APOSTROPHES:
            continue
        kept.append(char if category[0] in "LN" else " ")
    return " ".join(part for part in "".join(kept).split(" ") if part)


def _last_row(a: str, b: str, limit: int) -> list[int] | None:
    """Row `len(a)` of the optimal-string-alignment table of `a` against `b`.

    Entry `j` is the distance from `a` to `b[:j]`, so one pass answers both "how far
    from the whole word" and "how far from its start". None as soon as every entry of
    a row exceeds `limit` (later rows can only be larger).
    """
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return None
        before, previous = previous, current
    return previous


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment (restricted Damerau-Levenshtein) distance, capped.

    Returns `limit + 1` as soon as the distance must exceed `limit`.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    row = _last_row(a, b, limit)
    return limit + 1 if row is None else min(row[len(b)], limit + 1)


TYPO_LIMITS: tuple[tuple[int, int], ...] = ((4, 0), (7, 1))
"""(longest word length, typos tolerated), shortest first; longer words get 2."""
LONG_WORD_TYPOS = 2


def allowed_edits(length: int) -> int:
    """Typos tolerated in a query word of this length: none up to 4 letters, 1 up to 7,
    then 2. Short words have too many neighbours (`chef`/`chief`) for a guess to help."""
    for longest, typos in TYPO_LIMITS:
        if length <= longest:
            return typos
    return LONG_WORD_TYPOS


def _typo_cost(query: str, token: str) -> int | None:
    """The fewest typos between `query` and `token`, or between `query` and a start of
    `token` one letter shorter or longer than the query (a half-typed word with a
    typo), when within `allowed_edits`; else None. The first letters must agree:
    people rarely mistype the first letter, and a guess that changes it is a
    different word (`mechanic` is not `technician`)."""
    size = len(query)
    allowed = allowed_edits(size)
    if allowed == 0 or not token or token[0] != query[0] or len(token) < size - allowed:
        return None
    columns = min(len(token), size + allowed)
    row = _last_row(query, token[:columns], allowed)
    if row is None:
        return None
    best = row[len(token)] if len(token) <= columns else allowed + 1
    for length in (size - 1, size, size + 1):
        if 0 < length < len(token) and length <= columns:
            best = min(best, row[length])
    return best if best <= allowed else None


def _required(tokens: list[str]) -> list[str]:
    """The query words a name must match: all but stop words (all, if only those)."""
    kept = [token for token in tokens if token not in STOP_WORDS]
    return kept or tokens


def word_stem(word: str) -> str:
    """A word with a regular English plural ending taken off, so that `drivers`,
    `secretaries` and `coaches` compare equal to `driver`, `secretary` and `coach`.

    Applied to both sides of a whole-word comparison, never to word starts. Words of
    up to three letters and endings that are rarely plurals (`-ss`, `-us`, `-is`) are
    kept: `bus`, `boss` and `analysis` stay as they are.
    """
    if len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _partial_key(
    query_stems: list[str], name_stems: list[str], is_alias: int
) -> tuple[int, ...] | None:
    """`(MATCH_PARTIAL, uncovered, is_alias)` when the typed title ends with the whole
    name and has more words before it (`school bus driver` ends with `bus driver`);
    else None. The name must be the end of the title, where English puts the job
    itself: the words before it say which kind of that job (`senior`, `night shift`,
    `aircraft`), while `server administrator` is not a kind of server. Fewer words left
    over rank first."""
    size = len(name_stems)
    if size >= len(query_stems) or query_stems[-size:] != name_stems:
        return None
    return (MATCH_PARTIAL, len(query_stems) - size, is_alias)


def _name_key(query: str, words: list[str], name: str, is_alias: int) -> tuple[int, ...] | None:
    """How one title or alias matches the query (smaller is better), or None.

    `(MATCH_EXACT, …)`: the whole name; `(MATCH_WORDS, …)`: every query word is a word
    of the name; `(MATCH_PREFIX, …)`: the name being typed (`_being_typed`, or the query,
    spaces ignored, starts the name); `(MATCH_TYPO, typos,
    …)`: every query word is within `allowed_edits` of a word, and at least one needed
    a typo; else `_partial_key`.
    """
    tokens = name.split(" ")
    query_compact = query.replace(" ", "")
    name_compact = name.replace(" ", "")
    if query == name or query_compact == name_compact:
        return (MATCH_EXACT, 0, is_alias)
    stems = [word_stem(token) for token in tokens]
    if all(word in tokens or word_stem(word) in stems for word in words):
        return (MATCH_WORDS, 0, is_alias)
    if name_compact.startswith(query_compact) or _being_typed(words, tokens, stems):
        return (MATCH_PREFIX, 0, is_alias)
    typos = 0
    for word in words:
        if any(token.startswith(word) for token in tokens):
            continue
        costs = [c for c in (_typo_cost(word, token) for token in tokens) if c is not None]
        if not costs:
            break
        typos += min(costs)
    else:
        if typos:
            return (MATCH_TYPO, typos, is_alias)
    # No word of the name is a typo away, or the words only start the name's words in
    # another order ("school nurse" and "Nursery school teacher"): not this job.
    return _partial_key([word_stem(t) for t in query.split(" ")], stems, is_alias)


def _being_typed(words: list[str], tokens: list[str], stems: list[str]) -> bool:
    """The name as someone types it: the query's words are words of the name in the
    order typed, the last one perhaps unfinished ("dental assis" for "Dental
    Assistant"). An earlier word must be whole: "nurse practitioner" is not "Nursery
    practitioner", nor is "school nurse" "Nursery school teacher"."""
    position = 0
    for index, word in enumerate(words):
        last = index == len(words) - 1
        found = next(
            (
                i
                for i in range(position, len(tokens))
                if (last and tokens[i].startswith(word))
                or tokens[i] == word
                or stems[i] == word_stem(word)
            ),
            None,
        )
        if found is None:
            return False
        position = found + 1
    return True


def search_roles(data: Mapping[str, Any], query: str, limit: int = 8) -> list[dict[str, Any]]:
    """Roles whose title or an alias matches a typed job title, best first.

    Only the best kind of match is returned, so a list holds either matches or
    guesses, never both: names with every typed word as a whole word (`exact`,
    `words`; a plural counts as its singular); failing those, names with every typed
    word starting one of their words (`prefix`: a word still being typed); failing
    those, spelling guesses (`typo`, to be shown as "Did you mean …?"); failing those,
    names that the typed title ends with (`partial`, to be shown as the closest page,
    never as the job itself), those covering more of it first. Titles beat aliases on
    equal terms; then the title and slug decide. `alias` names the alias that matched.
    """
    text = normalise(query)
    if not text:
        return []
    words = _required(text.split(" "))
    candidates = []
    for role in data["roles"]:
        best: tuple[int, ...] | None = None
        best_alias: str | None = None
        names = [(role["title"], None), *((alias, alias) for alias in role["aliases"])]
        for index, (name, alias) in enumerate(names):
            key = _name_key(text, words, normalise(name), 1 if index else 0)
            if key is not None and (best is None or key < best):
                best, best_alias = key, alias
        if best is not None:
            candidates.append((best, _tie_key(role), (role, best_alias)))
    if not candidates:
        return []
    level = min(key[0] for key, _tie, _item in candidates)
    tier = {MATCH_EXACT, MATCH_WORDS} if level <= MATCH_WORDS else {level}
    return [
        {
            "slug": role["slug"],
            "title": role["title"],
            "url": role["url"],
            "summary": role["summary"],
            "match": MATCH_NAMES[key[0]],
            "alias": alias,
        }
        for key, _tie, (role, alias) in _top_k(
            (entry for entry in candidates if entry[0][0] in tier), limit
        )
    ]


# --- share links --------------------------------------------------------------------

SHARE_MAX = 512
"""The longest share payload (the text after `#qb=`) accepted."""

JOB_MAX = 80
"""The longest job title (in code points) a share link may carry."""

_SHARE_TEXT = re.compile(r"^[A-Za-z0-9_-]+$")
_JOB_REFUSED = re.compile(
    "[\\x00-\\x1f\\x7f-\\x9f\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069\\ufeff\\ud800-\\udfff]"
)


class ShareError(ValueError):
    """A finder share link that cannot be shown; `code` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(f"share link: {code}")
        self.code = code


def encode_share(answers: list[int], job: str = "") -> str:
    """The `#qb=` payload of a finder result: base64url of `{"v":1,"k":"f","a":"…"}`
    with the answers as digits, and `"j"` the job title when there is one."""
    payload: dict[str, Any] = {"v": 1, "k": "f", "a": "".join(str(a) for a in answers)}
    if job:
        payload["j"] = job
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _refuse_constant(name: str) -> Any:
    raise ShareError("json")


def decode_share(data: Mapping[str, Any], text: Any) -> dict[str, Any]:
    """`{"answers": [...], "job": str}` from a share payload, every field checked
    against the finder's questions; `ShareError` (with a `code`) otherwise."""
    if not isinstance(text, str) or not text:
        raise ShareError("empty")
    if len(text) > SHARE_MAX:
        raise ShareError("size")
    if not _SHARE_TEXT.match(text) or len(text) % 4 == 1:
        raise ShareError("encoding")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        value = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (ValueError, UnicodeDecodeError) as error:
        if isinstance(error, ShareError):
            raise
        raise ShareError("json") from None
    if not isinstance(value, dict):
        raise ShareError("shape")
    version = value.get("v")
    if isinstance(version, bool) or version != 1:  # 1.0 is 1, as in JavaScript
        raise ShareError("version")
    if value.get("k") != "f":
        raise ShareError("kind")
    if not {"v", "k", "a"} <= value.keys() <= {"v", "k", "a", "j"}:
        raise ShareError("shape")
    digits = value["a"]
    questions = data["questions"]
    if not isinstance(digits, str) or len(digits) != len(questions):
        raise ShareError("answers")
    answers = []
    for digit, question in zip(digits, questions, strict=True):
        if digit not in "0123456789" or int(digit) > question["max"]:
            raise ShareError("answers")
        answers.append(int(digit))
    job = value.get("j", "")
    if not isinstance(job, str) or ("j" in value and not job.strip()):
        raise ShareError("job")
    if len(job) > JOB_MAX or _JOB_REFUSED.search(job):
        raise ShareError("job")
    return {"answers": answers, "job": job}


# --- page ---------------------------------------------------------------------------


def render_finder_page(
    content: Content,
    page_url_for_role: Callable[[Role], str],
    *,
    roles_index_url: str = "../roles/",
    strings: Mapping[str, str] | None = None,
    config: Mapping[str, Any] | None = None,
) -> str:
    """The Markdown (with raw HTML) of `finder/index.md`.

    URLs are relative to the finder page: `page_url_for_role` for each role page and
    `roles_index_url` for the list of roles the page falls back to without JavaScript.
    `config` goes to the finder form's `data-qb-config`: `storage` (the quiz engine's
    storage namespace, so results land in "My results"), `results_url` and
    `guide_url` (the editor guide, offered when a job has no page).
    """
    data = finder_data(content, page_url_for_role, strings)
    return (
        environment()
        .get_template("finder/page.md.j2")
        .render(
            questions=content.settings.finder_questions,
            data_json=encode_json(data),
            config_json=encode_json(dict(config or {})),
            roles_index_url=roles_index_url,
            s=finder_strings(strings),
        )
    )
