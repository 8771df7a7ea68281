"""The browser assets as served: every script a minified bundle, every stylesheet minified.

Sources are small parts kept apart for testing (pure logic apart from the DOM) and joined
here. Every bundle starts with the shared parts it needs: `common.js` (pure helpers and
Python's constants, `quizbuilder.constants`, built in at `CONSTANTS_MARKER`), `dom.js`
(element builder, data- attribute reader), `plural.js`, `store.js` (saved attempts).
The plugin writes `bundle_engine()` to `assets/quizbuilder/quizbuilder.js`, `stylesheet()`
to `assets/quizbuilder/quizbuilder.css`, `bundle_results()` (the result view, which the
engine loads only when a result is shown) to `results.js`, and the page bundles
(`history.js`, `team.js`, `finder.js`, `roles-filter.js`) under their names.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from importlib.resources import files

import minify
import rcssmin

from quizbuilder.constants import browser_constants
from quizbuilder.strings import (
    DEFAULT_STRINGS,
    HISTORY_SHARED_KEYS,
    HISTORY_STRINGS,
    RESULT_STRING_KEYS,
    TEAM_STRINGS,
)

ASSET_DIR = "theme/assets/quizbuilder"
COMMON = "common.js"
BUNDLE_PARTS = ("plural.js", COMMON, "dom.js", "store.js", "core.js", "engine.js")
RESULTS = "results.js"
STYLESHEET = "quizbuilder.css"
RESULTS_STYLESHEET = "results.css"
HISTORY_PARTS = ("plural.js", COMMON, "dom.js", "store.js", "history-core.js", "history.js")
"""Joined into the served `history.js` ("My results" page only; it needs no engine)."""
TEAM_PARTS = ("plural.js", COMMON, "dom.js", "team-core.js", "team.js")
"""Joined into the served `team.js` (team page only)."""
FINDER_PARTS = ("plural.js", COMMON, "dom.js", "store.js", "finder-core.js", "finder.js")
"""Joined into the served `finder.js` (finder page only; its texts travel in its data)."""
FILTER_PARTS = (COMMON, "dom.js", "roles-filter.js")
"""Joined into the served `roles-filter.js` (roles index only)."""
PAGE_BUNDLES = ("history.js", "team.js", "finder.js", "roles-filter.js")
"""The page scripts, each a bundle under its last part's name."""
PAGE_STYLESHEETS = ("history.css", "team.css")
BUDGET_GZIP = 8 * 1024
"""What a quiz page loads, JS and CSS together, gzipped (level 9), stays within this."""
RESULTS_BUDGET_GZIP = 3 * 1024
"""The result view (`results.js` and `results.css`, loaded once a result is shown), gzipped."""


def _read(name: str) -> str:
    return files("quizbuilder").joinpath(ASSET_DIR, name).read_text("utf-8")


CONSTANTS_MARKER = "/*CONSTANTS*/{}"
"""Where `common.js` receives Python's constants (`quizbuilder.constants`)."""
STRINGS_MARKER = "/*DEFAULT_STRINGS*/{}"
"""Where `engine.js` receives its default texts; pages carry only the plugin's overrides."""
RESULT_STRINGS_MARKER = "/*RESULT_STRINGS*/{}"
HISTORY_STRINGS_MARKER = "/*HISTORY_STRINGS*/{}"
TEAM_STRINGS_MARKER = "/*TEAM_STRINGS*/{}"
"""Where `results.js` receives the default texts only the result view uses."""


def _with_json(src: str, marker: str, value: Mapping[str, object]) -> str:
    if src.count(marker) != 1:
        raise RuntimeError(f"the script must hold {marker!r} exactly once")
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return src.replace(marker, text)


def _join(parts: tuple[str, ...], marker: str | None, strings: dict[str, str]) -> str:
    """The parts as one script: Python's constants in `common.js`, the default texts in
    the last part (at `marker`), minified."""
    sources = [_read(part) for part in parts]
    sources = [
        _with_json(source, CONSTANTS_MARKER, browser_constants()) if part == COMMON else source
        for part, source in zip(parts, sources, strict=True)
    ]
    if marker is not None:
        sources[-1] = _with_json(sources[-1], marker, strings)
    return _minify("\n".join(sources))


def _minify(src: str) -> str:
    # tdewolff's minifier (a Go library shipped as a wheel, no Node.js) also shortens
    # local names, which pays for readable sources within the budget.
    return str(minify.string("application/javascript", src)).strip() + "\n"


def bundle_engine() -> str:
    """The quiz engine (`core.js`, `engine.js` and the shared parts) as one classic
    script, with its default strings filled in, minified by `tdewolff-minify`."""
    own = RESULT_STRING_KEYS | set(HISTORY_STRINGS) | set(TEAM_STRINGS)
    strings = {k: v for k, v in DEFAULT_STRINGS.items() if k not in own}
    return _join(BUNDLE_PARTS, STRINGS_MARKER, strings)


def bundle_results() -> str:
    """`results.js`, with the result view's default strings, minified by `tdewolff-minify`."""
    strings = {k: v for k, v in DEFAULT_STRINGS.items() if k in RESULT_STRING_KEYS}
    return _join((RESULTS,), RESULT_STRINGS_MARKER, strings)


def bundle_history() -> str:
    """ "My results" (`history-core.js`, `history.js` and the shared parts), with its
    texts and the few it shares with the result view."""
    shared = {key: DEFAULT_STRINGS[key] for key in sorted(HISTORY_SHARED_KEYS)}
    return _join(HISTORY_PARTS, HISTORY_STRINGS_MARKER, {**HISTORY_STRINGS, **shared})


def bundle_team() -> str:
    """`team-core.js` then `team.js` (the team page), with its texts."""
    return _join(TEAM_PARTS, TEAM_STRINGS_MARKER, TEAM_STRINGS)


def bundle_finder() -> str:
    """`finder-core.js` then `finder.js` (the finder page); its texts are in its data."""
    return _join(FINDER_PARTS, None, {})


def bundle_roles_filter() -> str:
    """The roles index filter, alone."""
    return _join(FILTER_PARTS, None, {})


def page_bundles() -> dict[str, str]:
    """Each page script as served, by file name."""
    return {
        "history.js": bundle_history(),
        "team.js": bundle_team(),
        "finder.js": bundle_finder(),
        "roles-filter.js": bundle_roles_filter(),
    }


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
