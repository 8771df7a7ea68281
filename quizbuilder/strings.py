"""Default texts for the browser engine and the graded bands, in English.

The plugin's `strings` option overrides any of them (sent in `data-qb-config`);
`quizbuilder.assets.bundle_engine` and `bundle_results` build these defaults into the
scripts, so a page only carries the overrides. `{name}` marks a value the engine fills
in. The site file's `graded_bands` replaces `DEFAULT_GRADED_BANDS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULT_STRINGS: dict[str, str] = {
    # After "Check my answers" with questions left blank.
    "incomplete_title": "Answer every question first",
    "incomplete": "These questions have no answer yet:",
    "unanswered": "Not answered yet.",
    # Marks on graded questions and options: text, never colour alone.
    "correct": "Correct.",
    "incorrect": "Not quite. See the answer above.",
    "option_right": "Your answer: correct",
    "option_wrong": "Your answer: not correct",
    "option_missed": "Correct answer, not chosen",
    "results_unavailable": "The result could not be shown. Check your connection and try again.",
    # The result view.
    "result_title": "Your result",
    "score": "{correct} of {total} correct",
    "percent": "{percent}%",
    "strongest": "Your strongest area: {name}",
    "habit": "A habit to try: {habit}",
    "missed_title": "Questions to look at again",
    "next_quiz": "Take the next quiz on this page: {name}",
    "weakest": "Most room to grow: {name}",
    "next_title": "Next steps",
    "read_about": "Read about {name}",
    "all_results": "See all your results",
    "retry": "Retake the quiz",
    "share": "Copy link to this result",
    "share_copied": "Link copied.",
    "share_manual": "Copy this link:",
    "not_saved": "Your result could not be saved in this browser.",
    # A result opened from a share link.
    "shared_title": "A shared result",
    "shared_note": "Someone shared this result with you. It shows the score, not the answers.",
    "shared_score": "This result: {correct} of {total} correct",
    "shared_strongest": "Strongest area: {name}",
    "take_quiz": "Take this quiz yourself",
    "share_invalid": "This result link is not valid.",
}

HISTORY_STRINGS: dict[str, str] = {
    # The "My results" page.
    "history_empty": "You have not finished any quiz yet.",
    "history_unreadable": "Your saved results could not be read.",
    "history_newer": (
        "Your saved results come from a newer version of this site. They are kept as they are."
    ),
    "history_delete": "Delete",
    "history_delete_label": "Delete the result from {date} ({result})",
    "history_deleted": "Result deleted.",
    "history_clear": "Delete all results",
    "history_confirm": "Delete all your saved results? This cannot be undone.",
    "history_cleared": "All results deleted.",
    "download_json": "Download JSON",
    "download_csv": "Download CSV",
    # "My results" over time (history.js, on the results page only).
    "history_score_name": "Score",
    "history_latest": "Latest, {date}:",
    "history_done": "Finished",
    "history_closest": "closest role: {name}",
    "history_one": "One attempt so far. Take the quiz again to see what changed.",
    "history_change_title": "Latest attempt against the one before",
    "history_change_row": "{name} {before} \u2192 {after}, {delta}",
    "history_change_new": "{name} {after} (not measured before)",
    "history_chart_label_one": "Chart of 1 attempt: {series}",
    "history_chart_label_other": "Chart of {count} attempts, oldest first: {series}",
    "history_chart_table": "The chart as a table",
    "history_date": "Date",
    "history_attempts_one": "Your one attempt",
    "history_attempts_other": "All {count} attempts",
    "history_start_finder": "Find out whether your job is in customer service",
    "history_start_roles": "Browse the roles and take their quizzes",
    "history_export_title": "Download or print",
    "history_label": "Label for the download (optional)",
    "history_label_hint": (
        "For example a first name or a team, for a trainer who collects files. "
        "Without it, the file says nothing about who you are."
    ),
    "history_print": "Print a summary",
}
"""Texts of the "My results" page only: built into history.js, not the engine."""

HISTORY_SHARED_KEYS = frozenset({"score", "percent", "not_saved"})
"""Texts "My results" shows as the quiz engine does: built into both scripts."""

TEAM_STRINGS: dict[str, str] = {
    # The team view (team.js, on the team page only).
    "team_pick": "Result files (JSON):",
    "team_drop": "Drop the files here, or choose them.",
    "team_none": "No files yet.",
    "team_files_title": "Files",
    "team_summary_one": "{people} of 1 file counted.",
    "team_summary_other": "{people} of {files} files counted.",
    "team_file_ok_one": "{name}: counted (1 quiz).",
    "team_file_ok_other": "{name}: counted ({count} quizzes).",
    "team_file_label_one": "{name} ({label}): counted (1 quiz).",
    "team_file_label_other": "{name} ({label}): counted ({count} quizzes).",
    "team_file_partial_one": (
        "{name}: counted (1 quiz); results for quizzes this site no longer has "
        "were left out: {quizzes}."
    ),
    "team_file_partial_other": (
        "{name}: counted ({count} quizzes); results for quizzes this site no longer has "
        "were left out: {quizzes}."
    ),
    "team_err_json": "{name} is not a JSON file, or it is damaged. Ask for a new download.",
    "team_err_shape": "{name} is JSON, but not a results download from this site's My results.",
    "team_err_site": (
        "{name} comes from another site ({site}). Only downloads from this site are combined."
    ),
    "team_err_newer": (
        "{name} was made by a newer version of this site (format {version}). "
        "Reload this page and add it again."
    ),
    "team_err_large": "{name} is too large ({size} KB; at most {max} KB), so it was not read.",
    "team_err_duplicate": "{name} is the same file as {other}, so it counts once.",
    "team_err_unknown": (
        "{name}: every result in it is for a quiz this site no longer has: {quizzes}."
    ),
    "team_err_empty": "{name} holds no finished quiz, so there is nothing to count.",
    "team_people_one": "1 person",
    "team_people_other": "{count} people",
    "team_average": "Average score {percent}%",
    "team_table_bands": "{title}: people per score band",
    "team_table_questions": "{title}: percent correct per question",
    "team_table_dimensions": "{title}: average and people per band, per dimension",
    "team_col_dimension": "Dimension",
    "team_col_average": "Average",
    "team_col_people": "People",
    "team_col_question": "Question",
    "team_col_correct": "Correct",
    "team_missed_first": "Per question, the questions the team missed most first.",
    "team_csv": "Download CSV",
    "team_clear": "Remove all files",
}
"""Texts of the team page only: built into team.js, not the engine."""

DEFAULT_STRINGS |= HISTORY_STRINGS | TEAM_STRINGS

RESULT_STRING_KEYS = frozenset(
    {
        "result_title",
        "strongest",
        "habit",
        "missed_title",
        "next_quiz",
        "weakest",
        "next_title",
        "read_about",
        "all_results",
        "retry",
        "share",
        "share_copied",
        "share_manual",
        "shared_title",
        "shared_note",
        "shared_score",
        "shared_strongest",
    }
)
"""Keys used only by the result view (`results.js`, loaded when a result is shown): their
defaults travel in that script, not in the engine every quiz page loads."""

PLURAL_KEYS: dict[str, str] = {
    "history_chart_label": "count",
    "history_attempts": "count",
    "team_summary": "files",
    "team_file_ok": "count",
    "team_file_label": "count",
    "team_file_partial": "count",
    "team_people": "count",
    "search_count": "count",
    "quiz_questions": "count",
    "page_roles_count": "total",
}
"""Texts that carry a count, and the value that counts: each has a `_one` and an
`_other` form (English's plural categories), in whichever table holds its defaults."""


def plural_category(count: int) -> str:
    """English's plural category of `count`: `one` for exactly 1, else `other`.

    The same answer as the browser's `new Intl.PluralRules("en").select(count)` for
    whole numbers (tests/vectors/strings/plural.json holds both to it); the site is English.
    """
    return "one" if count == 1 else "other"


def plural_key(texts: Mapping[str, str], key: str, count: int) -> str:
    """The key of the form of `key` to show for `count` (as plural.js's `pluralKey`):
    the count's category if `texts` has it, else `_other`, else `key` itself."""
    exact = f"{key}_{plural_category(count)}"
    if exact in texts:
        return exact
    other = f"{key}_other"
    return other if other in texts else key


DEFAULT_GRADED_BANDS: tuple[dict[str, Any], ...] = (
    {
        "id": "review",
        "label": "Worth another read",
        "min": 0,
        "max": 49,
        "message": "Several answers missed. The sections linked below explain each one; "
        "read them, then try the quiz again.",
    },
    {
        "id": "close",
        "label": "Nearly there",
        "min": 50,
        "max": 79,
        "message": "You know most of this. The questions below show the points to read again.",
    },
    {
        "id": "known",
        "label": "Well known",
        "min": 80,
        "max": 100,
        "message": "You know this well. Any question listed below links to the point you missed.",
    },
)
"""Graded-result bands when the site file gives no `graded_bands` (same shape)."""


PAGE_STRINGS: dict[str, str] = {
    "page_sector": "Sector",
    "page_aliases": "Also called",
    "page_customers": "Who their customers are",
    "page_roles_all": "All roles",
    "page_roles_filter_sector": "Sector",
    "page_roles_filter_kind": "Customers",
    "page_roles_all_sectors": "All sectors",
    "page_roles_all_kinds": "Any kind",
    "page_roles_kinds_title": "Kinds of customer",
    "page_roles_count_one": "{shown} of 1 role",
    "page_roles_count_other": "{shown} of {total} roles",
    "page_roles_by_sector": "Roles by sector",
    "page_roles_jump": "Sectors",
    "page_roles_by_kind": "Roles by customer kind",
    "page_roles_title": "Roles",
    "page_roles_description": "Every customer-facing role on this site, by sector and by customer.",
    "page_dimensions_title": "Dimensions",
    "page_dimensions_description": "What the profile quizzes measure.",
    "page_dimension_articles": "Articles that help",
    "page_dimension_quizzes": "Quizzes that measure it",
    "page_results_title": "My results",
    "page_results_description": "Your quiz attempts, kept in this browser only.",
    "page_results_intro": (
        "Your attempts are stored in this browser only. Nothing is sent anywhere."
    ),
    "page_results_noscript": "Your results are kept by your browser and need JavaScript to show.",
    "page_team_title": "Team results",
    "page_team_description": "Combine the results your team downloaded, in this browser only.",
    "page_team_intro": (
        "For trainers: ask each person to download their results as JSON from My results "
        "(they may add a first name or a team as a label), then add all the files here. "
        "The files are read by this browser and never uploaded."
    ),
    "page_team_noscript": "Combining results happens in your browser and needs JavaScript.",
    "quiz_graded": "Graded quiz",
    "quiz_profile": "Profile quiz",
    "quiz_questions_one": "1 question",
    "quiz_questions_other": "{count} questions",
    "quiz_noscript": (
        "Scoring needs JavaScript. You can still read the questions and the answers."
    ),
    "quiz_multiple_hint": "Choose all that apply.",
    "quiz_answer": "Answer",
    "quiz_correct_one": "Correct answer:",
    "quiz_correct_many": "Correct answers:",
    "quiz_submit": "Check my answers",
    "quiz_submit_profile": "Show my profile",
    "quiz_learn_more": "Learn more:",
}
"""Texts used only in server-rendered HTML; the plugin's `strings` option overrides them too."""
