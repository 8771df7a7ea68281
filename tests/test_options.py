"""The plugin's options, defined once (issue 22): every option README.md lists works with
every command, the plugin's MkDocs config and `options.Settings` agree, and README.md's
table of options is the definition.

Each option of README's table is walked through `quizbuilder check`, `quizbuilder build`
(MkDocs, in a subprocess, with its pre-check), the plugin in an in-process `mkdocs build`,
and `quizbuilder generate` + `finish` (the staged path Zensical builds take; here MkDocs
without the plugin builds the generated folder, as Zensical would). The site is the
minimal fixture: two roles, one article.

The walk imports nothing but the CLI and MkDocs, so that it runs against older code too.
"""

from __future__ import annotations

import logging
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from quizbuilder.cli import main

README = Path(__file__).parent.parent / "README.md"
FIXTURE = Path(__file__).parent / "fixtures" / "minimal"

BASE_CONFIG: dict[str, Any] = {
    "site_name": "Test site",
    "site_url": "https://example.org/quiz/",
    "theme": {"name": "material", "font": False},
    "markdown_extensions": ["attr_list", "md_in_html", "toc"],
}

ROLE_PAGE = "roles/loan-officer/index.html"
QUIZ = 'id="quiz-loan-officer-customers"'


def readme_table() -> str:
    """The table of options in README.md: the lines from its header row to the first
    line that is not a table row."""
    lines = README.read_text("utf-8").splitlines()
    start = lines.index("| option | type | default | what it does |")
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return "\n".join(lines[start:end]) + "\n"


def readme_options() -> list[str]:
    """The option names README.md documents, in its order."""
    try:
        table = readme_table()
    except ValueError:  # no table of options (README.md before issue 22)
        return []
    return re.findall(r"^\| `(\w+)` \|", table, re.M)


# --- One definition -------------------------------------------------------------------


def test_readme_table_is_the_definition() -> None:
    from quizbuilder.options import options_table

    assert readme_table() == options_table(), "README.md's table of options is out of date"


def test_plugin_config_and_settings_have_the_same_options_and_defaults() -> None:
    from quizbuilder.options import Settings
    from quizbuilder.plugin import QuizbuilderConfig

    config = QuizbuilderConfig()
    config.load_dict({})
    errors, warnings = config.validate()
    assert (errors, warnings) == ([], [])
    assert dict(config) == vars(Settings())


def test_no_value_is_the_default_for_both_but_for_a_mapping() -> None:
    from quizbuilder.options import OPTIONS, Settings, settings_from_options
    from quizbuilder.plugin import QuizbuilderConfig

    # MkDocs reads an option with no value as its default, but for a mapping (`strings:`).
    scalars = [option.name for option in OPTIONS if not option.mapping]
    config = QuizbuilderConfig()
    config.load_dict(dict.fromkeys(scalars, None))
    assert config.validate() == ([], [])
    assert dict(config) == vars(Settings())
    assert settings_from_options(dict.fromkeys(scalars, None)) == Settings()


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("enabled", "no"),
        ("roles_dir", 3),
        ("storage_namespace", []),
        ("strings", {"quiz_submit": 1}),
        ("strings", "x"),
        ("strings", None),
        ("cache", "no"),
        ("cache_dir", 5),
        ("headers", 1),
        ("csp_meta", "yes"),
    ],
)
def test_plugin_config_and_settings_refuse_the_same_values(option: str, value: Any) -> None:
    from quizbuilder.options import ConfigError, settings_from_options
    from quizbuilder.plugin import QuizbuilderConfig

    config = QuizbuilderConfig()
    config.load_dict({option: value})
    errors, _ = config.validate()
    assert [key for key, _ in errors] == [option]
    with pytest.raises(ConfigError, match=rf"^plugins\.quizbuilder\.{option}: expected "):
        settings_from_options({option: value})


def test_every_option_of_the_definition_is_walked() -> None:
    from quizbuilder.options import OPTIONS

    assert sorted(CASES) == sorted(option.name for option in OPTIONS)


# --- Every option, every command ------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One option set to a value other than its default, and what that value does."""

    value: Any
    prepare: Callable[[Path], None] = lambda project: None
    """Lays the docs folder out as the value asks (moves the roles to `roles_dir`)."""
    site: Callable[[Path], None] = lambda site: None
    """Asserts what the value does to a built site."""
    project: Callable[[Path], None] = lambda project: None
    """Asserts what the value does beside the site (the cache), after a build."""
    read: str = "roles/barista.md"
    """A file under `docs/` that `quizbuilder check` must read with this value: a
    problem put in it must fail the check."""


