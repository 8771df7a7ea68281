"""Atomic site builds: the host writes into a fresh folder next to `site/`, then they swap.

The host (MkDocs or ProperDocs) runs as a subprocess (`python -m mkdocs`), so this
module never imports it. If anything fails, the previous `site/` is left exactly as it was.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml


class BuildError(Exception):
    """The build could not run or its result could not be put in place."""


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML loading that reads `mkdocs.yml` files with `!!python/...` and `!ENV` tags."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)


def read_mkdocs_config(config_file: Path) -> dict[str, Any]:
    """`mkdocs.yml` as a dict, safely; Python and custom tags read as None. {} if unreadable."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def site_dir_for(config_file: Path) -> Path:
    """The `site_dir` `config_file` sets (default `site`), relative to the config's folder."""
    value = read_mkdocs_config(config_file).get("site_dir")
    return config_file.parent / (value if isinstance(value, str) and value else "site")


def docs_dir_for(config_file: Path) -> Path:
    """The `docs_dir` `config_file` sets (default `docs`), relative to the config's folder."""
    value = read_mkdocs_config(config_file).get("docs_dir")
    return config_file.parent / (value if isinstance(value, str) and value else "docs")


ENGINES = ("mkdocs", "properdocs", "zensical")
"""The site generators `quizbuilder build --engine` knows."""
PLUGIN_HOSTS = ("mkdocs", "properdocs")
"""The ones that run the quizbuilder plugin themselves (ProperDocs is a fork of MkDocs 1.6)."""


def installed(module: str) -> bool:
    """Whether `module` can be imported by this interpreter (without importing it)."""
    return importlib.util.find_spec(module) is not None


def default_engine() -> str:
    """`mkdocs` where it is installed, else `properdocs` where that is, else `mkdocs`."""
    return next((host for host in PLUGIN_HOSTS if installed(host)), PLUGIN_HOSTS[0])


def mkdocs_command(*args: str, engine: str | None = None) -> list[str]:
    """The command line that runs MkDocs (or `engine`, a plugin host) with this interpreter."""
    return [sys.executable, "-m", engine or default_engine(), *args]


def atomic_build(
    config_file: Path,
    site_dir: Path | None = None,
    *,
    extra_args: Sequence[str] = (),
    engine: str | None = None,
    builder: Callable[[Path], int] | None = None,
) -> int:
    """Run `mkdocs build --strict` into a temporary folder, then swap it with `site_dir`.

    `engine` names the plugin host to run (default: `default_engine()`); `builder`,
    when given, builds into the folder it is passed instead and returns an exit code.
    Returns that exit code. On failure the temporary folder is removed and
    `site_dir` is untouched; `BuildError` when the swap itself fails.
    """
    site = (site_dir or site_dir_for(config_file)).resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    recover(site)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))
    try:
        if builder is not None:
            code = builder(fresh)
        else:
            command = mkdocs_command(
                "build",
                "--strict",
                "--config-file",
                str(config_file),
                "--site-dir",
                str(fresh),
                engine=engine,
            )
            code = subprocess.run([*command, *extra_args], check=False).returncode
        if code != 0:
            return code
        _swap(fresh, site)
        return 0
    finally:
        if fresh.exists():
            shutil.rmtree(fresh, ignore_errors=True)


def _swap(fresh: Path, site: Path) -> None:
    """Put `fresh` at `site`, in one step where the OS can, and delete the old site last."""
    if site.is_dir() and not site.is_symlink() and _exchange(fresh, site):
        # `fresh` now holds the previous site; the caller removes it.
        return
    old: Path | None = None
    if site.exists() or site.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
        old.rmdir()
        os.rename(site, old)
    # A crash between these two renames leaves the previous site at `old`: `recover`
    # puts it back at the start of the next build.
    try:
        os.rename(fresh, site)
    except OSError as error:
        if old is not None:
            os.rename(old, site)
        raise BuildError(f"could not move the new site into {site}: {error}") from error
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories atomically with Linux `renameat2(RENAME_EXCHANGE)`.

    Returns False where that is unavailable (other systems, old libc, filesystems
    that refuse it); the caller then falls back to two renames.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    renameat2.restype = ctypes.c_int
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(done == 0)


def recover(site: Path) -> None:
    """Tidy up after a build that was killed: restore an interrupted swap, drop leftovers."""
    olds = sorted(site.parent.glob(f".{site.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if not site.exists() and olds:
        os.rename(olds.pop(), site)
    for leftover in [*olds, *site.parent.glob(f".{site.name}.new-*")]:
        shutil.rmtree(leftover, ignore_errors=True)
