"""Placeholders: where generated HTML goes into a page after Markdown ran.

Only what an editor wrote goes through Markdown. Generated HTML (quizzes, lists, the
engine's mounts) waits as a placeholder in the Markdown and is put in afterwards, by the
plugin (`put_inline` at `on_page_content`, `substitute` at `on_post_page`) or, for hosts
without plugins, by `quizbuilder finish` (`finish_page`). ARCHITECTURE.md, "How a
generated page is put together", says which goes where.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping

from markupsafe import escape

_SLOT_ID = re.compile(r' id="([^"]+)"')


def placeholder(key: str, anchor: str = "") -> str:
    """A raw-HTML block Markdown passes through untouched, replaced later by `substitute`.

    `anchor` gives the placeholder the id of the HTML that replaces it, so MkDocs'
    anchor validation knows links to it are good.
    """
    id_attr = f' id="{escape(anchor)}"' if anchor else ""
    return f'<div class="qb-slot" data-qb-slot="{escape(key)}"{id_attr}></div>'


def text_slot(key: str) -> str:
    """A placeholder for `GeneratedPage.inline`, written as one word of text: Markdown
    makes it a paragraph at almost no cost, where raw HTML would make it parse the page.

    One run of letters and digits (no word inside it for an abbreviation or a glossary
    to match) that nobody types: `qbslot` and a digest of `key`.
    """
    return "qbslot" + hashlib.sha256(key.encode()).hexdigest()[:16]


def put_inline(html: str, inline: Mapping[str, str]) -> str:
    """Put each inline fragment in place of the paragraph its `text_slot` became.

    One pass over the page: text inside a fragment put in is never taken for a slot.
    """
    if not inline:
        return html
    placed: set[str] = set()

    def put(match: re.Match[str]) -> str:
        key = match.group(1)
        if key in placed:
            return match.group(0)
        placed.add(key)
        return inline[key]

    pattern = "|".join(re.escape(key) for key in inline)
    html = re.sub(rf"<p>({pattern})</p>", put, html)
    if len(placed) < len(inline):  # an extension wrapped a slot otherwise: take the word
        html = re.sub(f"({pattern})", put, html)
    missing = [fragment for key, fragment in inline.items() if key not in placed]
    return html + "".join(f"\n{fragment}" for fragment in missing)


def keep_slots(html: str, fragments: Mapping[str, str]) -> str:
    """Append each placeholder the content lacks: those of `GeneratedPage.tail` (the
    quizzes no marker placed, kept out of the Markdown) and any a Markdown extension
    lost.

    The plugin calls it on the page content, then `substitute` on the finished page
    puts every fragment in place: a lost one ends up at the end of the content, so no
    quiz is lost.
    """
    return html + "".join(f"\n{key}" for key in fragments if key not in html)


def substitute(html: str, fragments: Mapping[str, str]) -> str:
    """Replace each placeholder in rendered page HTML by its fragment.

    A fragment whose placeholder is missing (an extension lost it) is appended at the
    end so no quiz is lost. A placeholder repeated is kept once.
    """
    missing: list[str] = []
    for key, fragment in fragments.items():
        if key in html:
            html = html.replace(key, fragment, 1).replace(key, "")
        else:
            missing.append(fragment)
    return html + "".join(f"\n{fragment}" for fragment in missing)


def slot_anchors(keys: Iterable[str]) -> set[str]:
    """The ids the placeholders `keys` carry (links to them are good links)."""
    return {match.group(1) for key in keys for match in _SLOT_ID.finditer(key)}


def finish_page(html: str, fragments: Mapping[str, str]) -> str:
    """Put each fragment in place of its placeholder in a built page (`quizbuilder
    finish`, for hosts without plugins).

    A fragment whose placeholder is missing goes at the end of the article, as the
    plugin puts it at the end of the content. Running it twice changes nothing: a
    fragment already in the page is not added again.
    """
    missing: list[str] = []
    for key, fragment in fragments.items():
        if key in html:
            html = html.replace(key, fragment, 1).replace(key, "")
        elif fragment not in html:
            missing.append(fragment)
    if not missing:
        return html
    extra = "".join(f"\n{fragment}" for fragment in missing)
    for closing in ("</article>", "</body>"):
        at = html.rfind(closing)
        if at >= 0:
            return html[:at] + extra + html[at:]
    return html + extra


def attribute_slot(html: str, attribute: str) -> tuple[str, dict[str, str]]:
    """`html` with the value of its first `attribute` held back as a placeholder, and
    placeholder → the attribute as written.

    For data too long to pass through Markdown and search for nothing (the finder's
    roles, about 600 bytes a role); `substitute` and `finish_page` put it back.
    """
    match = re.search(rf'{re.escape(attribute)}="[^"]*"', html)
    if match is None:
        return html, {}
    key = f'{attribute}="qb-slot:{attribute}"'
    return html.replace(match.group(0), key, 1), {key: match.group(0)}
