"""The build's cost, split into its parts, against the floor: the same pages, already rendered
by ``make export``, built by plain MkDocs + Material (no hooks, no overrides).

Our build and the floor are run in turns (ours, floor, ours, floor, ...) so that a change in the
machine's load hits both alike; every figure is a median. The ratio is ours without the PDF
step ÷ the floor, in wall time (what a person waits) and in CPU time (steadier when other
processes share the machine).

Our build is measured twice over. A *rebuild*: content that passed its checks before (the check
cache, hooks/soapguide/check/cache.py), its texts converted before (the text store,
hooks/soapguide/render/text_store.py) and the engine's compiled bytecode kept (under
PYTHONPYCACHEPREFIX, as `make` keeps it), as on a second `make build`. A *first build*: every
check run and every engine module compiled from source, as on a fresh clone in CI
(SOAPGUIDE_CACHE=off, PYTHONDONTWRITEBYTECODE=1). The floor gets the rebuild's settings;
MkDocs and Material are compiled when they are installed, in both.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.measure import Runs, run_many
from bench.sites import ENV, WORK, export


@dataclass(frozen=True)
class BuildCost:
    ours: Runs  # without PDFs, a rebuild
    floor: Runs
    with_pdfs: Runs
    cold: Runs = Runs(())  # without PDFs, a first build

    @property
    def ratio_cold_wall(self) -> float:
        return self.cold.wall / self.floor.wall

    @property
    def ratio_cold_cpu(self) -> float:
        return self.cold.cpu / self.floor.cpu

    @property
    def ratio_wall(self) -> float:
        return self.ours.wall / self.floor.wall

    @property
    def ratio_cpu(self) -> float:
        return self.ours.cpu / self.floor.cpu


def probe(project: Path, site: Path, *flags: str) -> list[str]:
    return [sys.executable, "-m", "bench.build_probe", str(project), str(site), *flags]


def measure_build(project: Path, runs: int, pdf_runs: int, work: Path = WORK) -> BuildCost:
    """Build ``project`` and its floor ``runs`` times each, in turns, and with PDFs
    ``pdf_runs`` times."""
    repo = Path(__file__).resolve().parents[1]
    floor_project = export(project, work / "export")
    site_ours, site_floor = work / "site-ours", work / "site-floor"

    def clean(site: Path):
        return lambda: shutil.rmtree(site, ignore_errors=True)

    rebuild_env = {
        **ENV,
        "PYTHONDONTWRITEBYTECODE": "",  # empty: bytecode is written, under the prefix
        "PYTHONPYCACHEPREFIX": str(work / "pycache"),
    }
    first_env = {**ENV, "SOAPGUIDE_CACHE": "off", "PYTHONDONTWRITEBYTECODE": "1"}
    # The check cache, the text store and the bytecode, filled.
    run_many(probe(project, site_ours), repo, 1, rebuild_env, clean(site_ours))
    ours_runs, cold_runs, floor_runs = [], [], []
    for _ in range(runs):
        ours = run_many(probe(project, site_ours), repo, 1, rebuild_env, clean(site_ours))
        ours_runs += ours.runs
        cold_runs += run_many(probe(project, site_ours), repo, 1, first_env, clean(site_ours)).runs
        floor_runs += run_many(
            probe(floor_project, site_floor, "--plain"), repo, 1, rebuild_env, clean(site_floor)
        ).runs
    site_pdfs = work / "site-pdfs"
    with_pdfs = (
        run_many(probe(project, site_pdfs, "--pdfs"), repo, pdf_runs, ENV, clean(site_pdfs))
        if pdf_runs
        else Runs(())
    )
    return BuildCost(
        Runs(tuple(ours_runs)), Runs(tuple(floor_runs)), with_pdfs, Runs(tuple(cold_runs))
    )
