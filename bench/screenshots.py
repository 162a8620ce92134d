"""Screenshots of the site as a reader sees it: evidence for design reviews, never a test.

Run from the repo root: ``.venv/bin/python bench/screenshots.py [--out DIR] [--site DIR]``.
Without ``--site`` it builds the site first (no PDFs). Writes one PNG per page, screen size and
palette into ``DIR`` (default ``bench/screens/``), named ``<page>-<screen>-<palette>.png``:

- pages: home, an outcome of "Should I call?", What to say, the script cards, the rule page;
- screens: ``phone`` (390 x 844) and ``desktop`` (1440 x 900); the first screen only, which is
  what a reader judges first (``--full`` adds whole-page shots named ``...-full.png``);
- palettes: ``light`` and ``dark`` (the browser's ``prefers-color-scheme``).

The outcome is chosen from data/flow.yml, not pinned: the first path (in written order) that
ends with a "call" verdict and a script, else the first path with a script.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "hooks"), str(ROOT / "scripts")]
from soapguide.flow.model import Flow, FlowPath, build_flow  # noqa: E402
from soapguide.guide import load_content  # noqa: E402
from soapguide.printing.pdf import CHROMIUM_ARGS, chromium_path  # noqa: E402

from tests.scenario import build, copy_project  # noqa: E402
from tests.static_server import serve_directory  # noqa: E402

SCREENS = {"phone": (390, 844), "desktop": (1440, 900)}
PALETTES = {"light": "light", "dark": "dark"}


def outcome_query(flow: Flow) -> str:
    """The address query of a representative outcome, from whatever flow there is."""
    paths = flow.paths()

    def fits(path: FlowPath, verdict: str | None) -> bool:
        return bool(path.outcome.scripts) and verdict in (None, path.outcome.verdict)

    chosen = next((p for p in paths if fits(p, "call")), None) or next(
        (p for p in paths if fits(p, None)), paths[0]
    )
    return path_query(chosen)


def path_query(path: FlowPath) -> str:
    """The address query that replays a path's answers (what the flow writes in the URL)."""
    return "?a=" + ",".join(
        f"{step.question.id}:{step.question.options.index(step.option) + 1}" for step in path.steps
    )


def pages() -> dict[str, str]:
    flow = build_flow(load_content(ROOT / "data", ROOT).documents["flow"])
    return {
        "home": "",
        "outcome": "should-i-call/" + outcome_query(flow),
        "what-to-say": "what-to-say/",
        "print-cards": "print/script-cards/",
        "rule": "rules/",
    }


def shoot(site: Path, out: Path, full: bool) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with serve_directory(site) as base, sync_playwright() as p:
        host = urlsplit(base).hostname

        def local_only(route) -> None:  # the site makes no other request; never wait on one
            if urlsplit(route.request.url).hostname == host:
                route.continue_()
            else:
                route.abort()

        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for palette, scheme in PALETTES.items():
            for screen, (width, height) in SCREENS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height}, color_scheme=scheme
                )
                context.route("**/*", local_only)
                page = context.new_page()
                for name, path in pages().items():
                    page.goto(base + path, wait_until="networkidle")
                    if name == "outcome":
                        page.wait_for_selector("#flow.flow--js #flow-heading")
                    stem = f"{name}-{screen}-{palette}"
                    page.screenshot(path=out / f"{stem}.png")
                    written.append(out / f"{stem}.png")
                    if full:
                        page.screenshot(path=out / f"{stem}-full.png", full_page=True)
                        written.append(out / f"{stem}-full.png")
                context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "screens")
    parser.add_argument("--site", type=Path, help="a built site to shoot (default: build one)")
    parser.add_argument("--full", action="store_true", help="also take whole-page shots")
    args = parser.parse_args()
    if args.site:
        written = shoot(args.site, args.out, args.full)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            project = copy_project(Path(tmp) / "project")
            os.environ["SOAPGUIDE_PDFS"] = "off"
            result = build(project, Path(tmp) / "site")
            if result.returncode != 0:
                raise SystemExit(result.stderr)
            written = shoot(Path(tmp) / "site", args.out, args.full)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
