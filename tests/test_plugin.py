"""The plugin in real MkDocs builds of the minimal fixture (plus a role with quizzes)."""

from __future__ import annotations

import json
import logging
import re
from html import unescape
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from quizbuilder.assets import bundle_engine, stylesheet
from quizbuilder.plugin import storage_namespace

MKDOCS_YML = """\
site_name: Test site
site_url: https://example.org/quiz/
theme:
  name: material
  font: false
plugins:
  - search
  - quizbuilder:
      strings:
        quiz_submit: Score it
markdown_extensions: [attr_list, md_in_html, toc]
"""

QUIZ_ROLE = """\
---
title: Clerk
summary: Helps shoppers find things & more.
sector: Retail
customers:
  - who: Shoppers
    kind: external
finder: {public: 4, clients: 3, colleagues: 2, frequency: 4, relationship: 1, stakes: 1,
         technical: 1, hats: 1}
quizzes:
  - id: clerk-graded
    title: Who pays?
    kind: graded
    questions:
      - id: who
        type: single
        text: Who pays </script> you?
        options:
          - text: The shopper
            correct: true
          - text: Nobody
  - id: clerk-profile
    title: Your style
    kind: profile
    questions:
      - id: calm
        type: scale
        text: I stay calm.
        dimension: ownership
---

Before the quiz.

<!-- quiz: clerk-profile -->

After the quiz.
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
    """The minimal docs (cwd-relative `docs/`) with a quiz role and an mkdocs.yml."""
    (docs / "roles" / "clerk.md").write_text(QUIZ_ROLE, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    Path("mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return Path.cwd()


def _build(project: Path, site: Path) -> Path:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    build(config)
    return site


def _article(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    return page[page.index("<article") : page.index("</article>")]


def test_generated_pages_assets_and_schemas(project: Path, tmp_path: Path) -> None:
    site = _build(project, tmp_path / "out")
    for page in [
        "roles/clerk/index.html",
        "roles/barista/index.html",
        "roles/index.html",
        "dimensions/index.html",
        "dimensions/ownership/index.html",
        "results/index.html",
        "finder/index.html",
    ]:
        assert (site / page).is_file(), page
    for schema in ["role", "site", "article"]:
        json.loads((site / "schema" / f"{schema}.schema.json").read_text(encoding="utf-8"))
    assert not (site / "quizbuilder.yml").exists()
    assert not list(site.rglob("*.md"))


def test_quizzes_are_in_place_with_assets_only_where_needed(project: Path, tmp_path: Path) -> None:
    site = _build(project, tmp_path / "out")
    clerk = _article(site / "roles/clerk/index.html")
    assert clerk.index("Before the quiz.") < clerk.index('id="quiz-clerk-profile"')
    assert clerk.index('id="quiz-clerk-profile"') < clerk.index("After the quiz.")
    assert clerk.index("After the quiz.") < clerk.index('id="quiz-clerk-graded"')
    assert "qb-slot" not in clerk
    assert "Score it" in clerk
    assert "Helps shoppers find things &amp; more." in clerk
    assert clerk.count('src="../../assets/quizbuilder/quizbuilder.js" defer') == 1
    assert 'href="../../assets/quizbuilder/quizbuilder.css"' in clerk
    form = re.search(r'data-qb-quiz="([^"]*)"', clerk)
    assert form is not None
    data = json.loads(unescape(form.group(1)))
    assert data["questions"][0]["id"] == "calm"
    assert data["dimensions"][0]["url"] == "../../dimensions/ownership/"
    config = json.loads(unescape(re.findall(r'data-qb-config="([^"]*)"', clerk)[0]))
    assert config["storage"] == "example.org/quiz"
    assert config["results_url"] == "../../results/"

    results = _article(site / "results/index.html")
    assert 'class="qb-history"' in results
    # Each page loads only the script it uses (issue 22): My results and the finder are
    # bundles of their own, with no quiz engine.
    assert 'src="../assets/quizbuilder/history.js" defer' in results
    assert "quizbuilder.js" not in results
    finder = _article(site / "finder/index.html")
    assert "quizbuilder.js" not in finder
    assert 'src="../assets/quizbuilder/finder.js" defer' in finder
    assert 'href="../assets/quizbuilder/finder.css"' in finder
    assert 'href="../assets/quizbuilder/quizbuilder.css"' in finder
    assert "finder.js" not in clerk
    assert (site / "assets/quizbuilder/quizbuilder.js").read_text("utf-8") == bundle_engine()
    assert (site / "assets/quizbuilder/quizbuilder.css").read_text("utf-8") == stylesheet()
    assert not (site / "assets/quizbuilder/core.js").exists()
    for plain in ["index.html", "roles/barista/index.html", "roles/index.html"]:
        assert "assets/quizbuilder/quizbuilder.js" not in (site / plain).read_text("utf-8"), plain


def test_search_never_sees_the_quizzes(project: Path, tmp_path: Path) -> None:
    """Quiz HTML goes into the finished page, after search read the content: the index
    has no quiz text, no section for a quiz title and no history noscript note."""
    site = _build(project, tmp_path / "out")
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    clerk = [doc for doc in index["docs"] if doc["location"].startswith("roles/clerk/")]
    assert clerk and not [doc for doc in clerk if "#quiz-" in doc["location"]]
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    for leak in ("Who pays", "The shopper", "I stay calm", "qb-slot", "need JavaScript"):
        assert leak not in text
    assert "Before the quiz." in text and "After the quiz." in text


def test_links_to_a_quiz_at_the_end_of_a_page_are_good_links(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The quizzes no marker placed are added after Markdown; MkDocs' anchor check still
    knows their ids (`validation: anchors: warn` makes a bad one a warning)."""
    Path("mkdocs.yml").write_text(MKDOCS_YML + "validation:\n  anchors: warn\n", "utf-8")
    Path("docs/index.md").write_text(
        "# Home\n\n[The quiz](roles/clerk.md#quiz-clerk-graded)\n"
        "[No such quiz](roles/clerk.md#quiz-clerk-nothing)\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.INFO):
        site = _build(project, tmp_path / "out")
    assert 'id="quiz-clerk-graded"' in _article(site / "roles/clerk/index.html")
    anchors = [r.getMessage() for r in caplog.records if "#quiz-clerk" in r.getMessage()]
    assert len(anchors) == 1, anchors
    assert "#quiz-clerk-nothing" in anchors[0]


def test_abbreviations_leave_the_role_header_in_place(project: Path, tmp_path: Path) -> None:
    """An abbreviation (or a glossary added to every page) for a word of a placeholder
    must not break it: the header stays above the customers, out of sight as a slot."""
    Path("mkdocs.yml").write_text(
        MKDOCS_YML.replace("[attr_list, md_in_html, toc]", "[abbr, attr_list, md_in_html, toc]"),
        "utf-8",
    )
    role = Path("docs/roles/clerk.md")
    abbreviations = "\n*[role]: The job\n*[header]: Top\n*[qbslot]: Slot\n"
    role.write_text(role.read_text("utf-8") + abbreviations, "utf-8")
    site = _build(project, tmp_path / "out")
    clerk = _article(site / "roles/clerk/index.html")
    assert clerk.index("Helps shoppers find things") < clerk.index("Who their customers are")
    assert "qbslot" not in clerk
    assert "qbslot" not in (site / "search/search_index.json").read_text("utf-8")


def test_a_marker_in_fenced_code_is_shown_as_written_and_its_quiz_ends_the_page(
    project: Path, tmp_path: Path
) -> None:
    role = Path("docs/roles/clerk.md")
    role.write_text(
        role.read_text("utf-8").replace(
            "<!-- quiz: clerk-profile -->", "```\n<!-- quiz: clerk-profile -->\n```"
        ),
        encoding="utf-8",
    )
    site = _build(project, tmp_path / "out")
    clerk = _article(site / "roles/clerk/index.html")
    assert clerk.count('id="quiz-clerk-profile"') == 1
    assert clerk.index("After the quiz.") < clerk.index('id="quiz-clerk-graded"')
    assert clerk.index('id="quiz-clerk-graded"') < clerk.index('id="quiz-clerk-profile"')
    assert clerk.index('id="quiz-clerk-profile"') < clerk.index("quizbuilder.js")
    assert '<div class="qb-slot"' not in clerk
    # The example reads as the editor wrote it; the internal placeholder never shows.
    assert "<code>&lt;!-- quiz: clerk-profile --&gt;\n</code>" in clerk
    assert "qb-slot" not in clerk


def test_role_pages_edit_the_real_source(project: Path, tmp_path: Path) -> None:
    yml = Path("mkdocs.yml")
    yml.write_text(
        yml.read_text("utf-8")
        + "repo_url: https://github.com/o/r\nedit_uri: edit/main/docs/\n"
        + "theme:\n  name: material\n  features: [content.action.edit]\n",
        encoding="utf-8",
    )
    site = _build(project, tmp_path / "out")
    clerk = (site / "roles/clerk/index.html").read_text("utf-8")
    assert "https://github.com/o/r/edit/main/docs/roles/clerk.md" in clerk
    index = (site / "roles/index.html").read_text("utf-8")
    assert "edit/main/docs/roles/index.md" not in index


def test_invalid_content_raises_with_positions_and_leaves_the_old_site(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = tmp_path / "out"
    site.mkdir()
    marker = site / "marker.txt"
    marker.write_bytes(b"old site\n")
    (project / "docs/roles/broken.md").write_text(BROKEN_ROLE, encoding="utf-8")
    # build() logs the PluginError and raises Abort, as `mkdocs build` shows it.
    with pytest.raises(Abort):
        _build(project, site)
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    message = record.getMessage()
    assert "docs/roles/broken.md:7:11: customers[0].kind:" in message
    assert [p.name for p in site.iterdir()] == ["marker.txt"]
    assert marker.read_bytes() == b"old site\n"


def test_disabled_plugin_builds_role_files_as_plain_pages(project: Path, tmp_path: Path) -> None:
    yml = Path("mkdocs.yml")
    yml.write_text(
        yml.read_text("utf-8").replace(
            "quiz_submit: Score it", "quiz_submit: Score it\n      enabled: false"
        ),
        encoding="utf-8",
    )
    site = _build(project, tmp_path / "out")
    assert not (site / "results").exists()
    assert "qb-quiz" not in (site / "roles/clerk/index.html").read_text("utf-8")


def test_unknown_string_key_warns_with_the_fix(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    yml = Path("mkdocs.yml")
    yml.write_text(yml.read_text("utf-8").replace("quiz_submit:", "quiz_sbumit:"), "utf-8")
    with caplog.at_level(logging.WARNING):
        _build(project, tmp_path / "out")
    assert "unknown key 'quiz_sbumit'" in caplog.text
    assert "quiz_submit" in caplog.text


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        ("http://127.0.0.1:8000/", "127.0.0.1:8000"),
        ("https://example.org/quiz/", "example.org/quiz"),
        (None, "Site"),
        ("", "Site"),
    ],
)
def test_storage_namespace(site_url: str | None, expected: str) -> None:
    assert storage_namespace(site_url, "Site") == expected


def test_on_pre_build_raises_plugin_error(project: Path) -> None:
    (project / "docs/roles/broken.md").write_text(BROKEN_ROLE, encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["quizbuilder"]
    with pytest.raises(PluginError, match=r"docs/roles/broken\.md:7:11: customers\[0\]\.kind"):
        plugin.on_pre_build(config=config)
