"""The site's Content-Security-Policy and other security headers, from the built pages.

After a build, `secure_site` hashes every inline script the pages carry (Material's
palette, scope and tab scripts), writes the policy with those hashes into `_headers`
(the format Netlify and Cloudflare Pages read), optionally puts the policy into every
page as `<meta http-equiv="Content-Security-Policy">`, then re-reads what it wrote
(`check_site`) and refuses a page the policy would break: an inline script whose hash
is not in the policy, an inline event handler or a `javascript:` URL (the policy never
allows those). This site's pages have no inline styles, so styles are `'self'` only; a
site whose theme or Markdown writes some (MkDocs' own theme does, and so do aligned
Markdown table columns) gets their hashes, with `'unsafe-hashes'` for `style`
attributes, never `'unsafe-inline'`. No site generator is imported here.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

HEADERS_FILE = "_headers"
"""Where the headers go in the built site (Netlify and Cloudflare Pages read it)."""

PERMISSIONS = (
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
"""Browser features the site never uses, turned off by `Permissions-Policy`."""

REFERRER_POLICY = "no-referrer"
"""The site needs no referrer: its share links carry results in the fragment, which
browsers never send, and it makes no requests to other sites."""

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">\n?')
_ON_NAME = re.compile(r"on[a-z]+\s*=")


def _maybe_style_attribute(html: str) -> bool:
    """Whether `html` could hold a `style` attribute: the word other than in
    `stylesheet`. (A quick look: parsing every tag costs about 5 ms a page.)"""
    lowered = html.lower()
    return lowered.count("style") > lowered.count("stylesheet")


def _maybe_handler_or_url(html: str) -> bool:
    """Whether `html` could hold an event handler (`on…=` starting a word) or a
    `javascript:` URL."""
    lowered = html.lower()
    if "javascript:" in lowered:
        return True
    return any(
        match.start() == 0
        or not (lowered[match.start() - 1].isalnum() or lowered[match.start() - 1] in "_-")
        for match in _ON_NAME.finditer(lowered)
    )


_CHARSET = re.compile(r"<meta charset=[^>]*>\n?", re.I)
_HEAD = re.compile(r"<head\b[^>]*>\n?", re.I)
_SCRIPT_TYPES = frozenset(
    {"", "module", "text/javascript", "application/javascript", "application/ecmascript"}
    | {"text/ecmascript", "application/x-javascript", "text/jscript"}
)
"""`type` values of scripts the browser runs (so CSP governs); `application/json` and
other data blocks are never run and need no hash."""


class PolicyError(Exception):
    """A built page that the site's policy would break."""


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        value = match.group(2) or ""
        if value[:1] in "\"'" and value:
            value = value[1:-1]
        found.setdefault(match.group(1).lower(), value)
    return found


def _normalise(html: str) -> str:
    """The text as the browser's tokenizer sees it (newlines normalised)."""
    return html.replace("\r\n", "\n").replace("\r", "\n")


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script in `html` that the browser would run."""
    scripts = []
    for match in _SCRIPT.finditer(_normalise(html)):
        attributes = _attributes(match.group(1))
        if "src" in attributes:
            continue
        if attributes.get("type", "").strip().lower() in _SCRIPT_TYPES:
            scripts.append(match.group(2))
    return scripts


def script_hash(script: str) -> str:
    """The CSP source for one inline script: `'sha256-…'`."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_styles(html: str) -> tuple[list[str], list[str]]:
    """The text of each `<style>` element in `html`, and each `style` attribute's value
    (as the DOM has it: character references decoded), outside scripts."""
    html = _SCRIPT.sub("", _normalise(html))
    elements = [match.group(1) for match in _STYLE.finditer(html)]
    rest = _STYLE.sub("", html)
    if not _maybe_style_attribute(rest):
        # Parsing every tag's attributes costs about 5 ms a page; most pages have no
        # word "style" outside <link rel="stylesheet"> at all.
        return elements, []
    attributes = [
        unescape(value)
        for tag in _TAG.finditer(rest)
        for name, value in _attributes(tag.group(2)).items()
        if name == "style"
    ]
    return elements, attributes


@dataclass(frozen=True)
class Sources:
    """The hashes a site's policy lists: inline scripts, `<style>` elements, `style`
    attributes (each sorted, no repeats)."""

    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    style_attributes: list[str] = field(default_factory=list)


def pages(site_dir: Path) -> Iterator[Path]:
    """Every HTML page of the built site, in a stable order."""
    yield from sorted(site_dir.rglob("*.html"))


