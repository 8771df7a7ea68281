"""`mkdocs build --strict` of the real site in this repository (mkdocs.yml + docs/)."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from quizbuilder.content import check

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out), strict=True)
    build(config)
    return out


def test_every_role_has_a_page_with_its_quizzes_and_the_engine(site: Path) -> None:
    roles = sorted(p.stem for p in (DOCS / "roles").glob("*.md"))
    assert roles
    for slug in roles:
        page = (site / "roles" / slug / "index.html").read_text("utf-8")
        for raw in re.findall(r'data-qb-quiz="([^"]*)"', page):
            assert json.loads(unescape(raw))["role"] == slug
        if "qb-quiz" in page:
            assert 'src="../../assets/quizbuilder/quizbuilder.js" defer' in page


def test_generated_pages_and_published_files(site: Path) -> None:
    for path in [
        "index.html",
        "finder/index.html",
        "roles/index.html",
        "dimensions/index.html",
        "results/index.html",
        "schema/role.schema.json",
        "schema/site.schema.json",
        "schema/article.schema.json",
    ]:
        assert (site / path).is_file(), path
    assert not (site / "quizbuilder.yml").exists()


def test_the_guides_worked_example_is_a_valid_role(tmp_path: Path) -> None:
    """The guide says its example passes the checker as it stands; hold it to that."""
    guide = (DOCS / "guide" / "add-a-role.md").read_text("utf-8")
    example = re.search(r"```markdown\n(---\n# yaml-language-server.*?)\n```\n", guide, re.S)
    assert example is not None
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / "roles" / "library-assistant.md").write_text(example.group(1) + "\n", "utf-8")
    assert check(docs) == []
    text = example.group(1)
    assert "title: Library Assistant\n" in text  # Title Case, as the site shows titles
    assert "- text: None of these." in text  # the profile `multiple` question's way out
