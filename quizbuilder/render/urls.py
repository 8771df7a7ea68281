"""Where generated pages and published files live, and links between them.

Site-relative paths (`roles/index.md`) and URLs (`roles/`, `roles/x/`) as MkDocs makes
them, computed without a site generator.
"""

from __future__ import annotations

import posixpath

ASSET_DIR = "assets/quizbuilder"
"""Where the engine's files are published, relative to the site root."""

SCHEMA_DIR = "schema"
"""Where the JSON Schemas are published, relative to the site root."""

ROLES_INDEX = "roles/index.md"
DIMENSIONS_INDEX = "dimensions/index.md"
RESULTS_PAGE = "results/index.md"
FINDER_PAGE = "finder/index.md"
TEAM_PAGE = "team/index.md"
GUIDE_PAGE = "guide/add-a-role.md"
"""The editor guide; the finder links it when a typed job has no page, if it exists."""


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
