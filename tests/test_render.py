"""Render: model → Markdown/HTML, checked on the HTML a browser and the engine get."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml import safe_load as yaml_load

import quizbuilder.render as render_package
from quizbuilder import markdown_inline
from quizbuilder.content import load_content
from quizbuilder.markdown_inline import is_safe_url, render_inline, render_text
from quizbuilder.model import (
    Article,
    Band,
    Content,
    Customer,
    CustomerKind,
    Dimension,
    FinderQuestion,
    Level,
    Option,
    Question,
    QuestionType,
    Quiz,
    QuizKind,
    Role,
    SiteSettings,
)
from quizbuilder.render.options import RenderOptions
from quizbuilder.render.page_assets import (
    ENGINE_FILES,
    FILTER_FILES,
    FINDER_FILES,
    HISTORY_FILES,
    TEAM_FILES,
    asset_tags,
    assets_for,
    enhanced_elements,
)
from quizbuilder.render.pages import (
    GeneratedPage,
    render_pages,
    render_role_page,
    render_roles_index,
)
from quizbuilder.render.quiz import quiz_data, render_quiz
from quizbuilder.render.slots import put_inline, substitute, text_slot
from quizbuilder.render.templating import encode_json
from quizbuilder.render.urls import _relpath, page_url, relative_url

HOSTILE = "<script>alert(1)</script></script><!-- \u2028\u2029 & \"quoted\" 'single'"

SETTINGS = SiteSettings(
    customer_kinds=(
        CustomerKind("external", "External customers", "Outside."),
        CustomerKind("internal", "Internal customers", "Colleagues."),
    ),
    dimensions=(
        Dimension("ownership", "Ownership", "Owns it.", "Long **text**."),
        Dimension("composure", "Composure", "Stays calm."),
        Dimension("unused", "Unused", "Nobody measures this."),
    ),
    bands=(
        Band("low", "Low", 0, 49, "Keep *going*."),
        Band("high", "High", 50, 100, HOSTILE),
    ),
    scale_labels=("No", "Maybe", "Yes"),
    finder_questions=(FinderQuestion("public", "Public?", ("0", "1", "2", "3", "4")),),
)

GRADED = Quiz(
    id="clerk-graded",
    title=f"Graded {HOSTILE}",
    kind=QuizKind.GRADED,
    intro="Read **this**.",
    questions=(
        Question(
            id="who",
            type=QuestionType.SINGLE,
            text=f"Who? {HOSTILE}",
            options=(Option("The *customer*", correct=True), Option(HOSTILE)),
            explanation="[Because](javascript:alert(1)) and [docs](https://example.org).",
        ),
        Question(
            id="which",
            type=QuestionType.MULTIPLE,
            text="Which?",
            options=(Option("A", correct=True), Option("B", correct=True), Option("C")),
        ),
    ),
)

PROFILE = Quiz(
    id="clerk-profile",
    title="Profile",
    kind=QuizKind.PROFILE,
    questions=(
        Question(id="calm", type=QuestionType.SCALE, text="I stay calm.", dimension="composure"),
        Question(
            id="late",
            type=QuestionType.SINGLE,
            text="Late?",
            options=(Option("Wait", points={}), Option("Call", points={"ownership": 2})),
        ),
        Question(
            id="back",
            type=QuestionType.SCALE,
            text="I avoid it.",
            dimension="ownership",
            reverse=True,
        ),
    ),
)

ROLE = Role(
    slug="clerk",
    title=f"Clerk {HOSTILE}",
    summary=f"Helps *people*. {HOSTILE}",
    sector="Retail & [more]",
    body="Intro paragraph.\n\n<!-- quiz: clerk-profile -->\n\nMore article.\n",
    body_line=20,
    path="docs/roles/clerk.md",
    src_uri="roles/clerk.md",
    aliases=("Shop assistant", "Cashier"),
    customers=(
        Customer("Shoppers", "external", "Quick help"),
        Customer("The manager", "internal"),
    ),
    finder={"public": 4},
    quizzes=(GRADED, PROFILE),
)

CONTENT = Content(
    settings=SETTINGS,
    roles=(ROLE,),
    articles=(Article("calm", "Stay calm", "How.", ("composure",), "articles/calm.md"),),
)

OPTIONS = RenderOptions(
    strings={"retry": "Again", "quiz_submit": "Go", "unknown": "x"}, storage="example.org"
)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Collector()
    parser.feed(markup)
    return parser.tags


def _quiz_html(quiz: Quiz = GRADED) -> str:
    return render_quiz(quiz, ROLE, CONTENT, OPTIONS)


@pytest.mark.parametrize("quiz", [GRADED, PROFILE], ids=["graded", "profile"])
def test_quiz_html_has_no_script_no_event_handlers_and_no_raw_hostile_text(quiz: Quiz) -> None:
    markup = _quiz_html(quiz)
    assert "<script" not in markup
    assert "</script>" not in markup
    assert "<!--" not in markup
    for _tag, attrs in _tags(markup):
        assert not [name for name in attrs if name.lower().startswith("on")]


def test_hostile_text_is_shown_as_text() -> None:
    markup = _quiz_html()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "<strong>this</strong>" in markup  # intro is inline Markdown
    assert "<em>customer</em>" in markup


def test_every_input_has_a_label_and_names_follow_the_contract() -> None:
    tags = _tags(_quiz_html(PROFILE)) + _tags(_quiz_html(GRADED))
    inputs = [attrs for tag, attrs in tags if tag == "input"]
    labels = {attrs["for"] for tag, attrs in tags if tag == "label"}
    ids = [attrs["id"] for _tag, attrs in tags if "id" in attrs]
    assert len(ids) == len(set(ids)), "ids are unique"
    assert {i["id"] for i in inputs} == labels
    graded = [i for i in _tags(_quiz_html(GRADED)) if i[0] == "input"]
    assert [(a["type"], a["name"], a["value"]) for _t, a in graded] == [
        ("radio", "who", "0"),
        ("radio", "who", "1"),
        ("checkbox", "which", "0"),
        ("checkbox", "which", "1"),
        ("checkbox", "which", "2"),
    ]
    scale = [a for t, a in _tags(_quiz_html(PROFILE)) if t == "input" and a["name"] == "calm"]
    assert [a["value"] for a in scale] == ["0", "1", "2"]


def test_structure_follows_the_html_contract() -> None:
    markup = _quiz_html()
    assert markup.startswith('<div class="qb-quiz-block" data-search-exclude>\n<form ')
    form = next(attrs for tag, attrs in _tags(markup) if tag == "form")
    assert form["id"] == "quiz-clerk-graded"
    assert form["aria-labelledby"] == "quiz-clerk-graded-title"
    assert "novalidate" in form
    assert markup.count('<details class="qb-answer">') == 2
    assert "Correct answers: A; B" in markup
    assert '<p class="qb-question__hint">' in markup
    assert "Graded quiz · 2 questions" in markup
    assert ">Go</button>" in markup  # a page string override
    assert "qb-options--scale" in _quiz_html(PROFILE)
    assert "qb-answer" not in _quiz_html(PROFILE)


def test_unsafe_links_lose_their_target() -> None:
    markup = _quiz_html()
    assert "javascript:" not in markup
    assert '<a href="https://example.org">docs</a>' in markup


def _attr_json(markup: str, name: str) -> dict[str, object]:
    raw = re.search(f'{name}="([^"]*)"', markup)
    assert raw is not None
    value = raw.group(1)
    for unsafe in ("<", ">", "\u2028", "\u2029"):
        assert unsafe not in value
    assert "\\u003c/script\\u003e" in html.unescape(value) or name == "data-qb-config"
    loaded: dict[str, object] = json.loads(html.unescape(value))
    return loaded


def test_quiz_data_attribute_round_trips_and_is_inert() -> None:
    data = _attr_json(_quiz_html(), "data-qb-quiz")
    assert data == quiz_data(GRADED, ROLE, CONTENT)
    assert data["title"] == GRADED.title


def test_quiz_data_follows_the_contract() -> None:
    data = quiz_data(PROFILE, ROLE, CONTENT)
    assert data == {
        "v": 1,
        "id": "clerk-profile",
        "role": "clerk",
        "title": "Profile",
        "kind": "profile",
        "questions": [
            {
                "id": "calm",
                "type": "scale",
                "dimension": "composure",
                "reverse": False,
                "points": 3,
            },
            {
                "id": "late",
                "type": "single",
                "options": [{"points": {}}, {"points": {"ownership": 2}}],
                "shuffle": True,
            },
            {"id": "back", "type": "scale", "dimension": "ownership", "reverse": True, "points": 3},
        ],
        "dimensions": [
            {
                "id": "ownership",
                "name": "Ownership",
                "url": "../../dimensions/ownership/",
                "articles": [],
            },
            {
                "id": "composure",
                "name": "Composure",
                "url": "../../dimensions/composure/",
                "articles": [{"title": "Stay calm", "url": "../../articles/calm/"}],
            },
        ],
        "bands": [
            {"id": "low", "label": "Low", "min": 0, "max": 49, "message": "Keep going."},
            {"id": "high", "label": "High", "min": 50, "max": 100, "message": HOSTILE},
        ],
    }
    graded = quiz_data(GRADED, ROLE, CONTENT, use_directory_urls=False)
    assert graded["questions"][0] == {  # type: ignore[index]
        "id": "who",
        "type": "single",
        "options": [{"correct": True}, {"correct": False}],
        "shuffle": True,
    }
    assert graded["dimensions"] == []
    assert graded["next"] == [{"title": "Profile", "url": "#quiz-clerk-profile"}]


def test_encode_json_escapes_everything_that_could_end_a_context() -> None:
    encoded = encode_json({"x": "</script><!-- & \u2028\u2029 é"})
    assert encoded == '{"x":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 é"}'
    assert json.loads(encoded) == {"x": "</script><!-- & \u2028\u2029 é"}


def test_config_attribute() -> None:
    config = _attr_json(_quiz_html(), "data-qb-config")
    assert config == {
        "strings": {"retry": "Again"},
        "storage": "example.org",
        "results_url": "../../results/",
    }


@pytest.mark.parametrize(
    ("src_uri", "directory_urls", "expected"),
    [
        ("index.md", True, ""),
        ("roles/index.md", True, "roles/"),
        ("roles/clerk.md", True, "roles/clerk/"),
        ("roles/clerk.md", False, "roles/clerk.html"),
        ("roles/index.md", False, "roles/"),
    ],
)
def test_page_url(src_uri: str, directory_urls: bool, expected: str) -> None:
    assert page_url(src_uri, directory_urls) == expected


@pytest.mark.parametrize(
    ("to", "start", "expected"),
    [
        (
            "assets/quizbuilder/quizbuilder.js",
            "roles/clerk/",
            "../../assets/quizbuilder/quizbuilder.js",
        ),
        ("assets/quizbuilder/quizbuilder.js", "", "assets/quizbuilder/quizbuilder.js"),
        (
            "assets/quizbuilder/quizbuilder.js",
            "roles/clerk.html",
            "../assets/quizbuilder/quizbuilder.js",
        ),
        ("results/", "results/", "./"),
        ("", "roles/", "../"),
        ("dimensions/x/", "roles/clerk/", "../../dimensions/x/"),
    ],
)
def test_relative_url(to: str, start: str, expected: str) -> None:
    assert relative_url(to, start) == expected


def test_asset_tags_and_detection() -> None:
    tags = asset_tags("roles/clerk/")
    assert '<link rel="stylesheet" href="../../assets/quizbuilder/quizbuilder.css">' in tags
    assert '<script src="../../assets/quizbuilder/quizbuilder.js" defer></script>' in tags
    assert "qb-quiz" in enhanced_elements(_quiz_html())
    assert enhanced_elements('<div class="qb-history" data-qb-config="{}">') == {"qb-history"}
    assert enhanced_elements('<section class="x qb-finder">') == {"qb-finder"}
    assert enhanced_elements('<p class="qb-finder-filter__count">') == set()
    assert enhanced_elements("<p>qb-quiz in prose, class=other</p>") == set()


@pytest.mark.parametrize(
    ("elements", "files"),
    [
        (set(), ()),
        ({"qb-quiz"}, ENGINE_FILES),
        # Each page loads only what it uses (issue 22): no engine for My results or the
        # finder, and the roles index only its filter.
        ({"qb-history"}, (*HISTORY_FILES, "quizbuilder.css")),
        ({"qb-team"}, TEAM_FILES),
        ({"qb-finder-filter"}, FILTER_FILES),
        ({"qb-finder", "qb-finder-search"}, ("quizbuilder.css", *FINDER_FILES)),
    ],
)
def test_assets_follow_the_enhanced_elements(elements: set[str], files: tuple[str, ...]) -> None:
    assert assets_for(elements) == files


def test_role_page_places_marked_quizzes_and_appends_the_rest() -> None:
    page = render_role_page(ROLE, CONTENT, OPTIONS)
    assert page.src_uri == "roles/clerk.md"
    assert page.edit_uri == "roles/clerk.md"
    text = page.markdown
    assert text.startswith("---\ntitle: ")
    (profile_slot,) = (k for k in page.fragments if "clerk-profile" in k)
    (graded_slot,) = (k for k in page.fragments if "clerk-graded" in k)
    assert text.index("Intro paragraph.") < text.index(profile_slot) < text.index("More article.")
    # The quiz no marker placed ends the content: not in the Markdown (no raw HTML there),
    # added after it, with its id known for links.
    assert graded_slot not in text
    assert page.tail == (graded_slot,)
    assert page.anchors() == {"quiz-clerk-graded"}
    full = page.markdown_with_inline()
    assert full.index("More article.") < full.index(graded_slot)
    assert full.rstrip("\n").endswith(graded_slot)
    assert "<!-- quiz:" not in text
    body = text.split("---\n", 2)[2]
    assert "<script>" not in body
    # The header and the customers are HTML from the start, escaped, before the article.
    assert "<p><strong>Sector:</strong> Retail &amp; [more]</p>" in full
    assert "<p><strong>External customers</strong></p>" in full
    assert "<script>" not in "".join(page.inline.values())
    assert full.index("Sector:") < full.index("## Who their customers are")
    assert full.index("Shoppers") < full.index("The manager") < full.index("Intro paragraph.")


def test_substitute_puts_fragments_in_place_and_appends_lost_ones() -> None:
    page = render_role_page(ROLE, CONTENT, OPTIONS)
    slots = list(page.fragments)
    rendered = f"<p>a</p>\n{slots[1]}\n<p>b</p>"
    result = substitute(rendered, page.fragments)
    assert (
        result.index("<p>a</p>")
        < result.index('id="quiz-clerk-profile"')
        < result.index("<p>b</p>")
    )
    assert result.index("<p>b</p>") < result.index('id="quiz-clerk-graded"')
    assert "qb-slot" not in result


def _whole(page: GeneratedPage) -> str:
    """The page's Markdown with everything that goes in after Markdown in place."""
    return substitute(page.markdown_with_inline(), page.fragments)


