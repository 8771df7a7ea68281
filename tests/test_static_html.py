"""Static checks of the real built site: no inline handlers, no foreign inline scripts,
engine assets only where needed, no third-party requests, no HTML sinks in the engine.

The site is built once per module with `mkdocs build --strict -f mkdocs.yml`.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from quizbuilder.build import mkdocs_command

ROOT = Path(__file__).parent.parent
ENGINE = ROOT / "quizbuilder" / "theme" / "assets" / "quizbuilder"
ASSET_DIR = "assets/quizbuilder/"

MATERIAL_INLINE_SCRIPTS = [
    # Material's base.html: scope, hash and storage helpers for the palette and consent.
    re.compile(r'^__md_scope=new URL\("[./]*",location\),__md_hash='),
    # Material's palette restore (palette toggle configured in mkdocs.yml).
    re.compile(r'^var palette=__md_get\("__palette"\);'),
    # Material's content tabs: check the tab named by the URL fragment.
    re.compile(r"^var target=document\.getElementById\(location\.hash\.slice\(1\)\);"),
]
"""Every inline `<script>` (no `src`) Material 9 emits with this configuration."""

ENGINE_CLASSES = {"qb-quiz", "qb-history", "qb-finder", "qb-finder-filter"}
ENGINE_FILE = re.compile(r"assets/quizbuilder/|quizbuilder\.(?:js|css)|finder\.js|engine\.js")


@dataclass
class Script:
    attrs: dict[str, str | None]
    text: str = ""


@dataclass
class Page:
    path: str
    handlers: list[tuple[str, str]] = field(default_factory=list)
    scripts: list[Script] = field(default_factory=list)
    resources: list[tuple[str, str, str]] = field(default_factory=list)
    """(tag, attribute, url) of every link/script/img/iframe/source/video/audio URL."""
    classes: set[str] = field(default_factory=set)


RESOURCE_ATTRS = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
}


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.script: Script | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, _ in attrs:
            if name.lower().startswith("on"):
                self.page.handlers.append((tag, name))
        values = dict(attrs)
        self.page.classes.update((values.get("class") or "").split())
        for name in RESOURCE_ATTRS.get(tag, ()):
            value = values.get(name)
            if value:
                urls = (
                    [part.split()[0] for part in value.split(",")] if "srcset" in name else [value]
                )
                self.page.resources.extend((tag, name, url.strip()) for url in urls)
        if tag == "script":
            self.script = Script(values)
            self.page.scripts.append(self.script)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.script = None

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.script = None


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("static") / "site"
    result = subprocess.run(
        mkdocs_command("build", "--strict", "-f", "mkdocs.yml", "-d", str(out)),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"the real site does not build:\n{result.stderr[-4000:]}")
    return out


@pytest.fixture(scope="module")
def pages(site: Path) -> list[Page]:
    found = []
    for file in sorted(site.rglob("*.html")):
        page = Page(file.relative_to(site).as_posix())
        parser = _Parser(page)
        parser.feed(file.read_text(encoding="utf-8"))
        parser.close()
        found.append(page)
    assert len(found) > 20
    return found


def test_no_element_has_an_inline_event_handler(pages: list[Page]) -> None:
    offenders = [(page.path, tag, name) for page in pages for tag, name in page.handlers]
    assert offenders == []


def test_every_inline_script_is_one_of_materials(pages: list[Page]) -> None:
    unknown = []
    seen: set[int] = set()
    for page in pages:
        for script in page.scripts:
            if "src" in script.attrs:
                continue
            if script.attrs.get("type") == "application/json" and script.attrs.get("id") == (
                "__config"
            ):
                continue  # Material's config: data, not executed
            text = script.text.strip()
            matches = [i for i, p in enumerate(MATERIAL_INLINE_SCRIPTS) if p.match(text)]
            if not matches:
                unknown.append((page.path, script.attrs, text[:120]))
            seen.update(matches)
    assert unknown == []
    # Every allowed pattern is really used, so the list cannot rot into a blanket pass.
    assert seen == set(range(len(MATERIAL_INLINE_SCRIPTS)))


def test_no_quiz_data_or_config_in_a_script_element(pages: list[Page]) -> None:
    for page in pages:
        for script in page.scripts:
            assert "qb-" not in script.text and '"quizbuilder' not in script.text, page.path


def test_quizbuilder_scripts_come_from_its_asset_folder(pages: list[Page], site: Path) -> None:
    found = 0
    for page in pages:
        for tag, _, url in page.resources:
            if tag == "script" and ENGINE_FILE.search(url):
                found += 1
                assert ASSET_DIR in url, (page.path, url)
                assert urlsplit(url).scheme == "" and not url.startswith("/"), url
                target = (site / page.path).parent / url
                assert target.resolve().is_file(), f"{page.path} loads missing {url}"
    assert found > 0


def test_engine_assets_only_on_pages_with_an_engine_element(pages: list[Page]) -> None:
    with_engine = 0
    for page in pages:
        loads = [url for _, _, url in page.resources if ENGINE_FILE.search(url)]
        if page.classes & ENGINE_CLASSES:
            with_engine += 1
            assert any(url.endswith(".js") for url in loads), page.path
            assert any(url.endswith(".css") for url in loads), page.path
            if page.classes & ENGINE_CLASSES == {"qb-finder-filter"}:
                # The role index filter needs finder.js/css, not the quiz engine.
                assert not [u for u in loads if "quizbuilder." in u], page.path
        else:
            assert loads == [], page.path
    assert with_engine > 0


def test_pages_without_a_quiz_load_no_engine(pages: list[Page]) -> None:
    by_path = {page.path: page for page in pages}
    for path in ("index.html", "articles/index.html", "404.html"):
        page = by_path[path]
        assert not page.classes & ENGINE_CLASSES, path
        assert not [url for _, _, url in page.resources if ENGINE_FILE.search(url)], path


@pytest.mark.parametrize(
    "sink",
    ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"],
)
def test_engine_sources_have_no_html_or_code_sinks(sink: str) -> None:
    sources = sorted(ENGINE.glob("*.js"))
    assert sources, f"no engine sources in {ENGINE}"
    offenders = [
        f"{file.name}:{number}"
        for file in sources
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)
        if sink in line
    ]
    assert offenders == []


def test_no_resource_is_requested_from_a_third_party(pages: list[Page]) -> None:
    foreign = []
    for page in pages:
        for tag, name, url in page.resources:
            parts = urlsplit(url)
            absolute = parts.scheme in ("http", "https") or url.startswith("//")
            if absolute and parts.hostname != "127.0.0.1":
                foreign.append((page.path, tag, name, url))
    assert foreign == []


def test_no_google_fonts_anywhere(site: Path) -> None:
    for file in site.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text, file
        assert "fonts.gstatic.com" not in text, file
