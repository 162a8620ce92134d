"""`make bench` (python -m bench): measure the build and the site, write bench/RESULTS.md.

    python -m bench                 # everything: about 20 minutes on a quiet 2-core machine
    python -m bench --size tiny     # every table, one run each, small: about a minute
    python -m bench --out FILE      # write elsewhere (the test suite does, at --size tiny)

Lighthouse needs npm (bench/lighthouse/, installed on first use); Zensical is installed into
bench/.work/zensical-venv on first use. Both are left out at --size tiny.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench import report
from bench.build_cost import measure_build
from bench.chromium import chromium
from bench.growth import measure_growth
from bench.lighthouse_runs import measure_pages
from bench.machine import Machine
from bench.page_weight import measure_weights
from bench.sites import REPO, WORK, build, page_paths, stock_project
from bench.zensical_build import measure_zensical

SIZES = {
    # runs, PDF runs, growth factors, Lighthouse runs, Zensical runs, pages (None: all)
    "full": (5, 3, (1, 10, 100), 3, 3, None),
    "tiny": (1, 0, (1, 2, 3), 0, 0, ["", "should-i-call/"]),
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=SIZES, default="full")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "RESULTS.md")
    parser.add_argument("--work", type=Path, default=WORK, help="scratch folder")
    parser.add_argument("--lighthouse-runs", type=int, help="0 leaves Lighthouse out")
    parser.add_argument("--zensical-runs", type=int, help="0 leaves Zensical out")
    parser.add_argument("--runs", type=int, help="builds of each kind (median)")
    args = parser.parse_args(argv)
    runs, pdf_runs, factors, lh_runs, zen_runs, pages = SIZES[args.size]
    runs = args.runs or runs
    lh_runs = lh_runs if args.lighthouse_runs is None else args.lighthouse_runs
    zen_runs = zen_runs if args.zensical_runs is None else args.zensical_runs
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)

    machine = Machine()
    machine.note_load("at the start")
    sections: list[str] = []

    def step(text: str) -> None:
        """Say what comes next, and write what is measured so far (a long run that fails
        late still leaves its first tables)."""
        if sections:
            report.write(args.out, [report.machine_section(machine, runs, args.size), *sections])
        print(f"bench: {text}", file=sys.stderr, flush=True)

    step(f"build cost, {runs} runs each of ours and the floor, {pdf_runs} with PDFs")
    cost = measure_build(REPO, runs, pdf_runs, work)
    machine.note_load("after the build runs")
    sections.append(report.build_section(cost))

    step(f"growth at {', '.join(f'{f}x' for f in factors)}")
    sizes = measure_growth(factors, runs, work)
    machine.note_load("after growth")
    sections.append(report.growth_section(sizes))

    step("page weight")
    ours = work / "site-ours"  # left by the last build run (no PDFs: downloads, not weight)
    floor = work / "site-floor"
    paths = pages if pages is not None else page_paths(ours)
    with chromium() as browser:
        weights = measure_weights(browser, ours, floor, REPO / "docs", paths)
    sections.append(report.weight_section(weights))

    if lh_runs:
        step(f"Lighthouse, {lh_runs} runs of {len(paths) + 1} pages")
        stock = build(stock_project(work / "stock"), work / "site-stock")
        machine.note_load("before Lighthouse")
        scores = measure_pages([("stock Material", stock, [""]), ("ours", ours, paths)], lh_runs)
        machine.note_load("after Lighthouse")
        sections.append(report.lighthouse_section(scores))

    if zen_runs:
        step(f"Zensical, {zen_runs} runs")
        result = measure_zensical(work / "export", floor, zen_runs, work)
        sections.append(report.zensical_section(result, cost.floor.wall, cost.floor.cpu))

    machine.note_load("at the end")
    step(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
