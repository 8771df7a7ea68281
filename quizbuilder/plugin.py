"""The MkDocs plugin: the only module that imports `mkdocs`.

It loads and validates the content before MkDocs touches `site_dir`, replaces the
role source files with generated pages, publishes the engine's assets and the JSON
Schemas, and puts the quiz HTML into the pages after Markdown ran.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from quizbuilder import cache as content_cache
from quizbuilder import csp, generate
from quizbuilder.content import display_path, load_content_and_warnings, source_files
from quizbuilder.errors import ContentError, Problem
from quizbuilder.generate import engine_assets, storage_namespace
from quizbuilder.model import Content
from quizbuilder.options import OPTIONS, Option, Settings, settings_from_options
from quizbuilder.render.options import RenderOptions
from quizbuilder.render.pages import escape_theme_meta
from quizbuilder.render.slots import keep_slots, put_inline, substitute
from quizbuilder.render.urls import FINDER_PAGE, GUIDE_PAGE

__all__ = ["FINDER_PAGE", "QuizbuilderPlugin", "engine_assets", "storage_namespace"]

log = get_plugin_logger(__name__)


def _config_option(option: Option) -> base.BaseConfigOption[Any]:
    """MkDocs' validator for one of `Settings`' fields."""
    if option.mapping:
        return c.DictOfItems(c.Type(option.kind), default={})
    if option.optional:
        return c.Optional(c.Type(option.kind))
    return c.Type(option.kind, default=option.default)


QuizbuilderConfig: type[base.Config] = type(
    "QuizbuilderConfig",
    (base.Config,),
    {
        "__doc__": "Options of the `quizbuilder` plugin in `mkdocs.yml`: `Settings`.",
        "__module__": __name__,
        **{option.name: _config_option(option) for option in OPTIONS},
    },
)
"""MkDocs' config class of the plugin, made from `Settings` (the one definition
of the options) so that the two cannot drift apart."""


if TYPE_CHECKING:  # the class is made at run time, so type checkers see its base
    _Plugin = BasePlugin[base.Config]
else:
    _Plugin = BasePlugin[QuizbuilderConfig]


class QuizbuilderPlugin(_Plugin):  # type: ignore[no-untyped-call]
    """Role pages, quizzes, indexes and the results page from `docs/roles/*.md`."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings = Settings()
        """The options as validated by MkDocs (`load_config`); read these, not `config`."""
        self.content: Content | None = None
        self.options = RenderOptions()
        self._fragments: dict[str, dict[str, str]] = {}
        self._inline: dict[str, dict[str, str]] = {}
        self._elements: dict[str, frozenset[str]] = {}
        self._anchors: dict[str, set[str]] = {}
        """Ids of the placeholders each page's content gets after Markdown, for MkDocs'
        check of links to anchors."""
        self._finder_assets: tuple[str, ...] = ()
        self._cache: content_cache.ContentCache | None = None
        self._site_key = ""
        self._snapshot: content_cache.Snapshot | None = None
        self._warnings: tuple[Problem, ...] = ()
        self._frozen = False
        self._memory: dict[str, Any] | None = None
        """Cache entries kept across `mkdocs serve` rebuilds (this instance lives that long)."""

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        errors, warnings = super().load_config(options, config_file_path)
        if not errors:
            self.settings = settings_from_options(
                {option.name: self.config[option.name] for option in OPTIONS}
            )
        return errors, warnings

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self._memory = {} if command == "serve" else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.settings.enabled:
            return None
        known = ", ".join(sorted(generate.KNOWN_STRINGS))
        for key in generate.unknown_strings(self.settings.strings):
            log.warning(f"strings: unknown key {key!r} is ignored; known keys: {known}")
        self.options = generate.render_options(
            self.settings,
            site_url=config.site_url,
            site_name=config.site_name,
            use_directory_urls=config.use_directory_urls,
        )
        return None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Runs before MkDocs cleans site_dir, so invalid content leaves the old site as it was.
        if not self.settings.enabled:
            return
        self.content, self._snapshot = None, None
        self._cache = self._open_cache(config)
        if self._cache is not None:
            self._site_key = self._cache.site_key(self._sources(config))
            self._snapshot = self._cache.snapshot(self._site_key)
        if self._snapshot is not None:
            self._warnings = self._snapshot.warnings
        else:
            self._load(config)
            # The loaded content lives until the build ends and holds no cycles: keep the
            # garbage collector from walking it again on every full collection of the
            # build (MkDocs' own objects are unaffected). `on_post_build` undoes it.
            gc.freeze()
            self._frozen = True
        # Item-writing advice: shown on every build, fatal under `mkdocs build --strict`.
        for warning in self._warnings:
            log.warning(str(warning))

    def _sources(self, config: MkDocsConfig) -> list[tuple[str, str, bytes]]:
        """Every content file but the site file: kind, shown path and bytes."""
        found = []
        docs_dir = Path(config.docs_dir)
        for kind, file in source_files(docs_dir, self.settings):
            try:
                found.append((kind, display_path(file), file.read_bytes()))
            except OSError:  # the loader says what is wrong with it
                found.append((kind, display_path(file), b""))
        return found

    def _load(self, config: MkDocsConfig) -> Content:
        try:
            self.content, warnings = load_content_and_warnings(
                Path(config.docs_dir), self.settings, cache=self._cache
            )
        except ContentError as error:
            raise PluginError(f"quizbuilder: the content has problems:\n{error}") from None
        self._warnings = tuple(warnings)
        return self.content

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.settings.enabled or (self.content is None and self._snapshot is None):
            return None
        guide = files.get_file_from_path(GUIDE_PAGE) is not None
        snapshot = self._snapshot
        if snapshot is None or snapshot.guide != guide:
            content = self.content or self._load(config)
            role_page = self._cache.role_page if self._cache is not None else None
            snapshot = content_cache.Snapshot(
                self._cache.loaded_site_key() if self._cache is not None else "",
                guide,
                self._warnings,
                tuple(generate.replaced_sources(content, self.settings)),
                tuple(generate.pages(content, self.options, guide=guide, role_page=role_page)),
            )
            if self._cache is not None:
                self._cache.keep_snapshot(snapshot)
        for src_uri in snapshot.replaced:
            if (source := files.get_file_from_path(src_uri)) is not None:
                files.remove(source)

        self._fragments = {}
        self._inline = {}
        self._elements = {}
        self._anchors = {}
        for page in snapshot.pages:
            if files.get_file_from_path(page.src_uri) is not None:
                log.info(f"{page.src_uri} exists in docs_dir, so quizbuilder does not generate it")
                continue
            file = File.generated(config, page.src_uri, content=page.markdown)
            file.edit_uri = page.edit_uri
            files.append(file)
            if page.fragments:
                self._fragments[page.src_uri] = dict(page.fragments)
            if page.inline:
                self._inline[page.src_uri] = dict(page.inline)
            self._elements[page.src_uri] = page.elements
            if page.tail:
                self._anchors[page.src_uri] = page.anchors()

        def exists(dest: str) -> bool:
            return files.get_file_from_path(dest) is not None

        for dest, published in generate.published_files(exists).items():
            if isinstance(published, str):
                files.append(File.generated(config, dest, content=published))
            else:
                files.append(File.generated(config, dest, abs_src_path=str(published)))
        self._finder_assets = generate.finder_assets(exists)
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.settings.enabled:
            escape_theme_meta(page.meta)
        return markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # The quiz HTML goes in only in `on_post_page`: until then the page content holds
        # the placeholders, so plugins that read `page.content` (Material's search parses
        # all of it, ~40 KB of quiz per role page) never see the quizzes.
        if not self.settings.enabled:
            return None
        if inline := self._inline.get(page.file.src_uri):
            html = put_inline(html, inline)
        fragments = self._fragments.get(page.file.src_uri, {})
        # Placeholders not in the Markdown (the quizzes no marker placed) end the content.
        html = keep_slots(html, fragments)
        anchors = self._anchors.get(page.file.src_uri)
        if anchors and page.present_anchor_ids is not None:
            page.present_anchor_ids |= anchors
        return html + generate.asset_tags(
            page.file.url, (html,), self._finder_assets, self._elements.get(page.file.src_uri, ())
        )

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.settings.enabled:
            return None
        fragments = self._fragments.get(page.file.src_uri)
        if not fragments:
            return None
        return substitute(output, fragments)

    @event_priority(-100)  # last: the headers hash the pages as other plugins left them
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._unfreeze()
        if self._cache is not None:
            self._cache.save()
        if self.settings.enabled and self.settings.headers:
            try:
                csp.secure_site(Path(config.site_dir), meta=self.settings.csp_meta)
            except csp.PolicyError as error:
                raise PluginError(f"quizbuilder: {error}") from None

    def on_build_error(self, *, error: Exception) -> None:
        self._unfreeze()

    def _unfreeze(self) -> None:
        if self._frozen:
            self._frozen = False
            gc.unfreeze()

    def _open_cache(self, config: MkDocsConfig) -> content_cache.ContentCache | None:
        return content_cache.open_cache(
            self.settings,
            config_file=config.config_file_path,
            docs_dir=config.docs_dir,
            options=self.options,
            memory=self._memory,
            warn=log.warning,
        )
