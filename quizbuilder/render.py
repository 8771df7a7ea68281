"""Model → Markdown and HTML for every page quizbuilder generates.

Pure functions: nothing here reads the docs directory or knows about MkDocs. The
plugin turns each `GeneratedPage` into a virtual MkDocs page; `substitute` then puts
the HTML fragments (quizzes, the history mount) in place of their placeholders in the
finished page (`on_post_page`), so quiz HTML never passes through the Markdown parser
nor through plugins that read the page content, such as Material's search.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup, escape

from quizbuilder.headings import heading_anchors
from quizbuilder.markdown_inline import render_block, render_inline, render_prose, render_text
from quizbuilder.model import (
    Content,
    Customer,
    CustomerKind,
    Dimension,
    Question,
    QuestionType,
    Quiz,
    QuizKind,
    Role,
    SiteSettings,
)
from quizbuilder.strings import DEFAULT_STRINGS, plural_key

ASSET_DIR = "assets/quizbuilder"
"""Where the engine's files are published, relative to the site root."""

SCHEMA_DIR = "schema"
"""Where the JSON Schemas are published, relative to the site root."""

ROLES_INDEX = "roles/index.md"
DIMENSIONS_INDEX = "dimensions/index.md"
RESULTS_PAGE = "results/index.md"
FINDER_PAGE = "finder/index.md"
TEAM_PAGE = "team/index.md"

PAGE_STRINGS: dict[str, str] = {
    "page_sector": "Sector",
    "page_aliases": "Also called",
    "page_customers": "Who their customers are",
    "page_roles_all": "All roles",
    "page_roles_filter_sector": "Sector",
    "page_roles_filter_kind": "Customers",
    "page_roles_all_sectors": "All sectors",
    "page_roles_all_kinds": "Any kind",
    "page_roles_kinds_title": "Kinds of customer",
    "page_roles_count_one": "{shown} of 1 role",
    "page_roles_count_other": "{shown} of {total} roles",
    "page_roles_by_sector": "Roles by sector",
    "page_roles_jump": "Sectors",
    "page_roles_by_kind": "Roles by customer kind",
    "page_roles_title": "Roles",
    "page_roles_description": "Every customer-facing role on this site, by sector and by customer.",
    "page_dimensions_title": "Dimensions",
    "page_dimensions_description": "What the profile quizzes measure.",
    "page_dimension_articles": "Articles that help",
    "page_dimension_quizzes": "Quizzes that measure it",
    "page_results_title": "My results",
    "page_results_description": "Your quiz attempts, kept in this browser only.",
    "page_results_intro": (
        "Your attempts are stored in this browser only. Nothing is sent anywhere."
    ),
    "page_results_noscript": "Your results are kept by your browser and need JavaScript to show.",
    "page_team_title": "Team results",
    "page_team_description": "Combine the results your team downloaded, in this browser only.",
    "page_team_intro": (
        "For trainers: ask each person to download their results as JSON from My results "
        "(they may add a first name or a team as a label), then add all the files here. "
        "The files are read by this browser and never uploaded."
    ),
    "page_team_noscript": "Combining results happens in your browser and needs JavaScript.",
    "quiz_graded": "Graded quiz",
    "quiz_profile": "Profile quiz",
    "quiz_questions_one": "1 question",
    "quiz_questions_other": "{count} questions",
    "quiz_noscript": (
        "Scoring needs JavaScript. You can still read the questions and the answers."
    ),
    "quiz_multiple_hint": "Choose all that apply.",
    "quiz_answer": "Answer",
    "quiz_correct_one": "Correct answer:",
    "quiz_correct_many": "Correct answers:",
    "quiz_submit": "Check my answers",
    "quiz_submit_profile": "Show my profile",
    "quiz_learn_more": "Learn more:",
}
"""Texts used only in server-rendered HTML; the plugin's `strings` option overrides them too."""

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_MARKER = re.compile(r"<!--\s*quiz:\s*([A-Za-z0-9_-]+)\s*-->")
_SLOT_ID = re.compile(r' id="([^"]+)"')
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


