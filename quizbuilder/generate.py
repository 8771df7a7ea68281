"""Everything quizbuilder adds to a site, without any site generator.

One code path for every host. The MkDocs plugin (which ProperDocs runs as it is) calls
these functions from its events; `quizbuilder generate DIR` writes the same pages and
files into a folder as real files, so that any Markdown site generator can build them,
and `quizbuilder finish SITE_DIR` then puts in the HTML that must not pass through
Markdown (the quizzes, the results mount, the engine's tags), as the plugin does in
`on_page_content`/`on_post_page`.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from quizbuilder import assets, csp
from quizbuilder.finder import DEFAULT_FINDER_STRINGS
from quizbuilder.model import Content
from quizbuilder.options import Settings
from quizbuilder.render import page_assets
from quizbuilder.render.options import RenderOptions
from quizbuilder.render.page_assets import (
    FINDER_FILES,
    asset_files,
    assets_for,
    enhanced_elements,
    schema_files,
)
from quizbuilder.render.pages import (
    GeneratedPage,
    RolePageRenderer,
    escape_theme_meta,
    finder_page,
    render_pages,
)
from quizbuilder.render.slots import finish_page, placeholder
from quizbuilder.render.urls import ASSET_DIR, GUIDE_PAGE, page_url
from quizbuilder.strings import DEFAULT_STRINGS, PAGE_STRINGS
from quizbuilder.team import render_team_page

KNOWN_STRINGS = frozenset({*DEFAULT_STRINGS, *PAGE_STRINGS, *DEFAULT_FINDER_STRINGS})
"""Every key the `strings` option may override."""

# Sources joined into quizbuilder.js / served as quizbuilder.css, not published as they are.
_SOURCES = frozenset(
    {*assets.BUNDLE_PARTS, assets.RESULTS, assets.STYLESHEET, assets.RESULTS_STYLESHEET}
    | {*assets.HISTORY_PARTS, *assets.TEAM_PARTS, *assets.PAGE_STYLESHEETS}
    | {*assets.FINDER_PARTS, *assets.FILTER_PARTS}
)
# MkDocs' default `exclude_docs`: dot files and folders, and `templates/` folders.
_EXCLUDED_PARTS = frozenset({"templates"})
_ASSETS_SLOT = "assets"
# MkDocs' own front matter pattern (mkdocs/utils/meta.py).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


def storage_namespace(site_url: str | None, site_name: str = "") -> str:
    """The default storage namespace: host and path of `site_url`, e.g. `example.org/quiz`."""
    if site_url:
        parts = urlsplit(site_url)
        namespace = (parts.netloc + parts.path).rstrip("/")
        if namespace:
            return namespace
    return site_name or "quizbuilder"


def unknown_strings(strings: Mapping[str, str]) -> list[str]:
    """The keys of `strings` that override nothing, sorted."""
    return sorted(set(strings) - KNOWN_STRINGS)


def render_options(
    settings: Settings, *, site_url: str | None, site_name: str, use_directory_urls: bool
) -> RenderOptions:
    """The renderer's options from the plugin's settings and the site's config."""
    return RenderOptions(
        strings=dict(settings.strings),
        storage=settings.storage_namespace or storage_namespace(site_url, site_name),
        use_directory_urls=use_directory_urls,
    )


# --- What the plugin adds -------------------------------------------------------------


def replaced_sources(content: Content, settings: Settings) -> list[str]:
    """Files in docs_dir that are not pages of the site: the site file and the role files
    (each role's page is generated in its place)."""
    return [settings.site_file, *(role.src_uri for role in content.roles)]


def pages(
    content: Content,
    options: RenderOptions,
    *,
    guide: bool = False,
    role_page: RolePageRenderer | None = None,
) -> list[GeneratedPage]:
    """Every page quizbuilder generates, the finder last (`guide`: see `finder_page`;
    `role_page`: see `render_pages`)."""
    return [
        *render_pages(content, options, role_page),
        render_team_page(content, options),
        finder_page(content, options, guide=guide),
    ]


def engine_assets() -> dict[str, str]:
    """The engine's script and stylesheet as published, by path in the site."""
    return {
        f"{ASSET_DIR}/quizbuilder.js": assets.bundle_engine(),
        f"{ASSET_DIR}/quizbuilder.css": assets.stylesheet(),
        f"{ASSET_DIR}/{assets.RESULTS}": assets.bundle_results(),
        f"{ASSET_DIR}/{assets.RESULTS_STYLESHEET}": assets.stylesheet(assets.RESULTS_STYLESHEET),
        **{f"{ASSET_DIR}/{n}": text for n, text in assets.page_bundles().items()},
        **{f"{ASSET_DIR}/{n}": assets.stylesheet(n) for n in assets.PAGE_STYLESHEETS},
    }


def published_files(exists: Callable[[str], bool]) -> dict[str, str | Path]:
    """Path in the site → text (the engine) or package file (other assets, schemas).

    A package file is left out where `exists(path)` says the site has its own.
    """
    files: dict[str, str | Path] = dict(engine_assets())
    for dest, path in {**asset_files(), **schema_files()}.items():
        if Path(dest).name not in _SOURCES and not exists(dest):
            files[dest] = path
    return files


def finder_assets(exists: Callable[[str], bool]) -> tuple[str, ...]:
    """The finder's files the site publishes (all of them, unless the package lacks some)."""
    return tuple(name for name in FINDER_FILES if exists(f"{ASSET_DIR}/{name}"))