def site_hashes(site_dir: Path) -> list[str]:
    """The hash of every distinct inline script in the built site, sorted."""
    return site_sources(site_dir).scripts


@dataclass(frozen=True)
class Page:
    """One built page as read once: its text and the hashes of its inline code."""

    html: str
    scripts: list[str]
    styles: list[str]
    style_attributes: list[str]


def _hashes(html: str) -> tuple[list[str], list[str], list[str]]:
    elements, attributes = inline_styles(html)
    return (
        [script_hash(script) for script in inline_scripts(html)],
        [script_hash(style) for style in elements],
        [script_hash(value) for value in attributes],
    )


def read_page(path: Path) -> Page:
    html = path.read_text("utf-8")
    return Page(html, *_hashes(html))


def read_site(site_dir: Path) -> dict[Path, Page]:
    """Every page of the built site, read and hashed once (the policy is written from
    them and then checked against them)."""
    return {path: read_page(path) for path in pages(site_dir)}


def site_sources(site_dir: Path, site: dict[Path, Page] | None = None) -> Sources:
    """The hashes of every inline script and inline style in the built site."""
    read = read_site(site_dir) if site is None else site
    return Sources(
        sorted({h for page in read.values() for h in page.scripts}),
        sorted({h for page in read.values() for h in page.styles}),
        sorted({h for page in read.values() for h in page.style_attributes}),
    )


def policy(
    hashes: Iterable[str],
    *,
    meta: bool = False,
    styles: Iterable[str] = (),
    style_attributes: Iterable[str] = (),
) -> str:
    """The Content-Security-Policy for a site whose inline scripts have `hashes` (and
    whose `<style>` elements and `style` attributes have `styles`, `style_attributes`).

    `meta`: the policy for `<meta http-equiv>`, which browsers apply without
    `frame-ancestors` (and report as an error), so it is left out there.
    """
    attributes = sorted(set(style_attributes) - set(styles))
    style_sources = ["'self'", *(["'unsafe-hashes'"] if attributes else [])]
    style_sources += sorted({*styles, *attributes})
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self'", *hashes]),
        " ".join(["style-src", *style_sources]),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if not meta:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def headers(hashes: Iterable[str] | Sources) -> dict[str, str]:
    """Every header the site is served with, by name (`hashes`: the inline scripts',
    or all of a site's `Sources`)."""
    return {
        "Content-Security-Policy": site_policy(hashes),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": REFERRER_POLICY,
        "Permissions-Policy": ", ".join(f"{feature}=()" for feature in PERMISSIONS),
    }


def site_policy(hashes: Iterable[str] | Sources, *, meta: bool = False) -> str:
    """`policy` for a site's `Sources` (or just its inline scripts' hashes)."""
    if isinstance(hashes, Sources):
        return policy(
            hashes.scripts,
            meta=meta,
            styles=hashes.styles,
            style_attributes=hashes.style_attributes,
        )
    return policy(hashes, meta=meta)


def headers_file(hashes: Iterable[str] | Sources) -> str:
    """The `_headers` file: every path of the site gets every header."""
    lines = ["# Written by quizbuilder at each build: the inline scripts' hashes change", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers(hashes).items()]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Rule:
    """One path pattern of a `_headers` file and its headers."""

    pattern: str
    headers: tuple[tuple[str, str], ...]

    def matches(self, path: str) -> bool:
        """Whether the URL path `path` is one this rule applies to (`*` matches any text)."""
        regex = ".*".join(re.escape(part) for part in self.pattern.split("*"))
        return re.fullmatch(regex, path) is not None


def parse_headers_file(text: str) -> list[Rule]:
    """The rules of a `_headers` file: unindented lines are paths, indented ones
    `Name: value` headers for the path above; `#` lines are comments."""
    rules: list[Rule] = []
    pattern: str | None = None
    found: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            if pattern is not None:
                rules.append(Rule(pattern, tuple(found)))
            pattern, found = line.strip(), []
        elif pattern is not None and ":" in line:
            name, value = line.split(":", 1)
            found.append((name.strip(), value.strip()))
    if pattern is not None:
        rules.append(Rule(pattern, tuple(found)))
    return rules


def headers_for(rules: Iterable[Rule], path: str) -> list[tuple[str, str]]:
    """The headers the rules give the URL path `path`, in file order."""
    return [header for rule in rules if rule.matches(path) for header in rule.headers]


