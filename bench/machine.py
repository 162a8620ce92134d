"""The machine a bench ran on, and its load: figures from a busy machine read differently."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from dataclasses import dataclass, field
from importlib import metadata


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()


def _version(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    return (
        (result.stdout or result.stderr).strip().splitlines()[0] if result.returncode == 0 else "?"
    )


@dataclass
class Machine:
    started: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())
    cpus: int = field(default_factory=lambda: os.cpu_count() or 0)
    python: str = field(default_factory=platform.python_version)
    loads: list[tuple[str, tuple[float, float, float]]] = field(default_factory=list)

    def note_load(self, moment: str) -> None:
        self.loads.append((moment, load_average()))

    def versions(self) -> dict[str, str]:
        found = {name: metadata.version(name) for name in ("mkdocs", "mkdocs-material")}
        found["Node"] = _version(["node", "--version"])
        found["Chromium"] = _version(
            [os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), "--version"]
        )
        return found
