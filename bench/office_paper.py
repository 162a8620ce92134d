"""Measure the paper side of an advising office (issue 8): the whole `mkdocs build` with its PDF
step, upstream, with a typical office and with an office whose names are all 60 characters
long (tests/office_fixture.py), and each PDF's pages and size. Prints a Markdown section for
bench/RESULTS.md ("## Print: offices and long names"); `--update` writes it in place.

Run: `.venv/bin/python bench/office_paper.py [--runs 3] [--update]`
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / ".work" / "office-paper"
sys.path[:0] = [str(ROOT), str(ROOT / "hooks"), str(ROOT / "scripts")]

from soapguide.printing.pdf import JOBS  # noqa: E402

from bench.results_file import write_section  # noqa: E402
from tests import office_fixture  # noqa: E402
from tests.print_support import read_pdf  # noqa: E402
from tests.scenario import copy_project  # noqa: E402

VARIANTS = {
    "upstream": None,
    "typical office": office_fixture.TYPICAL,
    "60-character names": office_fixture.LONGEST,
}


def build(project: Path, pdfs: str) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOAPGUIDE_PDFS": pdfs}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def measure(runs: int) -> list[str]:
    rows, sizes = [], []
    for label, office in VARIANTS.items():
        project = WORK / label.replace(" ", "-")
        shutil.rmtree(project, ignore_errors=True)
        copy_project(project)
        if office:
            office_fixture.install(project, office)
        without = statistics.median(build(project, "off") for _ in range(runs))
        with_pdfs = statistics.median(build(project, "on") for _ in range(runs))
        rows.append(
            f"| {label} | {without:.2f} s | {with_pdfs:.2f} s | {with_pdfs - without:.2f} s |"
        )
        for job in JOBS:
            path = project / "site" / "downloads" / job.name
            pdf = read_pdf(path)
            size = path.stat().st_size / 1024
            sizes.append(f"| {label} | {job.name} | {len(pdf.pages)} | {size:.0f} KiB |")
    return [
        "## Print: offices and long names",
        "",
        f"Run: `.venv/bin/python bench/office_paper.py` (median of {runs}). "
        f"Measured {dt.date.today().isoformat()} on this machine; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.",
        "",
        "The whole `mkdocs build --strict`, without and with the PDF step (six PDFs, each checked "
        "to fit exactly and to have the pages expected):",
        "",
        "| site | without PDFs | with PDFs | PDF step |",
        "|---|---:|---:|---:|",
        *rows,
        "",
        "| site | PDF | pages | size |",
        "|---|---|---:|---:|",
        *sizes,
        "",
        "Reading: an office adds one card (the office card: 4 x 6 in PDF one page more, the "
        "sheets fill the last half-empty sheet) and 2-5 KiB to each PDF; 60-character names "
        "change no page count. The two sheet PDFs (four pocket checklists each) cost about what "
        "the single pocket checklist does. Times follow the machine's load more than the site: "
        "compare rows of one run only.",
        "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--update", action="store_true", help="write the section into RESULTS.md")
    args = parser.parse_args()
    text = "\n".join(measure(args.runs))
    print(text)
    if args.update:
        write_section("Print: offices and long names", text)


if __name__ == "__main__":
    main()