@dataclass(frozen=True)
class RenderOptions:
    """Site-wide settings the renderer needs besides the content."""

    strings: Mapping[str, str] = field(default_factory=dict)
    """The site's overrides by key: of `PAGE_STRINGS` (used here) and of the engine's
    `DEFAULT_STRINGS` (sent in `data-qb-config`; the defaults are built into the script)."""
    storage: str = "quizbuilder"
    """The browser storage namespace."""
    use_directory_urls: bool = True

    def text(self, key: str) -> str:
        return self.strings.get(key) or PAGE_STRINGS[key]

    def counted(self, key: str, count: int) -> str:
        """The form of a count-bearing text (`strings.PLURAL_KEYS`) for `count`."""
        texts = {**PAGE_STRINGS, **{k: v for k, v in self.strings.items() if v}}
        return texts[plural_key(texts, key, count)]


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
        return {match.group(1) for key in self.tail for match in _SLOT_ID.finditer(key)}


# --- URLs -----------------------------------------------------------------------------


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a Markdown page, e.g. `roles/x.md` → `roles/x/`."""
    stem, _ = posixpath.splitext(src_uri)
    directory, _, name = stem.rpartition("/")
    prefix = f"{directory}/" if directory else ""
    if name in ("index", "README"):
        return prefix
    return f"{prefix}{name}/" if use_directory_urls else f"{stem}.html"


def relative_url(to_url: str, from_url: str) -> str:
    """`to_url` relative to the page at `from_url` (both site-relative, as `page_url` gives)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    target = _relpath(to_url or ".", base.rstrip("/") or ".")
    if target == ".":
        return "./"
    return target + "/" if to_url.endswith("/") or not to_url else target


def _relpath(path: str, start: str) -> str:
    """`posixpath.relpath` for two site-relative paths, without asking the file system
    for the working directory (which it does twice a call, and a site has thousands)."""
    path_parts = [part for part in posixpath.normpath(path).split("/") if part and part != "."]
    start_parts = [part for part in posixpath.normpath(start).split("/") if part and part != "."]
    common = 0
    for mine, theirs in zip(path_parts, start_parts, strict=False):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + path_parts[common:]
    return "/".join(parts) or "."


def asset_tags(
    from_url: str,
    scripts: tuple[str, ...] = ("quizbuilder.js",),
    stylesheets: tuple[str, ...] = ("quizbuilder.css",),
) -> str:
    """The engine's `<link>`s and `<script defer>`s for a page, with page-relative URLs."""
    tags = []
    for stylesheet in stylesheets:
        href = escape(relative_url(f"{ASSET_DIR}/{stylesheet}", from_url))
        tags.append(f'<link rel="stylesheet" href="{href}">')
    for script in scripts:
        src = escape(relative_url(f"{ASSET_DIR}/{script}", from_url))
        tags.append(f'<script src="{src}" defer></script>')
    return "\n" + "\n".join(tags) + "\n"


ENGINE_FILES = ("quizbuilder.css", "quizbuilder.js")
FINDER_FILES = ("finder.css", "finder.js")
FILTER_FILES = ("finder.css", "roles-filter.js")
"""The roles index filter: the finder's stylesheet (which styles the list), its own script."""
HISTORY_FILES = ("history.css", "history.js")
"""My results: drawn by history.js alone, which needs no quiz engine."""
TEAM_FILES = ("team.css", "team.js")

_ENHANCED = re.compile(
    r"""class=["'](?:[^"']*\s)?(qb-(?:quiz|history|team|finder(?:-search|-filter)?))(?=[\s"'])"""
)


def enhanced_elements(html: str) -> set[str]:
    """The classes of the elements in `html` that a quizbuilder script enhances."""
    return {match.group(1) for match in _ENHANCED.finditer(html)}


