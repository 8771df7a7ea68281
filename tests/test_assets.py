"""The served bundle and stylesheet: size budget, minifier safety, forbidden APIs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from quizbuilder import assets
from quizbuilder.strings import (
    DEFAULT_STRINGS,
    HISTORY_STRINGS,
    RESULT_STRING_KEYS,
    TEAM_STRINGS,
)

SOURCES = Path(assets.__file__).parent / "theme" / "assets" / "quizbuilder"
NODE = shutil.which("node")
ROOT = Path(__file__).parent.parent


def test_within_the_size_budget() -> None:
    sizes = assets.asset_sizes()
    assert sizes["total_gzip"] <= assets.BUDGET_GZIP, sizes
    assert sizes["total"] == sizes["js"] + sizes["css"]
    assert sizes["results_gzip"] <= assets.RESULTS_BUDGET_GZIP, sizes


@pytest.mark.parametrize(
    "name",
    [
        "core.js",
        "engine.js",
        "results.js",
        "history-core.js",
        "history.js",
        "team-core.js",
        "team.js",
    ],
)
def test_no_html_string_apis(name: str) -> None:
    text = (SOURCES / name).read_text("utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", text)


def test_served_files_carry_no_comments() -> None:
    assert "/*" not in assets.stylesheet()
    assert "quizbuilder core:" not in assets.bundle_engine()


JS_UNITS = ("core.test.mjs", "feedback.test.mjs", "share.property.test.mjs", "shuffle.test.mjs")
# In CI (`make test` installs both) a missing Node.js or fast-check fails instead of skipping.
IN_CI = bool(os.environ.get("CI"))
HAS_FAST_CHECK = IN_CI or (ROOT / "node_modules" / "fast-check").exists()


@pytest.mark.skipif(NODE is None and not IN_CI, reason="needs node")
def test_js_unit_tests_pass_against_the_served_bundle(tmp_path: Path) -> None:
    """The same unit tests, run on the minified bundle instead of core.js."""
    bundle = tmp_path / "quizbuilder.js"
    bundle.write_text(assets.bundle_engine(), "utf-8")
    names = [n for n in JS_UNITS if HAS_FAST_CHECK or "property" not in n]
    assert NODE is not None
    run = subprocess.run(
        [NODE, "--test", *(str(ROOT / "tests" / "js" / n) for n in names)],
        env={**os.environ, "QB_BUNDLE": str(bundle)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout


@pytest.mark.skipif(NODE is None and not IN_CI, reason="needs node")
@pytest.mark.parametrize(
    "bundle",
    [assets.bundle_engine, assets.bundle_results, assets.bundle_history, assets.bundle_team],
)
def test_bundle_is_valid_classic_script(tmp_path: Path, bundle: Callable[[], str]) -> None:
    path = tmp_path / "script.js"
    path.write_text(bundle(), "utf-8")
    assert NODE is not None
    subprocess.run([NODE, "--check", str(path)], check=True)
    text = path.read_text("utf-8")
    assert "import " not in text and "export " not in text


def test_each_script_carries_its_default_strings() -> None:
    """Pages send only the plugin's overrides: the defaults live in the scripts, the
    result view's own texts in results.js (loaded with it), the rest in the engine."""
    engine, results = assets.bundle_engine(), assets.bundle_results()
    history, team = assets.bundle_history(), assets.bundle_team()
    markers = (assets.STRINGS_MARKER, assets.RESULT_STRINGS_MARKER)
    markers += (assets.HISTORY_STRINGS_MARKER, assets.TEAM_STRINGS_MARKER)
    for marker in markers:
        assert all(marker not in bundle for bundle in (engine, results, history, team))
    for key, text in DEFAULT_STRINGS.items():
        home = (
            results
            if key in RESULT_STRING_KEYS
            else history
            if key in HISTORY_STRINGS
            else team
            if key in TEAM_STRINGS
            else engine
        )
        assert json.dumps(text, ensure_ascii=False) in home, key
    # The history and team texts stay out of what every quiz page loads.
    assert '"history_change_row"' not in engine and '"team_err_site"' not in engine
