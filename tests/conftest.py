"""Shared fixtures: a copy of the minimal docs dir, and one Chromium for the session.

Playwright's sync API runs one event loop per process: every test module that drives
a browser must share this session's Playwright instead of starting its own.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of `fixtures/minimal` at `./docs`, with the working directory set so that
    messages read `docs/roles/...`."""
    shutil.copytree(FIXTURES / "minimal", tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    return Path("docs")


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance: Any) -> Iterator[Any]:
    """Debian's Chromium (Playwright's own browser download does not work here)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs it", pytrace=False)
    b = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield b
    b.close()
