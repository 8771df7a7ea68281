"""`mkdocs build --strict` of the real site in this repository (mkdocs.yml + docs/)."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

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