def test_index_and_dimension_pages() -> None:
    pages = {p.src_uri: p for p in render_pages(CONTENT, OPTIONS)}
    assert set(pages) == {
        "roles/clerk.md",
        "roles/index.md",
        "dimensions/index.md",
        "dimensions/ownership.md",
        "dimensions/composure.md",
        "dimensions/unused.md",
        "results/index.md",
    }
    index = _whole(pages["roles/index.md"])
    # Each role once, with its sector and customer kinds (issue 10: it was listed three times).
    assert index.count('href="clerk/"') == 1
    assert 'data-sector="Retail &amp; [more]"' in index
    # Grouped by sector (issue 21: 100 roles in one list were hard to scan), each group
    # reached from a line of sector links.
    assert '<h2 id="sector-retail-more">Retail &amp; [more]</h2>' in index
    assert '<a href="#sector-retail-more">Retail &amp; [more]</a>' in index
    assert '<span class="qb-role-list__meta">External customers, Internal customers</span>' in index
    assert '<option value="external">External customers</option>' in index
    composure = _whole(pages["dimensions/composure.md"])
    assert "[Stay calm](../articles/calm.md)" in composure
    assert '<a href="../../roles/clerk/#quiz-clerk-profile">' in composure
    flat = replace(OPTIONS, use_directory_urls=False)
    flat_pages = {p.src_uri: p for p in render_pages(CONTENT, flat)}
    assert '<a href="../roles/clerk.html#quiz-clerk-profile">' in (
        _whole(flat_pages["dimensions/composure.md"])
    )
    assert _whole(flat_pages["roles/index.md"]).count('href="clerk.html"') == 1
    assert "Quizzes that measure it" not in pages["dimensions/unused.md"].markdown
    results = pages["results/index.md"]
    (fragment,) = results.fragments.values()
    assert fragment.startswith('<div class="qb-history" data-qb-config="')
    assert "<noscript>" in fragment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        ("`<b>` & *em*", "<code>&lt;b&gt;</code> &amp; <em>em</em>"),
        ("[x](javascript:alert(1))", "<span>x</span>"),
        ("[x](JaVa\tScRiPt:alert(1))", "<span>x</span>"),
        ("[x](javascript&colon;alert(1))", "<span>x</span>"),
        ("[x](data:text/html,hi)", "<span>x</span>"),
        ("![i](javascript:alert(1))", "<span>i</span>"),
        ("[x](mailto:a@b.c)", '<a href="mailto:a@b.c">x</a>'),
        ("[x](../y/)", '<a href="../y/">x</a>'),
        ("# not a heading", "# not a heading"),
        ("one\n\ntwo", "one<br>two"),
    ],
)
def test_inline_markdown(text: str, expected: str) -> None:
    assert str(render_inline(text)) == expected


