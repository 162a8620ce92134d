"""Measure the "Should I call?" flow: its script and styles (raw and gzip; budget 5 KB gzip for
the JS), the flow's JSON and page weight, and in Chromium the time until the first question is
interactive and the layout shift on load (budget: none).

Run: ``.venv/bin/python bench/flow_size.py`` from the repo root. Prints a Markdown section to
paste under "Flow" in bench/RESULTS.md. Measurements only: nothing here is asserted in tests.
"""

from __future__ import annotations

import gzip
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))
from soapguide.printing.pdf import CHROMIUM_ARGS, chromium_path  # noqa: E402

from tests.scenario import build, copy_project  # noqa: E402
from tests.static_server import serve_directory  # noqa: E402

JS_BUDGET = 5 * 1024
FILES = ("assets/javascripts/flow.js", "assets/stylesheets/flow.css")
FLOW_JSON = re.compile(r'<script type="application/json" id="flow-data">(.*?)</script>', re.S)
RUNS = 5
SHIFTS = """
window.__shift = 0;
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) { window.__shift += entry.value; });
}).observe({type: "layout-shift", buffered: true});
new MutationObserver(function (changes, observer) {
  var flow = document.getElementById("flow");
  if (flow && flow.classList.contains("flow--js")) {
    window.__ready = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["class"]});
"""


def kib(size: int) -> str:
    return f"{size / 1024:.1f} KiB"


def sizes(data: bytes) -> tuple[int, int]:
    return len(data), len(gzip.compress(data, compresslevel=9))


def browser_timings(site: Path) -> tuple[float, float, float]:
    """Median ms until the first question is interactive, median first contentful paint, and
    the largest layout shift score seen, over RUNS cold loads of /should-i-call/."""
    from playwright.sync_api import sync_playwright

    ready, paint, shift = [], [], 0.0
    with serve_directory(site) as base:
        url = base + "should-i-call/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            for _ in range(RUNS):
                context = browser.new_context()
                page = context.new_page()
                page.add_init_script(SHIFTS)
                page.goto(url, wait_until="networkidle")
                page.wait_for_timeout(300)
                ready.append(page.evaluate("window.__ready"))
                paint.append(
                    page.evaluate(
                        "performance.getEntriesByName('first-contentful-paint')[0].startTime"
                    )
                )
                shift = max(shift, page.evaluate("window.__shift"))
                context.close()
            browser.close()
    return statistics.median(ready), statistics.median(paint), shift


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        project = copy_project(Path(temp) / "project")
        site = Path(temp) / "site"
        result = build(project, site)
        if result.returncode != 0:
            raise SystemExit(result.stderr)
        print("## Flow\n")
        print("Run: `.venv/bin/python bench/flow_size.py`\n")
        print("| file | raw | gzip | budget |")
        print("|---|---:|---:|---|")
        for name in FILES:
            raw, packed = sizes((site / name).read_bytes())
            budget = ""
            if name.endswith(".js"):
                verdict = "within" if packed <= JS_BUDGET else "OVER"
                budget = f"≤ 5 KB gzip: {verdict}"
            print(f"| {name} | {raw} B ({kib(raw)}) | {packed} B ({kib(packed)}) | {budget} |")
        page = (site / "should-i-call" / "index.html").read_bytes()
        match = FLOW_JSON.search(page.decode("utf-8"))
        json_raw, json_gzip = sizes(match.group(1).encode("utf-8")) if match else (0, 0)
        page_raw, page_gzip = sizes(page)
        print(f"| flow JSON in the page | {json_raw} B | {json_gzip} B | |")
        print(f"| /should-i-call/ HTML (all of it) | {kib(page_raw)} | {kib(page_gzip)} | |")
        map_raw, map_gzip = sizes((site / "flow-map" / "index.html").read_bytes())
        print(f"| /flow-map/ HTML | {kib(map_raw)} | {kib(map_gzip)} | |")
        ready, paint, shift = browser_timings(site)
        print(
            f"\nChromium, {RUNS} cold loads from a local server (median): first contentful "
            f"paint {paint:.0f} ms; first question interactive (script has taken over) "
            f"{ready:.0f} ms; largest cumulative layout shift {shift:.3f}."
        )


if __name__ == "__main__":
    main()
