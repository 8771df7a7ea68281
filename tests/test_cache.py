"""The content cache never serves old content: real builds, then a change, then a build."""

from __future__ import annotations

import logging
import os
import pickle
import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import quizbuilder
from quizbuilder import cache as content_cache
from quizbuilder.cache import ContentCache
from quizbuilder.content import check, load_content
from quizbuilder.errors import ContentError
from tests import test_plugin
from tests.test_plugin import BROKEN_ROLE

CACHE = Path(".cache/quizbuilder")

project = test_plugin.project
"""The same project as the plugin's tests: the minimal docs, a quiz role, mkdocs.yml."""


def _build(site: Path) -> ContentCache:
    """Build the project into `site`; return the plugin's cache of that build."""
    config = load_config("mkdocs.yml", site_dir=str(site))
    build(config)
    used: Any = config.plugins["quizbuilder"]
    assert isinstance(used._cache, ContentCache)
    return used._cache


def _page(site: Path, slug: str) -> str:
    return (site / "roles" / slug / "index.html").read_text("utf-8")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def _cached_files() -> set[str]:
    """The addresses of the entries in the cache file."""
    return ContentCache(CACHE, "").stored_keys()


def _read_cache_file(name: str) -> tuple[Any, Any]:
    """A cache file's header and what it holds (two pickles, one after the other)."""
    with (CACHE / name).open("rb") as handle:
        return pickle.load(handle), pickle.load(handle)


def _write_cache_file(name: str, header: Any, data: Any) -> None:
    with (CACHE / name).open("wb") as handle:
        pickle.dump(header, handle)
        pickle.dump(data, handle)


def _pack() -> dict[str, bytes]:
    entries = _read_cache_file(content_cache.PACK)[1]
    assert isinstance(entries, dict)
    return entries


def _write_pack(entries: dict[str, bytes]) -> None:
    header, _ = _read_cache_file(content_cache.PACK)
    _write_cache_file(content_cache.PACK, header, entries)


def _pages() -> tuple[dict[str, Any], Any]:
    pages, snapshot = _read_cache_file(content_cache.PAGES)[1]
    assert isinstance(pages, dict)
    return pages, snapshot


def _write_pages(pages: dict[str, Any], snapshot: Any) -> None:
    header, _ = _read_cache_file(content_cache.PAGES)
    _write_cache_file(content_cache.PAGES, header, (pages, snapshot))


def test_warm_build_takes_everything_from_the_cache_and_builds_the_same_site(
    project: Path, tmp_path: Path
) -> None:
    cold = _build(tmp_path / "cold")
    assert cold.hits == 0
    assert cold.misses > 0
    assert _cached_files()
    warm = _build(tmp_path / "warm")
    # Nothing changed: the whole build is taken from the snapshot, nothing is parsed.
    assert (warm.whole, warm.hits, warm.misses) == (True, 1, 0)
    assert sorted(CACHE.iterdir()) == [CACHE / content_cache.PACK, CACHE / content_cache.PAGES]
    for page in (tmp_path / "cold").rglob("*.html"):
        again = tmp_path / "warm" / page.relative_to(tmp_path / "cold")
        assert again.read_text("utf-8") == page.read_text("utf-8"), page


def test_editing_a_role_rebuilds_its_page(project: Path, tmp_path: Path) -> None:
    _build(tmp_path / "one")
    _edit(Path("docs/roles/clerk.md"), "title: Who pays?", "title: Who pays the clerk?")
    _edit(Path("docs/roles/clerk.md"), "Before the quiz.", "Before the new quiz.")
    cache = _build(tmp_path / "two")
    page = _page(tmp_path / "two", "clerk")
    assert "Who pays the clerk?" in page
    assert "Before the new quiz." in page
    assert "Before the quiz." not in page
    # The file, its item-writing warnings and its page; the other roles come from the cache.
    assert cache.misses == 3


def test_editing_the_site_file_rebuilds_every_page(project: Path, tmp_path: Path) -> None:
    _build(tmp_path / "one")
    _edit(Path("docs/quizbuilder.yml"), "name: Ownership", "name: Owning it")
    cache = _build(tmp_path / "two")
    assert cache.hits == 0
    assert "Owning it" in _page(tmp_path / "two", "clerk")


