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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from quizbuilder import assets, csp, render
from quizbuilder.finder import DEFAULT_FINDER_STRINGS, render_finder_page
from quizbuilder.model import Content, Role
from quizbuilder.strings import DEFAULT_STRINGS
from quizbuilder.team import render_team_page

FINDER_PAGE = "finder/index.md"
GUIDE_PAGE = "guide/add-a-role.md"
"""The editor guide; the finder links it when a typed job has no page, if it exists."""
PLUGIN_NAME = "quizbuilder"
KNOWN_STRINGS = frozenset({*DEFAULT_STRINGS, *render.PAGE_STRINGS, *DEFAULT_FINDER_STRINGS})
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
_FINDER_DATA = re.compile(r'data-qb-finder="[^"]*"')
_FINDER_DATA_SLOT = 'data-qb-finder="qb-slot:finder-data"'
# MkDocs' own front matter pattern (mkdocs/utils/meta.py).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


@dataclass(frozen=True)
class Settings:
    """The plugin's options (`plugins: - quizbuilder: {...}` in `mkdocs.yml`)."""

    enabled: bool = True
    roles_dir: str = "roles"
    articles_dir: str = "articles"
    site_file: str = "quizbuilder.yml"
    storage_namespace: str | None = None
    strings: Mapping[str, str] = field(default_factory=dict)
    headers: bool = True
    """Write `_headers` with the Content-Security-Policy (quizbuilder/csp.py)."""
    csp_meta: bool = False
    """Also put the policy into every page as `<meta http-equiv>`."""


class ConfigError(Exception):
    """The quizbuilder options in a site config are not what the plugin accepts."""


def settings_from_config(config: Mapping[str, Any]) -> Settings:
    """The quizbuilder options from a parsed `mkdocs.yml`, checked as the plugin checks them.

    `ConfigError` names the option and what was expected.
    """
    options: Any = None
    plugins = config.get("plugins")
    entries = plugins if isinstance(plugins, list) else [plugins] if plugins else []
    for entry in entries:
        if entry == PLUGIN_NAME:
            options = {}
        elif isinstance(entry, dict) and PLUGIN_NAME in entry:
            options = entry[PLUGIN_NAME] or {}
    if options is None:  # not listed (a host that runs no plugins): the defaults
        return Settings()
    if not isinstance(options, dict):
        raise ConfigError(f"plugins.{PLUGIN_NAME}: expected a mapping of options")
    defaults = Settings()
    known = {"enabled", "roles_dir", "articles_dir", "site_file", "storage_namespace", "strings"}
    known |= {"headers", "csp_meta"}
    for key in sorted(set(options) - known):
        raise ConfigError(f"plugins.{PLUGIN_NAME}.{key}: unknown option")

    def text(key: str, default: str) -> str:
        value = options.get(key, default)
        if not isinstance(value, str):
            raise ConfigError(f"plugins.{PLUGIN_NAME}.{key}: expected a string")
        return value

    def flag(key: str, default: bool) -> bool:
        value = options.get(key, default)
        if not isinstance(value, bool):
            raise ConfigError(f"plugins.{PLUGIN_NAME}.{key}: expected true or false")
        return value

    enabled = flag("enabled", True)
    namespace = options.get("storage_namespace")
    if namespace is not None and not isinstance(namespace, str):
        raise ConfigError(f"plugins.{PLUGIN_NAME}.storage_namespace: expected a string")
    strings = options.get("strings") or {}
    if not isinstance(strings, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in strings.items()
    ):
        raise ConfigError(f"plugins.{PLUGIN_NAME}.strings: expected a mapping of texts")
    return Settings(
        enabled=enabled,
        roles_dir=text("roles_dir", defaults.roles_dir),
        articles_dir=text("articles_dir", defaults.articles_dir),
        site_file=text("site_file", defaults.site_file),
        storage_namespace=namespace,
        strings=dict(strings),
        headers=flag("headers", defaults.headers),
        csp_meta=flag("csp_meta", defaults.csp_meta),
    )


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
) -> render.RenderOptions:
    """The renderer's options from the plugin's settings and the site's config."""
    return render.RenderOptions(
        strings=dict(settings.strings),
        storage=settings.storage_namespace or storage_namespace(site_url, site_name),
        use_directory_urls=use_directory_urls,
    )


# --- What the plugin adds -------------------------------------------------------------


def replaced_sources(content: Content, settings: Settings) -> list[str]:
    """Files in docs_dir that are not pages of the site: the site file and the role files
    (each role's page is generated in its place)."""
    return [settings.site_file, *(role.src_uri for role in content.roles)]


def finder_page(
    content: Content, options: render.RenderOptions, *, guide: bool = False
) -> render.GeneratedPage:
    """`finder/index.md` (quizbuilder/finder.py renders it); `guide`: the site has
    `GUIDE_PAGE`."""
    here = render.page_url(FINDER_PAGE, options.use_directory_urls)

    def role_url(role: Role) -> str:
        return render.relative_url(render.page_url(role.src_uri, options.use_directory_urls), here)

    roles_index = render.page_url(render.ROLES_INDEX, options.use_directory_urls)
    config = render.client_config(options, here)
    config.pop("strings")  # the finder's texts travel in its data
    if guide:
        config["guide_url"] = render.relative_url(
            render.page_url(GUIDE_PAGE, options.use_directory_urls), here
        )
    markdown = render_finder_page(
        content,
        role_url,
        roles_index_url=render.relative_url(roles_index, here),
        strings=options.strings,
        config=config,
    )
    # The roles' data (about 600 bytes a role) goes in only when the page is finished:
    # Markdown and search would parse all of it for nothing.
    data = _FINDER_DATA.search(markdown)
    if data is None:  # pragma: no cover - the finder template always writes it
        return render.GeneratedPage(FINDER_PAGE, markdown)
    markdown = markdown.replace(data.group(0), _FINDER_DATA_SLOT, 1)
    return render.GeneratedPage(FINDER_PAGE, markdown, {_FINDER_DATA_SLOT: data.group(0)})


