"""Model → the Markdown of every page quizbuilder generates (the finder's and the team
page's are `finder.py`'s and `team.py`'s), each as a `GeneratedPage`.

Pure functions: nothing here reads the docs directory or knows about MkDocs. The plugin
turns each `GeneratedPage` into a virtual MkDocs page; the placeholders (`slots.py`) are
then replaced by the HTML fragments (quizzes, lists, the engine's mounts), so that
generated HTML never passes through the Markdown parser nor through plugins that read
the page content, such as Material's search.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from quizbuilder.finder import render_finder_page
from quizbuilder.markers import place_quizzes
from quizbuilder.model import Content, Customer, CustomerKind, Dimension, Quiz, Role
from quizbuilder.render.options import RenderOptions, client_config
from quizbuilder.render.page_assets import enhanced_elements
from quizbuilder.render.quiz import quiz_dimensions, render_quiz
from quizbuilder.render.slots import attribute_slot, placeholder, slot_anchors, text_slot
from quizbuilder.render.templating import encode_json, render_fragment, render_template
from quizbuilder.render.urls import (
    DIMENSIONS_INDEX,
    FINDER_PAGE,
    GUIDE_PAGE,
    RESULTS_PAGE,
    ROLES_INDEX,
)


@dataclass(frozen=True)
class GeneratedPage:
    """A page for MkDocs to build from memory."""

    src_uri: str
    markdown: str
    fragments: Mapping[str, str] = field(default_factory=dict)
    """Placeholder → HTML kept out of the page's text (quizzes, the engine's mounts):
    substituted into the finished page, after search and other plugins read it."""
    edit_uri: str | None = None
    """The real source file (relative to docs_dir) to edit, if any."""
    inline: Mapping[str, str] = field(default_factory=dict)
    """`text_slot` → HTML that is part of the page's text (a role's header and customers):
    written as HTML rather than left to Markdown, which only made it slower to build,
    and put in as soon as Markdown ran, so that search reads it like any text."""
    tail: tuple[str, ...] = ()
    """Placeholders (of `fragments`) the content ends with, added after Markdown: the
    quizzes no marker placed. Raw HTML in a page makes Markdown and MkDocs run two HTML
    parsers over all of it; a role page without markers has none."""

    elements: frozenset[str] = field(init=False, repr=False, compare=False)
    """`enhanced_elements` of the fragments, found once (they are long: a quiz is ~20 KB)."""

    def __post_init__(self) -> None:
        found: set[str] = set()
        for fragment in (*self.fragments.values(), *self.inline.values()):
            found |= enhanced_elements(fragment)
        object.__setattr__(self, "elements", frozenset(found))

    def markdown_with_inline(self) -> str:
        """The Markdown with the inline HTML and the tail in place, for hosts that build
        real files (raw HTML blocks come out of Markdown as they went in)."""
        markdown = self.markdown
        for key, fragment in self.inline.items():
            markdown = markdown.replace(key, fragment, 1)
        if self.tail:
            markdown = markdown.rstrip("\n") + "".join(f"\n\n{key}" for key in self.tail) + "\n"
        return markdown

    def anchors(self) -> set[str]:
        """The ids the placeholders of `tail` carry (links to them are good links)."""
        return slot_anchors(self.tail)


THEME_HTML_META = ("title", "description")
"""Page metadata that Material prints as HTML without escaping (`<h1>`, the header,
the navigation, `<meta name="description" content="...">`)."""


def escape_theme_meta(meta: MutableMapping[str, Any]) -> None:
    """Escape, in place, the metadata the theme prints as raw HTML.

    `&` and quotes are escaped here; '<' and '>' never get this far in role, article and
    dimension fields (the schemas refuse them, because Material's `<title>` goes through
    `striptags`, which would undo escaping).
    """
    for key in THEME_HTML_META:
        value = meta.get(key)
        if isinstance(value, str):
            meta[key] = html.escape(value, quote=True)


def render_role_page(role: Role, content: Content, options: RenderOptions) -> GeneratedPage:
    """A role's page: header from the front matter, the article, the quizzes."""
    fragments: dict[str, str] = {}
    slots: dict[str, str] = {}
    for quiz in role.quizzes:
        key = placeholder(quiz.id, f"quiz-{quiz.id}")
        slots[quiz.id] = key
        fragments[key] = render_quiz(quiz, role, content, options)

    placed: set[str] = set()

    def slot_for(quiz_id: str) -> str | None:
        if quiz_id not in slots or quiz_id in placed:
            return None
        placed.add(quiz_id)
        return slots[quiz_id]

    body = place_quizzes(role.body, slot_for)
    tail = tuple(slots[q.id] for q in role.quizzes if q.id not in placed)
    kinds = {k.id: k for k in content.settings.customer_kinds}
    groups: list[tuple[CustomerKind | None, list[Customer]]] = [
        (kind, [c for c in role.customers if c.kind == kind.id])
        for kind in content.settings.customer_kinds
    ]
    groups += [
        (None, [c for c in role.customers if c.kind not in kinds])
    ]  # validation forbids these; kept so nothing vanishes
    groups = [(k, cs) for k, cs in groups if cs]
    header, customers = text_slot("role-header"), text_slot("role-customers")
    inline = {
        header: render_fragment("role_header.html.j2", role=role, text=options.text),
        customers: render_fragment("role_customers.html.j2", groups=groups),
    }
    markdown = render_template(
        "role_page.md.j2",
        front={"title": role.title, "description": role.summary, "tags": list(role.tags)},
        header=header,
        customers=customers if groups else "",
        body=body.strip("\n"),
        text=options.text,
    )
    if not groups:
        del inline[customers]
    return GeneratedPage(role.src_uri, markdown, fragments, role.src_uri, inline, tail)


