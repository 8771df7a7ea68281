"""The `quizbuilder` command: `new-role`, `check`, `build` (atomic), `serve`, `generate`
and `finish`.

`main(argv) -> int` never raises for user errors: it prints the problem and returns
an exit code. The site generator (MkDocs, ProperDocs or Zensical) runs as its own
process for `build` and `serve`.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from quizbuilder import build as site_build
from quizbuilder import csp, generate, staged
from quizbuilder.content import (
    check,
    display_path,
    load_content_and_warnings,
    settings_model,
)
from quizbuilder.errors import ContentError, Problem
from quizbuilder.loader import load_yaml_file
from quizbuilder.model import SiteSettings
from quizbuilder.options import ConfigError, Settings, settings_from_config
from quizbuilder.render.new_role import new_role_markdown
from quizbuilder.render.page_assets import schema_files
from quizbuilder.render.urls import SCHEMA_DIR
from quizbuilder.schema import validate_schema

DEFAULT_CONFIG = "mkdocs.yml"
DEV_ADDR = "127.0.0.1:8000"


class _Failed(Exception):
    """A user error already explained on stderr."""


def slugify(title: str) -> str:
    """A role slug from a title: ASCII lowercase letters, digits and single hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def _fail(message: str) -> _Failed:
    click.echo(f"quizbuilder: {message}", err=True)
    return _Failed(message)


ENGINE_OPTION = click.option(
    "--engine",
    type=click.Choice(site_build.ENGINES),
    default=None,
    help="The site generator (default: mkdocs if installed, else properdocs).",
)


def _print_problems(problems: list[Problem]) -> None:
    """Every problem in file order, then one summary line, all on stderr (one stream,
    so nothing is shown out of order)."""
    for problem in sorted(problems):
        click.echo(str(problem), err=True)
    click.echo(_summary(problems), err=True)
    sys.stderr.flush()


def _summary(problems: list[Problem]) -> str:
    warnings = sum(problem.is_warning for problem in problems)
    errors = len(problems) - warnings
    if errors:
        return f"{errors} {'problem' if errors == 1 else 'problems'} found."
    if warnings == 1:
        return "1 warning found: the site build refuses it too, so fix it first."
    return f"{warnings} warnings found: the site build refuses them too, so fix them first."


def load_settings(docs_dir: Path, site_file: str = Settings.site_file) -> SiteSettings:
    """The site file alone, checked against its schema; `ContentError` if it has problems."""
    path = docs_dir / site_file
    if not path.is_file():
        raise ContentError(
            [Problem(display_path(path), 1, 1, "-", "site file not found", f"{site_file}")]
        )
    document = load_yaml_file(path, display_path(path))
    problems = validate_schema(document.data, "site", document.positions, document.path)
    if problems:
        raise ContentError(problems)
    return settings_model(document)


def read_settings(config_file: Path) -> Settings:
    """The quizbuilder plugin's options in `config_file`, checked as the plugin checks
    them; prints every problem and fails when they are wrong."""
    try:
        return settings_from_config(site_build.read_mkdocs_config(config_file))
    except ConfigError as error:
        for message in error.messages:
            click.echo(f"quizbuilder: {display_path(config_file)}: {message}", err=True)
        raise _Failed(str(error)) from None


def project(config_file: Path | None, docs_dir: Path | None) -> tuple[Path, Settings]:
    """The docs folder to work on and the plugin options that hold for it.

    The options come from `mkdocs.yml` (`config_file`, or `./mkdocs.yml` when it
    exists) whenever the docs folder is that config's `docs_dir` (the default when
    `docs_dir` is None), or when `config_file` was named: they describe the folder the
    build reads. Another folder, with no config named, gets the defaults.
    """
    config = config_file or Path(DEFAULT_CONFIG)
    if not config.is_file():
        if config_file is not None:
            raise _fail(f"{display_path(config_file)} not found")
        return docs_dir or Path("docs"), Settings()
    built = site_build.docs_dir_for(config)
    if docs_dir is None:
        return built, read_settings(config)
    if config_file is not None or docs_dir.resolve() == built.resolve():
        return docs_dir, read_settings(config)
    return docs_dir, Settings()


