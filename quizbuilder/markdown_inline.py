"""Inline Markdown for quiz fields: emphasis, code and safe links, never raw HTML.

Question text, option text, explanations, intros and band messages are written by
editors in inline Markdown. Raw HTML is shown as text and links whose scheme is not
http, https or mailto (or that are relative) lose their target.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from functools import lru_cache

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme
# ("java\tscript:" runs), so they are removed before the scheme is read.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_TAG = re.compile(r"<[^>]*>")
# Everything but 'empty', 'paragraph' and 'reference': no headings, lists, quotes, code blocks.
_BLOCKS_DROPPED = ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote")


def is_safe_url(url: str) -> bool:
    """Return whether a link target is relative or uses an allowed scheme."""
    cleaned = _IGNORED_IN_URL.sub("", html.unescape(url))
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


class _SafeLinks(Treeprocessor):
    """Turn links and images with an unsafe target into plain text."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "a" and not is_safe_url(element.get("href", "")):
                element.tag = "span"
                element.attrib.clear()
            elif element.tag == "img" and not is_safe_url(element.get("src", "")):
                alt = element.get("alt", "")
                element.tag = "span"
                element.attrib.clear()
                element.text = alt


class _NoRawHtml(Extension):
    """Block Markdown (lists, headings, quotes) without raw HTML and with safe links only.

    Raw HTML is left to the serializer to escape.
    """

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # After 'unescape' (priority 0), so backslash escapes in targets are resolved.
        md.treeprocessors.register(_SafeLinks(md), "quizbuilder_safe_links", -1)


class _InlineOnly(_NoRawHtml):
    """The same rules with paragraphs and inline syntax only, for quiz fields."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        super().extendMarkdown(md)
        for name in _BLOCKS_DROPPED:
            md.parser.blockprocessors.deregister(name, strict=False)


_prose_md: markdown.Markdown | None = None


def render_prose(text: str) -> Markup:
    """Block Markdown from the site file (dimension descriptions) as safe HTML.

    The same rules as quiz fields, with lists and headings allowed: raw HTML is shown as
    text and links keep only http, https, mailto or relative targets.
    """
    global _prose_md
    if _prose_md is None:
        _prose_md = markdown.Markdown(extensions=[_NoRawHtml()], output_format="html")
    _prose_md.reset()
    return Markup(_prose_md.convert(text))


# Text this matches may hold Markdown or characters the serializer changes; text it does
# not match comes out of Markdown as `<p>text</p>` exactly, so Markdown is skipped:
# no inline-syntax or escaped character (backslash, backtick, `*`, `_`, brackets, `!`,
# `<`, `>`, `&`), no whitespace but single-line spaces, no control character, and no
# space at either end (Markdown strips it). Block syntax (headings, lists, quotes, code)
# is switched off in this converter, so a leading `#` or `-` is plain text either way.
# tests/test_render.py holds the two paths to the same output.
_NOT_PLAIN = re.compile(r"[\\`*_\[\]!<>&]|[^\S ]|[\x00-\x1f\x7f-\x9f]|^ | $")

_md: markdown.Markdown | None = None


def _converter() -> markdown.Markdown:
    global _md
    if _md is None:
        _md = markdown.Markdown(extensions=[_InlineOnly()], output_format="html")
    return _md


def is_plain(text: str) -> bool:
    """Whether `text` renders as itself: Markdown would only wrap it in `<p>`."""
    return _NOT_PLAIN.search(text) is None


@lru_cache(maxsize=4096)
def _convert(text: str) -> str:
    """Markdown → HTML with the one shared converter; quiz texts repeat, so it is cached."""
    md = _converter()
    md.reset()
    return md.convert(text).strip()


def render_block(text: str) -> Markup:
    """Render inline Markdown, keeping paragraphs (`<p>`) when there are several."""
    if not text:
        return Markup("")
    if is_plain(text):
        return Markup(f"<p>{text}</p>")
    return Markup(_convert(text))


def render_inline(text: str) -> Markup:
    """Render inline Markdown with no wrapping `<p>`; paragraphs are joined by `<br>`."""
    if is_plain(text):
        return Markup(text)
    rendered = _convert(text)
    if not rendered:
        return Markup("")
    paragraphs = re.split(r"</p>\s*<p>", rendered.removeprefix("<p>").removesuffix("</p>"))
    return Markup("<br>".join(paragraphs))


def render_text(text: str) -> str:
    """Render inline Markdown to plain text (no markup), e.g. for JSON read by the engine."""
    if is_plain(text):
        return text
    return html.unescape(_TAG.sub("", str(render_inline(text)).replace("<br>", " ")))
