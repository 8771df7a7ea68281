"""The MkDocs plugin: the only module that imports `mkdocs`.

It loads and validates the content before MkDocs touches `site_dir`, replaces the
role source files with generated pages, publishes the engine's assets and the JSON
Schemas, and puts the quiz HTML into the pages after Markdown ran.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from quizbuilder import assets, render
from quizbuilder import cache as content_cache
from quizbuilder.content import load_content_and_warnings
from quizbuilder.errors import ContentError
from quizbuilder.finder import DEFAULT_FINDER_STRINGS, render_finder_page
from quizbuilder.model import Content, Role
from quizbuilder.strings import DEFAULT_STRINGS

log = get_plugin_logger(__name__)

FINDER_PAGE = "finder/index.md"
GUIDE_PAGE = "guide/add-a-role.md"
"""The editor guide; the finder links it when a typed job has no page, if it exists."""
"""Published only on the finder page, after the engine's own files, when they exist."""
# Sources joined into quizbuilder.js / served as quizbuilder.css, not published as they are.
_SOURCES = frozenset(
    {*assets.BUNDLE_PARTS, assets.RESULTS, assets.STYLESHEET, assets.RESULTS_STYLESHEET}
)


def engine_assets() -> dict[str, str]:
    """The engine's script and stylesheet as published, by path in the site."""
    return {
        f"{render.ASSET_DIR}/quizbuilder.js": assets.bundle_engine(),
        f"{render.ASSET_DIR}/quizbuilder.css": assets.stylesheet(),
        f"{render.ASSET_DIR}/{assets.RESULTS}": assets.bundle_results(),
        f"{render.ASSET_DIR}/{assets.RESULTS_STYLESHEET}": assets.stylesheet(
            assets.RESULTS_STYLESHEET
        ),
    }


class QuizbuilderConfig(base.Config):  # type: ignore[no-untyped-call]
    """Options of the `quizbuilder` plugin in `mkdocs.yml`."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off (role files are then built as plain pages)."""
    roles_dir = c.Type(str, default="roles")
    """Folder of role files, relative to `docs_dir`."""
    articles_dir = c.Type(str, default="articles")
    """Folder of articles whose front matter names dimensions, relative to `docs_dir`."""
    site_file = c.Type(str, default="quizbuilder.yml")
    """The site file (customer kinds, dimensions, bands, scale, finder), relative to `docs_dir`."""
    storage_namespace = c.Optional(c.Type(str))
    """Browser storage namespace; default: `site_url`'s host and path."""
    strings = c.DictOfItems(c.Type(str), default={})
    """Overrides for the engine's and the pages' texts, by key."""
    cache = c.Type(bool, default=True)
    """Keep loaded roles and rendered role pages between builds (see `cache_dir`)."""
    cache_dir = c.Type(str, default=content_cache.DEFAULT_DIR)
    """Folder of the cache, relative to the folder of `mkdocs.yml`."""


def storage_namespace(site_url: str | None, site_name: str = "") -> str:
    """The default storage namespace: host and path of `site_url`, e.g. `example.org/quiz`."""
    if site_url:
        parts = urlsplit(site_url)
        namespace = (parts.netloc + parts.path).rstrip("/")
        if namespace:
            return namespace
    return site_name or "quizbuilder"


