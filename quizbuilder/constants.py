"""The numbers and labels the browser scripts share with Python, written once.

Python is the source: `browser_constants()` is built into every script bundle at the
`/*CONSTANTS*/{}` marker of `common.js` (`quizbuilder.assets`), the way the default
texts are, so no threshold is copied by hand into JavaScript. `tests/test_assets.py`
checks that the scripts hold no numeric copy of them.
"""

from __future__ import annotations

from typing import Any

SHARE_MAX_CHARS = 2048
"""Longest accepted quiz share payload (after `#qb=`), in characters."""
EXPORT_VERSION = 2
"""The "My results" export format this site writes; older versions (0, 1) are read too."""
LABEL_MAX = 60
"""Longest label a person may add to an export, in characters."""
EXPORT_MAX_BYTES = 1024 * 1024
"""Largest export file the team view reads, in bytes; an export is far smaller."""


def percent(points: int, maximum: int) -> int:
    """`points / maximum` as a whole percent, rounding halves up (integer arithmetic):
    the one rounding rule of the site (`common.js` has the same one)."""
    return (200 * points + maximum) // (2 * maximum)


def browser_constants() -> dict[str, Any]:
    """Every constant the scripts read, by the name it has in Python."""
    from quizbuilder import finder  # finder reads `percent` from here

    return {
        # Scoring share links (core.js).
        "SHARE_MAX_CHARS": SHARE_MAX_CHARS,
        # The finder (finder-core.js, finder.js).
        "STRENGTH_LABELS": [list(pair) for pair in finder.STRENGTH_LABELS],
        "CLOSE_TO_TOP": finder.CLOSE_TO_TOP,
        "CLEAR_FROM": finder.CLEAR_FROM,
        "CLOSENESS_LABELS": [list(pair) for pair in finder.CLOSENESS_LABELS],
        "SIMILAR_FROM": finder.SIMILAR_FROM,
        "MATCH_NAMES": list(finder.MATCH_NAMES),
        "STOP_WORDS": sorted(finder.STOP_WORDS),
        "TYPO_LIMITS": [list(pair) for pair in finder.TYPO_LIMITS],
        "LONG_WORD_TYPOS": finder.LONG_WORD_TYPOS,
        "FINDER_SHARE_MAX": finder.SHARE_MAX,
        "JOB_MAX": finder.JOB_MAX,
        # "My results" exports and the team view (history-core.js, team-core.js).
        "EXPORT_VERSION": EXPORT_VERSION,
        "LABEL_MAX": LABEL_MAX,
        "EXPORT_MAX_BYTES": EXPORT_MAX_BYTES,
    }
