"""The browser assets as served: one classic script and one stylesheet.

`core.js` (pure logic) and `engine.js` (DOM) are kept apart for testing and joined here;
the plugin writes `bundle_engine()` to `assets/quizbuilder/quizbuilder.js` and
`stylesheet()` to `assets/quizbuilder/quizbuilder.css`.
"""

from __future__ import annotations

import gzip
import json
import re
from importlib.resources import files

from quizbuilder.strings import DEFAULT_STRINGS

ASSET_DIR = "theme/assets/quizbuilder"
BUNDLE_PARTS = ("core.js", "engine.js")
STYLESHEET = "quizbuilder.css"
BUDGET_GZIP = 8 * 1024
"""JS and CSS together, gzipped (level 9), must stay within this many bytes."""

_IDENT = re.compile(r"[\w$]")
_REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^\n")
_REGEX_KEYWORD = re.compile(r"\b(?:return|typeof)$")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_SPACE = re.compile(r"\s*([{};,])\s*")


def _read(name: str) -> str:
    return files("quizbuilder").joinpath(ASSET_DIR, name).read_text("utf-8")


def _scan_to(src: str, i: int, end: str) -> int:
    """Index just past the string literal starting at `i` and closed by `end`."""
    j = i + 1
    while src[j] != end:
        j += 2 if src[j] == "\\" else 1
    return j + 1


def _scan_regex(src: str, i: int) -> int:
    """Index just past the regular-expression literal (and its flags) starting at `i`."""
    j, in_class = i + 1, False
    while src[j] != "/" or in_class:
        if src[j] == "\\":
            j += 1
        elif src[j] in "[]":
            in_class = src[j] == "["
        j += 1
    j += 1
    while j < len(src) and src[j].isalpha():
        j += 1
    return j


def minify_js(src: str) -> str:
    """Drop comments and the whitespace that carries no meaning.

    Line breaks are kept (one per run), so automatic semicolon insertion is unchanged;
    string, template and regular-expression literals are copied as they are. Enough for
    the engine's own plain code, not a general minifier.
    """
    out: list[str] = ["\n"]
    space = newline = False
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c in " \t\r\n":
            space, newline = True, newline or c == "\n"
            i += 1
            continue
        if src.startswith("//", i):
            i = src.find("\n", i) if "\n" in src[i:] else n
            continue
        if src.startswith("/*", i):
            i = src.index("*/", i) + 2
            space = True
            continue
        prev = out[-1][-1]
        if c in "'\"`":
            j = _scan_to(src, i, c)
        elif c == "/" and (prev in _REGEX_AFTER or _REGEX_KEYWORD.search(out[-1])):
            j = _scan_regex(src, i)
        elif _IDENT.match(c):
            j = i
            while j < n and _IDENT.match(src[j]):
                j += 1
        else:
            j = i + 1
        token = src[i:j]
        if newline and prev != "\n":
            out.append("\n")
        elif space and (
            (_IDENT.match(prev) and _IDENT.match(token[0])) or (prev in "+-" and token[0] == prev)
        ):
            out.append(" ")
        out.append(token)
        space = newline = False
        i = j
    return "".join(out).strip() + "\n"


STRINGS_MARKER = "/*DEFAULT_STRINGS*/{}"
"""Where `engine.js` receives `DEFAULT_STRINGS`; pages carry only the plugin's overrides."""


def _with_strings(src: str) -> str:
    if src.count(STRINGS_MARKER) != 1:
        raise RuntimeError(f"engine.js must hold {STRINGS_MARKER!r} exactly once")
    text = json.dumps(DEFAULT_STRINGS, separators=(",", ":"), ensure_ascii=False)
    return src.replace(STRINGS_MARKER, text)


def bundle_engine() -> str:
    """`core.js` then `engine.js` (with the default strings filled in) as one classic
    script, minified by `minify_js`."""
    parts = [_read(part) for part in BUNDLE_PARTS]
    parts[-1] = _with_strings(parts[-1])
    return "".join(minify_js(part) for part in parts)


def minify_css(src: str) -> str:
    """Drop comments and the whitespace around `{ } ; ,`."""
    return _CSS_SPACE.sub(r"\1", _CSS_COMMENT.sub("", src)).strip() + "\n"


def stylesheet() -> str:
    """The stylesheet as served."""
    return minify_css(_read(STYLESHEET))


def asset_sizes() -> dict[str, int]:
    """Raw and gzipped (level 9) bytes of the bundle, the stylesheet and both together."""
    js = bundle_engine().encode()
    css = stylesheet().encode()
    sizes = {
        "js": len(js),
        "css": len(css),
        "js_gzip": len(gzip.compress(js, 9, mtime=0)),
        "css_gzip": len(gzip.compress(css, 9, mtime=0)),
    }
    sizes["total"] = sizes["js"] + sizes["css"]
    sizes["total_gzip"] = sizes["js_gzip"] + sizes["css_gzip"]
    return sizes
