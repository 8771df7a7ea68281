"""Build benchmark: quizbuilder against plain MkDocs and mkdocs-quiz on the same content.

    python benchmarks/build.py --roles 10,100,1000 --json

For each N it generates N synthetic roles and builds them three ways, with the same
theme and features:

- plain: the plugin off and the front matter removed (no quizzes at all);
- mkdocs-quiz (when installed): the same pages with every question written in
  mkdocs-quiz's syntax (a profile question becomes a question whose top-scoring option
  is the answer: mkdocs-quiz has no profiles);
- quizbuilder: cold (its cache emptied first) and warm (right after, cache kept).

Builds run in fresh processes, alternating, and the median wall and CPU time and the
peak resident memory (from `wait4`) of each are reported. With `--serve` it also times
`mkdocs serve` at the largest N: from saving an edited role file to the server handing
out the rebuilt page (run it inside a network namespace: it listens on 127.0.0.1).
It measures, in Chromium, scoring a 200-question profile quiz and matching finder
answers against 1,000 roles, and runs Lighthouse on the real site (not with `--smoke`
or `--no-lighthouse`).
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
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic import site_ids, write_roles  # noqa: E402

from quizbuilder import assets  # noqa: E402
from quizbuilder.build import mkdocs_command  # noqa: E402

sys.path.insert(0, str(ROOT))
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


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


def has_mkdocs_quiz() -> bool:
    try:
        import mkdocs_quiz  # noqa: F401
    except ImportError:
        return False
    return True


def quiz_markdown(front: dict[str, Any], scale_labels: list[str]) -> str:
    """A role's quizzes in mkdocs-quiz's syntax (`<quiz>` blocks with `- [x]` answers)."""
    blocks: list[str] = []
    for quiz in front.get("quizzes", []):
        blocks.append(f"## {quiz['title']}")
        for question in quiz["questions"]:
            if question["type"] == "scale":
                texts = list(scale_labels)
                best = {0 if question.get("reverse") else len(texts) - 1}
            else:
                options = question["options"]
                texts = [option["text"] for option in options]
                if quiz["kind"] == "graded":
                    best = {i for i, option in enumerate(options) if option.get("correct")}
                else:
                    totals = [sum(option.get("points", {}).values()) for option in options]
                    best = {totals.index(max(totals))}
            lines = ["<quiz>", question["text"]]
            lines += [f"- [{'x' if i in best else ' '}] {text}" for i, text in enumerate(texts)]
            if question.get("explanation"):
                lines += ["", question["explanation"]]
            lines.append("</quiz>")
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def prepare(workdir: Path, count: int) -> tuple[Path, Path, list[str]]:
    """Write the projects; return the quizbuilder and plain config paths and the slugs.

    The mkdocs-quiz project, when that plugin is installed, is `workdir/mkdocs-quiz`.
    """
    ids = site_ids(site_file())
    qb, plain, peer = workdir / "quizbuilder", workdir / "plain", workdir / "mkdocs-quiz"
    with_peer = has_mkdocs_quiz()
    site_data = yaml.safe_load(site_file().read_text(encoding="utf-8"))
    scale_labels = [str(label) for label in site_data["scale"]["labels"]]
    for project in (qb, plain, peer) if with_peer else (qb, plain):
        (project / "docs").mkdir(parents=True)
        (project / "docs" / "index.md").write_text("# Benchmark\n\nHome page.\n", encoding="utf-8")
        # The site's own stylesheets (extra_css) are part of both builds.
        if (ROOT / "docs" / "assets").is_dir():
            shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    shutil.copy(site_file(), qb / "docs" / "quizbuilder.yml")
    slugs = write_roles(qb / "docs" / "roles", count, ids)
    (plain / "docs" / "roles").mkdir()
    if with_peer:
        (peer / "docs" / "roles").mkdir()
    for slug in slugs:
        text = (qb / "docs" / "roles" / f"{slug}.md").read_text(encoding="utf-8")
        front_text, body = text.removeprefix("---\n").split("\n---\n", 1)
        title = re.search(r"^title: (.*)$", text, re.M)
        heading = title.group(1) if title else slug
        (plain / "docs" / "roles" / f"{slug}.md").write_text(
            f"# {heading}\n\n{body}", encoding="utf-8"
        )
        if with_peer:
            quizzes = quiz_markdown(yaml.safe_load(front_text), scale_labels)
            (peer / "docs" / "roles" / f"{slug}.md").write_text(
                f"# {heading}\n\n{body}\n{quizzes}", encoding="utf-8"
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
    projects = [(qb, qb_config), (plain, plain_config)]
    if with_peer:
        peer_config = copy.deepcopy(plain_config)
        peer_config["plugins"] = [*plain_config["plugins"], "mkdocs_quiz"]
        projects.append((peer, peer_config))
    for project, config in projects:
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


def measure_builds(count: int, runs: int, serve: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix=f"qb-bench-{count}-") as tmp:
        workdir = Path(tmp)
        qb_cfg, plain_cfg, slugs = prepare(workdir, count)
        peer_cfg = workdir / "mkdocs-quiz" / "mkdocs.yml"
        cache_dir = qb_cfg.parent / ".cache"
        times: dict[str, list[tuple[float, float, float]]] = {}
        for _ in range(runs):
            builds = [("plain", plain_cfg), ("qb", qb_cfg), ("warm", qb_cfg)]
            if peer_cfg.exists():
                builds.append(("peer", peer_cfg))
            for name, config in builds:
                if name == "qb":
                    shutil.rmtree(cache_dir, ignore_errors=True)  # a cold build
                site = workdir / f"{name}-site"
                times.setdefault(name, []).append(timed_build(config, site))

        def median(name: str, index: int) -> float | None:
            if name not in times:
                return None
            return statistics.median(t[index] for t in times[name])

        def ratio(a: float | None, b: float | None) -> float | None:
            return None if a is None or b is None else round(a / b, 3)

        plain_s, qb_s, warm_s, peer_s = (median(n, 0) for n in ("plain", "qb", "warm", "peer"))
        plain_cpu, qb_cpu, warm_cpu, peer_cpu = (
            median(n, 1) for n in ("plain", "qb", "warm", "peer")
        )
        row: dict[str, Any] = {
            "roles": count,
            "plain_s": _round(plain_s, 3),
            "quizbuilder_s": _round(qb_s, 3),
            "ratio": ratio(qb_s, plain_s),
            "plain_cpu_s": _round(plain_cpu, 3),
            "quizbuilder_cpu_s": _round(qb_cpu, 3),
            "cpu_ratio": ratio(qb_cpu, plain_cpu),
            "warm_s": _round(warm_s, 3),
            "warm_cpu_s": _round(warm_cpu, 3),
            "warm_cpu_ratio": ratio(warm_cpu, plain_cpu),
            "mkdocs_quiz_s": _round(peer_s, 3),
            "mkdocs_quiz_cpu_s": _round(peer_cpu, 3),
            "vs_mkdocs_quiz_cpu": ratio(qb_cpu, peer_cpu),
            "plain_peak_mb": round(max(t[2] for t in times["plain"]), 1),
            "quizbuilder_peak_mb": round(max(t[2] for t in times["qb"]), 1),
            "page_kb": round(role_page_kb(workdir / "qb-site", slugs), 2),
            "plain_page_kb": round(role_page_kb(workdir / "plain-site", slugs), 2),
            "assets_gz_kb": round(assets_gz_kb(workdir / "qb-site"), 2),
            "finder_bytes_per_role": _round(finder_bytes_per_role(workdir / "qb-site", count)),
        }
        check_wall, check_cpu = timed_check(workdir / "quizbuilder" / "docs")
        row["check_s"] = round(check_wall, 3)
        row["check_cpu_s"] = round(check_cpu, 3)
        if serve:
            row["serve_edit_s"] = _round(timed_serve_edit(qb_cfg, slugs[len(slugs) // 2], runs), 3)
        return row


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def timed_check(docs_dir: Path) -> tuple[float, float]:
    """Wall and CPU time of `quizbuilder check` on the generated docs, in a fresh process."""
    cmd = [sys.executable, "-m", "quizbuilder.cli", "check", str(docs_dir)]
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a full pipe would block it
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").splitlines()
    # `check` fails on item-writing warnings, as the build does (say, two random roles
    # with the same finder answers); they are not what is measured. Errors are.
    warned = lines and all(": warning: " in line for line in lines[:-1])
    if os.waitstatus_to_exitcode(status) != 0 and not (warned and "warning" in lines[-1]):
        raise SystemExit(f"quizbuilder check {docs_dir} failed:\n" + "\n".join(lines[-5:]))
    return elapsed, usage.ru_utime + usage.ru_stime


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            text: str = response.read().decode("utf-8", "replace")
            return text
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, token: str, limit: float) -> float:
    """Seconds until the page at `url` contains `token` (polling every 20 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        page = _fetch(url)
        if page is not None and token in page:
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show {token!r} within {limit} s")


def timed_serve_edit(config: Path, slug: str, edits: int) -> float:
    """Median seconds from saving an edited role file to `mkdocs serve` serving its page.

    The server runs on 127.0.0.1 (use a network namespace); each edit changes the
    role's summary to a new word and waits until the page shows it.
    """
    port = _free_port()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-q", "-f", str(config)]
    cmd += ["-a", f"127.0.0.1:{port}"]
    role = config.parent / "docs" / "roles" / f"{slug}.md"
    original = role.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/roles/{slug}/"
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(url, "qb-quiz", 600)
        times = []
        for edit in range(edits):
            token = f"Edited{edit}x{time.time_ns()}"
            text = re.sub(r"^summary: .*$", f"summary: {token}", original, count=1, flags=re.M)
            start = time.perf_counter()
            role.write_text(text, encoding="utf-8")
            _wait_for(url, token, 600)
            times.append(time.perf_counter() - start)
        return statistics.median(times)
    finally:
        server.terminate()
        server.wait(timeout=30)
        role.write_text(original, encoding="utf-8")


# --- in the browser -----------------------------------------------------------

BROWSER_SCRIPT = """
async () => {
  const core = window.QuizbuilderCore, finder = window.QuizbuilderFinderCore;
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
        # The scripts as served: the quiz engine's bundle and the finder's.
        page.add_script_tag(content=assets.bundle_engine())
        page.add_script_tag(content=assets.bundle_finder())
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
    from quizbuilder.reference.scoring import encode_share, score

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
    ("warm_cpu_s", "qb warm CPU s"),
    ("warm_cpu_ratio", "warm ratio"),
    ("mkdocs_quiz_cpu_s", "mkdocs-quiz CPU s"),
    ("vs_mkdocs_quiz_cpu", "qb / mkdocs-quiz"),
    ("plain_peak_mb", "plain MB"),
    ("quizbuilder_peak_mb", "qb MB"),
    ("page_kb", "page KB"),
    ("assets_gz_kb", "assets gz KB"),
    ("finder_bytes_per_role", "finder B/role"),
    ("check_s", "check s"),
    ("check_cpu_s", "check CPU s"),
    ("serve_edit_s", "serve edit s"),
    ("score_200q_ms", "score 200q ms"),
    ("match_1000_roles_ms", "match 1000 ms"),
]


def _cell(value: object) -> str:
    return "–" if value is None else str(value)


def table(rows: list[dict[str, Any]]) -> str:
    head = "| " + " | ".join(label for _, label in COLUMNS) + " |"
    rule = "|" + "|".join("---:" for _ in COLUMNS) + "|"
    body = ["| " + " | ".join(_cell(row.get(key)) for key, _ in COLUMNS) + " |" for row in rows]
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
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument(
        "--serve",
        action="store_true",
        help="time an edit under `mkdocs serve` at the largest N (listens on 127.0.0.1)",
    )
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timings")
    parser.add_argument("--lighthouse-cache", type=Path, default=ROOT / ".cache" / "lighthouse")
    args = parser.parse_args(argv)

    counts = [int(n) for n in args.roles.split(",") if n.strip()]
    rows = []
    for count in counts:
        print(f"building {count} roles x {args.runs} runs ...", file=sys.stderr)
        rows.append(measure_builds(count, args.runs, serve=args.serve and count == max(counts)))
    extra: dict[str, Any] = {}
    if not args.no_browser:
        extra.update(measure_browser())
    if not args.smoke and not args.no_lighthouse:
        extra["lighthouse"] = lighthouse(args.lighthouse_cache)
    for row in rows:
        row.update(extra)
    print(json.dumps(rows, indent=2) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
