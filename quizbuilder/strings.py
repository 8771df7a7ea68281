"""Default texts for the browser engine and the graded bands, in English.

The plugin's `strings` option overrides any of them (sent in `data-qb-config`);
`quizbuilder.assets.bundle_engine` and `bundle_results` build these defaults into the
scripts, so a page only carries the overrides. `{name}` marks a value the engine fills
in. The site file's `graded_bands` replaces `DEFAULT_GRADED_BANDS`.
"""

from __future__ import annotations

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
}

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
