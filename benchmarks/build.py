"""Build benchmark: quizbuilder against plain MkDocs on the same Markdown, side by side.

    python benchmarks/build.py --roles 10,100,1000 --json

For each N it generates N synthetic roles, builds them with the quizbuilder plugin
and, with the plugin off and the front matter removed, as plain pages; both builds
use the same theme and features. Builds run in fresh processes, alternating, and the
median wall time and the peak resident memory (from `wait4`) of each are reported.
It also measures, in Chromium, scoring a 200-question profile quiz and matching finder
answers against 1,000 roles, and runs Lighthouse on the real site (`--lighthouse`).
"""

from __future__ import annotations

import argparse
import copy
import gzip
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic import site_ids, write_roles  # noqa: E402

from quizbuilder.build import mkdocs_command  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ASSETS = ROOT / "quizbuilder" / "theme" / "assets" / "quizbuilder"


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml even where it uses `!!python/name:` or `!ENV` tags."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def site_file() -> Path:
    for candidate in (
        ROOT / "docs" / "quizbuilder.yml",
        ROOT / "tests/fixtures/minimal/quizbuilder.yml",
    ):
        if candidate.exists():
            return candidate
    raise SystemExit("no site file found (docs/quizbuilder.yml)")


def base_config() -> dict[str, Any]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)
    assert isinstance(config, dict)
    for key in ("nav", "edit_uri", "repo_url", "docs_dir", "site_dir", "validation"):
        config.pop(key, None)
    # Drop extensions whose options were tags the lenient loader could not keep.
    exts = []
    for ext in config.get("markdown_extensions", []):
        if isinstance(ext, dict):
            name, opts = next(iter(ext.items()))
            if isinstance(opts, dict) and any(v is None for v in opts.values()):
                exts.append(name)
                continue
        exts.append(ext)
    config["markdown_extensions"] = exts
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    return config


def _plugin_names(plugins: list[Any]) -> list[str]:
    return [next(iter(p)) if isinstance(p, dict) else str(p) for p in plugins]


def prepare(workdir: Path, count: int) -> tuple[Path, Path, list[str]]:
    """Write the two projects; return their config paths and the role slugs."""
    ids = site_ids(site_file())
    qb, plain = workdir / "quizbuilder", workdir / "plain"
    for project in (qb, plain):
        (project / "docs").mkdir(parents=True)
        (project / "docs" / "index.md").write_text("# Benchmark\n\nHome page.\n", encoding="utf-8")
        # The site's own stylesheets (extra_css) are part of both builds.
        if (ROOT / "docs" / "assets").is_dir():
            shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    shutil.copy(site_file(), qb / "docs" / "quizbuilder.yml")
    slugs = write_roles(qb / "docs" / "roles", count, ids)
    (plain / "docs" / "roles").mkdir()
    for slug in slugs:
        text = (qb / "docs" / "roles" / f"{slug}.md").read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1]
        title = re.search(r"^title: (.*)$", text, re.M)
        heading = title.group(1) if title else slug
        (plain / "docs" / "roles" / f"{slug}.md").write_text(
            f"# {heading}\n\n{body}", encoding="utf-8"
        )

    base = base_config()
    plugins = base.get("plugins", ["search", "quizbuilder"])
    qb_config = copy.deepcopy(base)
    qb_config["nav"] = ["index.md", "roles/index.md"]
    plain_config = copy.deepcopy(base)
    plain_config["plugins"] = [
        p for p, name in zip(plugins, _plugin_names(plugins), strict=True) if name != "quizbuilder"
    ]
    plain_config["nav"] = ["index.md"]
    for project, config in ((qb, qb_config), (plain, plain_config)):
        (project / "mkdocs.yml").write_text(
            yaml.safe_dump(config, sort_keys=False), encoding="utf-8"
        )
    return qb / "mkdocs.yml", plain / "mkdocs.yml", slugs


def timed_build(config: Path, site_dir: Path) -> tuple[float, float, float]:
    """Run `mkdocs build` in a fresh process; return (wall s, CPU s, peak RSS in MB).

    CPU time (user + system, from `wait4`) is what to compare on a busy machine: wall
    time there measures the other processes too.
    """
    shutil.rmtree(site_dir, ignore_errors=True)
    cmd = mkdocs_command("build", "-q", "-f", str(config), "-d", str(site_dir))
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{stderr}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def role_page_kb(site_dir: Path, slugs: list[str]) -> float:
    sizes = [(site_dir / "roles" / slug / "index.html").stat().st_size for slug in slugs]
    return statistics.mean(sizes) / 1024


def assets_gz_kb(site_dir: Path) -> float:
    total = 0
    for name in ("quizbuilder.js", "quizbuilder.css"):
        path = site_dir / "assets" / "quizbuilder" / name
        if path.exists():
            total += len(gzip.compress(path.read_bytes(), compresslevel=9))
    return total / 1024


def finder_bytes_per_role(site_dir: Path, count: int) -> float | None:
    page = site_dir / "finder" / "index.html"
    if not page.exists():
        return None
    match = re.search(r'data-qb-finder="([^"]*)"', page.read_text(encoding="utf-8"))
    if not match:
        return None
    return len(html.unescape(match.group(1)).encode()) / count