def _move(source: str, target: str) -> Callable[[Path], None]:
    def prepare(project: Path) -> None:
        (project / "docs" / source).rename(project / "docs" / target)

    return prepare


def _page(site: Path, page: str = ROLE_PAGE) -> str:
    return (site / page).read_text("utf-8")


def _off(site: Path) -> None:
    # The role file is built as a plain page: no quiz, no finder, no headers.
    assert (site / ROLE_PAGE).is_file()
    assert QUIZ not in _page(site)
    assert "qb-slot" not in _page(site)
    assert not (site / "finder").exists()
    assert not (site / "_headers").exists()


def _jobs(site: Path) -> None:
    assert QUIZ in _page(site, "jobs/loan-officer/index.html")
    assert not (site / "roles" / "loan-officer").exists()


def _reading(site: Path) -> None:
    assert "reading/your-problem/" in _page(site, "dimensions/ownership/index.html")


def _site_file(site: Path) -> None:
    assert QUIZ in _page(site)
    assert not (site / "qb.yml").exists()
    assert not (site / "quizbuilder.yml").exists()


def _namespace(site: Path) -> None:
    assert "&#34;storage&#34;:&#34;test-ns&#34;" in _page(site)


def _strings(site: Path) -> None:
    assert "Score it" in _page(site)


def _no_cache(project: Path) -> None:
    assert not (project / ".cache").exists()


def _cache_dir(project: Path) -> None:
    assert (project / "qb-cache").is_dir()
    assert not (project / ".cache").exists()


def _no_headers(site: Path) -> None:
    assert QUIZ in _page(site)
    assert not (site / "_headers").exists()


def _meta(site: Path) -> None:
    assert (site / "_headers").is_file()
    assert '<meta http-equiv="Content-Security-Policy"' in _page(site, "index.html")


CASES: dict[str, Case] = {
    "enabled": Case(False, site=_off),
    "roles_dir": Case("jobs", _move("roles", "jobs"), _jobs, read="jobs/barista.md"),
    "articles_dir": Case(
        "reading", _move("articles", "reading"), _reading, read="reading/your-problem.md"
    ),
    "site_file": Case("qb.yml", _move("quizbuilder.yml", "qb.yml"), _site_file, read="qb.yml"),
    "storage_namespace": Case("test-ns", site=_namespace),
    "strings": Case({"quiz_submit": "Score it"}, site=_strings),
    "cache": Case(False, project=_no_cache),
    "cache_dir": Case("qb-cache", project=_cache_dir),
    "headers": Case(False, site=_no_headers),
    "csp_meta": Case(True, site=_meta),
}


@pytest.fixture(params=readme_options() or ["(README.md lists no options)"])
def option(request: pytest.FixtureRequest) -> str:
    """Each option README.md documents."""
    name: str = request.param
    if name not in CASES:
        pytest.fail(f"README.md documents {name!r}, which this test does not walk")
    return name


