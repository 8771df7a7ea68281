"""The Content-Security-Policy the build writes (quizbuilder/csp.py): hashes from the
built pages, `_headers`, the meta option, and the build's own self-check."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from quizbuilder import csp, generate, options
from quizbuilder.cli import main
from tests import test_plugin
from tests.test_plugin import MKDOCS_YML

STRINGS = "      strings:\n        quiz_submit: Score it\n"
PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<script>{script}</script>
<script id="__config" type="application/json">{{"a": 1}}</script>
<script src="x.js"></script>
</head><body><p>Hi</p></body></html>
"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def site_with(tmp_path: Path, script: str) -> Path:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True, exist_ok=True)
    (site / "a" / "index.html").write_text(PAGE.format(script=script), encoding="utf-8")
    return site


def served_policy(site: Path) -> str:
    rules = csp.parse_headers_file((site / csp.HEADERS_FILE).read_text("utf-8"))
    return dict(csp.headers_for(rules, "/a/"))["Content-Security-Policy"]


def test_only_scripts_the_browser_runs_are_hashed() -> None:
    html = PAGE.format(script="var a = 1;") + (
        '<script type="module">m()</script><SCRIPT TYPE="text/javascript">b()</SCRIPT>'
        '<script type="text/template"><p></script>'
    )
    assert csp.inline_scripts(html) == ["var a = 1;", "m()", "b()"]
    assert csp.script_hash("var a = 1;") == sha("var a = 1;")
    # The browser hashes the text with its newlines normalised.
    assert csp.inline_scripts("<script>a\r\nb</script>") == ["a\nb"]


def test_headers_file_carries_the_hashes_of_the_built_pages(tmp_path: Path) -> None:
    site = site_with(tmp_path, "var a = 1;")
    assert csp.secure_site(site) == [sha("var a = 1;")]
    policy = served_policy(site)
    assert f"script-src 'self' {sha('var a = 1;')};" in policy
    for directive in [
        "default-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]:
        assert directive in policy.split("; ")
    assert "unsafe" not in policy
    rules = csp.parse_headers_file((site / csp.HEADERS_FILE).read_text("utf-8"))
    served = dict(csp.headers_for(rules, "/any/page.html"))
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in served["Permissions-Policy"]
    assert "microphone=()" in served["Permissions-Policy"]


def test_hashes_change_when_an_inline_script_changes(tmp_path: Path) -> None:
    first = csp.secure_site(site_with(tmp_path / "1", "var a = 1;"))
    second = csp.secure_site(site_with(tmp_path / "2", "var a = 2;"))
    assert first != second
    assert second == [sha("var a = 2;")]


def test_stale_hashes_fail_the_self_check(tmp_path: Path) -> None:
    site = site_with(tmp_path, "var a = 1;")
    csp.secure_site(site)
    assert csp.check_site(site) == []
    # A page changed after the headers were written: its script is no longer allowed.
    page = site / "a" / "index.html"
    page.write_text(PAGE.format(script="var a = 2;"), encoding="utf-8")
    assert csp.check_site(site) == [
        f"a/index.html: inline script {sha('var a = 2;')} is not in the policy"
    ]


@pytest.mark.parametrize(
    ("markup", "problem"),
    [
        ('<button onclick="go()">x</button>', "<button onclick=…>: inline event handlers"),
        ('<a href=" javascript:go()">x</a>', "<a href=javascript:…>: blocked"),
    ],
)
def test_markup_the_policy_blocks_fails_the_build(
    tmp_path: Path, markup: str, problem: str
) -> None:
    site = site_with(tmp_path, "var a = 1;")
    page = site / "a" / "index.html"
    page.write_text(page.read_text("utf-8").replace("<p>Hi</p>", markup), encoding="utf-8")
    with pytest.raises(csp.PolicyError, match=re.escape(f"a/index.html: {problem}")):
        csp.secure_site(site)


def test_inline_styles_get_hashes_never_unsafe_inline(tmp_path: Path) -> None:
    site = site_with(tmp_path, "var a = 1;")
    plain = site_with(tmp_path / "plain", "x")
    csp.secure_site(plain)
    assert "style-src 'self';" in served_policy(plain)
    page = site / "a" / "index.html"
    styled = '<p style="width: 20%;">x</p><th style="a &amp; b">y</th><style>p {}</style>'
    page.write_text(page.read_text("utf-8").replace("<p>Hi</p>", styled), encoding="utf-8")
    csp.secure_site(site)
    policy = served_policy(site)
    hashes = sorted([sha("width: 20%;"), sha("a & b"), sha("p {}")])
    assert f"style-src 'self' 'unsafe-hashes' {' '.join(hashes)};" in policy
    assert "unsafe-inline" not in policy
    # A style changed after the headers were written is no longer allowed.
    page.write_text(page.read_text("utf-8").replace("20%", "30%"), encoding="utf-8")
    assert csp.check_site(site) == [
        f"a/index.html: style attribute {sha('width: 30%;')} is not in the policy "
        "(with 'unsafe-hashes')"
    ]


def test_meta_policy_is_first_in_the_head_without_frame_ancestors(tmp_path: Path) -> None:
    site = site_with(tmp_path, "var a = 1;")
    csp.secure_site(site, meta=True)
    csp.secure_site(site, meta=True)  # again: still one meta policy
    html = (site / "a" / "index.html").read_text("utf-8")
    assert html.count('http-equiv="Content-Security-Policy"') == 1
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert meta is not None
    assert html.index('<meta charset="utf-8">') < meta.start() < html.index("<script>")
    assert meta.group(1) == served_policy(site).replace("; frame-ancestors 'none'", "")
    assert "frame-ancestors" not in meta.group(1)


def test_headers_file_rules_match_paths() -> None:
    rules = csp.parse_headers_file("# c\n/*\n  A: 1\n/team/*\n  B: 2 : 3\n")
    assert csp.headers_for(rules, "/") == [("A", "1")]
    assert csp.headers_for(rules, "/team/x") == [("A", "1"), ("B", "2 : 3")]


# --- in real builds --------------------------------------------------------------------


# The plugin tests' project (minimal docs, a quiz role, mkdocs.yml) and build, as they are.
project = test_plugin.project
_build = test_plugin._build


def test_mkdocs_build_writes_headers_from_its_pages(project: Path, tmp_path: Path) -> None:
    site = _build(project, tmp_path / "out")
    hashes = csp.site_hashes(site)
    assert len(hashes) >= 2  # Material's palette and scope scripts at least
    assert (site / "_headers").read_text("utf-8") == csp.headers_file(hashes)
    assert csp.check_site(site) == []
    assert "Content-Security-Policy" not in (site / "index.html").read_text("utf-8")


def test_an_inline_script_in_a_template_changes_the_hashes(project: Path, tmp_path: Path) -> None:
    before = csp.site_hashes(_build(project, tmp_path / "before"))
    overrides = project / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block scripts %}{{ super() }}'
        "<script>window.planted = 1;</script>{% endblock %}\n",
        encoding="utf-8",
    )
    config = MKDOCS_YML.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = _build(project, tmp_path / "after")
    after = csp.site_hashes(site)
    assert set(after) - set(before) == {sha("window.planted = 1;")}
    assert sha("window.planted = 1;") in served_policy(site)


def test_a_page_the_policy_would_break_fails_the_build(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "index.md").write_text(
        '# Home\n\n<a href="javascript:go()">Go</a>\n', encoding="utf-8"
    )
    with pytest.raises((PluginError, Abort)):
        _build(project, tmp_path / "out")
    config = MKDOCS_YML.replace(STRINGS, "      headers: false\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = _build(project, tmp_path / "off")
    assert not (site / "_headers").exists()


def test_csp_meta_option_puts_the_policy_in_every_page(project: Path, tmp_path: Path) -> None:
    config = MKDOCS_YML.replace(STRINGS, "      csp_meta: true\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = _build(project, tmp_path / "out")
    meta = csp.policy(csp.site_hashes(site), meta=True)
    for page in csp.pages(site):
        html = page.read_text("utf-8")
        assert f'<meta http-equiv="Content-Security-Policy" content="{meta}">' in html, page


def test_quizbuilder_build_refuses_and_keeps_the_previous_site(
    docs: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    project = Path.cwd()
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    assert main(["build"]) == 0
    assert (project / "site" / "_headers").is_file()
    before = (project / "site" / "_headers").read_text("utf-8")
    (project / "docs" / "index.md").write_text(
        '# Home\n\n<button onclick="go()">Go</button>\n', encoding="utf-8"
    )
    assert main(["build"]) != 0
    assert "inline event handlers are blocked" in capfd.readouterr().err
    assert (project / "site" / "_headers").read_text("utf-8") == before


def test_finish_writes_the_headers_for_staged_builds(tmp_path: Path) -> None:
    site = site_with(tmp_path, "var a = 1;")
    assert generate.finish_site(site, generate.Output({}, {})) == 0
    assert served_policy(site) == csp.policy([sha("var a = 1;")])
    (site / csp.HEADERS_FILE).unlink()
    assert generate.finish_site(site, generate.Output({}, {}, headers=False)) == 0
    assert not (site / csp.HEADERS_FILE).exists()
    page = site / "a" / "index.html"
    page.write_text(page.read_text("utf-8").replace("<p>", '<p onclick="x">'), encoding="utf-8")
    with pytest.raises(csp.PolicyError):
        generate.finish_site(site, generate.Output({}, {}))


def test_options_for_staged_builds() -> None:
    config = {"plugins": [{"quizbuilder": {"headers": False, "csp_meta": True}}]}
    settings = options.settings_from_config(config)
    assert (settings.headers, settings.csp_meta) == (False, True)
    with pytest.raises(options.ConfigError, match="csp_meta: expected true or false"):
        options.settings_from_config({"plugins": [{"quizbuilder": {"csp_meta": "yes"}}]})
