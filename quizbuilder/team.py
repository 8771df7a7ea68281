"""The team page (`team/index.md`): where a trainer combines exported "My results" files.

The page carries the site's catalogue of quizzes (`team_catalogue`): what `team.js` and
the reference aggregator (`quizbuilder/reference/aggregate.py`) read exported results against.
"""

from __future__ import annotations

from typing import Any

from quizbuilder.markdown_inline import render_text
from quizbuilder.model import Content, QuizKind
from quizbuilder.render.options import RenderOptions, client_config
from quizbuilder.render.pages import GeneratedPage
from quizbuilder.render.quiz import quiz_dimensions
from quizbuilder.render.slots import placeholder
from quizbuilder.render.templating import encode_json, render_template
from quizbuilder.render.urls import TEAM_PAGE


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
                        {"id": d.id, "name": d.name} for d in quiz_dimensions(quiz, settings)
                    ],
                    "bands": [
                        {"id": b.id, "label": b.label, "min": b.min, "max": b.max} for b in bands
                    ],
                }
            )
    return catalogue


def render_team_page(content: Content, options: RenderOptions) -> GeneratedPage:
    """`team/index.md`: the intro in Markdown and the team view's mount point."""
    key = placeholder("team")
    config = client_config(options, TEAM_PAGE)
    fragment = render_template(
        "team/view.html.j2",
        config=encode_json(config),
        catalogue=encode_json(team_catalogue(content)),
        text=options.text,
    )
    markdown = render_template(
        "team/page.md.j2", front=options.front("team"), slot=key, text=options.text
    )
    return GeneratedPage(TEAM_PAGE, markdown, {key: fragment})
