"""The browser assets as served: one classic script and one stylesheet.

`core.js` (pure logic) and `engine.js` (DOM) are kept apart for testing and joined here;
the plugin writes `bundle_engine()` to `assets/quizbuilder/quizbuilder.js`,
`stylesheet()` to `assets/quizbuilder/quizbuilder.css` and `bundle_results()` (the result
view, which the engine loads only when a result is shown) to `assets/quizbuilder/results.js`.
"""

from __future__ import annotations

import gzip
import json
from importlib.resources import files

import minify
import rcssmin

from quizbuilder.strings import (
    DEFAULT_STRINGS,
    HISTORY_STRINGS,
    RESULT_STRING_KEYS,
    TEAM_STRINGS,
)

ASSET_DIR = "theme/assets/quizbuilder"
BUNDLE_PARTS = ("plural.js", "core.js", "engine.js")
RESULTS = "results.js"
STYLESHEET = "quizbuilder.css"
RESULTS_STYLESHEET = "results.css"
HISTORY_PARTS = ("plural.js", "history-core.js", "history.js")
"""Joined into the served `history.js` ("My results" page only)."""
TEAM_PARTS = ("plural.js", "team-core.js", "team.js")
"""Joined into the served `team.js` (team page only)."""
PAGE_STYLESHEETS = ("history.css", "team.css")
BUDGET_GZIP = 8 * 1024
"""What a quiz page loads, JS and CSS together, gzipped (level 9), stays within this."""
RESULTS_BUDGET_GZIP = 3 * 1024
"""The result view (`results.js` and `results.css`, loaded once a result is shown), gzipped."""


def _read(name: str) -> str:
    return files("quizbuilder").joinpath(ASSET_DIR, name).read_text("utf-8")


STRINGS_MARKER = "/*DEFAULT_STRINGS*/{}"
"""Where `engine.js` receives its default texts; pages carry only the plugin's overrides."""
RESULT_STRINGS_MARKER = "/*RESULT_STRINGS*/{}"
HISTORY_STRINGS_MARKER = "/*HISTORY_STRINGS*/{}"
TEAM_STRINGS_MARKER = "/*TEAM_STRINGS*/{}"
"""Where `results.js` receives the default texts only the result view uses."""


def _with_strings(src: str, marker: str, strings: dict[str, str]) -> str:
    if src.count(marker) != 1:
        raise RuntimeError(f"the script must hold {marker!r} exactly once")
    text = json.dumps(strings, separators=(",", ":"), ensure_ascii=False)
    return src.replace(marker, text)


def _minify(src: str) -> str:
    # tdewolff's minifier (a Go library shipped as a wheel, no Node.js) also shortens
    # local names, which pays for readable sources within the budget.
    return str(minify.string("application/javascript", src)).strip() + "\n"


def bundle_engine() -> str:
    """`core.js` then `engine.js` (with its default strings filled in) as one classic
    script, minified by `tdewolff-minify`."""
    parts = [_read(part) for part in BUNDLE_PARTS]
    own = RESULT_STRING_KEYS | set(HISTORY_STRINGS) | set(TEAM_STRINGS)
    strings = {k: v for k, v in DEFAULT_STRINGS.items() if k not in own}
    parts[-1] = _with_strings(parts[-1], STRINGS_MARKER, strings)
    return _minify("\n".join(parts))


def bundle_results() -> str:
    """`results.js`, with the result view's default strings, minified by `tdewolff-minify`."""
    strings = {k: v for k, v in DEFAULT_STRINGS.items() if k in RESULT_STRING_KEYS}
    return _minify(_with_strings(_read(RESULTS), RESULT_STRINGS_MARKER, strings))


def _bundle_page(parts: tuple[str, ...], marker: str, strings: dict[str, str]) -> str:
    sources = [_read(part) for part in parts]
    sources[-1] = _with_strings(sources[-1], marker, strings)
    return _minify("\n".join(sources))


def bundle_history() -> str:
    """`history-core.js` then `history.js` (the "My results" page), with its texts."""
    return _bundle_page(HISTORY_PARTS, HISTORY_STRINGS_MARKER, HISTORY_STRINGS)


def bundle_team() -> str:
    """`team-core.js` then `team.js` (the team page), with its texts."""
    return _bundle_page(TEAM_PARTS, TEAM_STRINGS_MARKER, TEAM_STRINGS)


def stylesheet(name: str = STYLESHEET) -> str:
    """A stylesheet as served, minified by `rcssmin`."""
    return str(rcssmin.cssmin(_read(name))).strip() + "\n"


def asset_sizes() -> dict[str, int]:
    """Raw and gzipped (level 9) bytes of what a quiz page loads (the bundle and the
    stylesheet, `total`), and of the result view loaded later (`results`)."""
    js = bundle_engine().encode()
    css = stylesheet().encode()
    results = (bundle_results() + stylesheet(RESULTS_STYLESHEET)).encode()
    sizes = {
        "js": len(js),
        "css": len(css),
        "js_gzip": len(gzip.compress(js, 9, mtime=0)),
        "css_gzip": len(gzip.compress(css, 9, mtime=0)),
        "results": len(results),
        "results_gzip": len(gzip.compress(results, 9, mtime=0)),
    }
    sizes["total"] = sizes["js"] + sizes["css"]
    sizes["total_gzip"] = sizes["js_gzip"] + sizes["css_gzip"]
    return sizes
