"""`quizbuilder generate` / `finish`: the plugin's work as real files, one code path.

The last test builds the real site twice with MkDocs: once with the plugin, once
without it from `generate`'s folder followed by `finish`. The pages must match.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from quizbuilder import assets, generate, options, staged
from quizbuilder.build import read_mkdocs_config
from quizbuilder.cli import main
from quizbuilder.content import load_content
from quizbuilder.render.quiz import quiz_dimensions
from quizbuilder.render.slots import finish_page, placeholder
from tests import hosts_check

ROOT = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
site_name: Test site
site_url: https://example.org/quiz/
theme:
  name: mkdocs
plugins:
  - search
  - quizbuilder:
      strings:
        quiz_submit: Score it
"""


@pytest.fixture
def project(docs: Path) -> Path:
    (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    (docs / ".hidden.md").write_text("# Hidden\n", encoding="utf-8")
    Path("mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return Path.cwd()


def _output(project: Path) -> generate.Output:
    return staged.load_output(project / "mkdocs.yml")


# --- Options --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plugins", "expected"),
    [
        (["search", "quizbuilder"], options.Settings()),
        (None, options.Settings()),
        ([{"quizbuilder": None}], options.Settings()),
        (
            [{"quizbuilder": {"roles_dir": "jobs", "strings": {"quiz_submit": "Go"}}}],
            options.Settings(roles_dir="jobs", strings={"quiz_submit": "Go"}),
        ),
        ([{"quizbuilder": {"enabled": False}}], options.Settings(enabled=False)),
        ([{"quizbuilder": {"storage_namespace": "x"}}], options.Settings(storage_namespace="x")),
    ],
)
def test_settings_from_config(plugins: Any, expected: options.Settings) -> None:
    assert options.settings_from_config({"plugins": plugins}) == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("yes", "plugins.quizbuilder: expected a mapping of options"),
        (
            {"role_dir": "x"},
            "plugins.quizbuilder.role_dir: unknown option (expected one of: articles_dir, "
            "cache, cache_dir, csp_meta, enabled, headers, roles_dir, site_file, "
            "storage_namespace, strings)",
        ),
        ({"enabled": "no"}, "plugins.quizbuilder.enabled: expected true or false"),
        ({"roles_dir": 3}, "plugins.quizbuilder.roles_dir: expected a string"),
        ({"strings": {"a": 1}}, "plugins.quizbuilder.strings: expected a mapping of texts"),
        (
            {"storage_namespace": []},
            "plugins.quizbuilder.storage_namespace: expected a string",
        ),
        (
            {"cache": "no", "roles": 1, "strings": "x"},
            "plugins.quizbuilder.cache: expected true or false\n"
            "plugins.quizbuilder.roles: unknown option (expected one of: articles_dir, "
            "cache, cache_dir, csp_meta, enabled, headers, roles_dir, site_file, "
            "storage_namespace, strings)\n"
            "plugins.quizbuilder.strings: expected a mapping of texts",
        ),
    ],
)
def test_settings_from_config_refuses(given: Any, message: str) -> None:
    with pytest.raises(options.ConfigError) as error:
        options.settings_from_config({"plugins": [{"quizbuilder": given}]})
    assert str(error.value) == message


# --- The folder -----------------------------------------------------------------------


