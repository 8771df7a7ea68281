"""A quiz as HTML (the HTML contract in ARCHITECTURE.md) and as the quiz-data dict the
browser scores from.

The HTML is written here, in one renderer, rather than in a template: a quiz is the
loop that runs 20,000 times in a site of 1,000 roles (questions times options), and
Jinja's per-expression escaping made it the largest part of a cold build's own work.
`tests/test_render.py` checks the HTML against the contract.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from markupsafe import Markup, escape

from quizbuilder.links import pages_of, resolve_learn_more
from quizbuilder.markdown_inline import render_block, render_inline, render_text
from quizbuilder.model import (
    Content,
    Dimension,
    Question,
    QuestionType,
    Quiz,
    QuizKind,
    Role,
    SiteSettings,
)
from quizbuilder.render.options import RenderOptions, client_config
from quizbuilder.render.templating import encode_json
from quizbuilder.render.urls import page_url, relative_url


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


def learn_more_link(
    question: Question, role: Role, content: Content, use_directory_urls: bool = True
) -> tuple[str, str] | None:
    """`(url, section title)` of a question's `learn_more`, relative to the role page;
    None when it has none or it leads nowhere (validation reports that)."""
    if not question.learn_more:
        return None
    target = resolve_learn_more(question.learn_more, role, pages_of(content))
    if isinstance(target, str):
        return None
    if target.url:
        return (target.url, target.title)
    url = ""
    if not target.same_page:
        here = page_url(role.src_uri, use_directory_urls)
        url = relative_url(page_url(target.page, use_directory_urls), here)
    return (url + (f"#{target.anchor}" if target.anchor else ""), target.title)


def render_quiz(quiz: Quiz, role: Role, content: Content, options: RenderOptions) -> str:
    """A quiz as HTML, per the HTML contract in ARCHITECTURE.md."""
    count = len(quiz.questions)
    counted = options.counted("quiz_questions", count).format(count=count)
    graded = quiz.kind is QuizKind.GRADED
    kind = options.text("quiz_graded" if graded else "quiz_profile")
    links = {
        q.id: learn_more_link(q, role, content, options.use_directory_urls)
        for q in quiz.questions
        if graded and q.learn_more
    }
    data = quiz_data(quiz, role, content, use_directory_urls=options.use_directory_urls)
    config = client_config(options, role.src_uri)
    quiz_id = escape(quiz.id)
    intro = f'<div class="qb-quiz__intro">{render_block(quiz.intro)}</div>\n' if quiz.intro else ""
    submit = escape(options.text("quiz_submit" if graded else "quiz_submit_profile"))
    return (
        '<div class="qb-quiz-block" data-search-exclude>\n'
        f'<form class="qb-quiz qb-quiz--{escape(quiz.kind.value)}" id="quiz-{quiz_id}"'
        f' data-qb-quiz="{escape(encode_json(data))}"'
        f' data-qb-config="{escape(encode_json(config))}"'
        f' aria-labelledby="quiz-{quiz_id}-title" novalidate data-search-exclude>\n'
        f'<h2 id="quiz-{quiz_id}-title" class="qb-quiz__title">{escape(quiz.title)}</h2>\n'
        f'<p class="qb-quiz__meta">{escape(f"{kind} · {counted}")}</p>\n'
        f"{intro}"
        f'<noscript><p class="qb-note">{escape(options.text("quiz_noscript"))}</p></noscript>\n'
        f"{questions_html(quiz, links, content.settings.scale_labels, options.text)}"
        '<div class="qb-actions"><button type="submit" class="md-button md-button--primary">'
        f"{submit}</button></div>\n"
        '<div class="qb-result" role="status" aria-live="polite" tabindex="-1"></div>\n'
        "</form>\n"
        "</div>\n"
    )


def questions_html(
    quiz: Quiz,
    links: Mapping[str, tuple[str, str] | None],
    scale_labels: tuple[str, ...],
    text: Callable[[str], str],
) -> Markup:
    """Every question of a quiz as `<fieldset class="qb-question">` blocks."""
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
    """A question's options (or scale steps) as `<div class="qb-option">` blocks."""
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
