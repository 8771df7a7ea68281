"""Caches of loaded content files and rendered role pages.

Two layers: one file on disk (`.cache/quizbuilder/entries.pickle` beside `mkdocs.yml`),
kept between builds, and a dict in memory that the plugin keeps across `mkdocs serve`
rebuilds.

Every entry is addressed by a digest of everything it was made from: the file's bytes
and shown path, the site file, the plugin's settings and quizbuilder's version and
code. A changed input gives a different address, so an entry can be missing but never
stale. Only files that passed their schema are stored, so every problem an editor sees
is always found afresh.

Entries are pickled one by one and kept together in one file, read once per build and
written once at its end (only when something changed): a file per entry cost more in
system calls than the parsing it saved. An entry is unpickled only when asked for. The
positions of a file's values are not stored: a file taken from the cache is parsed
again only if a message or warning needs them. Pickle, because a JSON form took longer
to read back than parsing the YAML; the cache folder belongs to the project like its
`mkdocs.yml` (whose `hooks` run Python), so reading it trusts nothing the project does
not already trust.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import quizbuilder

from .errors import Problem
from .links import linked_roles, pages_of
from .lint import lint_role
from .loader import Positions
from .model import Content, Role
from .options import Settings
from .render.options import RenderOptions
from .render.pages import GeneratedPage, render_role_page

DEFAULT_DIR = Settings().cache_dir
"""Where the plugin keeps the cache, relative to the folder of `mkdocs.yml`."""

FORMAT = 2
"""Bumped whenever the layout of an entry changes."""

_SUFFIX = ".pickle"
_PARTIAL = ".partial"
_STALE_PARTIAL = 3600

PACK = "entries.pickle"
"""The file in the cache folder that holds the loaded files and their warnings."""
PAGES = "pages.pickle"
"""The file that holds the rendered role pages and the last build's `Snapshot`."""
_SNAPSHOT = "site-snapshot"
_MAGIC = "quizbuilder-cache"


def version() -> str:
    """quizbuilder's version, part of every address."""
    return quizbuilder.__version__