def test_render_text_and_safe_urls() -> None:
    assert render_text("Keep *going* & [read](https://x.org)") == "Keep going & read"
    assert is_safe_url("https://x.org") and is_safe_url("rel/path") and is_safe_url("#frag")
    assert not is_safe_url(" vbscript:x")


# --- hostile payloads in every field the renderer handles ----------------------------

PAYLOADS: list[str] = json.loads(
    (Path(__file__).parent / "hostile" / "payloads.json").read_text("utf-8")
)["payloads"]

GENERATED_TAGS = {
    "div", "form", "h1", "h2", "h3", "p", "noscript", "fieldset", "legend", "span", "input",
    "label", "details", "summary", "button", "strong", "em", "code", "a", "br", "ul", "li",
    "select", "option", "dl", "dt", "dd", "nav", "section",
}  # fmt: skip


def _hostile_content(payload: str) -> tuple[Role, Content]:
    text = payload.replace("SENTINEL", "qb-sentinel")
    settings = SiteSettings(
        customer_kinds=(CustomerKind("external", text, text),),
        dimensions=(Dimension("ownership", text, text),),
        bands=(Band("all", text, 0, 100, text),),
        scale_labels=(text, text),
    )
    graded = Quiz(
        "q-graded",
        text,
        QuizKind.GRADED,
        (
            Question(
                "g",
                QuestionType.MULTIPLE,
                text,
                (Option(text, correct=True), Option(text)),
                explanation=text,
            ),
        ),
        intro=text,
    )
    profile = Quiz(
        "q-profile",
        text,
        QuizKind.PROFILE,
        (
            Question("s", QuestionType.SCALE, text, dimension="ownership"),
            Question("p", QuestionType.SINGLE, text, (Option(text, points={"ownership": 1}),)),
        ),
        intro=text,
    )
    role = Role(
        slug="hostile",
        title=text,
        summary=text,
        sector=text,
        body="Article.\n",
        body_line=1,
        path="docs/roles/hostile.md",
        src_uri="roles/hostile.md",
        aliases=(text,),
        customers=(Customer(text, "external", text),),
        quizzes=(graded, profile),
    )
    articles = (Article("a", text, text, ("ownership",), "articles/a.md"),)
    return role, Content(settings, (role,), articles)


