"""`make bench` runs (here at its tiny size) and writes its tables. It measures; the suite only
checks that it works and what it writes, never a time (bench/RESULTS.md holds the figures)."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests import shared_builds
from tests.scenario import REPO

# page weight loads pages in Chromium; one run of `make bench` takes many seconds
pytestmark = [pytest.mark.bench, pytest.mark.browser, pytest.mark.long]


@pytest.fixture(scope="session")
def results(tmp_path_factory):
    """RESULTS.md as one tiny run of `make bench` writes it (one run shared by the workers)."""

    def run(scratch):
        out = scratch / "RESULTS.md"
        out.write_text("# Benchmarks\n\nA reading written by hand, kept by every run.\n", "utf-8")
        command = ["make", "--no-print-directory", "bench"]
        command.append(f"BENCH_ARGS=--size tiny --out {out} --work {scratch / 'work'}")
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stdout + result.stderr

    return (shared_builds.once(tmp_path_factory, "bench", run) / "RESULTS.md").read_text("utf-8")


def section(text: str, title: str) -> str:
    match = re.search(
        rf"^### {re.escape(title)}\n(.*?)(?=^### |<!-- make bench: end)", text, re.S | re.M
    )
    assert match, f"no '### {title}' section"
    return match.group(1)


def rows(table_text: str) -> list[list[str]]:
    lines = [line for line in table_text.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def test_the_run_says_when_and_on_what_machine(results):
    assert re.search(r"Run \d{4}-\d\d-\d\d \d\d:\d\d", results)
    assert re.search(r"\d+ CPUs", results) and "Load average" in results


def test_it_keeps_what_is_outside_its_markers(results):
    assert "A reading written by hand, kept by every run." in results
    assert results.count("<!-- make bench: start") == 1


def test_build_split_and_ratio_to_the_floor(results):
    split = rows(section(results, "Build cost, split"))
    parts = [row[0] for row in split]
    assert any("load and validate" in p for p in parts)
    assert any("render pages" in p for p in parts)
    assert any("MkDocs and Material" in p for p in parts)
    floor = section(results, "Against the floor")
    assert re.search(r"\*\*ours ÷ floor\*\* \| \*\*\d+\.\d\d×\*\*", floor)
    # A first build (every check, the engine compiled) as well as a rebuild (both kept).
    assert re.search(r"\*\*ours, first build ÷ floor\*\* \| \*\*\d+\.\d\d×\*\*", floor)
    assert re.search(r"\d+ MB", floor)


def test_growth_has_a_row_per_size(results):
    growth = rows(section(results, "Growth"))
    assert [row[0] for row in growth] == ["1×", "2×", "3×"]
    faq = [int(row[1]) for row in growth]
    assert faq[1] == 2 * faq[0] and faq[2] == 3 * faq[0]
    assert "linear" in section(results, "Growth")


def test_page_weight_has_a_row_per_page_measured(results):
    weights = rows(section(results, "Page weight"))
    assert [row[0] for row in weights] == ["/", "/should-i-call/"]
    for row in weights:
        assert all(re.fullmatch(r"\+?-?\d+\.\d KB( \*\*over\*\*)?", cell) for cell in row[1:9])
