"""Which site generator the CLI runs: `mkdocs`, else `properdocs`; `--engine` overrides."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from quizbuilder import build as site_build
from quizbuilder import staged
from quizbuilder.cli import main
from tests import hosts_check


@pytest.mark.parametrize(
    ("present", "engine"),
    [
        ({"mkdocs", "properdocs"}, "mkdocs"),
        ({"mkdocs"}, "mkdocs"),
        ({"properdocs"}, "properdocs"),
        (set(), "mkdocs"),
    ],
)
def test_default_engine(present: set[str], engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_build, "installed", lambda module: module in present)
    assert site_build.default_engine() == engine
    assert site_build.mkdocs_command("build") == [sys.executable, "-m", engine, "build"]
    assert site_build.mkdocs_command("build", engine="properdocs")[2] == "properdocs"


def test_serve_with_properdocs(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(site_build, "installed", lambda module: True)
    monkeypatch.setattr("quizbuilder.cli.os.execv", lambda path, command: calls.append(command))
    assert main(["serve", "--engine", "properdocs"]) == 0
    assert calls[0][1:4] == ["-m", "properdocs", "serve"]


@pytest.mark.parametrize("command", [["build"], ["serve"]])
def test_an_engine_that_is_not_installed_is_named(
    command: list[str],
    docs: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("mkdocs.yml").write_text("site_name: T\nplugins: [quizbuilder]\n", encoding="utf-8")
    monkeypatch.setattr(site_build, "installed", lambda module: module != "properdocs")
    assert main([*command, "--engine", "properdocs"]) == 1
    assert "properdocs is not installed here (pip install properdocs)" in capsys.readouterr().err
    assert not Path("site").exists()


def test_zensical_not_installed_leaves_the_old_site(
    docs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("mkdocs.yml").write_text("site_name: T\nplugins: [quizbuilder]\n", encoding="utf-8")
    Path("site").mkdir()
    Path("site/old.html").write_text("old", encoding="utf-8")
    monkeypatch.setattr(staged, "zensical_command", lambda *args: None)
    assert main(["build", "--engine", "zensical"]) == 1
    err = capsys.readouterr().err
    assert "Zensical is not installed (pip install zensical==0.0.73)" in err
    assert [p.name for p in Path("site").iterdir()] == ["old.html"]
    assert [p.name for p in Path.cwd().iterdir() if p.name.startswith(".")] == []


def test_staged_config_for_zensical() -> None:
    config = {
        "site_name": "S",
        "docs_dir": "content",
        "site_dir": "public",
        "theme": {"name": "material", "custom_dir": "overrides", "font": False},
        "plugins": ["search", {"quizbuilder": {"strings": {}}}, "tags", "quizbuilder"],
    }
    assert staged.staged_config(config) == {
        "site_name": "S",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", "tags"],
    }
    assert config["theme"]["custom_dir"] == "overrides", "the config itself is not changed"


def test_hosts_check_finds_what_a_site_lacks(tmp_path: Path) -> None:
    missing = hosts_check.check_site(tmp_path)
    roles = sorted((hosts_check.ROOT / "docs" / "roles").glob("*.md"))
    assert len(missing) == len(roles) + 6
    assert f"roles/{roles[0].stem}/index.html: not built" in missing
    assert "finder/index.html: missing or without 'class=\"qb-finder'" in missing
    assert any(line.startswith("_headers: missing or without") for line in missing)


def test_host_venvs_leave_mkdocs_out() -> None:
    for host in ("properdocs", "zensical"):
        with_deps, _ = hosts_check.requirements(host)
        names = {hosts_check._name(r) for r in with_deps}
        assert "mkdocs" not in names and "mkdocs-material" not in names
        assert host in names
    assert hosts_check.requirements("properdocs")[1] == ["mkdocs-material>=9.5,<10"]


@pytest.mark.parametrize("command", [["build", "--engine", "zensical"], ["generate", "out"]])
def test_bad_plugin_options_are_named(
    command: list[str], docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("mkdocs.yml").write_text(
        "site_name: T\nplugins: [{quizbuilder: {roles: x}}]\n", encoding="utf-8"
    )
    assert main(command) == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml: plugins.quizbuilder.roles: unknown option" in err
    assert "Traceback" not in err


def test_only_the_plugin_imports_a_site_generator() -> None:
    package = Path(__file__).resolve().parent.parent / "quizbuilder"
    importing = re.compile(r"^\s*(?:from|import)\s+(?:mkdocs|properdocs|zensical)\b", re.M)
    found = sorted(p.name for p in package.rglob("*.py") if importing.search(p.read_text("utf-8")))
    assert found == ["plugin.py"]


def test_hosts_check_compares_builds_but_the_generator(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for site, generator in [(a, "mkdocs-1.6.1"), (b, "mkdocs-ProperDocs 1.6.7")]:
        (site / "x").mkdir(parents=True)
        page = f'<meta name="generator" content="{generator}">\n<p>same</p>\n'
        (site / "x/index.html").write_text(page, encoding="utf-8")
    assert hosts_check.differences(a, b) == []
    (b / "x/index.html").write_text("<p>other</p>\n", encoding="utf-8")
    (b / "extra.css").write_text("", encoding="utf-8")
    assert hosts_check.differences(a, b) == [
        "extra.css: differs from the MkDocs build",
        "x/index.html: differs from the MkDocs build",
    ]