def _assert_inert(markup: str) -> None:
    for tag, attrs in _tags(markup):
        assert tag in GENERATED_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), name
            assert name in {
                "class", "id", "href", "type", "name", "value", "for", "hidden", "role",
                "aria-live", "aria-labelledby", "aria-label", "tabindex", "novalidate",
                "data-search-exclude",
                "data-qb-quiz", "data-qb-config", "data-qb-question", "title",
                "data-count", "data-sector", "data-kinds",
            }, name  # fmt: skip
            if name == "href":
                assert value is not None and is_safe_url(value), value


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_payloads_stay_text(payload: str) -> None:
    import markdown

    role, content = _hostile_content(payload)
    page = render_role_page(role, content, OPTIONS)
    assert page.inline  # the header and the customers are HTML from the start
    for fragment in [*page.fragments.values(), *page.inline.values()]:
        _assert_inert(fragment)
    front, body = page.markdown.split("---\n", 2)[1:]
    assert yaml_load(front)["title"] == role.title
    converted = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables", "toc"])
    # As the plugin does: the inline HTML after Markdown, the quizzes at the end.
    _assert_inert(substitute(substitute(converted, page.inline), page.fragments))
    for other in render_pages(content, OPTIONS):
        if other.src_uri != role.src_uri:
            text = other.markdown.split("---\n", 2)[2]
            html_out = markdown.markdown(text, extensions=["attr_list", "md_in_html", "toc"])
            html_out = substitute(html_out, other.inline)
            _assert_inert(substitute(html_out, other.fragments))


