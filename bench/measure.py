"""Run a command several times in a fresh process and keep the medians: wall time, CPU time
(user + system: steadier than wall time on a machine others are using) and peak memory."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # seconds, user + system
    peak_mb: float  # resident set size, MiB
    report: Mapping[str, float] = field(default_factory=dict)  # what the child printed as JSON
    output: str = ""  # what it printed (stdout, then stderr)


@dataclass(frozen=True)
class Runs:
    runs: tuple[Run, ...]

    def median(self, what: Callable[[Run], float]) -> float:
        return statistics.median(what(run) for run in self.runs)

    @property
    def wall(self) -> float:
        return self.median(lambda r: r.wall)

    @property
    def cpu(self) -> float:
        return self.median(lambda r: r.cpu)

    @property
    def peak_mb(self) -> float:
        return self.median(lambda r: r.peak_mb)

    def part(self, name: str) -> float:
        return self.median(lambda r: r.report.get(name, 0.0))


class CommandFailed(RuntimeError):
    pass


def run_once(command: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None) -> Run:
    """Run ``command``; its last stdout line, if JSON, is kept as the run's report."""
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # wait4 gives this child's own CPU time and peak memory (not every child's so far).
    out_chunks: list[str] = []
    err_chunks: list[str] = []
    stdout, stderr = process.stdout, process.stderr
    assert stdout is not None and stderr is not None
    readers = [
        threading.Thread(target=lambda: out_chunks.append(stdout.read())),
        threading.Thread(target=lambda: err_chunks.append(stderr.read())),
    ]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    out, err = "".join(out_chunks), "".join(err_chunks)
    if process.returncode != 0:
        raise CommandFailed(f"{' '.join(command)} (in {cwd}) exited {process.returncode}:\n{err}")
    report: dict[str, float] = {}
    lines = out.strip().splitlines()
    if lines and lines[-1].startswith("{"):
        report = json.loads(lines[-1])
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, usage.ru_maxrss / 1024, report, out + err)


def run_many(
    command: Sequence[str],
    cwd: Path,
    times: int,
    env: Mapping[str, str] | None = None,
    before: Callable[[], None] | None = None,
) -> Runs:
    """``times`` runs of ``command`` (``before`` is called before each, e.g. to clean up)."""
    runs = []
    for _ in range(times):
        if before:
            before()
        runs.append(run_once(command, cwd, env))
    return Runs(tuple(runs))