def test_changing_the_plugin_config_rebuilds_every_page(project: Path, tmp_path: Path) -> None:
    _build(tmp_path / "one")
    assert "Score it" in _page(tmp_path / "one", "clerk")
    _edit(Path("mkdocs.yml"), "quiz_submit: Score it", "quiz_submit: Mark it")
    cache = _build(tmp_path / "two")
    assert cache.hits == 0
    page = _page(tmp_path / "two", "clerk")
    assert "Mark it" in page
    assert "Score it" not in page


def test_changing_use_directory_urls_rebuilds_every_page(project: Path, tmp_path: Path) -> None:
    _build(tmp_path / "one")
    _edit(
        Path("mkdocs.yml"),
        "site_name: Test site",
        "site_name: Test site\nuse_directory_urls: false",
    )
    cache = _build(tmp_path / "two")
    assert cache.hits == 0
    assert "../dimensions/ownership.html" in (tmp_path / "two/roles/clerk.html").read_text("utf-8")


def test_a_version_bump_uses_nothing_from_before(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(tmp_path / "one")
    before = _cached_files()
    monkeypatch.setattr(quizbuilder, "__version__", "99.0.0")
    cache = _build(tmp_path / "two")
    assert cache.hits == 0
    assert not before & _cached_files()  # the old entries were pruned


def test_a_change_to_quizbuilder_code_uses_nothing_from_before(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(tmp_path / "one")
    monkeypatch.setattr(content_cache, "code_fingerprint", lambda: "edited")
    assert _build(tmp_path / "two").hits == 0


def test_a_deleted_role_is_gone_and_its_entries_pruned(project: Path, tmp_path: Path) -> None:
    _build(tmp_path / "one")
    assert (tmp_path / "one/roles/clerk/index.html").exists()
    before = _cached_files()
    Path("docs/roles/clerk.md").unlink()
    cache = _build(tmp_path / "two")
    assert not (tmp_path / "two/roles/clerk/index.html").exists()
    assert "Clerk" not in (tmp_path / "two/roles/index.html").read_text("utf-8")
    assert not cache.whole
    assert cache.misses == 0
    assert len(_cached_files()) == len(before) - 3  # its file, warnings and page


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not a pickle",
        b"\x80\x05\x95\x10\x00\x00\x00\x00\x00\x00\x00",  # a pickle cut short
    ],
)
def test_corrupt_cache_files_are_ignored_with_one_warning_line(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: bytes
) -> None:
    _build(tmp_path / "one")
    for file in CACHE.iterdir():
        file.write_bytes(damage)
    _builds_alike_with_one_warning(tmp_path, caplog, "quizbuilder: ignored the cache file ")


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05\x95\x10\x00\x00"])
def test_corrupt_entries_are_ignored_with_one_warning_line(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: bytes
) -> None:
    _build(tmp_path / "one")
    _write_pack({key: damage for key in _pack()})
    (CACHE / content_cache.PAGES).unlink()  # no snapshot: the entries are needed
    _builds_alike_with_one_warning(tmp_path, caplog, "quizbuilder: ignored the cache entry ")


def _builds_alike_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, warning: str
) -> None:
    """After damage to the cache of build "one": build "two" says so in one warning line,
    takes nothing from the cache and makes the same page; build "three" is warm and quiet
    (the cache was written again)."""
    with caplog.at_level(logging.WARNING):
        cache = _build(tmp_path / "two")
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    cache_warnings = [m for m in warnings if "cache" in m]
    assert len(cache_warnings) == 1, warnings
    assert cache_warnings[0].startswith(warning)
    assert "\n" not in cache_warnings[0]
    assert cache.hits == 0
    assert _page(tmp_path / "two", "clerk") == _page(tmp_path / "one", "clerk")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert _build(tmp_path / "three").misses == 0
    assert "cache" not in caplog.text


def test_a_warm_build_leaves_the_cache_files_as_they_were(project: Path, tmp_path: Path) -> None:
    _build(tmp_path / "one")
    before = {file: file.stat() for file in CACHE.iterdir()}
    assert _build(tmp_path / "two").misses == 0
    for file, stat in before.items():
        assert (file.stat().st_ino, file.stat().st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)