def assets_for(elements: set[str]) -> tuple[str, ...]:
    """The asset files a page with these enhanced elements loads; none for no element.

    Each script is loaded only where it is used: quizzes load the engine; "My results"
    history.js, the finder finder.js and the roles index roles-filter.js, each a bundle
    with the shared parts it needs (none of them needs the engine); the team view
    team.js. Quizzes, history and the finder share the engine's stylesheet.
    """
    names: tuple[str, ...] = ()
    if "qb-history" in elements:
        names += HISTORY_FILES
    if elements & {"qb-quiz", "qb-history", "qb-finder", "qb-finder-search"}:
        names += ("quizbuilder.css",)
    if "qb-quiz" in elements:
        names += ENGINE_FILES
    if elements & {"qb-finder", "qb-finder-search"}:
        names += FINDER_FILES
    if "qb-finder-filter" in elements:
        names += FILTER_FILES
    if "qb-team" in elements:
        names += TEAM_FILES
    return tuple(dict.fromkeys(names))


# --- JSON -----------------------------------------------------------------------------


def encode_json(data: Any) -> str:
    """Compact JSON that stays inert in HTML: `<`, `>`, `&`, U+2028/9 as `\\uXXXX` escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def quiz_dimensions(quiz: Quiz, settings: SiteSettings) -> tuple[Dimension, ...]:
    """The dimensions a quiz scores, in site order."""
    if quiz.kind is not QuizKind.PROFILE:
        return ()
    used: set[str] = set()
    for question in quiz.questions:
        if question.dimension:
            used.add(question.dimension)
        for option in question.options:
            used.update(option.points)
    return tuple(d for d in settings.dimensions if d.id in used)


def _question_data(question: Question, quiz: Quiz, settings: SiteSettings) -> dict[str, Any]:
    data: dict[str, Any] = {"id": question.id, "type": question.type.value}
    if question.type is QuestionType.SCALE:
        data["dimension"] = question.dimension
        data["reverse"] = question.reverse
        data["points"] = len(settings.scale_labels)
        return data
    if quiz.kind is QuizKind.GRADED:
        data["options"] = [{"correct": o.correct} for o in question.options]
    else:
        data["options"] = [{"points": dict(o.points)} for o in question.options]
    if quiz.shuffle if question.shuffle is None else question.shuffle:
        data["shuffle"] = True
        for option, item in zip(question.options, data["options"], strict=True):
            if option.pin:
                item["pin"] = True
    return data


def quiz_data(
    quiz: Quiz, role: Role, content: Content, *, use_directory_urls: bool = True
) -> dict[str, Any]:
    """The quiz-data dict (ARCHITECTURE.md, "Quiz data contract") for a quiz on its role page.

    URLs are relative to the role page.
    """
    here = page_url(role.src_uri, use_directory_urls)

    def url(src_uri: str) -> str:
        return relative_url(page_url(src_uri, use_directory_urls), here)

    settings = content.settings
    graded = quiz.kind is QuizKind.GRADED
    data: dict[str, Any] = {
        "v": 1,
        "id": quiz.id,
        "role": role.slug,
        "title": quiz.title,
        "kind": quiz.kind.value,
        "questions": [_question_data(q, quiz, settings) for q in quiz.questions],
        "dimensions": [
            {
                "id": d.id,
                "name": d.name,
                "url": url(f"dimensions/{d.id}.md"),
                "articles": [
                    {"title": a.title, "url": url(a.src_uri)} for a in content.articles_for(d.id)
                ],
                **(
                    {
                        "levels": {
                            band: {"meaning": level.meaning, "habit": level.habit}
                            for band, level in d.levels.items()
                        }
                    }
                    if d.levels
                    else {}
                ),
            }
            for d in quiz_dimensions(quiz, settings)
        ],
        "bands": [
            {
                "id": b.id,
                "label": b.label,
                "min": b.min,
                "max": b.max,
                "message": render_text(b.message),
            }
            for b in (settings.graded_bands or settings.bands if graded else settings.bands)
        ],
    }
    if graded:
        data["next"] = next_quizzes(quiz, role)
    return data


def next_quizzes(quiz: Quiz, role: Role) -> list[dict[str, str]]:
    """The role's other quizzes, profile quizzes first: the next step a graded result offers."""
    others = [q for q in role.quizzes if q.id != quiz.id]
    others.sort(key=lambda q: q.kind is not QuizKind.PROFILE)
    return [{"title": q.title, "url": f"#quiz-{q.id}"} for q in others]


