"""Write a docs dir where every editor-controlled field carries an injection payload.

`write_hostile_site(root)` creates `root/mkdocs.yml` and `root/docs/` (a valid site for
the schemas and semantic checks) and returns the manifest: one entry per field and
payload placed, with the unique sentinel that replaced `SENTINEL` in it, so a test can
find each one in the built pages. Payloads come from `payloads.json` next to this file.

Layout (29 payloads, index i):

- role `hostile-ii` carries payload i in its title, summary, sector, alias, tag,
  customer who/needs, and in its two quizzes: titles, intros, question texts, option
  texts and explanation;
- article `article-ii` carries payload i in its title and description;
- finder question `tii` carries payload i in its text and its five options;
- the site file has 20 dimensions (name, summary, description), 10 bands (label,
  message), 3 customer kinds (name, summary) and 5 scale labels, carrying payloads
  in turn; band messages and dimension descriptions hold several payloads each.

A payload that does not fit a field's `maxLength` once its sentinel is filled in is
not placed there: the entry is listed in `skipped` (tags and band labels allow 40
characters). Tags have no pattern in the schema, so they carry every payload that fits; tags are
not published anywhere in the site (their entries have an empty `page`).

Run as a script to write a site: `python tests/hostile/build_hostile_site.py DIR`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PAYLOADS: list[str] = json.loads((HERE / "payloads.json").read_text(encoding="utf-8"))["payloads"]
ROLES = len(PAYLOADS)
DIMENSIONS = 20
BANDS = 10
FINDER_QUESTIONS = min(ROLES, 30)


@dataclass
class Entry:
    """One payload placed in one field."""

    field: str  # e.g. "role.title"
    payload: int  # index into PAYLOADS
    sentinel: str  # replaces SENTINEL in the payload
    text: str  # the value written into the file
    markup: str  # "plain" (escaped text), "inline" (inline Markdown) or "markdown" (full)
    page: str  # site path of the page that shows it, e.g. "roles/hostile-03/"
    where: str  # CSS selector of the element whose text holds it (after `when`)
    when: str = "load"  # "load", "submit" (quiz result or answer), "finder" (finder result)


@dataclass
class Manifest:
    entries: list[Entry] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    quizzes: list[str] = field(default_factory=list)
    namespace: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1)


PAGE_METADATA_FIELDS = frozenset(
    {
        "role.title",
        "role.summary",
        "article.title",
        "article.description",
        "dimension.name",
        "dimension.summary",
    }
)
"""Fields that become a page's title or meta description, which the theme prints as
HTML: the schema refuses '<' and '>' in them (tests/cases/markup-in-page-title), so
their payloads are placed with the angle brackets removed; quotes, '&', entities and
template syntax remain and must come out as text."""


def sentinel(code: str, index: int) -> str:
    """Letters and digits only, so no Markdown rule can alter it."""
    return f"qbx{code}{index:02d}z"


class _Placer:
    def __init__(self, manifest: Manifest, hostile: Callable[[str], bool]) -> None:
        self.m = manifest
        self.hostile = hostile

    def put(
        self,
        code: str,
        fieldname: str,
        index: int,
        limit: int,
        markup: str,
        page: str,
        where: str,
        when: str = "load",
        fallback: str = "",
    ) -> str:
        """The value for a field: payload `index` with its sentinel, or a plain
        fallback when it does not fit `limit` characters."""
        mark = sentinel(code, index)
        text = PAYLOADS[index].replace("SENTINEL", mark)
        if fieldname in PAGE_METADATA_FIELDS:
            text = text.replace("<", "").replace(">", "")
        if fieldname == "role.tag":
            # Material prints tag names as HTML: the schema refuses < > & " ' in tags.
            text = "".join(c for c in text if c not in "<>&\"'")
        if not self.hostile(fieldname):
            return fallback or f"Plain {code} {index}"
        if len(text) > limit:
            self.m.skipped.append(
                {"field": fieldname, "payload": index, "length": len(text), "limit": limit}
            )
            return fallback or f"Plain {code} {index}"
        self.m.entries.append(Entry(fieldname, index, mark, text, markup, page, where, when))
        return text

    def several(
        self,
        code: str,
        fieldname: str,
        indexes: list[int],
        limit: int,
        markup: str,
        page: str,
        where: str,
        when: str = "load",
        sep: str = " | ",
    ) -> str:
        """Several payloads joined in one field (for site-wide fields with few items)."""
        parts: list[str] = []
        for index in indexes if self.hostile(fieldname) else []:
            mark = sentinel(code, index)
            text = PAYLOADS[index].replace("SENTINEL", mark)
            if len(sep.join([*parts, text])) > limit:
                self.m.skipped.append(
                    {"field": fieldname, "payload": index, "length": len(text), "limit": limit}
                )
                continue
            parts.append(text)
            self.m.entries.append(Entry(fieldname, index, mark, text, markup, page, where, when))
        return sep.join(parts) or f"Plain {code}"


def _dump(front: dict[str, Any], body: str) -> str:
    # JSON is YAML: every scalar double-quoted with JSON escapes (U+2028 included).
    return "---\n" + json.dumps(front, indent=2, ensure_ascii=True) + "\n---\n\n" + body + "\n"


def write_hostile_site(
    root: Path,
    namespace: str = "hostile.test/site",
    hostile: Callable[[str], bool] = lambda field: True,
) -> Manifest:
    """Write the site; only fields for which `hostile(field)` is true carry payloads."""
    root = Path(root)
    docs = root / "docs"
    (docs / "roles").mkdir(parents=True, exist_ok=True)
    (docs / "articles").mkdir(parents=True, exist_ok=True)
    m = Manifest(namespace=namespace)
    p = _Placer(m, hostile)

    # --- site file ----------------------------------------------------------------
    dims = []
    for j in range(DIMENSIONS):
        page = f"dimensions/d{j:02d}/"
        idx = [j] + ([j + DIMENSIONS] if j + DIMENSIONS < ROLES else [])
        dims.append(
            {
                "id": f"d{j:02d}",
                "name": p.put(
                    "dn", "dimension.name", j, 80, "plain", page, "h1", fallback=f"Dimension {j}"
                ),
                "summary": p.put("ds", "dimension.summary", j, 300, "plain", page, ".md-content"),
                "description": p.several(
                    "dd",
                    "dimension.description",
                    idx,
                    20000,
                    "markdown",
                    page,
                    ".md-content",
                    sep="\n\n",
                ),
            }
        )
    bands = []
    short = [
        k for k in range(ROLES) if len(PAYLOADS[k].replace("SENTINEL", sentinel("bl", k))) <= 40
    ]
    for j in range(BANDS):
        lo, hi = j * 10, (100 if j == BANDS - 1 else j * 10 + 9)
        idx = [k for k in (j, j + 10, j + 20) if k < ROLES]
        bands.append(
            {
                "id": f"b{j:02d}",
                "min": lo,
                "max": hi,
                "label": p.put(
                    "bl",
                    "band.label",
                    short[j % len(short)],
                    40,
                    "plain",
                    "",
                    ".qb-result",
                    "submit",
                    fallback=f"Band {j}",
                ),
                "message": p.several(
                    "bm", "band.message", idx, 500, "inline", "", ".qb-result", "submit"
                ),
            }
        )
    kinds = []
    for j, kid in enumerate(["external", "internal", "public"]):
        kinds.append(
            {
                "id": kid,
                "name": p.put(
                    "kn",
                    "customer_kind.name",
                    j,
                    80,
                    "plain",
                    "roles/",
                    ".md-content",
                    fallback=f"Kind {kid}",
                ),
                "summary": p.put(
                    "ks", "customer_kind.summary", j, 300, "plain", "roles/", ".md-content"
                ),
            }
        )
    scale = [
        p.put("sl", "scale.label", j, 60, "plain", "", "label", fallback=f"Step {j}")
        for j in (17, 19, 20, 15, 18)
    ]
    finder = []
    for j in range(FINDER_QUESTIONS):
        finder.append(
            {
                "id": f"t{j:02d}",
                "text": p.put(
                    "fq", "finder.question", j, 300, "plain", "finder/", "fieldset legend"
                ),
                **({"kind": ["external", "internal", "public"][j]} if j < 3 else {}),
                "options": [
                    p.put(
                        f"f{k}",
                        "finder.option",
                        j,
                        120,
                        "plain",
                        "finder/",
                        "fieldset label",
                        fallback=f"Option {k} {j}",
                    )
                    for k in range(5)
                ],
            }
        )
    site = {
        "customer_kinds": kinds,
        "dimensions": dims,
        "bands": bands,
        # Graded results use the same hostile bands, so their texts reach both kinds.
        "graded_bands": bands,
        "scale": {"labels": scale},
        "finder": {"questions": finder},
    }
    (docs / "quizbuilder.yml").write_text(
        json.dumps(site, indent=2, ensure_ascii=True) + "\n", encoding="utf-8"
    )

    # --- articles -----------------------------------------------------------------
    for i in range(ROLES):
        page = f"articles/article-{i:02d}/"
        front = {
            "title": p.put(
                "at", "article.title", i, 120, "plain", page, "h1", fallback=f"Article {i}"
            ),
            "description": p.put(
                "ad",
                "article.description",
                i,
                300,
                "plain",
                f"dimensions/d{i % DIMENSIONS:02d}/",
                ".md-content",
            ),
            "dimensions": [f"d{i % DIMENSIONS:02d}"],
        }
        (docs / "articles" / f"article-{i:02d}.md").write_text(
            _dump(front, f"Article body {i}."), encoding="utf-8"
        )

    # --- roles --------------------------------------------------------------------
    for i in range(ROLES):
        slug = f"hostile-{i:02d}"
        page = f"roles/{slug}/"
        g, pr = f"{slug}-g", f"{slug}-p"
        m.roles.append(slug)
        m.quizzes += [g, pr]
        gq, pq = f"#quiz-{g}", f"#quiz-{pr}"
        front: dict[str, Any] = {
            "title": p.put("ti", "role.title", i, 120, "plain", page, "h1", fallback=f"Role {i}"),
            "summary": p.put("su", "role.summary", i, 300, "plain", page, ".md-content"),
            "sector": p.put(
                "se", "role.sector", i, 60, "plain", page, ".md-content", fallback=f"Sector {i}"
            ),
            "aliases": [
                p.put(
                    "al", "role.alias", i, 120, "plain", page, ".md-content", fallback=f"Alias {i}"
                )
            ],
            "tags": [p.put("tg", "role.tag", i, 40, "plain", "", "", fallback=f"tag-{i}")],
            "customers": [
                {
                    "who": p.put(
                        "cw",
                        "customer.who",
                        i,
                        120,
                        "plain",
                        page,
                        ".md-content",
                        fallback=f"Who {i}",
                    ),
                    "kind": "external",
                    "needs": p.put("cn", "customer.needs", i, 300, "plain", page, ".md-content"),
                },
                {"who": f"Colleagues {i}", "kind": "internal"},
                {"who": f"Neighbours {i}", "kind": "public"},
            ],
            # The first three answers spell i + 1 in base 5: no two roles answer alike
            # (check warns about roles the finder cannot tell apart).
            "finder": {
                f"t{j:02d}": ((i + 1) // 5**j) % 5 if j < 3 else (i + j) % 5
                for j in range(FINDER_QUESTIONS)
            },
            "quizzes": [
                {
                    "id": g,
                    "kind": "graded",
                    "title": p.put(
                        "qg",
                        "quiz.title",
                        i,
                        120,
                        "plain",
                        page,
                        f"{gq} h2",
                        fallback=f"Graded {i}",
                    ),
                    "intro": p.put(
                        "ig", "quiz.intro", i, 1000, "inline", page, f"{gq} .qb-quiz__intro"
                    ),
                    "questions": [
                        {
                            "id": "one",
                            "type": "single",
                            "text": p.put(
                                "qx", "question.text", i, 500, "inline", page, f"{gq} legend"
                            ),
                            "options": [
                                {
                                    "text": p.put(
                                        "op", "option.text", i, 300, "inline", page, f"{gq} label"
                                    ),
                                    "correct": True,
                                },
                                {"text": "Plain wrong option"},
                            ],
                            "explanation": p.put(
                                "ex",
                                "question.explanation",
                                i,
                                1000,
                                "inline",
                                page,
                                f"{gq} .qb-answer__explanation",
                            ),
                        },
                        {
                            "id": "two",
                            "type": "multiple",
                            "text": f"Choose {i}",
                            "options": [
                                {
                                    "text": p.put(
                                        "om",
                                        "option.text.multiple",
                                        i,
                                        300,
                                        "inline",
                                        page,
                                        f"{gq} label",
                                    ),
                                    "correct": True,
                                },
                                {"text": "Plain second"},
                                {"text": "Plain third"},
                            ],
                        },
                    ],
                },
                {
                    "id": pr,
                    "kind": "profile",
                    "title": p.put(
                        "qp",
                        "quiz.title.profile",
                        i,
                        120,
                        "plain",
                        page,
                        f"{pq} h2",
                        fallback=f"Profile {i}",
                    ),
                    "intro": p.put(
                        "ip", "quiz.intro.profile", i, 1000, "inline", page, f"{pq} .qb-quiz__intro"
                    ),
                    "questions": [
                        {
                            "id": "scale",
                            "type": "scale",
                            "text": p.put(
                                "qs", "question.text.scale", i, 500, "inline", page, f"{pq} legend"
                            ),
                            "dimension": f"d{i % DIMENSIONS:02d}",
                        },
                        {
                            "id": "pick",
                            "type": "single",
                            "text": f"Pick {i}",
                            "options": [
                                {
                                    "text": p.put(
                                        "op2",
                                        "option.text.profile",
                                        i,
                                        300,
                                        "inline",
                                        page,
                                        f"{pq} label",
                                    ),
                                    "points": {f"d{(i + 1) % DIMENSIONS:02d}": 2},
                                },
                                {"text": "Plain other", "points": {}},
                            ],
                        },
                    ],
                },
            ],
        }
        body = f"Plain body of role {i}.\n\n<!-- quiz: {pr} -->\n\nMore text."
        (docs / "roles" / f"{slug}.md").write_text(_dump(front, body), encoding="utf-8")

    (docs / "index.md").write_text(
        "# Hostile site\n\nEvery field carries a payload.\n", encoding="utf-8"
    )
    config = {
        "site_name": "Hostile quizbuilder site",
        "site_url": "http://127.0.0.1:8999/",
        "theme": {"name": "material", "font": False, "features": ["search.suggest"]},
        "plugins": ["search", "tags", {"quizbuilder": {"storage_namespace": namespace}}],
        "markdown_extensions": [
            "attr_list",
            "md_in_html",
            "admonition",
            "tables",
            {"toc": {"permalink": True}},
        ],
        "validation": {
            "omitted_files": "info",
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
        },
    }
    (root / "mkdocs.yml").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    (root / "manifest.json").write_text(m.to_json(), encoding="utf-8")
    return m


if __name__ == "__main__":
    out = write_hostile_site(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-site"))
    print(f"{len(out.entries)} payload placements, {len(out.skipped)} skipped (too long)")
