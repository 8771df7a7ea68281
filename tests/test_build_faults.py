"""Faults during builds leave the previous site exactly as it was; builds are reproducible.

Every test works on a project in a temporary folder (a copy of `tests/fixtures/minimal`
as `docs/` plus a small `mkdocs.yml`) and runs the real commands in subprocesses.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizbuilder.build import mkdocs_command

FIXTURES = Path(__file__).parent / "fixtures"
TIMEOUT = 120
QUIZBUILDER = str(Path(sys.executable).with_name("quizbuilder"))
"""The console script installed next to this interpreter."""

MKDOCS_YML = """\
site_name: Faults
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
plugins:
  - search
  - quizbuilder
"""

BROKEN_TYPE = ("    kind: graded\n", "    kind: gradded\n")
"""An invalid enum in roles/loan-officer.md (the first quiz's kind, line 25, column 11)."""
BROKEN_WHERE = "docs/roles/loan-officer.md:25:11: quizzes[0].kind:"


def _project(root: Path) -> Path:
    project = root / "project"
    shutil.copytree(FIXTURES / "minimal", project / "docs")
    (project / "docs" / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return project


def _quizbuilder(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [QUIZBUILDER, *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        mkdocs_command(*args),
        cwd=project,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _hashes(site: Path) -> dict[str, str]:
    """Every file under `site` (relative path -> sha256), and every folder (-> 'dir')."""
    found: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        key = path.relative_to(site).as_posix()
        found[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _break_role(project: Path) -> None:
    role = project / "docs" / "roles" / "loan-officer.md"
    text = role.read_text(encoding="utf-8")
    assert BROKEN_TYPE[0] in text
    role.write_text(text.replace(BROKEN_TYPE[0], BROKEN_TYPE[1], 1), encoding="utf-8")


def _previous_site(project: Path) -> dict[str, str]:
    """Build a site with `quizbuilder build`, add a marker file, return its hashes."""
    result = _quizbuilder(project, "build")
    assert result.returncode == 0, result.stderr[-3000:]
    site = project / "site"
    assert (site / "index.html").is_file()
    (site / "previous-build.txt").write_text("from the previous build\n", encoding="utf-8")
    return _hashes(site)


@pytest.fixture(scope="module")
def cli_available() -> None:
    if not Path(QUIZBUILDER).is_file():  # pragma: no cover - only in a broken install
        pytest.skip(f"the quizbuilder console script is not installed at {QUIZBUILDER}")


def test_python_dash_m_runs_the_cli(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quizbuilder.cli", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0
    assert "quizbuilder" in result.stdout


# --- (a) invalid content -------------------------------------------------------------


def test_quizbuilder_build_with_invalid_role_leaves_site_untouched(
    tmp_path: Path, cli_available: None
) -> None:
    project = _project(tmp_path)
    before = _previous_site(project)
    _break_role(project)

    result = _quizbuilder(project, "build")

    assert result.returncode == 1
    assert BROKEN_WHERE in result.stderr, result.stderr
    assert re.search(r"^docs/roles/loan-officer\.md:\d+:\d+: ", result.stderr, re.MULTILINE)
    assert _hashes(project / "site") == before
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site.")]


def test_quizbuilder_check_reports_the_same_position(tmp_path: Path, cli_available: None) -> None:
    project = _project(tmp_path)
    _break_role(project)
    result = _quizbuilder(project, "check", "docs")
    assert result.returncode == 1
    assert BROKEN_WHERE in result.stderr, result.stderr


# --- (b) a failing strict MkDocs build -----------------------------------------------


def test_quizbuilder_build_with_strict_warning_leaves_site_untouched(
    tmp_path: Path, cli_available: None
) -> None:
    project = _project(tmp_path)
    before = _previous_site(project)
    article = project / "docs" / "articles" / "your-problem.md"
    article.write_text(
        article.read_text(encoding="utf-8") + "\nSee [the missing page](no-such-page.md).\n",
        encoding="utf-8",
    )

    result = _quizbuilder(project, "build")

    assert result.returncode != 0
    assert "no-such-page.md" in result.stderr, result.stderr[-3000:]
    assert _hashes(project / "site") == before
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site.")]


# --- (c) plain mkdocs build --strict -------------------------------------------------


def test_plain_mkdocs_build_with_invalid_role_fails_before_cleaning_site(
    tmp_path: Path, cli_available: None
) -> None:
    project = _project(tmp_path)
    before = _previous_site(project)
    _break_role(project)

    result = _mkdocs(project, "build", "--strict")

    assert result.returncode != 0
    assert BROKEN_WHERE in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert _hashes(project / "site") == before


def test_plain_mkdocs_build_with_invalid_role_and_no_previous_site(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _break_role(project)
    result = _mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert BROKEN_WHERE in result.stderr, result.stderr[-3000:]


# --- (d) killed part way -------------------------------------------------------------


@pytest.mark.parametrize("delay", [0.2, 0.5, 1.0, 2.0, 3.0])
@pytest.mark.parametrize("target", ["cli-only", "whole-group"])
def test_killing_quizbuilder_build_leaves_the_previous_site(
    tmp_path: Path, cli_available: None, delay: float, target: str
) -> None:
    """`cli-only` kills just the `quizbuilder build` process (its MkDocs child lives on
    and is reaped afterwards); `whole-group` kills it and MkDocs together, as a CI
    cancel does."""
    project = _project(tmp_path)
    before = _previous_site(project)
    # Make this build different, so a swapped-in new site would show.
    index = project / "docs" / "index.md"
    index.write_text("# Home\n\nChanged.\n", encoding="utf-8")

    process = subprocess.Popen(
        [QUIZBUILDER, "build"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        time.sleep(delay)
        finished = process.poll() is not None
        try:
            if target == "cli-only":
                os.kill(process.pid, signal.SIGKILL)
            else:
                os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            finished = True  # it ended between poll() and the kill
        process.wait(timeout=TIMEOUT)
    finally:
        # Reap whatever is left of the group this test started (an orphaned MkDocs).
        _wait_for_group(process.pid)

    site = project / "site"
    assert site.is_dir(), "site/ is missing: killed between the two renames"
    after = _hashes(site)
    if finished:
        pytest.skip(f"the build had finished before {delay} s; nothing was interrupted")
    if after != before:
        # The kill came after the swap, while the process was still cleaning up: then
        # site/ must be the whole new build, byte for byte, never a mix of the two.
        reference = _quizbuilder(project, "build", "--site-dir", "reference")
        assert reference.returncode == 0, reference.stderr[-3000:]
        assert after == _hashes(project / "reference")


def _wait_for_group(pgid: int) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.killpg(pgid, signal.SIGKILL)


# --- (e) reproducible output ---------------------------------------------------------


def test_two_builds_of_the_same_input_are_byte_identical(
    tmp_path: Path, cli_available: None
) -> None:
    project = _project(tmp_path)
    first = _quizbuilder(project, "build", "--site-dir", "one")
    assert first.returncode == 0, first.stderr[-3000:]
    time.sleep(1.1)  # a timestamp with one-second resolution would now differ
    second = _quizbuilder(project, "build", "--site-dir", "two")
    assert second.returncode == 0, second.stderr[-3000:]

    one, two = _hashes(project / "one"), _hashes(project / "two")

    assert sorted(one) == sorted(two)
    differing = sorted(name for name in one if one[name] != two[name])
    assert differing == []
    assert "sitemap.xml.gz" in one  # included, not excluded: MkDocs writes mtime=0


def test_next_build_recovers_a_swap_interrupted_between_renames(tmp_path: Path) -> None:
    """A crash after `site/` was renamed away but before the new one moved in."""
    from quizbuilder.build import recover

    site = tmp_path / "site"
    old = tmp_path / ".site.old-abc123"
    old.mkdir()
    (old / "index.html").write_text("previous site", encoding="utf-8")
    stale = tmp_path / ".site.new-def456"
    stale.mkdir()
    (stale / "half.html").write_text("half written", encoding="utf-8")

    recover(site)

    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not old.exists()
    assert not stale.exists()


def test_recover_keeps_a_complete_site_and_drops_leftovers(tmp_path: Path) -> None:
    from quizbuilder.build import recover

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("current", encoding="utf-8")
    leftover = tmp_path / ".site.old-zzz"
    leftover.mkdir()

    recover(site)

    assert (site / "index.html").read_text(encoding="utf-8") == "current"
    assert not leftover.exists()