def _allowed(csp: str, directive: str = "script-src") -> set[str]:
    """The hash sources `directive` lists in the policy `csp` (with `'unsafe-hashes'`)."""
    for part in csp.split(";"):
        name, _, sources = part.strip().partition(" ")
        if name == directive:
            return {s for s in sources.split() if s.startswith("'sha256-") or s == _HASHES}
    return set()


_HASHES = "'unsafe-hashes'"


def with_meta(html: str, hashes: Iterable[str] | Sources) -> str:
    """`html` with the meta policy first in its head (replacing one already there)."""
    html = _META_CSP.sub("", html)
    content = site_policy(hashes, meta=True)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content}">\n'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[: anchor.end()] + tag + html[anchor.end() :]


def page_problems(
    html: str, allowed: set[str], styles: set[str] | None = None, page: Page | None = None
) -> list[str]:
    """What in one page the policy would block: `allowed` are the hashes its
    `script-src` lists, `styles` those its `style-src` lists (None: the same).
    `page`: the page as `read_page` hashed it already, if it was."""
    styles = allowed if styles is None else styles
    html = _normalise(html)
    if page is None:
        page = Page(html, *_hashes(html))
    problems = [
        f"inline script {digest} is not in the policy"
        for digest in dict.fromkeys(page.scripts)
        if digest not in allowed
    ]
    problems += [
        f"<style> element {digest} is not in the policy"
        for digest in dict.fromkeys(page.styles)
        if digest not in styles
    ]
    problems += [
        f"style attribute {digest} is not in the policy (with 'unsafe-hashes')"
        for digest in dict.fromkeys(page.style_attributes)
        if digest not in styles or _HASHES not in styles
    ]
    rest = _STYLE.sub("", _SCRIPT.sub("", html))
    if not _maybe_handler_or_url(rest):
        return problems  # no "on…=" and no "javascript:" anywhere: nothing to parse
    for tag in _TAG.finditer(rest):
        for name, value in _attributes(tag.group(2)).items():
            if name.startswith("on"):
                problems.append(f"<{tag.group(1)} {name}=…>: inline event handlers are blocked")
            elif name in {
                "href",
                "src",
                "action",
                "formaction",
            } and value.strip().lower().startswith("javascript:"):
                problems.append(f"<{tag.group(1)} {name}=javascript:…>: blocked")
    return problems


def check_site(site_dir: Path, site: dict[Path, Page] | None = None) -> list[str]:
    """Check the built site (read now, or `site` as already read) against its own
    `_headers` (and meta policies): each problem as `page: what`. [] when every page
    works under the policy."""
    headers_path = site_dir / HEADERS_FILE
    if not headers_path.is_file():
        return [f"{HEADERS_FILE}: not written"]
    served = headers_for(parse_headers_file(headers_path.read_text("utf-8")), "/")
    policies = [value for name, value in served if name == "Content-Security-Policy"]
    if not policies:
        return [f"{HEADERS_FILE}: no Content-Security-Policy"]
    scripts, styles = _allowed(policies[0]), _allowed(policies[0], "style-src")
    problems = []
    for path, page in (read_site(site_dir) if site is None else site).items():
        shown = path.relative_to(site_dir).as_posix()
        page_scripts, page_styles = scripts, styles
        if meta := _META_CSP.search(page.html):
            page_scripts = scripts & _allowed(meta.group(1))
            page_styles = styles & _allowed(meta.group(1), "style-src")
        problems += [
            f"{shown}: {problem}"
            for problem in page_problems(page.html, page_scripts, page_styles, page)
        ]
    return problems


def secure_site(site_dir: Path, *, meta: bool = False) -> list[str]:
    """Write `_headers` for the built site (and the meta policy into every page when
    `meta`), then check the site against it. Returns the hashes; `PolicyError` lists
    every page the policy would break."""
    site = read_site(site_dir)  # read and hashed once: written from, then checked
    sources = site_sources(site_dir, site)
    (site_dir / HEADERS_FILE).write_text(headers_file(sources), encoding="utf-8", newline="\n")
    if meta:
        for path, page in site.items():
            if (changed := with_meta(page.html, sources)) != page.html:
                path.write_text(changed, encoding="utf-8", newline="")
                site[path] = Page(changed, page.scripts, page.styles, page.style_attributes)
    problems = check_site(site_dir, site)
    if problems:
        raise PolicyError(
            "the Content-Security-Policy would break these pages:\n  " + "\n  ".join(problems)
        )
    return sources.scripts