# --- the inline Markdown fast path: same output as Markdown for every text ------------


def _markdown_block(text: str) -> str:
    """The reference: the text through the inline-only Markdown converter, no shortcut."""
    md = markdown_inline._converter()
    md.reset()
    return str(md.convert(text).strip())


def _markdown_inline(text: str) -> str:
    rendered = _markdown_block(text)
    if not rendered:
        return ""
    paragraphs = re.split(r"</p>\s*<p>", rendered.removeprefix("<p>").removesuffix("</p>"))
    return "<br>".join(paragraphs)


def _markdown_text(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", _markdown_inline(text).replace("<br>", " ")))


def _assert_same_as_markdown(text: str) -> None:
    assert str(markdown_inline.render_block(text)) == _markdown_block(text), repr(text)
    assert str(render_inline(text)) == _markdown_inline(text), repr(text)
    assert render_text(text) == _markdown_text(text), repr(text)


def _site_quiz_texts() -> list[str]:
    """Every inline-Markdown text of the real site: quizzes, options, explanations, bands."""
    content = load_content(Path(__file__).parent.parent / "docs")
    texts = [band.message for band in content.settings.bands]
    for role in content.roles:
        for quiz in role.quizzes:
            texts += [quiz.title, quiz.intro or ""]
            for question in quiz.questions:
                texts += [question.text, question.explanation or ""]
                texts += [option.text for option in question.options]
    return texts


_EDGE_TEXTS = [
    "",
    " ",
    "plain words",
    "Option 1 for situation 1",
    'It\'s "quoted" (and parenthesised): 50% — fine?',
    "# not a heading",
    "- not a list",
    "1. not a list",
    "> not a quote",
    "    four spaces first",
    "trailing space ",
    " leading space",
    "two  spaces inside",
    "line  \nbreak",
    "tab\there",
    "one\n\ntwo",
    "cr\rlf\r\n",
    "Q&A",
    "&amp; &#38; &copy",
    "a < b > c",
    "<https://example.org>",
    "https://example.org/path_with_underscores",
    "snake_case and *stars* and `code`",
    "[ref]: https://x.org",
    "[x](javascript:alert(1))",
    "!bang",
    "back\\slash",
    "\x02stx\x03",
    "nul\x00char",
    "nbsp\u00a0inside",
    "nel\x85inside",
    "ls\u2028ps\u2029",
    "---",
    "===",
    "Ünïcödé, 日本語, עברית, emoji 🙂",
    "***",
    "~~not strike~~",
    "{curly} #hash +plus -minus .dot |pipe",
]


@pytest.mark.parametrize("text", _EDGE_TEXTS)
def test_inline_fast_path_matches_markdown_on_edge_cases(text: str) -> None:
    _assert_same_as_markdown(text)


def test_inline_fast_path_matches_markdown_on_every_site_text() -> None:
    texts = _site_quiz_texts() + PAYLOADS
    assert len(texts) > 100
    assert any(markdown_inline.is_plain(t) for t in texts)  # the fast path is exercised
    for text in texts:
        _assert_same_as_markdown(text)


@settings(max_examples=800, derandomize=True, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(list("ab \n\t\r#-+.1>*_`[]()!<>&\\:;'\"~=|{}\u00a0\u2028\x02\x85")),
            st.characters(codec="utf-8"),
        ),
        max_size=40,
    )
)
def test_inline_fast_path_matches_markdown_on_any_text(text: str) -> None:
    _assert_same_as_markdown(text)


