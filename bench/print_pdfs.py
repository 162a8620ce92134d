"""Measure the PDF step: Chromium (what the build uses) against WeasyPrint, on the same built
print pages. Prints a Markdown section for bench/RESULTS.md ("## Print"); `--update` writes it
over that section in place.

For each engine and download: time (median of --runs), size, pages, page size in points, and
whether the PDF is faithful to what the tests demand of the Chromium one: the expected page
count and size, every card's or checklist item's text, and nothing but the cards (no page
heading). Page 1 of each is also rendered to PNG (pdftoppm) in bench/.work/ to look at.

WeasyPrint is optional: `.venv/bin/pip install weasyprint==70.0` to include it.

Run: `.venv/bin/python bench/print_pdfs.py [--runs 3] [--update]`
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / ".work" / "print"
sys.path[:0] = [str(ROOT), str(ROOT / "hooks"), str(ROOT / "scripts")]

from soapguide.printing import pdf  # noqa: E402

from bench.results_file import write_section  # noqa: E402
from tests.print_support import (  # noqa: E402
    A4_PT,
    CARD_SIZE_IN,
    LETTER_PT,
    POCKET_SIZE_IN,
    cards,
    inches_to_points,
    pocket_texts,
    read_pdf,
    same_size,
    squash,
)

CARD_TEXTS = [text for card in cards() for text in card.texts]
EXPECTED = {  # name -> pages, size in points, texts, a heading that must not be printed
    "script-cards-letter.pdf": (
        (len(cards()) + 1) // 2,
        LETTER_PT,
        CARD_TEXTS,
        "Print or download",
    ),
    "script-cards-a4.pdf": ((len(cards()) + 1) // 2, A4_PT, CARD_TEXTS, "Print or download"),
    "script-cards-4x6.pdf": (
        len(cards()),
        inches_to_points(CARD_SIZE_IN),
        CARD_TEXTS,
        "Print or download",
    ),
    "pocket-checklist.pdf": (
        1,
        inches_to_points(POCKET_SIZE_IN),
        pocket_texts(),
        "Print or download",
    ),
    "pocket-checklists-letter.pdf": (1, LETTER_PT, pocket_texts(), "Print or download"),
    "pocket-checklists-a4.pdf": (1, A4_PT, pocket_texts(), "Print or download"),
}


@dataclass
class Row:
    engine: str
    name: str
    seconds: float
    size: int
    pages: int
    page_size: tuple[float, float]
    problems: list[str]


def build_site(site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOAPGUIDE_PDFS": "off"}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def check(name: str, path: Path) -> tuple[int, tuple[float, float], list[str]]:
    pages, size, texts, heading = EXPECTED[name]
    got = read_pdf(path)
    problems = []
    if len(got.pages) != pages:
        problems.append(f"{len(got.pages)} pages, not {pages}")
    if not all(same_size(s, size) for s in got.sizes):
        problems.append(f"page size {got.sizes[0][0]:.0f} x {got.sizes[0][1]:.0f} pt")
    text = squash(" ".join(got.pages))
    missing = [t for t in texts if squash(t) not in text]
    if missing:
        problems.append(f"{len(missing)} of {len(texts)} texts missing")
    if squash(heading) in text:
        problems.append("prints the page around the cards")
    return len(got.pages), got.sizes[0], problems


def run_chromium(site: Path, runs: int) -> tuple[list[Row], float, float]:
    """Rows per download, plus browser start-up time and the whole step's time (medians)."""
    times: dict[str, list[float]] = {job.name: [] for job in pdf.JOBS}
    launches, totals = [], []
    for _ in range(runs):
        started = time.perf_counter()
        with pdf.chromium() as browser:
            launches.append(time.perf_counter() - started)
            page = browser.new_page()
            for job in pdf.JOBS:
                result = pdf.render_pdf(
                    page, site, job, "SOAP Call Guide", WORK / "chromium" / job.name
                )
                times[job.name].append(result.seconds)
            page.close()
        totals.append(time.perf_counter() - started)
    rows = []
    for job in pdf.JOBS:
        path = WORK / "chromium" / job.name
        pages, size, problems = check(job.name, path)
        rows.append(
            Row(
                "Chromium",
                job.name,
                statistics.median(times[job.name]),
                path.stat().st_size,
                pages,
                size,
                problems,
            )
        )
    return rows, statistics.median(launches), statistics.median(totals)


def run_weasyprint(site: Path, runs: int) -> list[Row]:
    try:
        import weasyprint
    except ImportError:
        return []
    rows = []
    for job in pdf.JOBS:
        source = site / job.page
        html = source.read_text("utf-8")
        if job.paper:  # what print.js / the PDF step set on <html>; WeasyPrint runs no script
            html = re.sub(r"<html\b", f'<html data-print-paper="{job.paper}"', html, count=1)
        out = WORK / "weasyprint" / job.name
        out.parent.mkdir(parents=True, exist_ok=True)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            weasyprint.HTML(string=html, base_url=str(source)).write_pdf(out)
            times.append(time.perf_counter() - started)
        pages, size, problems = check(job.name, out)
        rows.append(
            Row(
                "WeasyPrint " + weasyprint.__version__,
                job.name,
                statistics.median(times),
                out.stat().st_size,
                pages,
                size,
                problems,
            )
        )
    return rows


def look(rows: list[Row]) -> None:
    if not shutil.which("pdftoppm"):
        return
    for row in rows:
        folder = "chromium" if row.engine == "Chromium" else "weasyprint"
        path = WORK / folder / row.name
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                str(path),
                str(path.with_suffix("")),
            ],
            check=False,
        )


def section(rows: list[Row], build_s: float, launch_s: float, total_s: float, runs: int) -> str:
    lines = [
        "## Print",
        "",
        f"Run: `.venv/bin/python bench/print_pdfs.py` (median of {runs}). "
        f"Measured {dt.date.today().isoformat()} on this machine.",
        "",
        "The PDF downloads, printed from the same built print pages by each engine. "
        '"Faithful" means what the tests demand of the build\'s PDFs: the page count and size, '
        "every card's or checklist item's text, and nothing printed around the cards.",
        "",
        "| engine | PDF | time | size | pages | page size (pt) | faithful |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for r in rows:
        faithful = "yes" if not r.problems else "no: " + "; ".join(r.problems)
        lines.append(
            f"| {r.engine} | {r.name} | {r.seconds:.2f} s | {r.size / 1024:.0f} KiB | {r.pages} "
            f"| {r.page_size[0]:.0f} x {r.page_size[1]:.0f} | {faithful} |"
        )
    lines += [
        "",
        f"Chromium start-up: {launch_s:.2f} s; the whole PDF step (start-up and every PDF): "
        f"{total_s:.2f} s, on top of a {build_s:.2f} s site build without PDFs. "
        f"Load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--update", action="store_true", help="write the section into RESULTS.md")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    site = WORK / "site"
    build_s = build_site(site)
    rows, launch_s, total_s = run_chromium(site, args.runs)
    rows += run_weasyprint(site, args.runs)
    look(rows)
    text = section(rows, build_s, launch_s, total_s, args.runs)
    print(text)
    if args.update:
        write_section("Print", text)


if __name__ == "__main__":
    main()
