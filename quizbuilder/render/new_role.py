"""The starter file `quizbuilder new-role` writes, and the sentence-case title helpers it
uses."""

from __future__ import annotations

import re

from quizbuilder.model import SiteSettings
from quizbuilder.render.templating import render_template

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
    return render_template(
        "new_role.md.j2",
        title=title,
        quiz_title=customers_quiz_title(title),
        slug=slug,
        settings=settings,
        dimensions=settings.dimensions[:2],
        kind=settings.customer_kinds[0] if settings.customer_kinds else None,
        schema_url=schema_url,
    )