def test_roles_index_offers_sectors_in_site_file_order() -> None:
    def role(slug: str, sector: str) -> Role:
        return replace(
            ROLE,
            slug=slug,
            title=slug.title(),
            sector=sector,
            quizzes=(),
            src_uri=f"roles/{slug}.md",
            path=f"docs/roles/{slug}.md",
        )

    def offered(markdown: str) -> list[str]:
        select = re.search(r'<select id="qb-filter-sector".*?</select>', markdown, re.S)
        assert select
        return re.findall(r"<option>([^<]+)</option>", select.group(0))

    roles = (role("a", "Retail"), role("b", "Healthcare"), role("c", "Food service"))
    listed = replace(SETTINGS, sectors=("Retail", "Public sector", "Healthcare", "Food service"))
    index = render_roles_index(Content(listed, roles), OPTIONS).markdown
    # Site order, and a listed sector without roles is not offered.
    assert offered(index) == ["Retail", "Healthcare", "Food service"]
    # Without a list (a site file with no `sectors:`), by name.
    unlisted = render_roles_index(Content(SETTINGS, roles), OPTIONS).markdown
    assert offered(unlisted) == ["Food service", "Healthcare", "Retail"]


# --- shuffling, learn_more, graded bands and level texts (issue 9) ------------------