def _sector_anchor(sector: str) -> str:
    """The id of a sector's group on the roles index: `sector-care-social-services`."""
    words = re.findall(r"[^\W_]+", sector.casefold())
    return "sector-" + "-".join(words)


def _sector_order(sector: str, content: Content) -> tuple[int, str]:
    """Sectors in the site file's order; any others (a site without `sectors:`) by name."""
    listed = content.settings.sectors
    index = listed.index(sector) if sector in listed else len(listed)
    return (index, sector.casefold())


def render_roles_index(content: Content, options: RenderOptions) -> GeneratedPage:
    """`roles/index.md`: every role once, with its summary, sector and customer kinds;
    the sector and kind filters are enhanced by finder.js."""
    sectors: dict[str, list[Role]] = {}
    for role in content.roles:
        sectors.setdefault(role.sector, []).append(role)
    by_kind = [
        (kind, [r for r in content.roles if any(c.kind == kind.id for c in r.customers)])
        for kind in content.settings.customer_kinds
    ]
    slot = placeholder("role-list")
    ordered = sorted(sectors.items(), key=lambda item: _sector_order(item[0], content))
    listing = render_fragment(
        "roles_list.html.j2",
        # One group a sector, in the site file's order, with a line of links to each:
        # at 100 roles one list was a long scroll to find a job by its field.
        groups=[(sector, _sector_anchor(sector), roles) for sector, roles in ordered],
        text=options.text,
        # Raw HTML is not rewritten by MkDocs: these links are final URLs.
        url=lambda role: options.link(role.src_uri, ROLES_INDEX),
        # Each role's kinds, in site order: asking every kind's list `role in members`
        # compared whole roles, a million times at 1,000 roles.
        kind_names=lambda role: ", ".join(
            kind.name
            for kind in content.settings.customer_kinds
            if any(c.kind == kind.id for c in role.customers)
        ),
    )
    markdown = render_template(
        "roles_index.md.j2",
        front=options.front("roles"),
        listing=slot,
        sectors=ordered,
        by_kind=[(k, rs) for k, rs in by_kind if rs],
        text=options.text,
        count_text=options.counted("page_roles_count", len(content.roles)),
    )
    # Put in after search read the page: search finds each role once, on its own page.
    return GeneratedPage(ROLES_INDEX, markdown, {slot: listing})


