"""The numbers and labels the browser scripts share with Python, written once.

Python is the source: `browser_constants()` is built into every script bundle at the
`/*CONSTANTS*/{}` marker of `common.js` (`quizbuilder.assets`), the way the default
texts are, so no threshold is copied by hand into JavaScript. `tests/test_assets.py`
checks that the scripts hold no numeric copy of them.
"""

from __future__ import annotations

from typing import Any

from quizbuilder import aggregate, finder, scoring


def browser_constants() -> dict[str, Any]:
    """Every constant the scripts read, by the name it has in Python."""
    return {
        # Scoring share links (core.js).
        "SHARE_MAX_CHARS": scoring.SHARE_MAX_CHARS,
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
        "EXPORT_VERSION": aggregate.VERSION,
        "LABEL_MAX": aggregate.LABEL_MAX,
        "EXPORT_MAX_BYTES": aggregate.MAX_BYTES,
    }
