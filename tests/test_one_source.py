"""Issue 22, parts 4 and 5: one source of truth for the browser scripts.

Each test names a fault the code review found; each failed on 54ebdb8.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from quizbuilder import assets, generate
from quizbuilder.render.page_assets import assets_for

ROOT = Path(__file__).parent.parent
SOURCES = ROOT / "quizbuilder" / "theme" / "assets" / "quizbuilder"
PYTHON_SOURCES = ROOT / "quizbuilder"
NODE = shutil.which("node")
ESLINT = ROOT / "node_modules" / ".bin" / "eslint"
IN_CI = bool(os.environ.get("CI"))


def _js_sources() -> dict[str, str]:
    return {path.name: path.read_text("utf-8") for path in sorted(SOURCES.glob("*.js"))}


def _code(text: str) -> str:
    """JavaScript without its comments (line and block), for looking at the code only."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"(?m)(^|[^:'\"\\])//.*$", r"\1", text)


def test_the_roles_index_loads_only_its_filter() -> None:
    """It loaded finder-core.js and finder.js (40 KB) to filter a list."""
    names = assets_for({"qb-finder-filter"})
    assert [name for name in names if name.endswith(".js")] == ["roles-filter.js"]


_PARTS = {
    "quizbuilder.js": assets.BUNDLE_PARTS,
    "history.js": assets.HISTORY_PARTS,
    "team.js": assets.TEAM_PARTS,
    "finder.js": getattr(assets, "FINDER_PARTS", ("finder.js",)),
    "roles-filter.js": getattr(assets, "FILTER_PARTS", ("roles-filter.js",)),
}


def test_every_shipped_script_is_a_minified_bundle() -> None:
    """finder-core.js and finder.js were served as written: unminified, with comments."""
    published = generate.published_files(lambda dest: False)
    scripts = {dest: value for dest, value in published.items() if dest.endswith(".js")}
    assert scripts
    for dest, value in scripts.items():
        assert isinstance(value, str), f"{dest} is copied from the package, not built"
        # tdewolff-minify drops comments and indentation and shortens local names.
        assert "/*" not in value and not re.search(r"\n[ \t]", value), dest
        assert "quizbuilder " not in value, dest
        name = Path(dest).name
        parts = _PARTS.get(name, (name,))
        source = sum(len((SOURCES / part).read_text("utf-8")) for part in parts)
        assert len(value) < 0.7 * source, dest


def test_the_engine_bundle_has_no_history_drawing_or_export() -> None:
    """engine.js drew "My results" a second time (enhanceHistory) and exported its own JSON."""
    engine = assets.bundle_engine()
    for sign in ("qb-history", "quiz-results.json", "download_json", "history_delete", "text/csv"):
        assert sign not in engine, sign


def test_one_export_format() -> None:
    """Two JSON exports existed: core.toJSON(store) and history's format 2."""
    sources = {name: _code(text) for name, text in _js_sources().items()}
    writers = sorted(name for name, code in sources.items() if "quiz-results.json" in code)
    assert writers == ["history.js"]
    assert not any(re.search(r"\btoJSON\b", code) for code in sources.values())
    # The one format is the published schema's version.
    schema = json.loads((PYTHON_SOURCES / "schemas" / "results.schema.json").read_text("utf-8"))
    assert json.dumps(schema).count('"const": 2') >= 1
    assert "exportJSON" in _js_sources()["history-core.js"]


def test_one_percent_function_in_each_language() -> None:
    """`percent` was written five times: core, history-core, team-core, finder-core, finder.py."""
    rule = re.compile(r"\(\s*200\s*\*")
    js = [name for name, text in _js_sources().items() if rule.search(_code(text))]
    assert js == ["common.js"]
    python = [
        p.name for p in sorted(PYTHON_SOURCES.rglob("*.py")) if rule.search(p.read_text("utf-8"))
    ]
    assert python == ["constants.py"]


def _constants() -> dict[str, object]:
    from quizbuilder.constants import browser_constants

    return browser_constants()


# Where a hand copy of each constant used to be (or would go): the scripts of its feature.
_USERS = {
    "SHARE_MAX_CHARS": ("core.js", "engine.js", "results.js"),
    "STRENGTH_LABELS": ("finder-core.js", "finder.js"),
    "CLEAR_FROM": ("finder-core.js", "finder.js"),
    "CLOSENESS_LABELS": ("finder-core.js", "finder.js"),
    "SIMILAR_FROM": ("finder-core.js", "finder.js"),
    "FINDER_SHARE_MAX": ("finder-core.js", "finder.js"),
    "JOB_MAX": ("finder-core.js", "finder.js"),
    "LABEL_MAX": ("history-core.js", "history.js", "team-core.js", "team.js"),
}


def _numbers(value: object) -> set[int]:
    if isinstance(value, list):
        return set().union(*map(_numbers, value)) if value else set()
    # Small numbers (0, 1, 2, 10, 100) are everywhere; the thresholds are not.
    return {value} if isinstance(value, int) and 30 <= value != 100 else set()


def test_no_javascript_copy_of_a_shared_constant() -> None:
    """The finder thresholds, share and label limits were copied by hand into the scripts."""
    constants = _constants()
    sources = {name: _code(text) for name, text in _js_sources().items()}
    for key, users in _USERS.items():
        numbers = _numbers(constants[key])
        assert numbers, key
        for name in users:
            for number in numbers:
                found = re.search(rf"(?<![\w.]){number}(?![\w.])", sources[name])
                assert not found, f"{name} copies {key} ({number})"
    for word in ("similar", "somewhat", "nearly"):
        for name, code in sources.items():
            assert f"'{word}'" not in code and f'"{word}"' not in code, (name, word)
    for name in ("team-core.js", "history-core.js"):
        assert not re.search(r"1024\s*\*\s*1024", sources[name]), name


# An ES module, as tests/js/load-core.mjs: a classic script run here sees no `module`.
_READ_CONSTANTS = """
import vm from 'node:vm';
import fs from 'node:fs';
const noop = () => {};
globalThis.window = globalThis;
globalThis.addEventListener = noop;
globalThis.document = { readyState: 'loading', addEventListener: noop, currentScript: null };
globalThis.location = new URL('http://localhost/');
new vm.Script(fs.readFileSync(process.argv[1], 'utf8')).runInThisContext();
process.stdout.write(JSON.stringify(globalThis.QuizbuilderCommon.CONSTANTS));
"""


@pytest.mark.skipif(NODE is None and not IN_CI, reason="needs node")
def test_every_bundle_gets_the_constants_from_python(tmp_path: Path) -> None:
    assert NODE is not None
    bundles = {"quizbuilder.js": assets.bundle_engine(), **assets.page_bundles()}
    for name, text in bundles.items():
        assert assets.CONSTANTS_MARKER not in text
        path = tmp_path / name
        path.write_text(text, "utf-8")
        run = subprocess.run(
            [NODE, "--input-type=module", "-e", _READ_CONSTANTS, str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert json.loads(run.stdout) == _constants(), name


def test_the_node_tests_see_the_same_constants() -> None:
    """tests/js/load-core.mjs builds these into common.js as assets.py does."""
    shared = ROOT / "tests" / "vectors" / "constants" / "browser.json"
    assert json.loads(shared.read_text("utf-8")) == _constants(), (
        "write tests/vectors/constants/browser.json from quizbuilder.constants.browser_constants()"
    )


def test_one_element_builder_and_one_data_attribute_reader() -> None:
    """Four element builders and three data- attribute parsers existed side by side."""
    sources = {name: _code(text) for name, text in _js_sources().items()}
    builders = sorted(name for name, code in sources.items() if "document.createElement(" in code)
    assert builders == ["dom.js"]
    parsers = sorted(
        name for name, code in sources.items() if re.search(r"JSON\.parse\([^)]*getAttribute", code)
    )
    assert parsers == ["dom.js"]
    formatters = sorted(name for name, code in sources.items() if r"\{(\w+)\}" in code)
    assert formatters == ["common.js"]


@pytest.mark.skipif(not ESLINT.exists() and not IN_CI, reason="needs npm ci (ESLint)")
def test_eslint_passes() -> None:
    """No JavaScript linter ran; one-letter names and 150-character lines went unseen."""
    assert NODE is not None
    run = subprocess.run(
        [str(ESLINT), "quizbuilder/theme/assets/quizbuilder", "tests/js", "eslint.config.js"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_shipped_lines_are_short_with_one_statement_each() -> None:
    for name, text in _js_sources().items():
        for number, line in enumerate(text.splitlines(), 1):
            assert len(line) <= 110, f"{name}:{number}"
            statements = re.sub(r"'[^']*'|\"[^\"]*\"", "''", _code(line)).strip()
            if statements.startswith("for ") or statements.startswith("for("):
                continue
            assert not re.search(r";\s*\S", statements), f"{name}:{number}: {line.strip()}"


def test_reference_implementations_are_used_by_tests_only() -> None:
    """The Python twins of the scripts live in `quizbuilder/reference/`, and the build never
    imports them: a reader knows which Python runs on a build and which checks the JS."""
    importers = [
        path.relative_to(PYTHON_SOURCES).as_posix()
        for path in sorted(PYTHON_SOURCES.rglob("*.py"))
        if "reference" not in path.parts
        and re.search(
            r"^\s*(from|import) quizbuilder\.reference|reference import",
            path.read_text("utf-8"),
            re.M,
        )
    ]
    assert importers == []
    assert {p.name for p in (PYTHON_SOURCES / "reference").glob("*.py")} == {
        "__init__.py",
        "aggregate.py",
        "scoring.py",
    }