def test_generate_writes_pages_assets_and_schemas(project: Path) -> None:
    output = _output(project)
    files = output.files
    assert "quizbuilder.yml" not in files
    assert ".hidden.md" not in files
    assert files["index.md"] == project / "docs/index.md"
    article = files["articles/your-problem.md"]  # front matter escaped as the plugin does
    assert isinstance(article, str)
    assert article.startswith("---\ntitle: It is your problem now\n")
    assert "description: Why owning a customer&#x27;s problem works.\n" in article
    for page in [
        "roles/barista.md",
        "roles/loan-officer.md",
        "roles/index.md",
        "dimensions/index.md",
        "dimensions/ownership.md",
        "results/index.md",
        "finder/index.md",
    ]:
        assert isinstance(files[page], str), page
    role = files["roles/loan-officer.md"]
    assert isinstance(role, str)
    assert role.startswith("---\ntitle: Loan Officer\n")
    assert "<!-- quiz:" not in role
    assert files["assets/quizbuilder/quizbuilder.js"] == assets.bundle_engine()
    assert files["assets/quizbuilder/quizbuilder.css"] == assets.stylesheet()
    # Every script is a minified bundle (issue 22); stylesheets other than the engine's
    # and the page ones are published as they are.
    assert isinstance(files["assets/quizbuilder/finder.css"], Path)
    for name, text in assets.page_bundles().items():
        assert files[f"assets/quizbuilder/{name}"] == text
    for name in ("core.js", "engine.js", "finder-core.js", "common.js", "dom.js", "store.js"):
        assert f"assets/quizbuilder/{name}" not in files
    assert sorted(f for f in files if f.startswith("schema/")) == [
        "schema/article.schema.json",
        "schema/results.schema.json",
        "schema/role.schema.json",
        "schema/site.schema.json",
    ]


def test_every_placeholder_is_in_its_page_and_every_quiz_in_a_fragment(project: Path) -> None:
    output = _output(project)
    content = load_content(project / "docs")
    roles = [role for role in content.roles if role.quizzes]
    assert roles
    for role in roles:
        markdown = output.files[role.src_uri]
        assert isinstance(markdown, str)
        fragments = output.fragments[role.src_uri]
        for key in fragments:
            assert key in markdown
        quizzes = "".join(fragments.values())
        for quiz in role.quizzes:
            assert f'id="quiz-{quiz.id}"' in quizzes
            assert "Score it" in quizzes  # the plugin's strings option is applied
        tags = fragments[placeholder("assets")]
        assert tags == (
            '<link rel="stylesheet" href="../../assets/quizbuilder/quizbuilder.css">\n'
            '<script src="../../assets/quizbuilder/quizbuilder.js" defer></script>\n'
        )
    assert set(output.fragments) == {
        *(role.src_uri for role in roles),
        "results/index.md",
        "finder/index.md",
        "roles/index.md",
        "team/index.md",
        # Their lists of quizzes go in after Markdown, as on the roles index.
        *(
            f"dimensions/{d.id}.md"
            for role in roles
            for quiz in role.quizzes
            for d in quiz_dimensions(quiz, content.settings)
        ),
    }
    roles_index = output.fragments["roles/index.md"][placeholder("assets")]
    assert "roles-filter.js" in roles_index
    assert "finder.js" not in roles_index


def test_an_authors_page_wins_over_a_generated_one(project: Path) -> None:
    (project / "docs/dimensions").mkdir()
    (project / "docs/dimensions/index.md").write_text("# My dimensions\n", encoding="utf-8")
    output = _output(project)
    assert output.files["dimensions/index.md"] == project / "docs/dimensions/index.md"


def test_cli_generate_then_finish(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "out"]) == 0
    written = sorted(p.relative_to("out").as_posix() for p in Path("out").rglob("*.md"))
    assert "roles/loan-officer.md" in written and "finder/index.md" in written
    count = len(_output(project).files)
    assert capsys.readouterr().out.startswith(f"Wrote {count} files to out/")
    assert len([p for p in Path("out").rglob("*") if p.is_file()]) == count

    assert main(["generate", "out"]) == 1
    assert "out exists and is not an empty folder" in capsys.readouterr().err

    page = Path("site/roles/loan-officer/index.html")
    page.parent.mkdir(parents=True)
    slot = placeholder("loan-officer-profile", "quiz-loan-officer-profile")
    page.write_text(f"<html><body><article>{slot}</article></body></html>", encoding="utf-8")
    assert main(["finish", "site"]) == 1
    assert "site/roles/index.html was not built" in capsys.readouterr().err


