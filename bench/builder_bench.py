"""Measure "Make your script": its JS and CSS (raw and gzip), our JS on every page, and in
Chromium how long a keystroke takes to update the preview, the speaking time and the tone flags.

Budgets (issue 10): builder.js under 4 KB gzipped and loaded only on its page; all of our JS on
any one page under 8 KB gzipped; a keystroke handled within one frame (16 ms). Measurements
only: nothing here is asserted in tests.

Run: ``.venv/bin/python bench/builder_bench.py`` from the repo root (about a minute). It prints
a Markdown section and writes it into bench/RESULTS.md between the "builder bench" markers
(``--no-write`` only prints).
"""

from __future__ import annotations

import gzip
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))
from soapguide.printing.pdf import CHROMIUM_ARGS, chromium_path  # noqa: E402

from tests.static_server import serve_directory  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
START, END = "<!-- builder bench: start -->", "<!-- builder bench: end -->"
PAGE = "make-your-script/"
BUILDER_JS = "assets/javascripts/builder.js"
BUILDER_CSS = "assets/stylesheets/builder.css"
JS_BUDGET, PAGE_JS_BUDGET, FRAME_MS = 4 * 1024, 8 * 1024, 16.0
# Material's own scripts are not ours; everything else under assets/javascripts/ is.
THEIRS = re.compile(r"assets/javascripts/(bundle\.|workers/|lunr/)")
SCRIPT_SRC = re.compile(r'<script[^>]+src="([^"]+)"')
RUNS = 3
TYPED = (
    ("#builder-field-director_last_name", "Okafor"),
    ("#builder-field-applicant_name", "Jordan Avery Lee"),
    (
        "#builder-field-specific_detail",
        "strong inpatient teaching, faculty support on nights and the 24 hour ICU service, and "
        "I'd do anything to be part of it: it is my top choice and my dream",
    ),
)

# Installed before the page's own scripts: the keydown that starts each keystroke (capture, on
# window, so it runs first) and the end of the input handlers (bubble, on window, so it runs
# after the form's own), then the start of the next frame.
PROBE = """
window.__keys = [];
let start = 0;
addEventListener("keydown", () => { start = performance.now(); }, true);
addEventListener("input", () => {
  const handled = performance.now(), began = start;
  requestAnimationFrame(() => window.__keys.push([handled - began, performance.now() - began]));
});
"""


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def kib(size: int) -> str:
    return f"{size / 1024:.2f} KiB"


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOAPGUIDE_PDFS": "off"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def our_js_by_page(site: Path) -> dict[str, list[str]]:
    pages = {}
    for html in sorted(site.rglob("index.html")):
        page = html.parent.relative_to(site).as_posix()
        if page.startswith(("assets", "search")):
            continue
        scripts = []
        for src in SCRIPT_SRC.findall(html.read_text("utf-8")):
            path = (html.parent / src.split("?")[0]).resolve().relative_to(site.resolve())
            if path.as_posix().startswith("assets/javascripts/") and not THEIRS.match(
                path.as_posix()
            ):
                scripts.append(path.as_posix())
        pages["/" + ("" if page == "." else page + "/")] = scripts
    return pages


def keystrokes(site: Path) -> list[tuple[float, float]]:
    from playwright.sync_api import sync_playwright

    times: list[tuple[float, float]] = []
    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for _ in range(RUNS):
            page = browser.new_page()
            page.add_init_script(PROBE)
            page.goto(base + PAGE + "?script=program-director-call")
            page.wait_for_selector("#script-builder.builder--js")
            for field, text in TYPED:
                page.focus(field)
                page.keyboard.type(text, delay=20)
            page.wait_for_timeout(100)
            times += page.evaluate("window.__keys")
            assert page.locator(".builder-flag").count() >= 1  # the flags were drawn
            assert page.locator("#builder-over").is_visible()  # and the warning
            page.close()
        browser.close()
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(site: Path) -> str:
    js, css = (site / BUILDER_JS).read_bytes(), (site / BUILDER_CSS).read_bytes()
    pages = our_js_by_page(site)
    per_page = {
        page: sum(gz((site / path).read_bytes()) for path in scripts)
        for page, scripts in pages.items()
    }
    carrying = [page for page, scripts in pages.items() if BUILDER_JS in scripts]
    heaviest = max(per_page, key=per_page.get)
    times = keystrokes(site)
    handled, framed = [t[0] for t in times], [t[1] for t in times]
    load = os.getloadavg()
    lines = [
        START,
        "## Script builder",
        "",
        f"Measured {date.today().isoformat()} by `bench/builder_bench.py` on {os.cpu_count()} "
        f"cores ({platform.machine()}), load average {load[0]:.1f} / {load[1]:.1f} / "
        f"{load[2]:.1f} (the machine is shared; timings under load are upper bounds).",
        "",
        "| budget | measured | limit | within |",
        "|---|---:|---:|:---:|",
        f"| builder.js, gzip | {kib(gz(js))} ({kib(len(js))} raw) | {kib(JS_BUDGET)} | "
        f"{'yes' if gz(js) < JS_BUDGET else 'NO'} |",
        f"| pages that load builder.js | {', '.join(carrying) or 'none'} | /{PAGE} only | "
        f"{'yes' if carrying == ['/' + PAGE] else 'NO'} |",
        f"| our JS on the heaviest page ({heaviest}), gzip | {kib(per_page[heaviest])} | "
        f"{kib(PAGE_JS_BUDGET)} | {'yes' if per_page[heaviest] < PAGE_JS_BUDGET else 'NO'} |",
        f"| keystroke to handled (preview, time, tone, checklist, email), median / p95 / max "
        f"of {len(handled)} | {statistics.median(handled):.2f} / "
        f"{percentile(handled, 0.95):.2f} / {max(handled):.2f} ms | {FRAME_MS:.0f} ms | "
        f"{'yes' if percentile(handled, 0.95) < FRAME_MS else 'NO'} |",
        f"| keystroke to the next frame, median / p95 / max | {statistics.median(framed):.2f} "
        f"/ {percentile(framed, 0.95):.2f} / {max(framed):.2f} ms | (one frame) | |",
        "",
        f"builder.css: {kib(len(css))} raw, {kib(gz(css))} gzip, on its page only.",
        "",
        f"On /{PAGE}: "
        + ", ".join(f"{Path(s).name} {kib(gz((site / s).read_bytes()))}" for s in pages["/" + PAGE])
        + " (gzip). Each page loads only the scripts its content uses "
        "(hooks/soapguide/render/assets.py); the review-date check is inline in the head.",
        "",
        "Our JS per page (gzip):",
        "",
        "| page | scripts | gzip |",
        "|---|---|---:|",
    ]
    for page, scripts in pages.items():
        names = ", ".join(Path(s).name for s in scripts) or "none"
        lines.append(f"| {page} | {names} | {kib(per_page[page])} |")
    lines += [
        "",
        "A keystroke is timed from its keydown (the first listener on the page) to the end of "
        "the input handlers, which redraw the preview card, the time, the tone flags, the "
        "checklist and the email; then to the start of the next animation frame. Typing is "
        "Playwright's keyboard at 20 ms a key into the three fields of the program-director "
        "script, with text that trips three tone checks and the time limit.",
        END,
    ]
    return "\n".join(lines)


def write(section: str) -> None:
    text = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmarks\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    RESULTS.write_text(text, "utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(site)
        section = report(site)
    print(section)
    if "--no-write" not in sys.argv:
        write(section)


if __name__ == "__main__":
    main()
