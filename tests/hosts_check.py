"""Build the real site with another host, each in its own venv, and check the quizzes.

    python tests/hosts_check.py properdocs   # .venv-properdocs: ProperDocs, mkdocs NOT installed
    python tests/hosts_check.py zensical     # .venv-zensical: Zensical 0.0.73, no mkdocs
    python tests/hosts_check.py --venv-only zensical   # just make the venv

Run with the project's venv (`make hosts-check` does; the ProperDocs site is compared
with the MkDocs build that venv makes): quizbuilder's requirements come from
`pyproject.toml` and Material's from that venv, so each host venv gets the same runtime
dependencies, less MkDocs. A venv is reused while its requirements are unchanged (a stamp file holds
them), so a second run only builds. Exits non-zero with the reason on any failure.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
import time
import tomllib
import venv
from importlib.metadata import requires
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROPERDOCS = "properdocs==1.6.7"
ZENSICAL = "zensical==0.0.73"  # newer releases need `zensical-ui`, which PyPI does not serve
_NAME = re.compile(r"^[A-Za-z0-9._-]+")


def _name(requirement: str) -> str:
    match = _NAME.match(requirement)
    return match.group(0).lower().replace("_", "-") if match else requirement


def _runtime(package: str, leave_out: set[str]) -> list[str]:
    """`package`'s own requirements (no extras), less the names in `leave_out`: this
    checkout's `pyproject.toml` for quizbuilder, the installed metadata for others."""
    if package == "quizbuilder":
        listed = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
        found: list[str] = listed["dependencies"]
    else:
        found = requires(package) or []
    return sorted(r for r in found if "extra ==" not in r and _name(r) not in leave_out)


def requirements(host: str) -> tuple[list[str], list[str]]:
    """(installed with dependencies, installed with --no-deps) for a host's venv."""
    mkdocs = {"mkdocs", "mkdocs-material"}
    ours = _runtime("quizbuilder", mkdocs)
    if host == "properdocs":
        # Material requires mkdocs; it is installed without it, ProperDocs stands in.
        material = _runtime("mkdocs-material", mkdocs)
        return sorted({PROPERDOCS, *ours, *material}), ["mkdocs-material>=9.5,<10"]
    return [ZENSICAL, *ours], []


def venv_dir(host: str) -> Path:
    return ROOT / f".venv-{host}"


def ensure_venv(host: str) -> Path:
    """The host's venv, made or brought up to date; returns its python."""
    folder = venv_dir(host)
    python = folder / "bin" / "python"
    with_deps, no_deps = requirements(host)
    wanted = json.dumps({"deps": with_deps, "no_deps": no_deps}, indent=1) + "\n"
    stamp = folder / ".installed"
    if python.exists() and stamp.is_file() and stamp.read_text("utf-8") == wanted:
        return python
    venv.create(folder, with_pip=True, clear=True)
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, *with_deps], check=True)
    if no_deps:
        subprocess.run([*pip, "--no-deps", *no_deps], check=True)
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
    stamp.write_text(wanted, encoding="utf-8")
    return python


def _quiz_ids(role_file: Path) -> list[str]:
    front = role_file.read_text("utf-8").split("\n---", 2)[0].removeprefix("---\n")
    data = yaml.safe_load(front) or {}
    return [quiz["id"] for quiz in data.get("quizzes") or []]


def check_site(site: Path) -> list[str]:
    """What is missing from a built copy of this repository's site; [] when all is there."""
    missing: list[str] = []
    roles = sorted((ROOT / "docs" / "roles").glob("*.md"))
    if not roles:
        return ["no roles in docs/roles"]
    for role in roles:
        page = site / "roles" / role.stem / "index.html"
        if not page.is_file():
            missing.append(f"{page.relative_to(site)}: not built")
            continue
        text = page.read_text("utf-8")
        data = [
            json.loads(html.unescape(raw)) for raw in re.findall(r'data-qb-quiz="([^"]*)"', text)
        ]
        found = [quiz["id"] for quiz in data]
        if found != _quiz_ids(role):
            missing.append(f"{page.relative_to(site)}: quizzes {found}, expected {_quiz_ids(role)}")
        if found and "assets/quizbuilder/quizbuilder.js" not in text:
            missing.append(f"{page.relative_to(site)}: no engine script")
        if "qb-slot" in text:
            missing.append(f"{page.relative_to(site)}: a placeholder was left in the page")
    for page, marker in [
        ("finder/index.html", 'class="qb-finder'),
        ("results/index.html", 'class="qb-history"'),
        ("roles/index.html", 'class="qb-finder-filter"'),
        ("assets/quizbuilder/quizbuilder.js", ""),
        ("schema/role.schema.json", ""),
        ("_headers", "Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-"),
    ]:
        path = site / page
        if not path.is_file() or marker not in path.read_text("utf-8"):
            missing.append(f"{page}: missing or without {marker!r}")
    return missing


_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def differences(site: Path, reference: Path) -> list[str]:
    """Files that differ between two builds, `<meta name="generator">` aside."""
    names = {p.relative_to(site) for p in site.rglob("*") if p.is_file()}
    names |= {p.relative_to(reference) for p in reference.rglob("*") if p.is_file()}
    return [
        f"{name}: differs from the MkDocs build"
        for name in sorted(names)
        if not (site / name).is_file()
        or not (reference / name).is_file()
        or _GENERATOR.sub(b"", (site / name).read_bytes())
        != _GENERATOR.sub(b"", (reference / name).read_bytes())
    ]


def build(host: str, python: Path, site: Path) -> None:
    """`quizbuilder build` in the host's venv (ProperDocs is its default there)."""
    engine = ["--engine", host] if host != "properdocs" else []
    result = subprocess.run(
        [str(python), "-m", "quizbuilder", "build", *engine, "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"{host}: quizbuilder build failed ({result.returncode})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host", choices=["properdocs", "zensical"])
    parser.add_argument("--venv-only", action="store_true", help="make the venv, build nothing")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    python = ensure_venv(args.host)
    made = time.perf_counter()
    if args.venv_only:
        print(f"{args.host}: venv ready in {made - start:.1f} s")
        return 0
    probe = "import importlib.util as u; print(u.find_spec('mkdocs') is None)"
    alone = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=True)
    if alone.stdout.strip() != "True":
        print(f"{args.host}: mkdocs is installed in {venv_dir(args.host)}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix=f"qb-{args.host}-") as tmp:
        site = Path(tmp) / "site"
        build(args.host, python, site)
        missing = check_site(site)
        if args.host == "properdocs":
            # ProperDocs runs the plugin as MkDocs does: the site must be the same.
            reference = Path(tmp) / "mkdocs-site"
            build("mkdocs", Path(sys.executable), reference)
            missing += differences(site, reference)
    for line in missing:
        print(f"{args.host}: {line}", file=sys.stderr)
    done = time.perf_counter()
    verdict = "FAILED" if missing else "OK: every quiz is in its page"
    if args.host == "properdocs" and not missing:
        verdict += ", the same files as the MkDocs build"
    print(
        f"{args.host} (mkdocs not installed): {verdict}; venv {made - start:.1f} s, "
        f"build and check {done - made:.1f} s"
    )
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