@cache
def code_fingerprint() -> str:
    """A digest of the package's own files (code, templates, schemas, assets).

    The version alone misses a change made without a version bump, as while developing.
    """
    digest = hashlib.sha256()
    root = resources.files("quizbuilder")
    folder = Path(str(root))
    for file in sorted(folder.rglob("*")):
        if file.is_file() and "__pycache__" not in file.parts and file.suffix != ".pyc":
            digest.update(file.relative_to(folder).as_posix().encode())
            digest.update(b"\0")
            digest.update(file.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def context(site_file: Path, settings: Mapping[str, Any]) -> str:
    """The part of every address that the whole build shares.

    `settings` holds whatever else the content's meaning depends on (the plugin's
    options, `use_directory_urls`); it must be JSON-serialisable.
    """
    try:
        site = site_file.read_bytes()
    except OSError:
        site = b""
    parts = {
        "format": FORMAT,
        "version": version(),
        "code": code_fingerprint(),
        "site_file": hashlib.sha256(site).hexdigest(),
        "settings": settings,
    }
    return _digest(json.dumps(parts, sort_keys=True, default=repr))


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def open_cache(
    settings: Settings,
    *,
    config_file: str | Path | None,
    docs_dir: str | Path,
    options: RenderOptions,
    memory: dict[str, Any] | None = None,
    warn: Callable[[str], None] | None = None,
) -> ContentCache | None:
    """The cache that `settings` ask for (None with `cache: false`), in `cache_dir`
    beside `config_file`, addressed by everything the content's meaning depends on.

    The plugin and `quizbuilder generate` open it alike, so they share its entries.
    """
    if not settings.cache:
        return None
    docs = os.path.abspath(docs_dir)
    shared = {
        "docs_dir": docs,
        "roles_dir": settings.roles_dir,
        "articles_dir": settings.articles_dir,
        "site_file": settings.site_file,
        "options": repr(options),
    }
    base = Path(config_file or ".").parent
    return ContentCache(
        base / settings.cache_dir,
        context(Path(docs) / settings.site_file, shared),
        memory=memory,
        warn=warn,
    )


@dataclass(frozen=True)
class Snapshot:
    """Everything quizbuilder added to a complete build, under the address of all its
    inputs: a build whose inputs are all unchanged takes it whole, parsing nothing."""

    key: str
    guide: bool
    """Whether the site had the editor guide (the finder links it)."""
    warnings: tuple[Problem, ...]
    replaced: tuple[str, ...]
    """`generate.replaced_sources` of that content."""
    pages: tuple[GeneratedPage, ...]


class ContentCache:
    """Loaded files, their warnings and rendered role pages by address, in memory
    and/or in a folder."""

    def __init__(
        self,
        directory: Path | None,
        context: str,
        *,
        memory: dict[str, Any] | None = None,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self.directory = directory
        self.context = context
        self.memory = memory
        self.warn = warn
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0
        self._warned = False
        self._keys: dict[str, str] = {}
        """Shown path of each file loaded in this build -> its address."""
        self._shared: tuple[Content, RenderOptions, str] | None = None
        self._pack: dict[str, bytes] | None = None
        """The entries on disk, pickled, as read at the first miss in memory."""
        self._new: dict[str, bytes] = {}
        """Entries made in this build, pickled, for `save`."""
        self._pages: dict[str, GeneratedPage] | None = None
        """Role pages on disk by address, as read at the first miss in memory."""
        self._stored_snapshot: Snapshot | None = None
        self._new_pages: dict[str, GeneratedPage] = {}
        self._snapshot: Snapshot | None = None
        """The snapshot this build made, for `save`."""
        self.whole = False
        """Whether this build took everything from a snapshot (and so nothing else)."""

    # --- loaded files -----------------------------------------------------------------

    def file_key(self, kind: str, display: str, raw: bytes) -> str:
        """The address of a content file of `kind`, shown as `display`, with bytes `raw`."""
        key = self._file_address(kind, display, raw)
        self._keys[display] = key
        return key

    def _file_address(self, kind: str, display: str, raw: bytes) -> str:
        return "file-" + _digest(self.context, kind, display, raw)

    def loaded(self, key: str) -> tuple[str, Any] | None:
        """The shown path and model of the file stored at `key`, if any."""
        found = self._get(key)
        if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], str):
            return found[0], found[1]
        if found is not None:
            self._corrupt(key, "not a loaded file")
        return None

    def store_loaded(self, key: str, path: str, built: object) -> None:
        """Keep the model a file that passed its schema gave, and its shown path."""
        self._put(key, (path, built))

    def lint_role(self, role: Role, positions: Positions | None) -> list[Problem]:
        """`lint.lint_role`, taken from the cache when the role's file was linted before."""
        source = self._keys.get(role.path)
        if source is None:
            return lint_role(role, positions)
        key = "lint-" + _digest(source)
        found = self._get(key)
        if isinstance(found, list) and all(isinstance(item, Problem) for item in found):
            return found
        if found is not None:
            self._corrupt(key, "not a list of warnings")
        warnings = lint_role(role, positions)
        self._put(key, warnings)
        return warnings

    # --- whole builds -----------------------------------------------------------------

    def site_key(self, files: Iterable[tuple[str, str, bytes]]) -> str:
        """The address of a build's content: `(kind, shown path, bytes)` of every file
        besides the site file (which `context` covers), in the order they are loaded."""
        return "site-" + _digest(*(self._file_address(*file) for file in files))

    def loaded_site_key(self) -> str:
        """`site_key` of the bytes this build loaded (read once more than `site_key`'s:
        a file saved in between makes a key no later build finds, never a wrong one)."""
        return "site-" + _digest(*self._keys.values())

    def snapshot(self, key: str) -> Snapshot | None:
        """The snapshot of a build with the content at `key`, if that was the last one."""
        self.used.add(_SNAPSHOT)
        found = self.memory.get(_SNAPSHOT) if self.memory is not None else None
        if found is None:
            self._read_pages()
            found = self._stored_snapshot
        if isinstance(found, Snapshot) and found.key == key:
            self.hits += 1
            self.whole = True
            if self.memory is not None:
                self.memory[_SNAPSHOT] = found
            return found
        return None

    def keep_snapshot(self, snapshot: Snapshot) -> None:
        """Keep what this build added, for the next build with the same content."""
        self.used.add(_SNAPSHOT)
        self._snapshot = snapshot
        self.whole = False  # this build made it: it used the entries it made it from
        if self.memory is not None:
            self.memory[_SNAPSHOT] = snapshot

    # --- rendered pages ---------------------------------------------------------------

    def role_page(self, role: Role, content: Content, options: RenderOptions) -> GeneratedPage:
        """`render_role_page`, taken from the cache when rendered before from the same inputs.

        The address covers every input of `render_role_page`: the role (by its file's
        address), the site settings, the articles (profile results link to them) and
        the render options.
        """
        shared = self._shared
        if shared is None or shared[0] is not content or shared[1] is not options:
            shared = (content, options, repr((content.settings, content.articles, options)))
            self._shared = shared
        # Its quizzes' `learn_more` links show other roles' titles and headings.
        sources = [
            self._keys.get(r.path) or repr(r)
            for r in (role, *linked_roles(role, pages_of(content)))
        ]
        key = "page-" + _digest(self.context, shared[2], *sources)
        self.used.add(key)
        found: object = self.memory.get(key) if self.memory is not None else None
        if found is None:
            found = self._read_pages().get(key)
        if isinstance(found, GeneratedPage) and found.src_uri == role.src_uri:
            self.hits += 1
            if self.memory is not None:
                self.memory[key] = found
            return found
        if found is not None:
            self._corrupt(key, "not a role page")
        self.misses += 1
        page = render_role_page(role, content, options)
        self._new_pages[key] = page
        if self.memory is not None:
            self.memory[key] = page
        return page

    # --- housekeeping -----------------------------------------------------------------

    def save(self) -> None:
        """Keep exactly the entries this build used (call it after a complete build).

        The file is written only when that differs from what it holds.
        """
        if self.memory is not None and not self.whole:
            for key in [key for key in self.memory if key not in self.used]:
                del self.memory[key]
        if self.directory is None:
            return
        # A file not read in this build (everything came from memory under `mkdocs serve`,
        # or from the snapshot) holds what it did: it is written only with something new,
        # and entries no longer used go then.
        if self._new or self._pack is not None:
            stored = self._read_pack()
            if self._new or set(stored) != self.used:
                entries = {key: stored[key] for key in self.used if key in stored}
                entries.update((k, blob) for k, blob in self._new.items() if k in self.used)
                self._write(PACK, entries)
                self._pack, self._new = entries, {}
        if self._new_pages or self._snapshot is not None:
            pages = {
                key: page
                for key, page in {**self._read_pages(), **self._new_pages}.items()
                if key in self.used
            }
            self._write(PAGES, (pages, self._snapshot or self._stored_snapshot))
            self._pages, self._new_pages = pages, {}

    def _write(self, name: str, data: object) -> None:
        assert self.directory is not None
        temporary = ""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            # Written aside, then renamed: a build stopped half-way leaves no torn file.
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=_PARTIAL)
            with os.fdopen(handle, "wb") as out:
                # A small header first: a file from another format or another quizbuilder
                # is recognised, and skipped, without unpickling what it holds.
                pickle.dump((_MAGIC, FORMAT, version()), out, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.directory / name)
        except (OSError, pickle.PicklingError) as error:
            if temporary:
                Path(temporary).unlink(missing_ok=True)
            self._once(f"cannot write the cache in {self.directory} ({error})")
        self._tidy()

    def _tidy(self) -> None:
        """Delete what is not the cache files: entries of older formats, and partial
        writes of builds that were stopped (older than `_STALE_PARTIAL` seconds, so as
        not to pull one from under a build writing now)."""
        assert self.directory is not None
        now = time.time()
        try:
            for file in self.directory.iterdir():
                if file.name in (PACK, PAGES) or not file.is_file():
                    continue
                partial = file.name.endswith(_PARTIAL)
                if file.suffix == _SUFFIX or (
                    partial and now - file.stat().st_mtime > _STALE_PARTIAL
                ):
                    file.unlink(missing_ok=True)
        except OSError:
            pass  # tidying is a courtesy; the cache works without it

    def stored_keys(self) -> set[str]:
        """The addresses of the entries in the cache files (for tests and tools)."""
        return set(self._read_pack()) | set(self._read_pages())

    def _read_pack(self) -> dict[str, bytes]:
        if self._pack is None:
            found = self._read(PACK)
            self._pack = found if isinstance(found, dict) else {}
            if found is not None and not isinstance(found, dict):
                self._corrupt_file(self._path(PACK), "not a quizbuilder cache")
        return self._pack

    def _read_pages(self) -> dict[str, GeneratedPage]:
        if self._pages is None:
            self._pages = {}
            found = self._read(PAGES)
            if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], dict):
                self._pages = found[0]
                if isinstance(found[1], Snapshot):
                    self._stored_snapshot = found[1]
            elif found is not None:
                self._corrupt_file(self._path(PAGES), "not a quizbuilder cache")
        return self._pages

    def _path(self, name: str) -> Path:
        return (self.directory or Path(".")) / name

    def _read(self, name: str) -> object | None:
        """What `_write` put in the file `name`; None if absent, damaged or of another
        format (a damaged one is named in one warning)."""
        if self.directory is None:
            return None
        file = self.directory / name
        try:
            with file.open("rb") as handle:
                header = pickle.load(handle)
                if not (isinstance(header, tuple) and len(header) == 3 and header[0] == _MAGIC):
                    self._corrupt_file(file, "not a quizbuilder cache")
                    return None
                if header[1:] != (FORMAT, version()):
                    return None  # another format or version: nothing in it is of use
                data: object = pickle.load(handle)
        except FileNotFoundError:
            return None
        except OSError as error:
            self._corrupt_file(file, error.strerror or str(error))
            return None
        except Exception as error:  # a damaged pickle can fail in many ways
            self._corrupt_file(file, f"{type(error).__name__}: {error}")
            return None
        return data

    def _get(self, key: str) -> object | None:
        self.used.add(key)
        if self.memory is not None and key in self.memory:
            self.hits += 1
            found: object = self.memory[key]
            return found
        value = self._unpickle(key)
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        if self.memory is not None:
            self.memory[key] = value
        return value

    def _unpickle(self, key: str) -> object | None:
        blob = self._read_pack().get(key)
        if blob is None:
            return None
        try:
            stored = pickle.loads(blob)
        except Exception as error:  # a damaged pickle can fail in many ways
            self._corrupt(key, f"{type(error).__name__}: {error}")
            return None
        if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
            self._corrupt(key, "it belongs to another entry")
            return None
        value: object = stored[1]
        return value

    def _put(self, key: str, value: object) -> None:
        self.used.add(key)
        if self.memory is not None:
            self.memory[key] = value
        if self.directory is None:
            return
        try:
            self._new[key] = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            self._once(f"cannot keep {key} in the cache ({error})")

    def _corrupt(self, key: str, reason: str) -> None:
        where = (self.directory or Path(".")) / PACK
        self._once(
            f"ignored the cache entry {key} in {where} ({reason}); it is rebuilt from the content"
        )

    def _corrupt_file(self, file: Path, reason: str) -> None:
        self._once(f"ignored the cache file {file} ({reason}); it is rebuilt from the content")

    def _once(self, message: str) -> None:
        """Warn once per build: one bad entry usually means more like it."""
        if self.warn is not None and not self._warned:
            self._warned = True
            self.warn(message)