def test_a_snapshot_for_other_content_is_not_served(project: Path, tmp_path: Path) -> None:
    _build(tmp_path / "one")
    _edit(Path("docs/roles/clerk.md"), "title: Who pays?", "title: Who pays the clerk?")
    cache = _build(tmp_path / "two")
    assert not cache.whole
    assert "Who pays the clerk?" in _page(tmp_path / "two", "clerk")
    # Back as it was: the snapshot of build two is not that of build one.
    _edit(Path("docs/roles/clerk.md"), "title: Who pays the clerk?", "title: Who pays?")
    cache = _build(tmp_path / "three")
    assert not cache.whole
    assert cache.misses == 3  # clerk's file, warnings and page (build two pruned them)
    assert _page(tmp_path / "three", "clerk") == _page(tmp_path / "one", "clerk")


def test_an_entry_for_another_key_is_not_served(project: Path, tmp_path: Path) -> None:
    _build(tmp_path / "one")
    pages, _ = _pages()
    keys = sorted(pages)
    assert len(keys) >= 2
    # Swap two role pages (each address now holds the other's page); drop the snapshot.
    pages[keys[0]], pages[keys[1]] = pages[keys[1]], pages[keys[0]]
    _write_pages(pages, None)
    _build(tmp_path / "two")
    for slug in ("clerk", "barista", "loan-officer"):
        assert _page(tmp_path / "two", slug) == _page(tmp_path / "one", slug)


def test_cache_off_writes_nothing(project: Path, tmp_path: Path) -> None:
    _edit(Path("mkdocs.yml"), "quiz_submit: Score it", "quiz_submit: Score it\n      cache: false")
    config = load_config("mkdocs.yml", site_dir=str(tmp_path / "out"))
    build(config)
    assert not Path(".cache").exists()


def test_cache_dir_is_beside_mkdocs_yml(project: Path, tmp_path: Path) -> None:
    _edit(Path("mkdocs.yml"), "quiz_submit: Score it", "quiz_submit: Score it\n      cache_dir: c")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    build(config)
    assert (project / "c" / content_cache.PACK).is_file()


# --- the in-process cache (kept across `mkdocs serve` rebuilds) and loading -------------


def _memory_cache(memory: dict[str, Any], docs: Path) -> ContentCache:
    return ContentCache(None, content_cache.context(docs / "quizbuilder.yml", {}), memory=memory)


def test_in_memory_cache_follows_edits_and_deletions(project: Path) -> None:
    docs = Path("docs")
    memory: dict[str, Any] = {}
    first = load_content(docs, cache=_memory_cache(memory, docs))
    assert [r.slug for r in first.roles] == ["barista", "clerk", "loan-officer"]

    _edit(docs / "roles/clerk.md", "title: Clerk", "title: Shop clerk")
    (docs / "roles/barista.md").unlink()
    cache = _memory_cache(memory, docs)
    second = load_content(docs, cache=cache)
    assert [r.title for r in second.roles] == ["Loan Officer", "Shop clerk"]
    # Hits: the article, loan officer's file and warnings; misses: clerk's file and warnings.
    assert (cache.hits, cache.misses) == (3, 2)
    cache.save()
    assert len(memory) == 5


def test_problems_are_found_afresh_with_their_positions(project: Path) -> None:
    docs = Path("docs")
    # A cross-file problem (unknown customer kind) in a file that passes its schema, and
    # a file that fails its schema.
    (docs / "roles/broken.md").write_text(BROKEN_ROLE, encoding="utf-8")
    _edit(docs / "roles/clerk.md", "type: scale", "type: scael")
    expected = check(docs)
    assert {p.path for p in expected} == {"docs/roles/broken.md", "docs/roles/clerk.md"}
    memory: dict[str, Any] = {}
    for _ in range(2):
        cache = ContentCache(
            Path("cache"), content_cache.context(docs / "quizbuilder.yml", {}), memory=memory
        )
        with pytest.raises(ContentError) as error:
            load_content(docs, cache=cache)
        assert sorted(error.value.problems) == expected
    stored = [value[0] for value in memory.values()]
    assert "docs/roles/broken.md" in stored
    assert "docs/roles/clerk.md" not in stored


