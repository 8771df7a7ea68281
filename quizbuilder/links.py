"""Where a question's `learn_more` link leads.

One resolver for the three places that need the answer: validation (a link must lead to
a heading or page that exists), rendering (the link under a graded answer, with the
section's title) and the cache (a role page shows the titles and headings of the pages
its links lead to, so they are part of its address).
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from quizbuilder.headings import heading_anchors
from quizbuilder.model import Article, Content, Role

EXPECTED = (
    "'#anchor' of a heading in this role's article, or a relative link to a role or "
    "article page such as '../articles/internal-customers.md#anchor'"
)
"""What a `learn_more` may be, for messages."""


@dataclass(frozen=True)
class LinkTarget:
    """Where a valid `learn_more` leads."""

    page: str
    """The `src_uri` of the page (the role's own for `#anchor`); "" for a web address."""
    anchor: str
    """The heading's anchor; "" for the top of the page or a web address."""
    title: str
    """What the link reads: the heading's text, else the page's title, else the address."""
    url: str = ""
    """The web address, for an http(s) link."""
    same_page: bool = False
    """Written as `#anchor`: a heading of the role's own page."""


class LinkablePages:
    """The pages a `learn_more` may lead to: roles and articles by `src_uri`.

    A role's heading anchors are found only when a link asks for that page: rendering
    one role page reads the two or three pages its links name, not the whole site.
    """

    def __init__(self, roles: Iterable[Role], articles: Iterable[Article]) -> None:
        self._roles = {role.src_uri: role for role in roles}
        self._articles = {article.src_uri: article for article in articles}
        self._anchors: dict[str, Mapping[str, str]] = {}

    def __contains__(self, src_uri: str) -> bool:
        return src_uri in self._roles or src_uri in self._articles

    def role(self, src_uri: str) -> Role | None:
        return self._roles.get(src_uri)

    def title(self, src_uri: str) -> str:
        role = self._roles.get(src_uri)
        return role.title if role is not None else self._articles[src_uri].title

    def anchors(self, src_uri: str) -> Mapping[str, str]:
        """Heading anchor → heading text of the page."""
        found = self._anchors.get(src_uri)
        if found is None:
            role = self._roles.get(src_uri)
            found = heading_anchors(role.body) if role else self._articles[src_uri].anchors
            self._anchors[src_uri] = found
        return found


_last: tuple[Content, LinkablePages] | None = None


def pages_of(content: Content) -> LinkablePages:
    """The linkable pages of `content`, made once for the content being built."""
    global _last
    if _last is None or _last[0] is not content:
        _last = (content, LinkablePages(content.roles, content.articles))
    return _last[1]


def resolve_learn_more(link: str, role: Role, pages: LinkablePages) -> LinkTarget | str:
    """Where `role`'s `learn_more` link leads, or a message saying why it leads nowhere."""
    if link.startswith(("http://", "https://")):
        return LinkTarget("", "", link, url=link)
    target, _, anchor = link.partition("#")
    if not target:
        page_uri = role.src_uri
    else:
        if not target.endswith(".md") or target.startswith("/"):
            return "a link to a page must be relative and end in .md"
        page_uri = posixpath.normpath(posixpath.join(posixpath.dirname(role.src_uri), target))
        if page_uri not in pages:
            return f"{target!r} is not a role or article page ({page_uri} does not exist)"
    if not anchor:
        if not target:
            return "'#' needs a heading anchor after it"
        return LinkTarget(page_uri, "", pages.title(page_uri))
    anchors = pages.anchors(page_uri) if page_uri in pages else heading_anchors(role.body)
    if anchor not in anchors:
        close = difflib.get_close_matches(anchor, list(anchors), n=1, cutoff=0.6)
        hint = f" (did you mean {'#' + close[0]!r}?)" if close else ""
        return f"no heading with the anchor '#{anchor}' in {page_uri}{hint}"
    return LinkTarget(page_uri, anchor, anchors[anchor], same_page=not target)


def linked_roles(role: Role, pages: LinkablePages) -> list[Role]:
    """The other roles whose pages `role`'s `learn_more` links lead to, in link order."""
    found: dict[str, Role] = {}
    for quiz in role.quizzes:
        for question in quiz.questions:
            if not question.learn_more:
                continue
            target = resolve_learn_more(question.learn_more, role, pages)
            other = pages.role(target.page) if isinstance(target, LinkTarget) else None
            if other is not None and other is not role:
                found.setdefault(other.src_uri, other)
    return list(found.values())
