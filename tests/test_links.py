"""`learn_more` links: one resolver, and validation, rendering and the cache agree on it."""

from __future__ import annotations

from pathlib import Path

import pytest

import quizbuilder
from quizbuilder import links, model
from quizbuilder.links import LinkablePages, LinkTarget, linked_roles, resolve_learn_more
from quizbuilder.render.quiz import learn_more_link
from quizbuilder.validate import check_learn_more


def _role(slug: str, body: str, *learn_more: str) -> model.Role:
    questions = tuple(
        model.Question(
            f"q{i}",
            model.QuestionType.SINGLE,
            "T",
            (model.Option("a", correct=True), model.Option("b")),
            learn_more=link,
        )
        for i, link in enumerate(learn_more)
    )
    quiz = model.Quiz(f"{slug}-graded", "G", model.QuizKind.GRADED, questions)
    return model.Role(
        slug, slug.title(), "s", "x", body, 5, f"{slug}.md", f"roles/{slug}.md", quizzes=(quiz,)
    )


SETTINGS = model.SiteSettings((), (), (), ())
ARTICLE = model.Article(
    "owning", "Owning it", "d", (), "articles/owning.md", anchors={"why": "Why"}
)
OTHER = _role("barista", "## Rush hour\n\nText.\n")
LINKS = [
    ("#the-job", LinkTarget("roles/clerk.md", "the-job", "The job", same_page=True), None),
    ("clerk.md#the-job", LinkTarget("roles/clerk.md", "the-job", "The job"), None),
    ("barista.md#rush-hour", LinkTarget("roles/barista.md", "rush-hour", "Rush hour"), OTHER),
    ("./barista.md", LinkTarget("roles/barista.md", "", "Barista"), OTHER),
    ("../articles/owning.md#why", LinkTarget("articles/owning.md", "why", "Why"), None),
    (
        "https://example.org/a",
        LinkTarget("", "", "https://example.org/a", "https://example.org/a"),
        None,
    ),
    ("#nope", None, None),
    ("#", None, None),
    ("barista.md#nope", None, None),
    ("/roles/barista.md", None, None),
    ("barista", None, None),
    ("missing.md", None, None),
]


@pytest.mark.parametrize(("link", "target", "linked"), LINKS)
def test_validation_rendering_and_the_cache_read_a_link_the_same_way(
    link: str, target: LinkTarget | None, linked: model.Role | None
) -> None:
    clerk = _role("clerk", "## The job\n\nText.\n", link)
    content = model.Content(SETTINGS, (OTHER, clerk), (ARTICLE,))
    pages = LinkablePages(content.roles, content.articles)
    found = resolve_learn_more(link, clerk, pages)
    assert found == target if target else isinstance(found, str)
    problems = check_learn_more(content.roles, content.articles)
    assert bool(problems) is (target is None)
    rendered = learn_more_link(clerk.quizzes[0].questions[0], clerk, content)
    assert (rendered is None) is (target is None)
    assert linked_roles(clerk, pages) == ([linked] if linked else [])


def test_rendered_links_are_relative_to_the_role_page() -> None:
    clerk = _role(
        "clerk", "## The job\n", "#the-job", "barista.md#rush-hour", "../articles/owning.md"
    )
    content = model.Content(SETTINGS, (OTHER, clerk), (ARTICLE,))
    questions = clerk.quizzes[0].questions
    assert [learn_more_link(q, clerk, content) for q in questions] == [
        ("#the-job", "The job"),
        ("../barista/#rush-hour", "Rush hour"),
        ("../../articles/owning/", "Owning it"),
    ]
    assert learn_more_link(questions[1], clerk, content, use_directory_urls=False) == (
        "barista.html#rush-hour",
        "Rush hour",
    )


def test_only_the_resolver_reads_a_learn_more_link() -> None:
    # Three copies of this rule once disagreed; the package parses links in one place.
    package = Path(quizbuilder.__file__).parent
    readers = sorted(
        path.name for path in package.rglob("*.py") if 'partition("#")' in path.read_text("utf-8")
    )
    assert readers == ["links.py"]
    assert links.EXPECTED in str(check_learn_more((_role("c", "", "#x"),), ())[0])
