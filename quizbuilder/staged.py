"""Staged builds, for site generators that run no MkDocs plugins (Zensical).

1. `quizbuilder generate`: the docs folder with every generated page and file written out;
2. the generator builds it, from a copy of the config pointing at that folder;
3. `quizbuilder finish`: the quizzes, the results mount and the engine's tags go into the
   built pages, as the plugin puts them in after Markdown.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from quizbuilder import build as site_build
from quizbuilder import csp, generate
from quizbuilder.cache import open_cache
from quizbuilder.content import load_content_and_warnings
from quizbuilder.errors import Problem
from quizbuilder.options import PLUGIN_NAME, settings_from_config

ZENSICAL_VERSION = "0.0.73"
"""The Zensical release this recipe is tested with (newer ones need `zensical-ui`)."""


def load_output(config_file: Path) -> generate.Output:
    """What `generate` writes for the site that `config_file` describes.

    Raises `options.ConfigError` for bad plugin options, `ContentError` for bad content.
    """
    return load_output_and_warnings(config_file)[0]


def load_output_and_warnings(
    config_file: Path, *, warn: Callable[[str], None] | None = None
) -> tuple[generate.Output, list[Problem]]:
    """`load_output`, plus the content's item-writing warnings (the plugin logs them).

    The content is loaded as the plugin loads it: with its options from `config_file`,
    through the same cache (unless `cache: false`); `warn` hears what the cache has to
    say (a folder it cannot write).
    """
    config = site_build.read_mkdocs_config(config_file)
    settings = settings_from_config(config)
    docs_dir = site_build.docs_dir_for(config_file)
    use_directory_urls = config.get("use_directory_urls", True) is not False
    if not settings.enabled:
        return generate.plain_docs(docs_dir, use_directory_urls), []
    site_url = config.get("site_url")
    site_name = config.get("site_name")
    options = generate.render_options(
        settings,
        site_url=site_url if isinstance(site_url, str) else None,
        site_name=site_name if isinstance(site_name, str) else "",
        use_directory_urls=use_directory_urls,
    )
    cache = open_cache(
        settings, config_file=config_file, docs_dir=docs_dir, options=options, warn=warn
    )
    content, warnings = load_content_and_warnings(docs_dir, settings, cache=cache)
    output = generate.generate_docs(docs_dir, content, settings, options)
    if cache is not None:
        cache.save()
    return output, warnings


def zensical_command(*args: str) -> list[str] | None:
    """The command line that runs Zensical: this interpreter's, else the one on PATH."""
    if site_build.installed("zensical"):
        return [sys.executable, "-m", "zensical", *args]
    found = shutil.which("zensical")
    return [found, *args] if found else None


def staged_config(config: dict[str, Any]) -> dict[str, Any]:
    """`config` for a Zensical build in a staging folder: `docs/` in, `site/` out, and
    quizbuilder out of the plugins (its work is done).

    The theme's `custom_dir` is left out: overrides of Material's templates do not fit
    Zensical's (this site's `partials/search.html` breaks Zensical's search box).
    """
    staged = dict(config)
    staged["docs_dir"] = "docs"
    staged["site_dir"] = "site"
    theme = staged.get("theme")
    if isinstance(theme, dict) and "custom_dir" in theme:
        staged["theme"] = {k: v for k, v in theme.items() if k != "custom_dir"}
    plugins = staged.get("plugins")
    if isinstance(plugins, list):
        staged["plugins"] = [
            entry
            for entry in plugins
            if entry != PLUGIN_NAME and not (isinstance(entry, dict) and PLUGIN_NAME in entry)
        ]
    return staged


def build_with_zensical(config_file: Path, out: Path) -> int:
    """Generate, build with Zensical and finish the site into `out` (an empty folder).

    Returns Zensical's exit code; 1 when Zensical is not installed. `ContentError` and
    `options.ConfigError` pass through.
    """
    command = zensical_command()
    if command is None:
        print(
            f"quizbuilder: Zensical is not installed (pip install zensical=={ZENSICAL_VERSION})",
            file=sys.stderr,
        )
        return 1
    output, warnings = load_output_and_warnings(
        config_file, warn=lambda message: print(f"quizbuilder: {message}", file=sys.stderr)
    )
    for warning in warnings:
        print(warning, file=sys.stderr)
    if warnings:  # as `mkdocs build --strict` fails on the plugin's warnings
        print(f"quizbuilder: {len(warnings)} item-writing warnings; not built", file=sys.stderr)
        return 1
    # Zensical wants docs_dir and site_dir inside the config's folder.
    stage = Path(tempfile.mkdtemp(prefix=".quizbuilder-stage-", dir=config_file.parent))
    try:
        generate.write_output(output, stage / "docs")
        staged = staged_config(site_build.read_mkdocs_config(config_file))
        (stage / "mkdocs.yml").write_text(
            yaml.safe_dump(staged, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        code = subprocess.run(
            [*command, "build", "--strict", "--config-file", "mkdocs.yml"],
            cwd=stage,
            check=False,
        ).returncode
        if code != 0:
            return code
        try:
            generate.finish_site(stage / "site", output)
        except csp.PolicyError as error:
            print(f"quizbuilder: {error}", file=sys.stderr)
            return 1
        for item in (stage / "site").iterdir():
            shutil.move(item, out / item.name)
        return 0
    finally:
        shutil.rmtree(stage, ignore_errors=True)