def _quiz(*questions: Question, shuffle: bool = True) -> Quiz:
    return Quiz("clerk-extra", "Extra", QuizKind.GRADED, questions, shuffle=shuffle)


def test_shuffle_and_pins_reach_the_quiz_data() -> None:
    pinned = Question(
        "p",
        QuestionType.SINGLE,
        "P?",
        (Option("A", correct=True), Option("None of these", pin=True)),
    )
    fixed = Question(
        "f", QuestionType.SINGLE, "F?", (Option("A", correct=True), Option("B")), shuffle=False
    )
    on = Question(
        "o", QuestionType.SINGLE, "O?", (Option("A", correct=True), Option("B")), shuffle=True
    )
    data = quiz_data(_quiz(pinned, fixed), ROLE, CONTENT)["questions"]
    assert data[0]["shuffle"] is True
    assert data[0]["options"] == [{"correct": True}, {"correct": False, "pin": True}]
    assert "shuffle" not in data[1]
    off = quiz_data(_quiz(pinned, on, shuffle=False), ROLE, CONTENT)["questions"]
    assert "shuffle" not in off[0] and "pin" not in off[0]["options"][1]
    assert off[1]["shuffle"] is True
    scale = quiz_data(PROFILE, ROLE, CONTENT)["questions"][0]
    assert "shuffle" not in scale