def pages(
    content: Content,
    options: render.RenderOptions,
    *,
    guide: bool = False,
    role_page: render.RolePageRenderer | None = None,
) -> list[render.GeneratedPage]:
    """Every page quizbuilder generates, the finder last (`guide`: see `finder_page`;
    `role_page`: see `render.render_pages`)."""
    return [
        *render.render_pages(content, options, role_page),
        render_team_page(content, options),
        finder_page(content, options, guide=guide),
    ]


def engine_assets() -> dict[str, str]:
    """The engine's script and stylesheet as published, by path in the site."""
    return {
        f"{render.ASSET_DIR}/quizbuilder.js": assets.bundle_engine(),
        f"{render.ASSET_DIR}/quizbuilder.css": assets.stylesheet(),
        f"{render.ASSET_DIR}/{assets.RESULTS}": assets.bundle_results(),
        f"{render.ASSET_DIR}/{assets.RESULTS_STYLESHEET}": assets.stylesheet(
            assets.RESULTS_STYLESHEET
        ),
        **{f"{render.ASSET_DIR}/{n}": text for n, text in assets.page_bundles().items()},
        **{f"{render.ASSET_DIR}/{n}": assets.stylesheet(n) for n in assets.PAGE_STYLESHEETS},
    }


def published_files(exists: Callable[[str], bool]) -> dict[str, str | Path]:
    """Path in the site → text (the engine) or package file (other assets, schemas).

    A package file is left out where `exists(path)` says the site has its own.
    """
    files: dict[str, str | Path] = dict(engine_assets())
    for dest, path in {**render.asset_files(), **render.schema_files()}.items():
        if Path(dest).name not in _SOURCES and not exists(dest):
            files[dest] = path
    return files


def finder_assets(exists: Callable[[str], bool]) -> tuple[str, ...]:
    """The finder's files the site publishes (all of them, unless the package lacks some)."""
    return tuple(name for name in render.FINDER_FILES if exists(f"{render.ASSET_DIR}/{name}"))


def asset_tags(
    url: str, parts: Iterable[str], finder: tuple[str, ...], known: Iterable[str] = ()
) -> str:
    """The engine's tags for the page at `url` whose HTML is `parts`, besides elements
    `known` to be in it already; "" when it needs none."""
    elements: set[str] = set(known)
    for part in parts:
        elements |= render.enhanced_elements(part)
    names = tuple(
        name
        for name in render.assets_for(elements)
        if name not in render.FINDER_FILES or name in finder
    )
    if not names:
        return ""
    return render.asset_tags(
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


def generate_docs(
    docs_dir: Path, content: Content, settings: Settings, options: render.RenderOptions
) -> Output:
    """The docs folder the plugin builds from: the author's files (less the role and site
    files), then the generated pages and published files the author has not written.

    Each page that needs the engine gets an assets placeholder; quizzes stay placeholders.
    """
    replaced = set(replaced_sources(content, settings))
    files: dict[str, str | Path] = {}
    fragments: dict[str, dict[str, str]] = {}
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir)
        if path.is_file() and not _excluded(relative) and relative.as_posix() not in replaced:
            files[relative.as_posix()] = path

    written = set(files)
    finder = finder_assets(lambda dest: dest in written or dest in render.asset_files())
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
        url = render.page_url(src_uri, options.use_directory_urls)
        tags = asset_tags(url, (text, *parts.values()), finder)
        if tags:
            # The slot ends the content; the plugin appends the same tags to the content.
            slot = render.placeholder(_ASSETS_SLOT)
            files[src_uri] = f"{text.rstrip()}\n\n{slot}\n"
            fragments[src_uri] = {**parts, slot: tags.removeprefix("\n")}
    files.update(published_files(lambda dest: dest in written))
    return Output(files, fragments, options.use_directory_urls, settings.headers, settings.csp_meta)


def escape_front_matter(text: str) -> str:
    """`text` with the front matter the theme prints as raw HTML escaped, as the plugin
    does in `on_page_markdown` (`render.escape_theme_meta`); unchanged if none needs it."""
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
    render.escape_theme_meta(escaped)
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
    url = render.page_url(src_uri, use_directory_urls)
    return url + "index.html" if url.endswith("/") or not url else url


def finish_page(html: str, fragments: Mapping[str, str]) -> str:
    """Put each fragment in place of its placeholder in a built page.

    A fragment whose placeholder Markdown lost (a marker inside a code block) goes at the
    end of the article, as the plugin puts it at the end of the content. Running it twice
    changes nothing: a fragment already in the page is not added again.
    """
    missing: list[str] = []
    for key, fragment in fragments.items():
        if key in html:
            html = html.replace(key, fragment, 1).replace(key, "")
        elif fragment not in html:
            missing.append(fragment)
    if not missing:
        return html
    extra = "".join(f"\n{fragment}" for fragment in missing)
    for closing in ("</article>", "</body>"):
        at = html.rfind(closing)
        if at >= 0:
            return html[:at] + extra + html[at:]
    return html + extra


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
