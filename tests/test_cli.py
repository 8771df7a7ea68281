"""The command line: new-role → check → build round trips, exact messages, atomic builds."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from quizbuilder.cli import main, slugify

MKDOCS_YML = """\
site_name: Test site
site_url: https://example.org/quiz/
theme:
  name: material
  font: false
plugins: [search, quizbuilder]
markdown_extensions: [attr_list, md_in_html, toc]
"""

BROKEN_ROLE = """\
---
title: Broken
summary: Broken.
sector: Retail
customers:
  - who: Shoppers
    kind: nobody
finder: {public: 4, clients: 3, colleagues: 2, frequency: 4, relationship: 1, stakes: 1,
         technical: 1, hats: 1}
---

Body.
"""


@pytest.fixture
def project(docs: Path) -> Path:
    """A project in the working directory: `docs/` (minimal fixture) and `mkdocs.yml`."""
    (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    Path("mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return Path.cwd()


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _old_site(project: Path) -> dict[str, str]:
    site = project / "site"
    (site / "deep").mkdir(parents=True)
    (site / "marker.txt").write_bytes(b"the old site\n")
    (site / "deep" / "page.html").write_bytes(b"<p>old</p>\n")
    return _tree(site)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Loan Officer", "loan-officer"),
        ("Café  Host!", "cafe-host"),
        ("  IT/Help-desk ", "it-help-desk"),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_new_role_check_build_round_trip(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-role", "Café Host"]) == 0
    written = project / "docs/roles/cafe-host.md"
    assert capsys.readouterr().out == "Wrote docs/roles/cafe-host.md\n"
    lines = written.read_text("utf-8").splitlines()
    assert lines[:3] == [
        "---",
        "# yaml-language-server: $schema=https://example.org/quiz/schema/role.schema.json",
        'title: "Café Host"',
    ]

    roles = len(list((project / "docs/roles").glob("*.md")))
    assert main(["check", "docs"]) == 0
    captured = capsys.readouterr()
    assert re.fullmatch(rf"{roles} roles, \d+ quizzes OK\n", captured.out), captured.out
    # The template's placeholders are warnings: fine for `check`, not for publishing.
    assert "[template-placeholder]" in captured.err
    assert main(["check", "--strict", "docs"]) == 1
    assert main(["build"]) != 0
    assert not (project / "site").exists()

    text = written.read_text("utf-8")
    for placeholder, words in {
        "Replace me": "Filled in",
        "Write the article here": "Hosts greet guests",
        "Write the correct answer here": "Guests",
        "Write a wrong answer here": "Suppliers",
    }.items():
        text = text.replace(placeholder, words)
    written.write_text(text, "utf-8")
    capsys.readouterr()
    assert main(["check", "--strict", "docs"]) == 0, capsys.readouterr().err
    assert main(["build"]) == 0
    site = project / "site"
    page = (site / "roles/cafe-host/index.html").read_text("utf-8")
    assert 'id="quiz-cafe-host-customers"' in page
    assert 'id="quiz-cafe-host-profile"' in page
    assert not [p for p in project.iterdir() if p.name.startswith(".site.")]


def test_new_role_without_mkdocs_yml_points_at_the_package_schema(
    docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-role", "Night Porter", "--docs-dir", "docs"]) == 0
    second = (docs / "roles/night-porter.md").read_text("utf-8").splitlines()[1]
    schema = second.removeprefix("# yaml-language-server: $schema=")
    assert schema.endswith("quizbuilder/schemas/role.schema.json")
    assert (docs / "roles" / schema).resolve().is_file()
    assert main(["check", "docs"]) == 0


def test_new_role_refuses_to_overwrite(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (project / "docs/roles/barista.md").read_bytes()
    assert main(["new-role", "Barista"]) == 1
    assert capsys.readouterr().err == (
        "quizbuilder: docs/roles/barista.md already exists; choose another title or edit it\n"
    )
    assert (project / "docs/roles/barista.md").read_bytes() == before


def test_new_role_needs_a_valid_site_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs/quizbuilder.yml").unlink()
    assert main(["new-role", "Porter"]) == 1
    err = capsys.readouterr().err
    assert "docs/quizbuilder.yml:1:1: -: site file not found" in err
    assert not (project / "docs/roles/porter.md").exists()


def test_check_prints_every_problem_with_its_position(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs/roles/broken.md").write_text(BROKEN_ROLE, encoding="utf-8")
    assert main(["check", "docs"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "docs/roles/broken.md:7:11: customers[0].kind: unknown customer kind 'nobody'"
        " (expected one of: external, internal, public)",
        "1 problem found.",
    ]


def test_check_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope")]) == 1
    assert "is not a folder" in capsys.readouterr().err


def test_build_with_invalid_content_leaves_the_old_site(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _old_site(project)
    (project / "docs/roles/broken.md").write_text(BROKEN_ROLE, encoding="utf-8")
    assert main(["build"]) == 1
    assert "previous one is unchanged" in capsys.readouterr().err
    assert _tree(project / "site") == before


def test_build_failing_in_mkdocs_leaves_the_old_site(project: Path) -> None:
    before = _old_site(project)
    # Valid content, but a broken link: a warning, so `--strict` fails inside MkDocs.
    (project / "docs/index.md").write_text("[gone](missing.md)\n", encoding="utf-8")
    assert main(["build"]) == 1
    assert _tree(project / "site") == before
    # No temporary folder left behind (the plugin's cache may stay, like Material's).
    assert sorted(p.name for p in project.iterdir()) == [".cache", "docs", "mkdocs.yml", "site"]


def test_build_replaces_the_old_site(project: Path) -> None:
    _old_site(project)
    assert main(["build", "--site-dir", "site"]) == 0
    site = project / "site"
    assert not (site / "marker.txt").exists()
    assert (site / "roles/barista/index.html").is_file()
    # No temporary folder left behind (the plugin's cache may stay, like Material's).
    assert sorted(p.name for p in project.iterdir()) == [".cache", "docs", "mkdocs.yml", "site"]


def test_usage_errors_return_codes_without_tracebacks(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["no-such-command"]) == 2
    assert main(["build", "--config-file", "missing.yml"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "missing.yml not found" in err
    assert main(["--help"]) == 0


def test_new_role_that_would_not_validate_is_not_kept(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-role", "x" * 200]) == 1
    err = capsys.readouterr().err
    assert "title:" in err
    assert "was not kept" in err
    assert sorted(p.name for p in (project / "docs/roles").iterdir()) == sorted(
        p.name for p in (Path(__file__).parent / "fixtures/minimal/roles").iterdir()
    )


def test_serve_runs_mkdocs_serve(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []

    def fake_execv(path: str, command: list[str]) -> None:
        calls.append(command)

    monkeypatch.setattr("quizbuilder.cli.os.execv", fake_execv)
    assert main(["serve"]) == 0
    assert calls[0][1:] == [
        "-m",
        "mkdocs",
        "serve",
        "--config-file",
        "mkdocs.yml",
        "--dev-addr",
        "127.0.0.1:8000",
    ]


def test_new_role_offers_the_site_file_sectors(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = project / "docs/quizbuilder.yml"
    text = site.read_text("utf-8").replace(
        "\ndimensions:",
        "\nsectors: [Retail, Hospitality, Finance, Care & social services]\ndimensions:",
        1,
    )
    site.write_text(text, "utf-8")
    assert main(["new-role", "Night Porter"]) == 0
    written = (project / "docs/roles/night-porter.md").read_text("utf-8")
    assert 'sector: "Retail"\n' in written
    assert '"Hospitality", "Finance", "Care & social services"' in written
    capsys.readouterr()
    assert main(["check", "docs"]) == 0