def schema_url(config_file: Path, role_file: Path) -> str:
    """Where the role schema is published (from `site_url`), else a path to the package's."""
    site_url = site_build.read_mkdocs_config(config_file).get("site_url")
    if isinstance(site_url, str) and site_url.strip():
        return site_url.strip().rstrip("/") + f"/{SCHEMA_DIR}/role.schema.json"
    schema = schema_files().get(f"{SCHEMA_DIR}/role.schema.json")
    if schema is None:
        return f"../../site/{SCHEMA_DIR}/role.schema.json"
    try:
        return Path(os.path.relpath(schema.resolve(), role_file.parent.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return schema.resolve().as_uri()


_Command = TypeVar("_Command", bound=Callable[..., Any])


def config_file_option(
    help_text: str, *, required_default: bool = True
) -> Callable[[_Command], _Command]:
    """The `-f/--config-file` option of every command that reads `mkdocs.yml`:
    `./mkdocs.yml` by default, or (`required_default=False`) only when it exists."""
    return click.option(
        "-f",
        "--config-file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=Path(DEFAULT_CONFIG) if required_default else None,
        show_default=required_default,
        help=help_text,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quizbuilder")
def cli() -> None:
    """Role pages and client-scored quizzes for MkDocs + Material."""


@cli.command("new-role")
@click.argument("title")
@click.option(
    "--docs-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The docs folder holding the site file and the roles folder (default: "
    "docs_dir from the config, else docs).",
)
@config_file_option(
    "mkdocs.yml (default: ./mkdocs.yml if it exists), read for site_url (the "
    "published schema's address) and the plugin's roles_dir and site_file.",
    required_default=False,
)
def new_role(title: str, docs_dir: Path | None, config_file: Path | None) -> int:
    """Write <roles_dir>/<slug>.md for TITLE from a template that validates as written."""
    slug = slugify(title)
    if not slug:
        raise _fail(f"cannot make a file name from {title!r}; use letters or digits")
    docs_dir, settings = project(config_file, docs_dir)
    target = docs_dir / settings.roles_dir / f"{slug}.md"
    if target.exists():
        raise _fail(f"{display_path(target)} already exists; choose another title or edit it")
    try:
        site = load_settings(docs_dir, settings.site_file)
    except ContentError as error:
        _print_problems(error.problems)
        raise _fail("fix the site file first") from None
    url = schema_url(config_file or Path(DEFAULT_CONFIG), target)
    text = new_role_markdown(title, slug, site, url)
    before = set(check(docs_dir, settings, warnings=False))
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    # The template is meant to validate as written; if this title or site file makes it
    # fail (say, a quiz id another role already uses), say so and leave nothing behind.
    added = sorted(set(check(docs_dir, settings, warnings=False)) - before)
    if added:
        target.unlink()
        _print_problems(added)
        raise _fail(f"the new role would not validate, so {display_path(target)} was not kept")
    click.echo(f"Wrote {display_path(target)}")
    return 0


@cli.command("check")
@click.argument("docs_dir", type=click.Path(file_okay=False, path_type=Path), required=False)
@click.option(
    "--strict",
    is_flag=True,
    help="Accepted for scripts that pass it: warnings always fail the check, as they "
    "fail the build.",
)
@config_file_option(
    "mkdocs.yml, for docs_dir and the plugin's roles_dir, articles_dir and site_file "
    "(default: ./mkdocs.yml if it exists; its options apply when DOCS_DIR is its docs_dir).",
    required_default=False,
)
def check_command(docs_dir: Path | None, strict: bool, config_file: Path | None) -> int:
    """Validate every role, article and the site file in DOCS_DIR, as the build does.

    DOCS_DIR defaults to the config's docs_dir. The plugin's options in mkdocs.yml
    (roles_dir, articles_dir, site_file) say where the files are, as in the build.
    Prints every problem and item-writing warning (answers given away by length or
    position, unfinished template text, a finder that tells another story than the
    page) in file order, then one summary line, and exits 1 on any of them: the site
    build refuses both. "OK" means the build will accept the content.
    """
    docs_dir, settings = project(config_file, docs_dir)
    if not docs_dir.is_dir():
        raise _fail(f"{display_path(docs_dir)} is not a folder")
    try:
        content, warnings = load_content_and_warnings(docs_dir, settings)
    except ContentError as error:
        _print_problems(error.problems)
        return 1
    if warnings:
        _print_problems(warnings)
        return 1
    roles = len(content.roles)
    quizzes = sum(len(role.quizzes) for role in content.roles)
    role_noun = "role" if roles == 1 else "roles"
    quiz_noun = "quiz" if quizzes == 1 else "quizzes"
    click.echo(f"{roles} {role_noun}, {quizzes} {quiz_noun} OK")
    return 0


@cli.command("build")
@config_file_option("mkdocs.yml of the site.")
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the site goes (default: site_dir from the config, else site/).",
)
@ENGINE_OPTION
def build_command(config_file: Path, site_dir: Path | None, engine: str | None) -> int:
    """Check the content, then build the site atomically with `mkdocs build --strict`.

    With `--engine zensical`: `generate`, `zensical build`, then `finish`.
    """
    if not config_file.is_file():
        raise _fail(f"{display_path(config_file)} not found")
    docs_dir, settings = project(config_file, None)
    target = site_dir or site_build.site_dir_for(config_file)
    previous = target.is_dir()
    # The same check, and the same lines, as `quizbuilder check`: warnings included,
    # as MkDocs runs with --strict and would stop on them anyway. A plugin turned off
    # (`enabled: false`) checks nothing, and neither does this.
    problems = check(docs_dir, settings, warnings=True) if settings.enabled else []
    if problems:
        _print_problems(problems)
        click.echo(f"The site was not built; {_left_as_it_was(target, previous, 'one')}", err=True)
        return 1
    _require_host(engine)
    builder = None
    if engine == "zensical":
        _warn_unknown_strings(config_file)

        def builder(out: Path) -> int:
            return staged.build_with_zensical(config_file, out)

    try:
        code = site_build.atomic_build(config_file, site_dir, engine=engine, builder=builder)
    except (OSError, site_build.BuildError) as error:
        raise _fail(str(error)) from None
    if code != 0:
        click.echo(f"The build failed; {_left_as_it_was(target, previous, 'site')}", err=True)
        return code
    click.echo(f"Built the site in {display_path(target)}/: copy that folder to any static host.")
    return 0


def _left_as_it_was(target: Path, previous: bool, noun: str) -> str:
    """What a refused build left: the previous site ("the previous `noun` is
    unchanged"), or, when there was none, no folder at all."""
    if previous:
        return f"the previous {noun} is unchanged."
    return f"nothing was written to {display_path(target)}/."


@cli.command("serve")
@config_file_option("mkdocs.yml of the site.")
@click.option("-a", "--dev-addr", default=DEV_ADDR, show_default=True)
@click.option(
    "--engine",
    type=click.Choice(site_build.PLUGIN_HOSTS),
    default=None,
    help="mkdocs or properdocs (default: mkdocs if installed, else properdocs).",
)
def serve_command(config_file: Path, dev_addr: str, engine: str | None) -> int:
    """Serve the site with live reload (`mkdocs serve`)."""
    if config_file.is_file():
        read_settings(config_file)  # wrong plugin options: said here, as `build` says them
    _require_host(engine)
    command = site_build.mkdocs_command(
        "serve", "--config-file", str(config_file), "--dev-addr", dev_addr, engine=engine
    )
    # Become MkDocs instead of running it as a child: stopping `quizbuilder serve` in
    # any way (Ctrl+C, kill) then stops the server too, and frees the port.
    sys.stdout.flush()
    os.execv(command[0], command)
    return 0  # only reached where execv is replaced, as in the tests


def _require_host(engine: str | None) -> None:
    """Fail with the install command when the chosen plugin host is not installed."""
    if engine in site_build.PLUGIN_HOSTS and not site_build.installed(engine):
        raise _fail(f"{engine} is not installed here (pip install {engine})")


def _warn_unknown_strings(config_file: Path) -> None:
    for key in generate.unknown_strings(read_settings(config_file).strings):
        click.echo(f"quizbuilder: strings: unknown key {key!r} is ignored", err=True)


def _load_output(config_file: Path, *, warn: bool = False) -> generate.Output:
    if not config_file.is_file():
        raise _fail(f"{display_path(config_file)} not found")
    _warn_unknown_strings(config_file)
    try:
        output, warnings = staged.load_output_and_warnings(
            config_file, warn=lambda message: click.echo(f"quizbuilder: {message}", err=True)
        )
        for warning in warnings if warn else ():
            click.echo(str(warning), err=True)
        return output
    except ContentError as error:
        _print_problems(error.problems)
        raise _fail("nothing was written; fix the content first") from None


CONFIG_OPTION = config_file_option(
    "mkdocs.yml: docs_dir, site_url and the quizbuilder plugin's options."
)


@cli.command("generate")
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
@CONFIG_OPTION
def generate_command(target: Path, config_file: Path) -> int:
    """Write the docs folder with every generated page and file into TARGET.

    TARGET (empty or new) gets the docs files, less the role files and the site file,
    and the role pages, indexes, finder, results and dimension pages as real Markdown,
    the engine's assets and the JSON Schemas. Any Markdown site generator can build
    it; then run `quizbuilder finish SITE_DIR` on what it built.
    """
    output = _load_output(config_file, warn=True)
    try:
        generate.write_output(output, target)
    except OSError as error:
        raise _fail(str(error)) from None
    click.echo(
        f"Wrote {len(output.files)} files to {display_path(target)}/; build it, then run "
        "`quizbuilder finish SITE_DIR`."
    )
    return 0


@cli.command("finish")
@click.argument("site_dir", type=click.Path(file_okay=False, path_type=Path))
@CONFIG_OPTION
def finish_command(site_dir: Path, config_file: Path) -> int:
    """Put the quizzes, the results mount and the engine's tags into a site built from
    `quizbuilder generate`'s folder, then write its `_headers` (the security headers)
    and check every page against them. Running it twice changes nothing."""
    if not site_dir.is_dir():
        raise _fail(f"{display_path(site_dir)} is not a folder")
    output = _load_output(config_file)
    try:
        changed = generate.finish_site(site_dir, output)
    except (OSError, csp.PolicyError) as error:
        raise _fail(str(error)) from None
    click.echo(f"Finished {changed} pages in {display_path(site_dir)}/.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with `argv` (default: `sys.argv[1:]`) and return the exit code."""
    try:
        result = cli.main(args=argv, prog_name="quizbuilder", standalone_mode=False)
    except _Failed:
        return 1
    except click.exceptions.Exit as exit_:
        return exit_.exit_code
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except ContentError as error:
        click.echo(str(error), err=True)
        return 1
    return result if isinstance(result, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
