"""How long quizbuilder takes to refuse hostile input: the timings that the limit
tests (tests/test_limits.py, tests/test_loader.py) deliberately do not assert.

    python benchmarks/limits.py [--runs 5]

Each case writes one role file into a copy of the minimal test docs and times
`load_content` until it raises; the median of the runs is printed in milliseconds.
Target: every refusal well under 100 ms on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizbuilder.content import load_content  # noqa: E402
from quizbuilder.errors import ContentError  # noqa: E402
from quizbuilder.loader import MAX_BYTES  # noqa: E402

HEADER = "---\ntitle: Limit\nsummary: s\nsector: Testing\n"
CASES: dict[str, Callable[[], str]] = {
    "5 MB role file": lambda: HEADER + "---\n" + "All work and no play. " * 240_000,
    "billion laughs": lambda: (
        HEADER
        + "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}]\n" for i in range(8))
        + "---\n"
    ),
    "5,000-deep flow nesting": lambda: HEADER + "x: " + "[" * 5000 + "]" * 5000 + "\n---\n",
    "a megabyte of '['": lambda: HEADER + "x: " + "[" * (MAX_BYTES - 100) + "\n---\n",
    "5,000-deep block nesting": lambda: (
        HEADER + "".join("  " * i + "k:\n" for i in range(5000)) + "---\n"
    ),
}


def refusal_ms(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            docs = Path(tmp) / "docs"
            shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", docs)
            (docs / "roles" / "limit.md").write_text(text, "utf-8")
            start = time.perf_counter()
            try:
                load_content(docs)
            except ContentError:
                pass
            else:
                raise SystemExit("a hostile file was accepted")
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("| hostile input | refused in (ms, median) |\n|---|---:|")
    for name, make in CASES.items():
        print(f"| {name} | {refusal_ms(make(), args.runs):.1f} |")


if __name__ == "__main__":
    main()