def test_links_written_as_html_land_on_their_pages(project: Path, tmp_path: Path) -> None:
    """Index and dimension pages list roles and quizzes as raw HTML with final URLs
    (MkDocs does not check those): every one must reach a page, and its quiz."""
    site = tmp_path / "out"
    _build(site)
    checked = 0
    for page in [site / "roles/index.html", *site.glob("dimensions/*/index.html")]:
        text = page.read_text("utf-8")
        for href in re.findall(r'<li[^>]*><a href="([^"]+)"', text):
            target, _, anchor = href.partition("#")
            found = (page.parent / target / "index.html").resolve()
            assert found.is_file(), (page, href)
            if anchor:
                assert f'id="{anchor}"' in found.read_text("utf-8"), (page, href)
            checked += 1
    assert checked >= 5


# --- found by review: a save during a build, links between roles, stray files --------


def test_a_file_saved_during_a_build_is_never_served_after_it_is_undone(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The snapshot is stored under the bytes the build loaded, not those it first hashed."""
    _build(tmp_path / "one")
    clerk = Path("docs/roles/clerk.md")
    original = clerk.read_text("utf-8")
    site_key = ContentCache.site_key

    def save_meanwhile(self: ContentCache, files: Any) -> str:
        key = site_key(self, files)
        clerk.write_text(original.replace("title: Clerk", "title: Saved meanwhile"), "utf-8")
        return key

    _edit(clerk, "Before the quiz.", "Before the new quiz.")  # so build two is not warm
    monkeypatch.setattr(ContentCache, "site_key", save_meanwhile)
    _build(tmp_path / "two")
    assert "Saved meanwhile" in _page(tmp_path / "two", "clerk")
    monkeypatch.setattr(ContentCache, "site_key", site_key)
    clerk.write_text(original.replace("Before the quiz.", "Before the new quiz."), "utf-8")
    cache = _build(tmp_path / "three")
    assert not cache.whole
    assert "Saved meanwhile" not in _page(tmp_path / "three", "clerk")


def test_a_role_page_follows_the_titles_of_the_roles_its_quizzes_link_to(
    project: Path, tmp_path: Path
) -> None:
    _edit(
        Path("docs/roles/clerk.md"),
        "          - text: Nobody\n",
        "          - text: Nobody\n        learn_more: barista.md\n",
    )
    _build(tmp_path / "one")
    assert ">Barista</a>" in _page(tmp_path / "one", "clerk")
    _edit(Path("docs/roles/barista.md"), "title: Barista", "title: Coffee barista")
    cache = _build(tmp_path / "two")
    page = _page(tmp_path / "two", "clerk")
    assert ">Coffee barista</a>" in page
    assert ">Barista</a>" not in page
    assert cache.hits > 0  # loan officer's page still came from the cache


def test_files_of_older_caches_and_stopped_writes_are_tidied(project: Path, tmp_path: Path) -> None:
    CACHE.mkdir(parents=True)
    old_entry, stopped, writing = (
        CACHE / "page-0123.pickle",
        CACHE / "abc.partial",
        CACHE / "def.partial",
    )
    for file in (old_entry, stopped, writing):
        file.write_bytes(b"old")
    os.utime(stopped, (1, 1))  # long ago: a build stopped while writing it
    _build(tmp_path / "one")
    assert not old_entry.exists()
    assert not stopped.exists()
    assert writing.exists()  # recent: maybe another build writing now


def test_a_cache_of_another_version_is_skipped_without_a_warning(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _build(tmp_path / "one")
    monkeypatch.setattr(quizbuilder, "__version__", "99.0.0")
    # What the other version stored cannot be unpickled by this one.
    monkeypatch.setattr(pickle, "load", _refuse_body(pickle.load))
    with caplog.at_level(logging.WARNING):
        cache = _build(tmp_path / "two")
    assert cache.hits == 0
    assert "cache" not in caplog.text


def _refuse_body(load: Any) -> Any:
    """`pickle.load` that reads headers but fails on anything else."""

    def refusing(handle: Any) -> Any:
        found = load(handle)
        if not (isinstance(found, tuple) and found and found[0] == "quizbuilder-cache"):
            raise AttributeError("Can't get attribute 'Gone' on <module 'quizbuilder.model'>")
        return found

    return refusing