def _quizzes_measuring(dimension_id: str, content: Content) -> list[tuple[Role, Quiz]]:
    return [
        (role, quiz)
        for role in content.roles
        for quiz in role.quizzes
        if any(d.id == dimension_id for d in quiz_dimensions(quiz, content.settings))
    ]


def render_dimensions_index(content: Content, options: RenderOptions) -> GeneratedPage:
    """`dimensions/index.md`: each dimension with its summary."""
    markdown = render_template(
        "dimensions_index.md.j2",
        front=options.front("dimensions"),
        dimensions=content.settings.dimensions,
    )
    return GeneratedPage(DIMENSIONS_INDEX, markdown)


def render_dimension_page(
    dimension: Dimension, content: Content, options: RenderOptions
) -> GeneratedPage:
    """`dimensions/<id>.md`: description, articles that help, quizzes that measure it."""
    quizzes = _quizzes_measuring(dimension.id, content)
    slot = placeholder("quiz-list")
    # Raw HTML, final URLs: a list of every profile quiz is long, and Markdown links
    # cost MkDocs far more to parse and check than the HTML costs to write.
    listing = render_fragment(
        "quiz_list.html.j2",
        quizzes=quizzes,
        url=lambda src_uri: options.link(src_uri, f"dimensions/{dimension.id}.md"),
    )
    markdown = render_template(
        "dimension_page.md.j2",
        front={"title": dimension.name, "description": dimension.summary},
        dimension=dimension,
        articles=content.articles_for(dimension.id),
        quizzes=slot if quizzes else "",
        link=lambda src_uri: posixpath.relpath(src_uri, "dimensions"),
        text=options.text,
    )
    # Put in after search read the page, like the quizzes it links to.
    fragments = {slot: listing} if quizzes else {}
    return GeneratedPage(f"dimensions/{dimension.id}.md", markdown, fragments)


def render_results_page(options: RenderOptions) -> GeneratedPage:
    """`results/index.md`: the mount point for the engine's attempt history."""
    key = placeholder("history")
    config = {
        **client_config(options, RESULTS_PAGE),
        "finder_url": options.link(FINDER_PAGE, RESULTS_PAGE),
        "roles_url": options.link(ROLES_INDEX, RESULTS_PAGE),
    }
    fragment = render_template("history.html.j2", config=encode_json(config), text=options.text)
    markdown = render_template(
        "results_page.md.j2",
        front=options.front("results"),
        slot=key,
        text=options.text,
    )
    return GeneratedPage(RESULTS_PAGE, markdown, {key: fragment})


RolePageRenderer = Callable[[Role, Content, RenderOptions], GeneratedPage]


def render_pages(
    content: Content, options: RenderOptions, role_page: RolePageRenderer | None = None
) -> list[GeneratedPage]:
    """Every page quizbuilder generates from the content (the finder page excepted).

    `role_page` replaces `render_role_page`, e.g. to take role pages from a cache.
    """
    role_page = role_page or render_role_page
    pages = [role_page(role, content, options) for role in content.roles]
    pages.append(render_roles_index(content, options))
    pages.append(render_dimensions_index(content, options))
    pages += [render_dimension_page(d, content, options) for d in content.settings.dimensions]
    pages.append(render_results_page(options))
    return pages


def finder_page(content: Content, options: RenderOptions, *, guide: bool = False) -> GeneratedPage:
    """`finder/index.md` (quizbuilder/finder.py renders it); `guide`: the site has
    `GUIDE_PAGE`."""
    config = client_config(options, FINDER_PAGE)
    config.pop("strings")  # the finder's texts travel in its data
    if guide:
        config["guide_url"] = options.link(GUIDE_PAGE, FINDER_PAGE)
    markdown = render_finder_page(
        content,
        lambda role: options.link(role.src_uri, FINDER_PAGE),
        roles_index_url=options.link(ROLES_INDEX, FINDER_PAGE),
        strings=options.strings,
        config=config,
    )
    # The roles' data (about 600 bytes a role) goes in only when the page is finished:
    # Markdown and search would parse all of it for nothing.
    markdown, fragments = attribute_slot(markdown, "data-qb-finder")
    return GeneratedPage(FINDER_PAGE, markdown, fragments)
