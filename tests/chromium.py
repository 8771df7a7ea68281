"""The Chromium every browser test and the benchmark launch: Debian's, through Playwright,
with the flags this machine needs (no sandbox as root, no GPU, no network of its own)."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("QB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
