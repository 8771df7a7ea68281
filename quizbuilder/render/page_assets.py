"""Which of the engine's files a page loads, and the tags that load them; the package's
files published as they are (assets, JSON Schemas)."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from markupsafe import escape

from quizbuilder.render.urls import ASSET_DIR, SCHEMA_DIR, relative_url


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