class QuizbuilderPlugin(BasePlugin[QuizbuilderConfig]):  # type: ignore[no-untyped-call]
    """Role pages, quizzes, indexes and the results page from `docs/roles/*.md`."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.content: Content | None = None
        self.options = render.RenderOptions()
        self._fragments: dict[str, dict[str, str]] = {}
        self._finder_assets: tuple[str, ...] = ()
        self._guide = False
        self._cache: content_cache.ContentCache | None = None
        self._memory: dict[str, Any] | None = None
        """Cache entries kept across `mkdocs serve` rebuilds (this instance lives that long)."""

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self._memory = {} if command == "serve" else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        known = set(DEFAULT_STRINGS) | set(render.PAGE_STRINGS) | set(DEFAULT_FINDER_STRINGS)
        for key in sorted(set(self.config.strings) - known):
            log.warning(
                f"strings: unknown key {key!r} is ignored; known keys: {', '.join(sorted(known))}"
            )
        namespace = self.config.storage_namespace or storage_namespace(
            config.site_url, config.site_name
        )
        self.options = render.RenderOptions(
            strings=dict(self.config.strings),
            storage=namespace,
            use_directory_urls=config.use_directory_urls,
        )
        return None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Runs before MkDocs cleans site_dir, so invalid content leaves the old site as it was.
        if not self.config.enabled:
            return
        self._cache = self._open_cache(config)
        try:
            self.content, warnings = load_content_and_warnings(
                Path(config.docs_dir),
                roles_dir=self.config.roles_dir,
                articles_dir=self.config.articles_dir,
                site_file=self.config.site_file,
                cache=self._cache,
            )
        except ContentError as error:
            raise PluginError(f"quizbuilder: the content has problems:\n{error}") from None
        # Item-writing advice: shown on every build, fatal under `mkdocs build --strict`.
        for warning in warnings:
            log.warning(str(warning))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.content is None:
            return None
        content = self.content
        for src_uri in [self.config.site_file, *(role.src_uri for role in content.roles)]:
            if (source := files.get_file_from_path(src_uri)) is not None:
                files.remove(source)

        self._fragments = {}
        self._guide = files.get_file_from_path(GUIDE_PAGE) is not None
        for page in self._pages(content):
            if files.get_file_from_path(page.src_uri) is not None:
                log.info(f"{page.src_uri} exists in docs_dir, so quizbuilder does not generate it")
                continue
            file = File.generated(config, page.src_uri, content=page.markdown)
            file.edit_uri = page.edit_uri
            files.append(file)
            if page.fragments:
                self._fragments[page.src_uri] = dict(page.fragments)

        for dest, text in engine_assets().items():
            files.append(File.generated(config, dest, content=text))
        for dest, path in {**render.asset_files(), **render.schema_files()}.items():
            if files.get_file_from_path(dest) is None and Path(dest).name not in _SOURCES:
                files.append(File.generated(config, dest, abs_src_path=str(path)))
        self._finder_assets = tuple(
            name
            for name in render.FINDER_FILES
            if files.get_file_from_path(f"{render.ASSET_DIR}/{name}") is not None
        )
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.config.enabled:
            render.escape_theme_meta(page.meta)
        return markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # The quiz HTML goes in only in `on_post_page`: until then the page content holds
        # the placeholders, so plugins that read `page.content` (Material's search parses
        # all of it, ~40 KB of quiz per role page) never see the quizzes.
        if not self.config.enabled:
            return None
        fragments = self._fragments.get(page.file.src_uri, {})
        html = render.keep_slots(html, fragments)
        elements: set[str] = set()
        for part in (html, *fragments.values()):
            elements |= render.enhanced_elements(part)
        names = tuple(
            name
            for name in render.assets_for(elements)
            if name not in render.FINDER_FILES or name in self._finder_assets
        )
        if names:
            html += render.asset_tags(
                page.file.url,
                scripts=tuple(n for n in names if n.endswith(".js")),
                stylesheets=tuple(n for n in names if n.endswith(".css")),
            )
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        fragments = self._fragments.get(page.file.src_uri)
        if not fragments:
            return None
        return render.substitute(output, fragments)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._cache is not None:
            self._cache.prune()

    def _open_cache(self, config: MkDocsConfig) -> content_cache.ContentCache | None:
        if not self.config.cache:
            return None
        settings = {
            "docs_dir": config.docs_dir,
            "roles_dir": self.config.roles_dir,
            "articles_dir": self.config.articles_dir,
            "site_file": self.config.site_file,
            "options": repr(self.options),
        }
        base = Path(config.config_file_path or ".").parent
        return content_cache.ContentCache(
            base / self.config.cache_dir,
            content_cache.context(Path(config.docs_dir) / self.config.site_file, settings),
            memory=self._memory,
            warn=log.warning,
        )

    def _pages(self, content: Content) -> list[render.GeneratedPage]:
        role_page = self._cache.role_page if self._cache is not None else None
        pages = render.render_pages(content, self.options, role_page)
        finder = self.finder_page(content)
        if finder is not None:
            pages.append(finder)
        return pages

    def finder_page(self, content: Content) -> render.GeneratedPage | None:
        """Hook for `finder/index.md` (quizbuilder/finder.py renders it)."""
        here = render.page_url(FINDER_PAGE, self.options.use_directory_urls)

        def role_url(role: Role) -> str:
            return render.relative_url(
                render.page_url(role.src_uri, self.options.use_directory_urls), here
            )

        roles_index = render.page_url(render.ROLES_INDEX, self.options.use_directory_urls)
        config = render.client_config(self.options, here)
        config.pop("strings")  # the finder's texts travel in its data
        if self._guide:
            guide = render.page_url(GUIDE_PAGE, self.options.use_directory_urls)
            config["guide_url"] = render.relative_url(guide, here)
        markdown = render_finder_page(
            content,
            role_url,
            roles_index_url=render.relative_url(roles_index, here),
            strings=self.options.strings,
            config=config,
        )
        return render.GeneratedPage(FINDER_PAGE, markdown)
