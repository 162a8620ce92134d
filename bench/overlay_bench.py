"""What the office overlay costs: the time it adds to a build, and the time from an edit of
office/office.yml to a rebuilt site (without the PDFs).

    .venv/bin/python bench/overlay_bench.py [--runs N]

Prints a Markdown section for bench/RESULTS.md ("Office overlay"). Budgets (issue 8): applying
the overlay adds under 50 ms to a build; an office.yml edit to a built site, without the PDFs,
takes under 10 s. Measured, never asserted in tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "scripts")]

from check_content import markdown_settings, read_config  # noqa: E402
from soapguide.guide import load_content, load_guide, load_office, page_uri  # noqa: E402
from soapguide.site import all_page_sources, check_site, nav_pages  # noqa: E402

SOURCES = ("mkdocs.yml", "hooks", "overrides", "data", "docs", "schemas", "scripts")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def project(destination: Path, office: bool) -> Path:
    destination.mkdir(parents=True)
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, destination / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / name)
    if office:
        shutil.copytree(ROOT / "examples" / "office", destination / "office")
    return destination


def median_ms(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU time of ``action``, in milliseconds."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_s(
    command: list[str], cwd: Path, runs: int, before: Callable[[int], None]
) -> tuple[float, float]:
    """Median wall and CPU (user + system) time of running ``command``, in seconds."""
    wall, cpu = [], []
    for run in range(runs):
        before(run)
        started, started_cpu = time.perf_counter(), _children_cpu()
        result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
        wall.append(time.perf_counter() - started)
        cpu.append(_children_cpu() - started_cpu)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return statistics.median(wall), statistics.median(cpu)


def engine_costs(upstream: Path, fork: Path, runs: int) -> dict[str, tuple[float, float]]:
    """Milliseconds, in-process: loading without and with the office; the overlay's own
    steps (read and check office.yml, apply the changes, cross-checks again); and the page
    changes (hide, notes, links) on every page plus the menu."""
    config = read_config(ROOT)
    extensions, options = markdown_settings(config)
    content = load_content(fork / "data", fork)
    guide = load_guide(fork / "data", fork, extensions, options)
    check_site(guide, fork / "docs", config["nav"], fork / "mkdocs.yml")
    sources = all_page_sources(guide, fork / "docs")
    rendered = {
        page_uri(name): guide.renderer.render_page_once(source, name)[0].markdown
        for name, source in sources.items()
        if page_uri(name) not in guide.page_changes.hidden_pages
    }
    by_uri = {page_uri(name): source for name, source in sources.items()}

    def pages() -> None:
        for uri, text in rendered.items():
            guide.page_changes.apply(text, uri)
        list(nav_pages(guide.page_changes.nav(config["nav"])))

    return {
        "load without office": median_ms(
            lambda: load_guide(upstream / "data", upstream, extensions, options), runs
        ),
        "load with office": median_ms(
            lambda: load_guide(fork / "data", fork, extensions, options), runs
        ),
        "overlay: office.yml read, checked, applied, cross-checked": median_ms(
            lambda: load_office(content, fork), runs
        ),
        "overlay: pages (hide, notes, links) and the menu": median_ms(pages, runs),
        "overlay: its pages, sections and menu places checked": median_ms(
            lambda: guide.page_changes.check(by_uri, list(nav_pages(config["nav"]))),
            runs,
        ),
    }


def build_costs(upstream: Path, fork: Path, runs: int) -> dict[str, tuple[float, float]]:
    """Seconds, as a process: the whole build without PDFs, without and with the office; and
    an office.yml edit followed by make check and the build (the CI path without PDFs)."""
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"]
    env_off = {"SOAPGUIDE_PDFS": "off"}
    ENV.update(env_off)
    office_yml = fork / "office" / "office.yml"
    original = office_yml.read_text("utf-8")

    def edit(run: int) -> None:
        office_yml.write_text(
            original.replace("Riverside students:", f"Riverside students (edit {run}):"), "utf-8"
        )

    check = [sys.executable, "scripts/check_content.py"]
    results = {
        "build, no office": median_s(build, upstream, runs, lambda run: None),
        "build, example office": median_s(build, fork, runs, lambda run: None),
        "office.yml edit -> make check": median_s(check, fork, runs, edit),
        "office.yml edit -> build (no PDFs)": median_s(build, fork, runs, edit),
    }
    office_yml.write_text(original, "utf-8")
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15, help="in-process runs (builds: 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        upstream = project(Path(folder) / "upstream", office=False)
        fork = project(Path(folder) / "fork", office=True)
        engine = engine_costs(upstream, fork, args.runs)
        builds = build_costs(upstream, fork, 3)
    # What the overlay adds: its own steps (a build applies the page changes once per page,
    # and again to the pages that link to something hidden). Loading with and without an
    # office differ by less than the noise of loading the guide at all: that is not used.
    steps = [name for name in engine if name.startswith("overlay:")]
    added = [sum(engine[name][i] for name in steps) for i in (0, 1)]
    edit = [
        builds["office.yml edit -> make check"][i] + builds["office.yml edit -> build (no PDFs)"][i]
        for i in (0, 1)
    ]
    load_average = os.getloadavg()[0]
    print("## Office overlay\n")
    print(
        f"Measured {dt.date.today().isoformat()} on this machine with examples/office as "
        f"office/; load average {load_average:.1f} on {os.cpu_count()} cores. CPU time (user + "
        "system) is what the same work takes on an idle machine; wall time shows the load."
    )
    print("\nRun: `.venv/bin/python bench/overlay_bench.py`\n")
    print(f"### In the engine (median of {args.runs}, in-process)\n")
    print("| step | wall | CPU |\n|---|---:|---:|")
    for name, (wall, cpu) in engine.items():
        print(f"| {name} | {wall:.1f} ms | {cpu:.1f} ms |")
    print(
        "| **added to a build by the overlay** (its steps) | "
        f"**{added[0]:.1f} ms** | **{added[1]:.1f} ms** |"
    )
    print("\n### Builds (median of 3, `mkdocs build --strict`, SOAPGUIDE_PDFS=off)\n")
    print("| step | wall | CPU |\n|---|---:|---:|")
    for name, (wall, cpu) in builds.items():
        print(f"| {name} | {wall:.2f} s | {cpu:.2f} s |")
    print(
        f"| **office.yml edit -> checked and rebuilt site** | **{edit[0]:.2f} s** | "
        f"**{edit[1]:.2f} s** |"
    )
    print(
        f"\nBudgets (CPU time): the overlay adds {added[1]:.1f} ms to a build (budget 50 ms: "
        f"{'within' if added[1] < 50 else 'OVER'}); an office.yml edit to a checked, rebuilt "
        f"site without PDFs takes {edit[1]:.1f} s (budget 10 s: "
        f"{'within' if edit[1] < 10 else 'OVER'})."
    )


if __name__ == "__main__":
    main()
