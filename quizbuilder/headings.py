"""The heading anchors of a Markdown page, as MkDocs' `toc` extension makes them.

`learn_more` links point at these anchors: validation checks that they exist and the
quiz renderer names the section a link leads to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown.extensions.toc import slugify, unique

from .markdown_inline import render_text

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_ATTR_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def unfenced_lines(markdown: str) -> Iterator[tuple[int, str]]:
    """`(index, line)` of every line outside fenced code blocks; fence lines are skipped.

    A fence closes at a line of the same character at least as long, as in CommonMark.
    """
    fence = ""
    for index, line in enumerate(markdown.split("\n")):
        fenced = _FENCE.match(line)
        if fenced:
            mark = fenced.group(1)
            if not fence:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence):
                fence = ""
            continue
        if not fence:
            yield index, line


def heading_anchors(markdown: str) -> dict[str, str]:
    """Anchor → heading text of every ATX heading outside code fences, in page order.

    Slugs come from `toc`'s default `slugify` with `-`, de-duplicated with `_1`, `_2`
    as `toc` does; an attr_list `{#id}` gives the anchor as written.
    """
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for _index, line in unfenced_lines(markdown):
        match = _ATX.match(line)
        if not match:
            continue
        text = match.group(2)
        explicit = _ATTR_ID.search(text)
        if explicit:
            text = text[: explicit.start()]
        title = " ".join(render_text(text).split())
        anchor = explicit.group(1) if explicit else slugify(title, "-")
        anchors[unique(anchor, taken)] = title
    return anchors