def linked_roles(role: Role, content: Content) -> list[Role]:
    """The other roles whose pages `role`'s `learn_more` links lead to: their titles and
    headings are part of its quizzes (`learn_more_link`)."""
    targets = set()
    for quiz in role.quizzes:
        for question in quiz.questions:
            link = question.learn_more
            target = link.partition("#")[0]
            if target and not link.startswith(("http://", "https://")):
                folder = posixpath.dirname(role.src_uri)
                targets.add(posixpath.normpath(posixpath.join(folder, target)))
    if not targets:
        return []
    return [other for other in content.roles if other.src_uri in targets and other is not role]


def learn_more_link(
    question: Question, role: Role, content: Content, use_directory_urls: bool = True
) -> tuple[str, str] | None:
    """`(url, section title)` of a question's `learn_more`, relative to the role page;
    None when it has none or it leads nowhere (validation reports that)."""
    link = question.learn_more
    if not link:
        return None
    if link.startswith(("http://", "https://")):
        return (link, link)
    target, _, anchor = link.partition("#")
    if not target:
        anchors: Mapping[str, str] = heading_anchors(role.body)
        title = role.title
        page_uri = role.src_uri
    else:
        page_uri = posixpath.normpath(posixpath.join(posixpath.dirname(role.src_uri), target))
        page = next((r for r in content.roles if r.src_uri == page_uri), None)
        article = next((a for a in content.articles if a.src_uri == page_uri), None)
        if page is not None:
            anchors, title = heading_anchors(page.body), page.title
        elif article is not None:
            anchors, title = article.anchors, article.title
        else:
            return None
    if anchor and anchor not in anchors:
        return None
    here = page_url(role.src_uri, use_directory_urls)
    url = "" if not target else relative_url(page_url(page_uri, use_directory_urls), here)
    return (url + (f"#{anchor}" if anchor else ""), anchors[anchor] if anchor else title)


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


def client_config(options: RenderOptions, from_url: str) -> dict[str, Any]:
    """The `data-qb-config` dict for a page at `from_url`."""
    strings = {k: v for k, v in options.strings.items() if k in DEFAULT_STRINGS}
    results = page_url(RESULTS_PAGE, options.use_directory_urls)
    return {
        "strings": strings,
        "storage": options.storage,
        "results_url": relative_url(results, from_url),
    }


# --- Templates ------------------------------------------------------------------------


def _md_text(value: object) -> Markup:
    """Plain text made literal for Markdown: HTML-escaped, then Markdown syntax escaped."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(str(value)))))


_DUMPER: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when PyYAML has it: the same YAML, several times faster."""


