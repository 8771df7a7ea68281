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

import rcssmin
import rjsmin

from quizbuilder.strings import DEFAULT_STRINGS, RESULT_STRING_KEYS

ASSET_DIR = "theme/assets/quizbuilder"
BUNDLE_PARTS = ("core.js", "engine.js")
RESULTS = "results.js"
STYLESHEET = "quizbuilder.css"
RESULTS_STYLESHEET = "results.css"
BUDGET_GZIP = 8 * 1024
"""What a quiz page loads, JS and CSS together, gzipped (level 9), stays within this."""
RESULTS_BUDGET_GZIP = 3 * 1024
"""The result view (`results.js` and `results.css`, loaded once a result is shown), gzipped."""


def _read(name: str) -> str:
    return files("quizbuilder").joinpath(ASSET_DIR, name).read_text("utf-8")


STRINGS_MARKER = "/*DEFAULT_STRINGS*/{}"
"""Where `engine.js` receives its default texts; pages carry only the plugin's overrides."""
RESULT_STRINGS_MARKER = "/*RESULT_STRINGS*/{}"
"""Where `results.js` receives the default texts only the result view uses."""


def _with_strings(src: str, marker: str, strings: dict[str, str]) -> str:
    if src.count(marker) != 1:
        raise RuntimeError(f"the script must hold {marker!r} exactly once")
    text = json.dumps(strings, separators=(",", ":"), ensure_ascii=False)
    return src.replace(marker, text)


def _minify(src: str) -> str:
    return str(rjsmin.jsmin(src)).strip() + "\n"


def bundle_engine() -> str:
    """`core.js` then `engine.js` (with its default strings filled in) as one classic
    script, minified by `rjsmin`."""
    parts = [_read(part) for part in BUNDLE_PARTS]
    strings = {k: v for k, v in DEFAULT_STRINGS.items() if k not in RESULT_STRING_KEYS}
    parts[-1] = _with_strings(parts[-1], STRINGS_MARKER, strings)
    return _minify("\n".join(parts))


def bundle_results() -> str:
    """`results.js`, with the result view's default strings, minified by `rjsmin`."""
    strings = {k: v for k, v in DEFAULT_STRINGS.items() if k in RESULT_STRING_KEYS}
    return _minify(_with_strings(_read(RESULTS), RESULT_STRINGS_MARKER, strings))


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
