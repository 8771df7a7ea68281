"""Every golden case in `tests/cases/`, end to end through both front doors.

Each case folder's files are laid over `tests/fixtures/minimal`; `expected.txt` lists
the exact problems (empty: the content is valid). For every case:

(a) `quizbuilder check docs` (in process, and as a real subprocess for a sample) exits
    1 printing exactly those lines and the count, or exits 0 when valid;
(b) a real `mkdocs build --strict` with the plugin fails with every expected line in
    the logged error and leaves an earlier `site/` byte for byte as it was, or, for a
    valid case, builds the role pages.

The fast built-in `mkdocs` theme is used for (b); valid cases are built again with
Material, the theme the real site uses.
"""

from __future__ import annotations

import html
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from quizbuilder.cli import main
from quizbuilder.content import load_content

HERE = Path(__file__).parent
CASES_DIR = HERE / "cases"
MINIMAL = HERE / "fixtures" / "minimal"
CASES = sorted(path.name for path in CASES_DIR.iterdir() if path.is_dir())


def _expected(case: str) -> list[str]:
    return (CASES_DIR / case / "expected.txt").read_text("utf-8").splitlines()


VALID = [case for case in CASES if not _expected(case)]
INVALID = [case for case in CASES if _expected(case)]
# A sample run as a real process too: the console script, its exit code and streams.
SUBPROCESS_SAMPLE = [
    case
    for case in ("non-utf8", "unicode-rtl-ok", "yaml-boolean-as-text", "crlf-valid", "markers")
    if case in CASES
]

MKDOCS_YML = """\
site_name: Corpus
docs_dir: docs
site_dir: site
theme:
  name: {theme}
plugins:
  - quizbuilder
"""


def test_corpus_size(capsys: pytest.CaptureFixture[str]) -> None:
    """The corpus the lead reports on; `pytest -s` shows the counts."""
    with capsys.disabled():
        print(f"\ngolden cases: {len(CASES)} ({len(VALID)} valid, {len(INVALID)} invalid)")
    assert len(CASES) >= 45
    assert len(VALID) >= 5
    for case in CASES:
        assert (CASES_DIR / case / "expected.txt").is_file(), case
        assert [p for p in (CASES_DIR / case).rglob("*") if p.name != "expected.txt"], case


def _overlay(case: str, docs: Path) -> None:
    source = CASES_DIR / case
    for file in sorted(source.rglob("*")):
        if file.is_file() and file.name != "expected.txt":
            target = docs / file.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)


@pytest.fixture(scope="session")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built earlier (from the minimal fixture) plus a marker file: what must
    survive a failed build untouched."""
    root = tmp_path_factory.mktemp("previous")
    shutil.copytree(MINIMAL, root / "docs")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(theme="mkdocs"), "utf-8")
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True)
    build(config)
    site = root / "site"
    (site / "MARKER.txt").write_bytes(b"built earlier\n")
    shutil.copyfile(site / "roles" / "barista" / "index.html", site / "copy-of-a-page.html")
    return site


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty project folder as the working directory (messages read `docs/...`)."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def _docs(project: Path, case: str) -> Path:
    docs = project / "docs"
    shutil.copytree(MINIMAL, docs)
    _overlay(case, docs)
    return docs


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _summary(count: int) -> str:
    return f"{count} problem{'' if count == 1 else 's'} found."


_OK_LINE = re.compile(r"\d+ roles?, \d+ quiz(?:zes)? OK")


# (a) quizbuilder check


@pytest.mark.parametrize("case", CASES)
def test_check_command(case: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _docs(project, case)
    expected = _expected(case)
    code = main(["check", "docs"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if expected:
        assert (code, out) == (1, "")
        assert err.splitlines() == [*expected, _summary(len(expected))]
    else:
        assert (code, err) == (0, "")
        assert _OK_LINE.fullmatch(out.strip()), out


@pytest.mark.parametrize("case", SUBPROCESS_SAMPLE)
def test_check_command_as_a_process(case: str, project: Path) -> None:
    _docs(project, case)
    expected = _expected(case)
    script = Path(sys.executable).with_name("quizbuilder")
    command = [str(script)] if script.is_file() else [sys.executable, "-c", _RUN]
    result = subprocess.run(
        [*command, "check", "docs"],
        capture_output=True,
        cwd=project,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    assert "Traceback" not in out + err
    if expected:
        assert (result.returncode, out) == (1, "")
        assert err.splitlines() == [*expected, _summary(len(expected))]
    else:
        assert (result.returncode, err) == (0, "")
        assert _OK_LINE.fullmatch(out.strip()), out


_RUN = "from quizbuilder.cli import run; run()"


# (b) mkdocs build --strict with the plugin


def _config(project: Path, theme: str = "mkdocs") -> Path:
    config = project / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(theme=theme), "utf-8")
    return config


@pytest.mark.parametrize("case", INVALID)
def test_invalid_case_fails_the_build_and_keeps_the_old_site(
    case: str, project: Path, previous_site: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _docs(project, case)
    site = project / "site"
    shutil.copytree(previous_site, site)
    before = _snapshot(site)
    config = load_config(config_file=str(_config(project)), strict=True)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(config)
    errors = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert "Traceback" not in caplog.text
    for line in _expected(case):
        assert line in errors.splitlines(), line
    assert _snapshot(site) == before


def _assert_role_pages(project: Path, docs: Path) -> None:
    """Every role of the case became a page with its title and every quiz, each with
    one fieldset per question, and no Python error text leaked into it."""
    content = load_content(docs)
    assert content.roles, "a valid case has roles"
    for role in content.roles:
        page = (project / "site" / "roles" / role.slug / "index.html").read_text("utf-8")
        assert "Traceback" not in page
        assert re.search(r"<title>" + re.escape(html.escape(role.title, quote=False)), page)
        for quiz in role.quizzes:
            form = re.search(
                r'<form class="qb-quiz[^"]*" id="quiz-' + re.escape(quiz.id) + r'".*?</form>',
                page,
                re.S,
            )
            assert form, f"{role.slug}: quiz {quiz.id} missing"
            fieldsets = re.findall(r'<fieldset class="qb-question"', form.group(0))
            assert len(fieldsets) == len(quiz.questions), quiz.id


@pytest.mark.parametrize("case", VALID)
def test_valid_case_builds(case: str, project: Path) -> None:
    docs = _docs(project, case)
    build(load_config(config_file=str(_config(project)), strict=True))
    _assert_role_pages(project, docs)


@pytest.mark.parametrize("case", VALID)
def test_valid_case_builds_with_material(case: str, project: Path) -> None:
    docs = _docs(project, case)
    build(load_config(config_file=str(_config(project, "material")), strict=True))
    _assert_role_pages(project, docs)
