"""Lighthouse (npm, pinned in bench/lighthouse/package-lock.json: 12.2.3, the last release that
runs on Node 20) on every page, mobile preset, driving Debian's Chromium, each page served
gzipped from 127.0.0.1 by bench/gzip_server.py. The pages are run in turns (every page once,
then again) so that a change in the machine's load spreads over all of them; each figure is
the median of the runs. A stock Material page is measured in the same turns, as the anchor.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from bench.gzip_server import serve_gzipped

HERE = Path(__file__).resolve().parent / "lighthouse"
BINARY = HERE / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


class LighthouseMissing(RuntimeError):
    pass


def install() -> Path:
    """``npm ci`` in bench/lighthouse/ unless it was done already."""
    if BINARY.exists():
        return BINARY
    if not shutil.which("npm"):
        raise LighthouseMissing("npm is not installed: Lighthouse needs Node 20 and npm")
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=True
    )
    return BINARY


@dataclass(frozen=True)
class Score:
    """One page: medians of its runs (scores 0-100; FCP, LCP, TBT in ms; CLS)."""

    label: str
    runs: int
    scores: dict[str, float]
    metrics: dict[str, float]


def run_lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            str(install()),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--form-factor=mobile",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def summarize(report: dict) -> tuple[dict[str, float], dict[str, float]]:
    scores = {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}
    metrics = {short: report["audits"][audit]["numericValue"] for short, audit in METRICS.items()}
    return scores, metrics


def measure_pages(sites: Sequence[tuple[str, Path, Sequence[str]]], runs: int) -> list[Score]:
    """``sites``: (label prefix, built site, page paths). Returns one Score per page."""
    install()
    found: dict[str, list[tuple[dict, dict]]] = {}
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as stack:
        bases = [stack.enter_context(serve_gzipped(site)) for _, site, _ in sites]
        for _ in range(runs):
            for (label, _, paths), base in zip(sites, bases, strict=True):
                for path in paths:
                    key = f"{label}/{path}"
                    try:
                        report = run_lighthouse(base + path, Path(scratch) / "report.json")
                    except (subprocess.SubprocessError, OSError, ValueError) as error:
                        print(f"bench: Lighthouse on {key} failed: {error}", file=sys.stderr)
                        found.setdefault(key, [])
                        continue
                    found.setdefault(key, []).append(summarize(report))
    return [
        Score(
            key,
            len(results),
            {n: statistics.median(r[0][n] for r in results) for n in CATEGORIES},
            {n: statistics.median(r[1][n] for r in results) for n in METRICS},
        )
        for key, results in found.items()
        if results
    ]
