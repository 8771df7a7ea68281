"""Shared fixtures: a copy of the minimal docs dir in a temporary working directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of `fixtures/minimal` at `./docs`, with the working directory set so that
    messages read `docs/roles/...`."""
    shutil.copytree(FIXTURES / "minimal", tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    return Path("docs")
