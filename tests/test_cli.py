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

    assert '    title: "Who are a café host\'s customers?"' in lines

    roles = len(list((project / "docs/roles").glob("*.md")))
    # The template's placeholders fail `check` as they fail the build (issue 23): the
    # same lines from both, and never "OK".
    assert main(["check", "docs"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    checked = captured.err.splitlines()
    assert "[template-placeholder]" in checked[0]
    assert checked[-1].endswith("found: the site build refuses them too, so fix them first.")
    assert main(["check", "--strict", "docs"]) == 1
    assert capsys.readouterr().err.splitlines() == checked
    assert main(["build"]) != 0
    assert capsys.readouterr().err.splitlines() == [
        *checked,
        "The site was not built; nothing was written to site/.",
    ]
    assert not (project / "site").exists()

    text = written.read_text("utf-8")
    for placeholder, words in {
        "Replace me": "Filled in",
        "Write the article here": "Hosts greet guests",
        "Write the correct answer here": "Guests",
        "Write a wrong answer here": "Suppliers",
        "Which of these is a customer of this role?": "Who does a café host serve?",
        "Say why the answer is right": "Guests are the host's customers",
        "A statement that shows": "I greet guests with",
    }.items():
        text = text.replace(placeholder, words)
    written.write_text(text, "utf-8")
    capsys.readouterr()
    assert main(["check", "docs"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["check", "--strict", "docs"]) == 0
    captured = capsys.readouterr()
    assert re.fullmatch(rf"{roles} roles, \d+ quizzes OK\n", captured.out), captured.out
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
    _only_template_placeholders(capsys)


def _only_template_placeholders(capsys: pytest.CaptureFixture[str]) -> None:
    """`check` finds nothing in the new role but the template's own texts."""
    capsys.readouterr()
    assert main(["check", "docs"]) == 1
    *found, summary = capsys.readouterr().err.splitlines()
    assert found and all(line.endswith("[template-placeholder]") for line in found), found
    assert summary.endswith("the site build refuses them too, so fix them first.")


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
    _only_template_placeholders(capsys)


# --- issue 23: the editor's loop ----------------------------------------------------


@pytest.mark.parametrize(
    ("title", "quiz_title"),
    [
        ("Dental Assistant", "Who are a dental assistant's customers?"),
        ("IT Technician", "Who are an IT technician's customers?"),
        ("Office Clerk", "Who are an office clerk's customers?"),
        ("Hotel Front-Desk Agent", "Who are a hotel front-desk agent's customers?"),
        ("X-Ray Technician", "Who are an X-ray technician's customers?"),
        ("HR Specialist", "Who are an HR specialist's customers?"),
        ("McDonald's Crew Member", "Who are a McDonald's crew member's customers?"),
        ("Usher", "Who are an usher's customers?"),
        ("University Porter", "Who are a university porter's customers?"),
    ],
)
def test_new_role_writes_the_quiz_title_in_sentence_case(
    project: Path, title: str, quiz_title: str
) -> None:
    assert main(["new-role", title]) == 0
    written = (project / f"docs/roles/{slugify(title)}.md").read_text("utf-8")
    assert f'    title: "{quiz_title}"\n' in written, written


CLERK = """\
---
title: Clerk
summary: Serves shoppers.{extra}
sector: Retail
customers:
  - who: Shoppers
    kind: external
finder: {{public: 2, clients: 4, colleagues: 2, frequency: 4, relationship: 1, stakes: 1,
         technical: 1, hats: {hats}}}
---

Clerks serve shoppers.
"""


def test_check_prints_messages_in_file_order_then_one_summary_on_one_stream(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roles = project / "docs/roles"
    (roles / "zed-clerk.md").write_text(CLERK.format(extra=" Replace me.", hats=1), "utf-8")
    (roles / "able-clerk.md").write_text(CLERK.format(extra=" Replace me.", hats=2), "utf-8")
    assert main(["check", "docs"]) == 1
    out, err = capsys.readouterr()
    assert out == ""  # nothing on stdout to come out of order with stderr
    assert err.splitlines() == [
        "docs/roles/able-clerk.md:3:10: warning: summary: 'Replace me' is text from the "
        "new-role template: write this role's own [template-placeholder]",
        "docs/roles/zed-clerk.md:3:10: warning: summary: 'Replace me' is text from the "
        "new-role template: write this role's own [template-placeholder]",
        "2 warnings found: the site build refuses them too, so fix them first.",
    ]


def test_check_ok_means_the_build_accepts_the_content(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "docs"]) == 0
    out, err = capsys.readouterr()
    assert (err, re.fullmatch(r"\d+ roles, \d+ quizzes OK\n", out) is not None) == ("", True)
    assert main(["build"]) == 0


def test_a_build_refused_for_its_content_into_a_new_folder_claims_no_previous_site(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs/roles/broken.md").write_text(BROKEN_ROLE, encoding="utf-8")
    assert main(["build", "--site-dir", "new-site"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "The site was not built; nothing was written to new-site/."
    assert "previous" not in err
    assert not (project / "new-site").exists()


def test_a_build_failing_in_mkdocs_into_a_new_folder_claims_no_previous_site(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs/index.md").write_text("[gone](missing.md)\n", encoding="utf-8")
    assert main(["build", "--site-dir", "new-site"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "The build failed; nothing was written to new-site/."
    assert "previous" not in err
    assert not (project / "new-site").exists()


def test_a_failed_build_over_an_old_site_says_it_is_unchanged(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _old_site(project)
    (project / "docs/index.md").write_text("[gone](missing.md)\n", encoding="utf-8")
    assert main(["build"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "The build failed; the previous site is unchanged."
    )
