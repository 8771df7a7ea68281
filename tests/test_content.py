"""`load_content` and `check` on the minimal docs dir. The golden cases in `cases/` run
through `quizbuilder check` (and real builds) in test_corpus.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizbuilder.content import check, load_content
from quizbuilder.errors import ContentError
from quizbuilder.model import QuestionType, QuizKind


def test_minimal_fixture_loads(docs: Path) -> None:
    content = load_content(docs)
    assert [role.slug for role in content.roles] == ["barista", "loan-officer"]
    loan = content.roles[1]
    assert loan.src_uri == "roles/loan-officer.md"
    assert loan.path == "docs/roles/loan-officer.md"
    assert loan.body.startswith("\nA loan officer helps people borrow.")
    assert loan.body_line == 52
    assert [q.kind for q in loan.quizzes] == [QuizKind.GRADED, QuizKind.PROFILE]
    scale = loan.quizzes[1].questions[0]
    assert (scale.type, scale.dimension, scale.reverse) == (QuestionType.SCALE, "ownership", False)
    assert loan.quizzes[0].questions[0].options[0].correct is True
    assert loan.quizzes[1].questions[1].options[1].points == {"composure": 2, "ownership": 2}
    assert loan.finder["clients"] == 4
    assert content.settings.scale_labels[0] == "Strongly disagree"
    assert [band.min for band in content.settings.bands] == [0, 40, 65, 85]
    assert len(content.settings.finder_questions) == 8
    assert content.articles_for("ownership")[0].src_uri == "articles/your-problem.md"
    assert content.dimension("composure").name == "Composure"


def test_roles_sorted_by_title_casefold_then_slug(docs: Path) -> None:
    barista = (docs / "roles" / "barista.md").read_text("utf-8")
    (docs / "roles" / "a-barista.md").write_text(barista.replace("Barista", "barista"), "utf-8")
    (docs / "roles" / "zz.md").write_text(barista.replace("Barista", "Accountant"), "utf-8")
    slugs = [role.slug for role in load_content(docs).roles]
    assert slugs == ["zz", "a-barista", "barista", "loan-officer"]


def test_load_content_raises_with_every_problem(docs: Path) -> None:
    (docs / "roles" / "empty.md").write_text("", "utf-8")
    (docs / "articles" / "bad.md").write_text("no front matter\n", "utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(docs)
    assert [str(problem) for problem in caught.value.problems] == [
        "docs/articles/bad.md:1:1: -: missing front matter (expected the file to start with a "
        "'---' line, then YAML, then another '---' line)",
        "docs/roles/empty.md:1:1: -: file is empty (expected front matter between '---' lines)",
    ]
    assert str(caught.value).endswith("\n2 problems found.")


def test_file_over_one_mebibyte_is_refused(docs: Path) -> None:
    (docs / "roles" / "huge.md").write_text("---\ntitle: x\n---\n" + "a" * (1 << 20), "utf-8")
    assert [str(problem) for problem in check(docs)] == [
        "docs/roles/huge.md:1:1: -: file is too large: 1048593 bytes "
        "(expected at most 1 MiB, 1048576 bytes)"
    ]


def test_deep_nesting_is_refused_at_the_limit(docs: Path) -> None:
    # Column 58 is the 51st '[': the refusal comes at the limit, not after a
    # RecursionError or a scan of the whole line (counted in test_loader.py).
    deep = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n"
    (docs / "roles" / "deep.md").write_text(deep, "utf-8")
    problems = [str(problem) for problem in check(docs)]
    assert problems == ["docs/roles/deep.md:2:58: -: nesting is too deep (more than 50 levels)"]


def test_missing_site_file_and_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert [str(problem) for problem in check(Path("docs"))] == [
        "docs/quizbuilder.yml:1:1: -: site file not found (expected a quizbuilder.yml file)",
        "docs/roles: folder not found (expected at least one role file; roles_dir is 'roles' "
        "by default: set it under the quizbuilder plugin in mkdocs.yml if the role files are "
        "elsewhere)",
    ]