@pytest.fixture
def project(option: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal fixture with `option` set in mkdocs.yml, in the working directory."""
    case = CASES[option]
    shutil.copytree(FIXTURE, tmp_path / "docs")
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    case.prepare(tmp_path)
    config = {**BASE_CONFIG, "plugins": ["search", {"quizbuilder": {option: case.value}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_lists_every_option_in_one_table() -> None:
    assert readme_options(), "README.md has no table of the plugin's options"


def test_check(option: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "docs"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out == "2 roles, 2 quizzes OK\n"
    assert main(["check"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out == "2 roles, 2 quizzes OK\n"
    assert not (project / ".cache").exists()  # `check` reads every file, caching nothing
    # The files are read from where the option says: a problem there fails the check.
    read = Path("docs") / CASES[option].read
    read.write_text("---\ntitle: [\n---\n", encoding="utf-8")
    assert main(["check", "docs"]) == 1
    assert f"{read.as_posix()}:" in capsys.readouterr().err


def test_quizbuilder_build(option: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build"])
    assert code == 0, capsys.readouterr().err
    CASES[option].site(project / "site")
    CASES[option].project(project)


def test_plugin(option: str, project: Path) -> None:
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "out")))
    CASES[option].site(project / "out")
    CASES[option].project(project)


def test_generate_and_finish(
    option: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", "staged/docs"]) == 0, capsys.readouterr().err
    # The host: MkDocs without the quizbuilder plugin (its work is done), as Zensical.
    staged = {**BASE_CONFIG, "plugins": ["search"], "docs_dir": "docs", "site_dir": "site"}
    (project / "staged" / "mkdocs.yml").write_text(yaml.safe_dump(staged), encoding="utf-8")
    build(load_config(str(project / "staged" / "mkdocs.yml")))
    assert main(["finish", "staged/site"]) == 0, capsys.readouterr().err
    CASES[option].site(project / "staged" / "site")
    CASES[option].project(project)


# --- Where `check` takes the options from, and a site with no roles ---------------------


@pytest.fixture
def jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal fixture with its roles in `docs/jobs` (`roles_dir: jobs`)."""
    shutil.copytree(FIXTURE, tmp_path / "docs")
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    (tmp_path / "docs" / "roles").rename(tmp_path / "docs" / "jobs")
    config = {**BASE_CONFIG, "plugins": ["search", {"quizbuilder": {"roles_dir": "jobs"}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


NO_JOBS = (
    "docs/jobs: no role files (*.md) found (expected at least one role file; roles_dir is "
    "'jobs' in the quizbuilder plugin's options)"
)


def test_check_finds_the_roles_where_mkdocs_yml_says(
    jobs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["check", "docs"], ["check", "--strict", "docs"], ["check", "-f", "mkdocs.yml"]):
        assert main(argv) == 0, capsys.readouterr().err
        assert capsys.readouterr().out == "2 roles, 2 quizzes OK\n"


def test_check_of_another_folder_uses_the_defaults_unless_a_config_is_named(
    jobs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(jobs / "docs", jobs / "other")
    assert main(["check", "other"]) == 1
    assert capsys.readouterr().err.splitlines()[0].startswith("other/roles: folder not found")
    assert main(["check", "-f", "mkdocs.yml", "other"]) == 0, capsys.readouterr().err
    assert main(["check", "-f", "missing.yml"]) == 1
    assert capsys.readouterr().err == "quizbuilder: missing.yml not found\n"


def test_no_roles_is_an_error_in_check(jobs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for role in (jobs / "docs" / "jobs").iterdir():
        role.unlink()
    assert main(["check", "docs"]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err.splitlines()) == ("", [NO_JOBS, "1 problem found."])


def test_no_roles_folder_is_an_error_in_check(
    docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(docs / "roles")
    assert main(["check", "docs"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "docs/roles: folder not found (expected at least one role file; roles_dir is 'roles' "
        "by default: set it under the quizbuilder plugin in mkdocs.yml if the role files are "
        "elsewhere)",
        "1 problem found.",
    ]


def test_no_roles_is_an_error_in_every_build(
    jobs: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.exceptions import Abort, PluginError

    shutil.rmtree(jobs / "docs" / "jobs")
    (jobs / "docs" / "jobs").mkdir()
    assert main(["build"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        NO_JOBS,
        "1 problem found.",
        "The site was not built; nothing was written to site/.",
    ]
    assert main(["generate", "out"]) == 1
    assert NO_JOBS in capsys.readouterr().err.splitlines()
    assert not (jobs / "out").exists()
    with pytest.raises((PluginError, Abort)), caplog.at_level(logging.ERROR):
        build(load_config(str(jobs / "mkdocs.yml"), site_dir=str(jobs / "site")))
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == [
        f"quizbuilder: the content has problems:\n{NO_JOBS}\n1 problem found."
    ]
    assert not (jobs / "site").exists()


def test_new_role_writes_into_roles_dir(jobs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-role", "Night Porter"]) == 0
    assert capsys.readouterr().out == "Wrote docs/jobs/night-porter.md\n"


@pytest.mark.parametrize("command", [["check"], ["build"], ["serve"], ["generate", "out"]])
def test_wrong_options_fail_every_command_with_every_problem(
    command: list[str],
    jobs: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("quizbuilder.cli.os.execv", lambda path, argv: pytest.fail("served"))
    config = {**BASE_CONFIG, "plugins": [{"quizbuilder": {"cache": "no", "role_dir": "x"}}]}
    (jobs / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    assert main(command) == 1
    assert capsys.readouterr().err.splitlines() == [
        "quizbuilder: mkdocs.yml: plugins.quizbuilder.cache: expected true or false",
        "quizbuilder: mkdocs.yml: plugins.quizbuilder.role_dir: unknown option (expected one "
        "of: articles_dir, cache, cache_dir, csp_meta, enabled, headers, roles_dir, site_file, "
        "storage_namespace, strings)",
    ]


def test_quizbuilder_build_staged(
    option: str, project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`quizbuilder build --engine zensical`, with MkDocs standing in for Zensical (not
    installed here): the staged config drops the plugin, so the host only builds."""
    monkeypatch.setattr(
        "quizbuilder.staged.zensical_command", lambda *a: [sys.executable, "-m", "mkdocs", *a]
    )
    code = main(["build", "--engine", "zensical"])
    assert code == 0, capsys.readouterr().err
    CASES[option].site(project / "site")
    CASES[option].project(project)
