"""Default texts for the browser engine, in English.

The plugin's `strings` option overrides any of them (sent in `data-qb-config`);
`quizbuilder.assets.bundle_engine` builds these defaults into the script, so a page
only carries the overrides. `{name}` marks a value the engine fills in.
"""

from __future__ import annotations

DEFAULT_STRINGS: dict[str, str] = {
    # After "Check my answers" with questions left blank.
    "incomplete_title": "Answer every question first",
    "incomplete": "These questions have no answer yet:",
    "unanswered": "Not answered yet.",
    # Marks on graded questions: text, never colour alone.
    "correct": "Correct.",
    "incorrect": "Not quite. See the answer above.",
    # The result view.
    "result_title": "Your result",
    "score": "{correct} of {total} correct",
    "percent": "{percent}%",
    "strongest": "Your strongest area: {name}",
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
