"""The served bundle and stylesheet: size budget, minifier safety, forbidden APIs."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from quizbuilder import assets
from quizbuilder.strings import DEFAULT_STRINGS

SOURCES = Path(assets.__file__).parent / "theme" / "assets" / "quizbuilder"
NODE = shutil.which("node")


def test_within_the_size_budget() -> None:
    sizes = assets.asset_sizes()
    assert sizes["total_gzip"] <= assets.BUDGET_GZIP, sizes
    assert sizes["total"] == sizes["js"] + sizes["css"]


@pytest.mark.parametrize("name", ["core.js", "engine.js"])
def test_no_html_string_apis(name: str) -> None:
    text = (SOURCES / name).read_text("utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", text)


@pytest.mark.parametrize(
    ("src", "want"),
    [
        ("const a = 1;  // note\nconst b = a / 2;\n", "const a=1;\nconst b=a/2;\n"),
        ("x = '  // kept  ' + \"a  b\";", "x='  // kept  '+\"a  b\";\n"),
        ("if (/^[/ ]+$/g.test(s)) return /a b/;", "if(/^[/ ]+$/g.test(s))return/a b/;\n"),
        ("a = b + +c - -d;", "a=b+ +c- -d;\n"),
        ("/* block */\n\n\nreturn\nx", "return\nx\n"),
        ("let t = `a  ${b}`;", "let t=`a  ${b}`;\n"),
        ("s.replace(/\\//g, '_')", "s.replace(/\\//g,'_')\n"),
    ],
)
def test_minify_js(src: str, want: str) -> None:
    assert assets.minify_js(src) == want


def test_minify_css() -> None:
    css = "/* c */\n.a ,.b { color : red ; }\n.c :focus{x:y}\n"
    assert assets.minify_css(css) == ".a,.b{color : red;}.c :focus{x:y}\n"


@pytest.mark.skipif(NODE is None, reason="needs node")
def test_bundle_is_valid_classic_script(tmp_path: Path) -> None:
    path = tmp_path / "quizbuilder.js"
    path.write_text(assets.bundle_engine(), "utf-8")
    assert NODE is not None
    subprocess.run([NODE, "--check", str(path)], check=True)
    text = path.read_text("utf-8")
    assert "import " not in text and "export " not in text


def test_bundle_carries_the_default_strings() -> None:
    """Pages send only the plugin's overrides: the defaults live in the script."""
    bundle = assets.bundle_engine()
    assert assets.STRINGS_MARKER not in bundle
    for text in DEFAULT_STRINGS.values():
        assert json.dumps(text, ensure_ascii=False) in bundle, text