def asset_tags(
    url: str, parts: Iterable[str], finder: tuple[str, ...], known: Iterable[str] = ()
) -> str:
    """The engine's tags for the page at `url` whose HTML is `parts`, besides elements
    `known` to be in it already; "" when it needs none."""
    elements: set[str] = set(known)
    for part in parts:
        elements |= enhanced_elements(part)
    names = tuple(
        name for name in assets_for(elements) if name not in FINDER_FILES or name in finder
    )
    if not names:
        return ""
    return page_assets.asset_tags(
        url,
        scripts=tuple(n for n in names if n.endswith(".js")),
        stylesheets=tuple(n for n in names if n.endswith(".css")),
    )


# --- A folder of real files -----------------------------------------------------------


@dataclass(frozen=True)
class Output:
    """A docs folder ready for any Markdown site generator, and what `finish` puts in."""

    files: dict[str, str | Path]
    """Path in the folder → text to write, or a file to copy."""
    fragments: dict[str, dict[str, str]]
    """Page source path → placeholder → HTML that goes in after Markdown."""
    use_directory_urls: bool = True
    headers: bool = True
    """`finish_site` writes `_headers` and checks the pages against it (`Settings.headers`)."""
    csp_meta: bool = False
    """`finish_site` also puts the policy into every page (`Settings.csp_meta`)."""


def _excluded(relative: Path) -> bool:
    return any(part.startswith(".") or part in _EXCLUDED_PARTS for part in relative.parts)


def _author_files(docs_dir: Path, replaced: set[str]) -> dict[str, str | Path]:
    """The files of `docs_dir` a site is built from, less those in `replaced`."""
    files: dict[str, str | Path] = {}
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir)
        if path.is_file() and not _excluded(relative) and relative.as_posix() not in replaced:
            files[relative.as_posix()] = path
    return files


def plain_docs(docs_dir: Path, use_directory_urls: bool = True) -> Output:
    """The docs folder as the plugin leaves it when turned off (`enabled: false`): the
    author's files as they are (role files become plain pages), nothing generated, and
    nothing for `finish` to do (no `_headers` either, as the plugin writes none)."""
    return Output(_author_files(docs_dir, set()), {}, use_directory_urls, headers=False)


def generate_docs(
    docs_dir: Path, content: Content, settings: Settings, options: RenderOptions
) -> Output:
    """The docs folder the plugin builds from: the author's files (less the role and site
    files), then the generated pages and published files the author has not written.

    Each page that needs the engine gets an assets placeholder; quizzes stay placeholders.
    """
    files = _author_files(docs_dir, set(replaced_sources(content, settings)))
    fragments: dict[str, dict[str, str]] = {}

    written = set(files)
    finder = finder_assets(lambda dest: dest in written or dest in asset_files())
    for page in pages(content, options, guide=GUIDE_PAGE in written):
        if page.src_uri not in files:
            files[page.src_uri] = page.markdown_with_inline()
            if page.fragments:
                fragments[page.src_uri] = dict(page.fragments)
    for src_uri, source in list(files.items()):
        if not src_uri.endswith(".md"):
            continue
        text = source if isinstance(source, str) else source.read_text("utf-8")
        if (escaped := escape_front_matter(text)) != text:
            files[src_uri] = text = escaped
        parts = fragments.get(src_uri, {})
        url = page_url(src_uri, options.use_directory_urls)
        tags = asset_tags(url, (text, *parts.values()), finder)
        if tags:
            # The slot ends the content; the plugin appends the same tags to the content.
            slot = placeholder(_ASSETS_SLOT)
            files[src_uri] = f"{text.rstrip()}\n\n{slot}\n"
            fragments[src_uri] = {**parts, slot: tags.removeprefix("\n")}
    files.update(published_files(lambda dest: dest in written))
    return Output(files, fragments, options.use_directory_urls, settings.headers, settings.csp_meta)


def escape_front_matter(text: str) -> str:
    """`text` with the front matter the theme prints as raw HTML escaped, as the plugin
    does in `on_page_markdown` (`escape_theme_meta`); unchanged if none needs it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return text
    if not isinstance(meta, dict):
        return text
    escaped = dict(meta)
    escape_theme_meta(escaped)
    if escaped == meta:
        return text
    dumped = yaml.safe_dump(escaped, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n{text[match.end() :]}"


def write_output(output: Output, target: Path) -> None:
    """Write `output.files` under `target` (which must be empty or absent)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileExistsError(f"{target} exists and is not an empty folder")
    for dest, source in output.files.items():
        path = target / dest
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            shutil.copyfile(source, path)
        else:
            path.write_text(source, encoding="utf-8", newline="\n")


def html_path(src_uri: str, use_directory_urls: bool = True) -> str:
    """The built HTML file of a page, relative to the site folder."""
    url = page_url(src_uri, use_directory_urls)
    return url + "index.html" if url.endswith("/") or not url else url


def finish_site(site_dir: Path, output: Output) -> int:
    """Apply `finish_page` to every page of `output` built in `site_dir`; pages changed.
    Then, as the plugin does last, write `_headers` and check every page against it.

    `FileNotFoundError` when a page that should be there was not built;
    `csp.PolicyError` when a page would break under the site's policy.
    """
    changed = 0
    for src_uri, fragments in output.fragments.items():
        page = site_dir / html_path(src_uri, output.use_directory_urls)
        if not page.is_file():
            raise FileNotFoundError(f"{page} was not built (the page for {src_uri})")
        before = page.read_text("utf-8")
        after = finish_page(before, fragments)
        if after != before:
            page.write_text(after, encoding="utf-8", newline="\n")
            changed += 1
    if output.headers:
        csp.secure_site(site_dir, meta=output.csp_meta)
    return changed