def _yaml_front_matter(data: Mapping[str, Any]) -> Markup:
    dumped = yaml.dump(dict(data), Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return Markup(f"---\n{dumped}---\n")


@cache
def environment() -> jinja2.Environment:
    """The package's Jinja2 environment: autoescaping, strict about undefined names."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("quizbuilder", "templates"),
        # The templates are the package's own: no need to look at each file's time on
        # every render (five times a role page, a stat call each).
        auto_reload=False,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["mdtext"] = _md_text
    env.filters["inline"] = render_inline
    env.filters["block"] = render_block
    env.filters["prose"] = render_prose
    env.filters["json"] = encode_json
    env.filters["front_matter"] = _yaml_front_matter
    env.filters["yaml"] = lambda value: Markup(json.dumps(value, ensure_ascii=False))
    env.globals["questions_html"] = questions_html
    return env


def _render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def _html(template: str, **context: Any) -> str:
    """A fragment of HTML, without the newline that ends its template."""
    return _render(template, **context).rstrip("\n")


# --- Quizzes --------------------------------------------------------------------------


def render_quiz(quiz: Quiz, role: Role, content: Content, options: RenderOptions) -> str:
    """A quiz as HTML, per the HTML contract in ARCHITECTURE.md."""
    here = page_url(role.src_uri, options.use_directory_urls)
    count = len(quiz.questions)
    counted = options.counted("quiz_questions", count).format(count=count)
    graded = quiz.kind is QuizKind.GRADED
    kind = options.text("quiz_graded" if graded else "quiz_profile")
    links = {
        q.id: learn_more_link(q, role, content, options.use_directory_urls)
        for q in quiz.questions
        if graded and q.learn_more
    }
    return _render(
        "quiz.html.j2",
        quiz=quiz,
        graded=graded,
        links=links,
        submit=options.text("quiz_submit" if graded else "quiz_submit_profile"),
        meta=f"{kind} · {counted}",
        scale_labels=content.settings.scale_labels,
        data=encode_json(
            quiz_data(quiz, role, content, use_directory_urls=options.use_directory_urls)
        ),
        config=encode_json(client_config(options, here)),
        text=options.text,
    )


def questions_html(
    quiz: Quiz,
    links: Mapping[str, tuple[str, str] | None],
    scale_labels: tuple[str, ...],
    text: Callable[[str], str],
) -> Markup:
    """Every question of a quiz as `<fieldset class="qb-question">` blocks.

    Built here rather than in `quiz.html.j2` for the same reason as `options_html`: it is
    the loop that runs 20,000 times in a site of 1,000 roles, and Jinja's per-expression
    escaping made it the largest part of a cold build's own work. The HTML is the one
    ARCHITECTURE.md's contract describes; `tests/test_render.py` checks it.
    """
    graded = quiz.kind is QuizKind.GRADED
    hint = f'<p class="qb-question__hint">{escape(text("quiz_multiple_hint"))}</p>\n'
    summary = f"<summary>{escape(text('quiz_answer'))}</summary>\n"
    correct_one, correct_many = escape(text("quiz_correct_one")), escape(text("quiz_correct_many"))
    learn_more = escape(text("quiz_learn_more"))
    parts: list[str] = []
    for number, question in enumerate(quiz.questions, start=1):
        qid = f"quiz-{quiz.id}-{question.id}"
        scale = question.type is QuestionType.SCALE
        parts.append(
            f'<fieldset class="qb-question" id="{escape(qid)}"'
            f' data-qb-question="{escape(question.id)}">\n'
            f'<legend class="qb-question__text"><span class="qb-question__number">{number}.</span>'
            f" {render_inline(question.text)}</legend>\n"
        )
        if question.type is QuestionType.MULTIPLE:
            parts.append(hint)
        parts.append(
            f'<div class="qb-options{" qb-options--scale" if scale else ""}">\n'
            f"{options_html(question, qid, scale_labels)}</div>\n"
        )
        if graded:
            right = [option for option in question.options if option.correct]
            answers = "; ".join(str(render_inline(option.text)) for option in right)
            parts.append(
                f'<details class="qb-answer">\n{summary}<p class="qb-answer__correct">'
                f"{correct_one if len(right) == 1 else correct_many} {answers}</p>\n"
            )
            if question.explanation:
                explanation = render_block(question.explanation)
                parts.append(f'<div class="qb-answer__explanation">{explanation}</div>\n')
            if link := links.get(question.id):
                parts.append(
                    f'<p class="qb-answer__more">{learn_more}'
                    f' <a href="{escape(link[0])}">{escape(link[1])}</a></p>\n'
                )
            parts.append("</details>\n")
        parts.append('<p class="qb-feedback" hidden></p>\n</fieldset>\n')
    return Markup("".join(parts))


def options_html(question: Question, qid: str, scale_labels: tuple[str, ...]) -> Markup:
    """A question's options (or scale steps) as `<div class="qb-option">` blocks.

    Built here rather than in `quiz.html.j2`: it is the template's innermost loop, and
    this is several times faster than Jinja's per-expression escaping.
    """
    scale = question.type is QuestionType.SCALE
    kind = "checkbox" if question.type is QuestionType.MULTIPLE else "radio"
    name = escape(question.id)
    prefix = escape(qid)
    labels = (
        [escape(label) for label in scale_labels]
        if scale
        else [render_inline(option.text) for option in question.options]
    )
    return Markup(
        "".join(
            f'<div class="qb-option">\n<input type="{kind}" name="{name}" id="{prefix}-{index}"'
            f' value="{index}">\n<label for="{prefix}-{index}">{label}</label>\n</div>\n'
            for index, label in enumerate(labels)
        )
    )


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
    quizzes no marker placed, kept out of the Markdown) and any Markdown lost (e.g. a
    marker inside a code block).

    The plugin calls it on the page content, then `substitute` on the finished page
    puts every fragment in place: a lost one ends up at the end of the content, so no
    quiz is lost.
    """
    return html + "".join(f"\n{key}" for key in fragments if key not in html)


def substitute(html: str, fragments: Mapping[str, str]) -> str:
    """Replace each placeholder in rendered page HTML by its fragment.

    A fragment whose placeholder is missing (e.g. a marker inside a code block) is
    appended at the end so no quiz is lost. A placeholder repeated is kept once.
    """
    missing: list[str] = []
    for key, fragment in fragments.items():
        if key in html:
            html = html.replace(key, fragment, 1).replace(key, "")
        else:
            missing.append(fragment)
    return html + "".join(f"\n{fragment}" for fragment in missing)


# --- Pages ----------------------------------------------------------------------------


def render_role_page(role: Role, content: Content, options: RenderOptions) -> GeneratedPage:
    """A role's page: header from the front matter, the article, the quizzes."""
    fragments: dict[str, str] = {}
    slots: dict[str, str] = {}
    for quiz in role.quizzes:
        key = placeholder(quiz.id, f"quiz-{quiz.id}")
        slots[quiz.id] = key
        fragments[key] = render_quiz(quiz, role, content, options)

    placed: set[str] = set()

    def to_slot(match: re.Match[str]) -> str:
        quiz_id = match.group(1)
        if quiz_id not in slots or quiz_id in placed:
            return match.group(0)
        placed.add(quiz_id)
        return f"\n\n{slots[quiz_id]}\n\n"

    body = _MARKER.sub(to_slot, role.body)
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
        header: _html("role_header.html.j2", role=role, text=options.text),
        customers: _html("role_customers.html.j2", groups=groups),
    }
    markdown = _render(
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
    listing = _html(
        "roles_list.html.j2",
        # One group a sector, in the site file's order, with a line of links to each:
        # at 100 roles one list was a long scroll to find a job by its field.
        groups=[(sector, _sector_anchor(sector), roles) for sector, roles in ordered],
        text=options.text,
        # Raw HTML is not rewritten by MkDocs: these links are final URLs.
        url=lambda role: relative_url(
            page_url(role.src_uri, options.use_directory_urls),
            page_url(ROLES_INDEX, options.use_directory_urls),
        ),
        # Each role's kinds, in site order: asking every kind's list `role in members`
        # compared whole roles, a million times at 1,000 roles.
        kind_names=lambda role: ", ".join(
            kind.name
            for kind in content.settings.customer_kinds
            if any(c.kind == kind.id for c in role.customers)
        ),
    )
    markdown = _render(
        "roles_index.md.j2",
        front={
            "title": options.text("page_roles_title"),
            "description": options.text("page_roles_description"),
        },
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
    markdown = _render(
        "dimensions_index.md.j2",
        front={
            "title": options.text("page_dimensions_title"),
            "description": options.text("page_dimensions_description"),
        },
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
    listing = _html(
        "quiz_list.html.j2",
        quizzes=quizzes,
        url=lambda src_uri: relative_url(
            page_url(src_uri, options.use_directory_urls),
            page_url(f"dimensions/{dimension.id}.md", options.use_directory_urls),
        ),
    )
    markdown = _render(
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
    here = page_url(RESULTS_PAGE, options.use_directory_urls)
    key = placeholder("history")
    config = {
        **client_config(options, here),
        "finder_url": relative_url(page_url(FINDER_PAGE, options.use_directory_urls), here),
        "roles_url": relative_url(page_url(ROLES_INDEX, options.use_directory_urls), here),
    }
    fragment = _render("history.html.j2", config=encode_json(config), text=options.text)
    markdown = _render(
        "results_page.md.j2",
        front={
            "title": options.text("page_results_title"),
            "description": options.text("page_results_description"),
        },
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


# --- Files shipped with the package ---------------------------------------------------


def schema_files() -> dict[str, Path]:
    """Published path (`schema/<name>.schema.json`) → the package's schema file."""
    folder = Path(str(resources.files("quizbuilder") / "schemas"))
    if not folder.is_dir():
        return {}
    return {f"{SCHEMA_DIR}/{p.name}": p for p in sorted(folder.glob("*.schema.json"))}


def asset_files() -> dict[str, Path]:
    """Published path (`assets/quizbuilder/...`) → the package's engine file."""
    folder = Path(str(resources.files("quizbuilder") / "theme" / "assets" / "quizbuilder"))
    if not folder.is_dir():
        return {}
    return {
        f"{ASSET_DIR}/{p.relative_to(folder).as_posix()}": p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


_LETTERS_SAID_WITH_A_VOWEL = frozenset("AEFHILMNORSX")
"""Capitals whose names start with a vowel sound: an IT technician, an HR adviser."""
_VOWEL_SPELLED_CONSONANT = re.compile(r"^(?:uni|use|usu|ur[aeiou]|eu|ewe|one\b|once)", re.I)
_SILENT_H = re.compile(r"^(?:hour|honest|honou?r|heir)", re.I)


def in_sentence(title: str) -> str:
    """A Title Case job title as it reads inside a sentence: `Dental Assistant` →
    `dental assistant`. Acronyms and words with capitals inside them keep theirs
    (`IT Technician` → `IT technician`, `McDonald's` stays)."""
    words = []
    for word in title.split():
        parts = []
        for part in word.split("-"):
            letters = [c for c in part if c.isalpha()]
            keep = len(letters) == 1 or any(c.isupper() for c in letters[1:])
            parts.append(part if keep else part.lower())
        words.append("-".join(parts))
    return " ".join(words)


def indefinite_article(phrase: str) -> str:
    """`a` or `an` for `phrase`, by its sound: an assistant, a user, an hour, an IT role."""
    word = phrase.split()[0] if phrase.split() else ""
    letters = [c for c in word.split("-")[0] if c.isalpha()]
    if letters and all(c.isupper() for c in letters):  # said letter by letter
        return "an" if letters[0] in _LETTERS_SAID_WITH_A_VOWEL else "a"
    if _SILENT_H.match(word):
        return "an"
    if word[:1].lower() in "aeiou" and not _VOWEL_SPELLED_CONSONANT.match(word):
        return "an"
    return "a"


def customers_quiz_title(title: str) -> str:
    """The template's graded quiz title, in sentence case: `Who are a dental
    assistant's customers?`."""
    phrase = in_sentence(title.strip())
    return f"Who are {indefinite_article(phrase)} {phrase}'s customers?"


def new_role_markdown(title: str, slug: str, settings: SiteSettings, schema_url: str) -> str:
    """A starter role file that validates as written against `settings`."""
    return _render(
        "new_role.md.j2",
        title=title,
        quiz_title=customers_quiz_title(title),
        slug=slug,
        settings=settings,
        dimensions=settings.dimensions[:2],
        kind=settings.customer_kinds[0] if settings.customer_kinds else None,
        schema_url=schema_url,
    )