def test_cli_generate_writes_nothing_when_the_content_is_wrong(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    role = project / "docs/roles/barista.md"
    role.write_text(role.read_text("utf-8").replace("kind: public", "kind: nobody", 1), "utf-8")
    assert main(["generate", "out"]) == 1
    err = capsys.readouterr().err
    assert "docs/roles/barista.md:" in err
    assert "nothing was written" in err
    assert not Path("out").exists()


def test_write_output_copies_and_writes(tmp_path: Path) -> None:
    source = tmp_path / "a.css"
    source.write_bytes(b"p{}\n")
    output = generate.Output({"x/a.css": source, "x/b.md": "# B\r\n"}, {})
    generate.write_output(output, tmp_path / "out")
    assert (tmp_path / "out/x/a.css").read_bytes() == b"p{}\n"
    assert (tmp_path / "out/x/b.md").read_bytes() == b"# B\r\n"


# --- finish ---------------------------------------------------------------------------

SLOT = placeholder("q", "quiz-q")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (f"<article>{SLOT}</article>", "<article><form/></article>"),
        (f"<article>{SLOT}{SLOT}</article>", "<article><form/></article>"),
        ("<article><p>lost</p></article>", "<article><p>lost</p>\n<form/></article>"),
        ("<body><p>lost</p></body>", "<body><p>lost</p>\n<form/></body>"),
        ("<p>lost</p>", "<p>lost</p>\n<form/>"),
        ("<article><form/></article>", "<article><form/></article>"),
    ],
)
def test_finish_page(html: str, expected: str) -> None:
    finished = finish_page(html, {SLOT: "<form/>"})
    assert finished == expected
    assert finish_page(finished, {SLOT: "<form/>"}) == expected


@pytest.mark.parametrize(
    ("src_uri", "directory_urls", "expected"),
    [
        ("index.md", True, "index.html"),
        ("roles/index.md", True, "roles/index.html"),
        ("roles/x.md", True, "roles/x/index.html"),
        ("roles/x.md", False, "roles/x.html"),
        ("roles/index.md", False, "roles/index.html"),
    ],
)
def test_html_path(src_uri: str, directory_urls: bool, expected: str) -> None:
    assert generate.html_path(src_uri, directory_urls) == expected


# --- One code path: the real site, with the plugin and through generate + finish --------


def _normalised(path: Path) -> str:
    text = path.read_text("utf-8")
    if path.name == "sitemap.xml":  # the same URLs, in MkDocs' file order
        return "\n".join(sorted(re.findall(r"<loc>[^<]*</loc>", text)))
    if path.name == "search_index.json":
        data = json.loads(text)
        return json.dumps(sorted(data["docs"], key=lambda d: d["location"]), sort_keys=True)
    # Python-Markdown puts a blank line after the assets placeholder's block.
    return re.sub(r"\n{2,}", "\n", text)


def test_the_real_site_through_generate_matches_the_plugin_build(tmp_path: Path) -> None:
    with_plugin = tmp_path / "plugin"
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(with_plugin), strict=True))
    assert hosts_check.check_site(with_plugin) == []

    stage = tmp_path / "stage"
    output = staged.load_output(ROOT / "mkdocs.yml")
    generate.write_output(output, stage / "docs")
    config = staged.staged_config(read_mkdocs_config(ROOT / "mkdocs.yml"))
    assert "quizbuilder" not in config["plugins"]
    config["theme"]["custom_dir"] = str(ROOT / "overrides")  # MkDocs builds with them
    (stage / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build(load_config(str(stage / "mkdocs.yml"), strict=True))
    assert generate.finish_site(stage / "site", output) == len(output.fragments)
    assert generate.finish_site(stage / "site", output) == 0

    plugin_files = sorted(p.relative_to(with_plugin) for p in with_plugin.rglob("*"))
    staged_files = sorted(p.relative_to(stage / "site") for p in (stage / "site").rglob("*"))
    assert staged_files == plugin_files
    different = [
        str(name)
        for name in plugin_files
        if (with_plugin / name).is_file()
        and (with_plugin / name).read_bytes() != (stage / "site" / name).read_bytes()
        and (
            name.suffix == ".gz"
            or _normalised(with_plugin / name) != _normalised(stage / "site" / name)
        )
    ]
    # sitemap.xml.gz holds the sitemap in another order (checked above, uncompressed).
    assert different == ["sitemap.xml.gz"]
    shutil.rmtree(stage)