def measure_builds(count: int, runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix=f"qb-bench-{count}-") as tmp:
        workdir = Path(tmp)
        qb_cfg, plain_cfg, slugs = prepare(workdir, count)
        qb_times, plain_times, qb_peaks, plain_peaks = [], [], [], []
        qb_cpus, plain_cpus = [], []
        for _ in range(runs):
            t, cpu, m = timed_build(plain_cfg, workdir / "plain-site")
            plain_times.append(t)
            plain_cpus.append(cpu)
            plain_peaks.append(m)
            t, cpu, m = timed_build(qb_cfg, workdir / "qb-site")
            qb_times.append(t)
            qb_cpus.append(cpu)
            qb_peaks.append(m)
        plain_s = statistics.median(plain_times)
        qb_s = statistics.median(qb_times)
        plain_cpu = statistics.median(plain_cpus)
        qb_cpu = statistics.median(qb_cpus)
        check_s = timed_check(workdir / "quizbuilder" / "docs")
        return {
            "roles": count,
            "plain_s": round(plain_s, 3),
            "quizbuilder_s": round(qb_s, 3),
            "ratio": round(qb_s / plain_s, 3),
            "plain_cpu_s": round(plain_cpu, 3),
            "quizbuilder_cpu_s": round(qb_cpu, 3),
            "cpu_ratio": round(qb_cpu / plain_cpu, 3),
            "plain_peak_mb": round(max(plain_peaks), 1),
            "quizbuilder_peak_mb": round(max(qb_peaks), 1),
            "page_kb": round(role_page_kb(workdir / "qb-site", slugs), 2),
            "plain_page_kb": round(role_page_kb(workdir / "plain-site", slugs), 2),
            "assets_gz_kb": round(assets_gz_kb(workdir / "qb-site"), 2),
            "finder_bytes_per_role": _round(finder_bytes_per_role(workdir / "qb-site", count)),
            "check_s": round(check_s, 3),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def timed_check(docs_dir: Path) -> float:
    """Wall time of `quizbuilder check` on the generated docs, in a fresh process."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "quizbuilder.cli", "check", str(docs_dir)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


# --- in the browser -----------------------------------------------------------

BROWSER_SCRIPT = """
async () => {
  const core = window.QuizbuilderCore, finder = window.QuizbuilderFinder;
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const dims = ["ownership", "composure", "versatility", "teamwork", "attitude"];
  const questions = [], answers = {};
  for (let i = 0; i < 200; i++) {
    const id = "q" + i;
    if (i % 2) {
      questions.push({id, type: "scale", dimension: dims[i % 5], reverse: i % 3 === 0, points: 5});
      answers[id] = [i % 5];
    } else {
      questions.push({id, type: "single", options: [
        {points: {}}, {points: {[dims[i % 5]]: 2}},
        {points: {[dims[(i + 1) % 5]]: 3, [dims[i % 5]]: 1}}]});
      answers[id] = [i % 3];
    }
  }
  const quiz = {v: 1, id: "bench", role: "bench", title: "Bench", kind: "profile", questions,
    dimensions: dims.map((id) => ({id, name: id, url: "#", articles: []})),
    bands: [{id: "a", label: "A", min: 0, max: 49, message: ""},
            {id: "b", label: "B", min: 50, max: 100, message: ""}]};
  const scoreTimes = [];
  for (let run = 0; run < 60; run++) {
    const t0 = performance.now();
    const result = core.score(quiz, answers);
    scoreTimes.push(performance.now() - t0);
    if (result.status !== "ok") throw new Error("bench quiz did not score");
  }
  let matchMs = null;
  if (finder) {
    const traits = ["public", "clients", "colleagues", "frequency",
                    "relationship", "stakes", "technical", "hats"];
    const roles = [];
    for (let r = 0; r < 1000; r++) {
      roles.push({slug: "r" + r, title: "Role " + r, aliases: [], url: "#", summary: "",
                  v: traits.map((_, t) => (r * 7 + t * 3) % 5)});
    }
    const data = {questions: traits.map((id, i) => ({id, kind: null})), kinds: [], roles};
    const given = traits.map((_, t) => (t * 2) % 5);
    const times = [];
    for (let run = 0; run < 60; run++) {
      const t0 = performance.now();
      const top = finder.matchRoles(data, given, 3);
      times.push(performance.now() - t0);
      if (top.length !== 3) throw new Error("finder returned " + top.length);
    }
    matchMs = median(times);
  }
  return {score: median(scoreTimes), match: matchMs};
}
"""


def measure_browser() -> dict[str, float | None]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_content("<!doctype html><title>bench</title>")
        page.add_script_tag(content=(ASSETS / "core.js").read_text(encoding="utf-8"))
        for name in ("finder-core.js", "finder.js"):
            if (ASSETS / name).exists():
                page.add_script_tag(content=(ASSETS / name).read_text(encoding="utf-8"))
        times = page.evaluate(BROWSER_SCRIPT)
        browser.close()
    return {
        "score_200q_ms": round(times["score"], 3),
        "match_1000_roles_ms": None if times["match"] is None else round(times["match"], 3),
    }


# --- Lighthouse ---------------------------------------------------------------


def lighthouse(cache: Path) -> dict[str, dict[str, float]]:
    """Build the real site, serve it gzip-compressed, and run Lighthouse (mobile)."""
    binary = cache / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(cache),
                "lighthouse",
            ],
            check=True,
        )
    from gzip_server import serve_gzip

    with tempfile.TemporaryDirectory(prefix="qb-lh-") as tmp:
        site = Path(tmp) / "site"
        subprocess.run(
            mkdocs_command("build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)),
            check=True,
        )
        share = shared_result_fragment(site)
        with serve_gzip(site) as base:
            pages = {"home": base + "/", "role": base + "/roles/toll-booth-operator/"}
            if share:
                pages["result"] = base + share
            scores: dict[str, dict[str, float]] = {}
            for name, url in pages.items():
                out = Path(tmp) / f"{name}.json"
                env = dict(os.environ, CHROME_PATH=CHROMIUM)
                subprocess.run(
                    [
                        str(binary),
                        url,
                        "--quiet",
                        "--output=json",
                        f"--output-path={out}",
                        "--only-categories=performance,accessibility,best-practices,seo",
                        "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
                    ],
                    check=True,
                    env=env,
                )
                report = json.loads(out.read_text(encoding="utf-8"))
                scores[name] = {k: v["score"] for k, v in report["categories"].items()}
    return scores


def shared_result_fragment(site: Path) -> str | None:
    """A share link for the toll booth operator's profile quiz, scored by the Python
    reference scorer with every answer set to the middle option."""
    from quizbuilder.scoring import encode_share, score

    page = site / "roles" / "toll-booth-operator" / "index.html"
    if not page.exists():
        return None
    text = page.read_text(encoding="utf-8")
    for match in re.finditer(r'data-qb-quiz="([^"]*)"', text):
        quiz = json.loads(html.unescape(match.group(1)))
        if quiz["kind"] != "profile":
            continue
        answers = {
            q["id"]: [(q["points"] if q["type"] == "scale" else len(q["options"])) // 2]
            for q in quiz["questions"]
        }
        result = score(quiz, answers)
        if result["status"] == "ok":
            return "/roles/toll-booth-operator/#qb=" + encode_share(result)
    return None


# --- report -------------------------------------------------------------------

COLUMNS = [
    ("roles", "roles"),
    ("plain_s", "plain s"),
    ("quizbuilder_s", "qb s"),
    ("ratio", "ratio"),
    ("plain_cpu_s", "plain CPU s"),
    ("quizbuilder_cpu_s", "qb CPU s"),
    ("cpu_ratio", "CPU ratio"),
    ("plain_peak_mb", "plain MB"),
    ("quizbuilder_peak_mb", "qb MB"),
    ("page_kb", "page KB"),
    ("assets_gz_kb", "assets gz KB"),
    ("finder_bytes_per_role", "finder B/role"),
    ("check_s", "check s"),
    ("score_200q_ms", "score 200q ms"),
    ("match_1000_roles_ms", "match 1000 ms"),
]


def table(rows: list[dict[str, Any]]) -> str:
    head = "| " + " | ".join(label for _, label in COLUMNS) + " |"
    rule = "|" + "|".join("---:" for _ in COLUMNS) + "|"
    body = ["| " + " | ".join(str(row.get(key, "")) for key, _ in COLUMNS) + " |" for row in rows]
    lines = [head, rule, *body]
    lh = rows[0].get("lighthouse") if rows else None
    if lh:
        lines.append("")
        lines.append("| Lighthouse (mobile) | performance | accessibility | best-practices | seo |")
        lines.append("|---|---:|---:|---:|---:|")
        for page, cats in lh.items():
            lines.append(
                f"| {page} | {cats.get('performance')} | {cats.get('accessibility')} "
                f"| {cats.get('best-practices')} | {cats.get('seo')} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", default="10,100,1000", help="comma-separated role counts")
    parser.add_argument(
        "--runs", type=int, default=3, help="builds per variant and N (>= 3 for figures)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print a JSON list instead of the table"
    )
    parser.add_argument("--smoke", action="store_true", help="CI smoke run: no Lighthouse")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timings")
    parser.add_argument("--lighthouse-cache", type=Path, default=ROOT / ".cache" / "lighthouse")
    args = parser.parse_args(argv)

    counts = [int(n) for n in args.roles.split(",") if n.strip()]
    rows = []
    for count in counts:
        print(f"building {count} roles x {args.runs} runs ...", file=sys.stderr)
        rows.append(measure_builds(count, args.runs))
    extra: dict[str, Any] = {}
    if not args.no_browser:
        extra.update(measure_browser())
    if not args.smoke:
        extra["lighthouse"] = lighthouse(args.lighthouse_cache)
    for row in rows:
        row.update(extra)
    print(json.dumps(rows, indent=2) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