def test_learn_more_is_rendered_as_a_link_to_the_built_page() -> None:
    role = replace(ROLE, body="Intro.\n\n## What *good* looks like\n\nText.\n")
    article = replace(CONTENT.articles[0], anchors={"breathe-first": "Breathe first"})
    content = replace(CONTENT, roles=(role,), articles=(article,))
    quiz = _quiz(
        Question(
            "a",
            QuestionType.SINGLE,
            "A?",
            (Option("A", correct=True), Option("B")),
            learn_more="#what-good-looks-like",
        ),
        Question(
            "b",
            QuestionType.SINGLE,
            "B?",
            (Option("A", correct=True), Option("B")),
            learn_more="../articles/calm.md#breathe-first",
        ),
        Question("c", QuestionType.SINGLE, "C?", (Option("A", correct=True), Option("B"))),
    )
    markup = render_quiz(quiz, role, content, OPTIONS)
    assert (
        '<p class="qb-answer__more">Learn more: <a href="#what-good-looks-like">'
        "What good looks like</a></p>"
    ) in markup
    assert '<a href="../../articles/calm/#breathe-first">Breathe first</a>' in markup
    assert markup.count("qb-answer__more") == 2


def test_graded_quizzes_use_graded_bands_and_profiles_carry_level_texts() -> None:
    graded_bands = (
        Band("miss", "Review", 0, 59, "Read again."),
        Band("ok", "Known", 60, 100, "Good."),
    )
    levels = {
        "low": Level("Meaning low.", "Habit low."),
        "high": Level("Meaning high.", "Habit high."),
    }
    dims = tuple(
        replace(d, levels=levels) if d.id == "composure" else d for d in SETTINGS.dimensions
    )
    settings = replace(SETTINGS, graded_bands=graded_bands, dimensions=dims)
    content = replace(CONTENT, settings=settings)
    graded = quiz_data(GRADED, ROLE, content)
    assert [b["id"] for b in graded["bands"]] == ["miss", "ok"]
    profile = quiz_data(PROFILE, ROLE, content)
    assert [b["id"] for b in profile["bands"]] == ["low", "high"]
    composure = next(d for d in profile["dimensions"] if d["id"] == "composure")
    assert composure["levels"]["low"] == {"meaning": "Meaning low.", "habit": "Habit low."}
    assert "levels" not in next(d for d in profile["dimensions"] if d["id"] == "ownership")


def test_profile_submit_button_says_what_it_does() -> None:
    assert ">Show my profile</button>" in _quiz_html(PROFILE)
    assert ">Go</button>" in _quiz_html(GRADED)


_SEGMENT = st.sampled_from(["roles", "a", "b", "x.html", "dimensions", "index.html"])


@given(st.lists(_SEGMENT, max_size=4), st.lists(_SEGMENT, max_size=4))
def test_relative_paths_agree_with_posixpath(to: list[str], start: list[str]) -> None:
    """`_relpath` (no working-directory lookups) = `posixpath.relpath` on the
    site-relative paths pages have."""
    import posixpath

    path, base = "/".join(to) or ".", "/".join(start) or "."
    assert _relpath(path, base) == posixpath.relpath(path, base)


def test_inline_slots_are_one_word_and_filled_in_one_pass() -> None:
    header, customers = text_slot("role-header"), text_slot("role-customers")
    assert header.isalnum() and customers.isalnum() and header != customers
    # A fragment whose text shows another slot's paragraph is not taken for that slot.
    html = f"<p>{header}</p>\n<h2>Who</h2>\n<p>{customers}</p>"
    filled = put_inline(html, {header: f"<p>{customers}</p>", customers: "<ul></ul>"})
    assert filled == f"<p>{customers}</p>\n<h2>Who</h2>\n<ul></ul>"
    # A slot an extension wrapped otherwise still gets its fragment; a lost one is appended.
    wrapped = put_inline(f"<div>{header}</div>", {header: "H", customers: "C"})
    assert wrapped == "<div>H</div>\nC"


def test_one_jinja_environment_and_one_json_encoder_for_html() -> None:
    # Two environments (render's and the finder's) and two encoders once existed side
    # by side; a change to one's escaping would have missed the other.
    package = Path(render_package.__file__).parent.parent
    sources = {path: path.read_text("utf-8") for path in package.rglob("*.py")}
    environments = [p.name for p, text in sources.items() if "jinja2.Environment(" in text]
    encoders = [p.name for p, text in sources.items() if '"\\\\u003c"' in text]
    assert environments == ["templating.py"]
    assert encoders == ["templating.py"]
