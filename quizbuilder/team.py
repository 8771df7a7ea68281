"""The team page (`team/index.md`): where a trainer combines exported "My results" files.

The page carries the site's catalogue of quizzes (`team_catalogue`): what `team.js` and
the reference aggregator (`quizbuilder/aggregate.py`) read exported results against.
"""

from __future__ import annotations

from typing import Any

from quizbuilder import render
from quizbuilder.markdown_inline import render_text
from quizbuilder.model import Content, QuizKind


def team_catalogue(content: Content) -> list[dict[str, Any]]:
    """Every quiz of the site as the team view needs it, in role then file order."""
    settings = content.settings
    catalogue = []
    for role in content.roles:
        for quiz in role.quizzes:
            graded = quiz.kind is QuizKind.GRADED
            bands = settings.graded_bands or settings.bands if graded else settings.bands
            catalogue.append(
                {
                    "id": quiz.id,
                    "title": quiz.title,
                    "role": role.title,
                    "kind": quiz.kind.value,
                    "questions": [{"id": q.id, "text": render_text(q.text)} for q in quiz.questions]
                    if graded
                    else [],
                    "dimensions": [
                        {"id": d.id, "name": d.name} for d in render.quiz_dimensions(quiz, settings)
                    ],
                    "bands": [
                        {"id": b.id, "label": b.label, "min": b.min, "max": b.max} for b in bands
                    ],
                }
            )
    return catalogue


def render_team_page(content: Content, options: render.RenderOptions) -> render.GeneratedPage:
    """`team/index.md`: the intro in Markdown and the team view's mount point."""
    here = render.page_url(render.TEAM_PAGE, options.use_directory_urls)
    key = render.placeholder("team")
    config = {
        **render.client_config(options, here),
        "results_url": render.relative_url(
            render.page_url(render.RESULTS_PAGE, options.use_directory_urls), here
        ),
    }
    fragment = (
        render.environment()
        .get_template("team/view.html.j2")
        .render(
            config=render.encode_json(config),
            catalogue=render.encode_json(team_catalogue(content)),
            text=options.text,
        )
    )
    markdown = (
        render.environment()
        .get_template("team/page.md.j2")
        .render(
            front={
                "title": options.text("page_team_title"),
                "description": options.text("page_team_description"),
            },
            slot=key,
            text=options.text,
        )
    )
    return render.GeneratedPage(render.TEAM_PAGE, markdown, {key: fragment})
