"""Inline Markdown for quiz fields: emphasis, code and safe links, never raw HTML.

Question text, option text, explanations, intros and band messages are written by
editors in inline Markdown. Raw HTML is shown as text and links whose scheme is not
http, https or mailto (or that are relative) lose their target.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

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


class _InlineOnly(Extension):
    """Paragraphs and inline syntax only; raw HTML is left to the serializer to escape."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        for name in _BLOCKS_DROPPED:
            md.parser.blockprocessors.deregister(name, strict=False)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # After 'unescape' (priority 0), so backslash escapes in targets are resolved.
        md.treeprocessors.register(_SafeLinks(md), "quizbuilder_safe_links", -1)


_md: markdown.Markdown | None = None


def _converter() -> markdown.Markdown:
    global _md
    if _md is None:
        _md = markdown.Markdown(extensions=[_InlineOnly()], output_format="html")
    return _md


def render_block(text: str) -> Markup:
    """Render inline Markdown, keeping paragraphs (`<p>`) when there are several."""
    md = _converter()
    md.reset()
    return Markup(md.convert(text).strip())


def render_inline(text: str) -> Markup:
    """Render inline Markdown with no wrapping `<p>`; paragraphs are joined by `<br>`."""
    rendered = str(render_block(text))
    if not rendered:
        return Markup("")
    paragraphs = re.split(r"</p>\s*<p>", rendered.removeprefix("<p>").removesuffix("</p>"))
    return Markup("<br>".join(paragraphs))


def render_text(text: str) -> str:
    """Render inline Markdown to plain text (no markup), e.g. for JSON read by the engine."""
    return html.unescape(_TAG.sub("", str(render_inline(text)).replace("<br>", " ")))
