"""Scenario sites: a copy of this project in a temporary folder, changed by a test, then built.

Like mkdocs-macros-plugin's test scenarios: each test builds a tiny variant of the real site,
including variants that must fail with a given message.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SITE_SOURCES = ("mkdocs.yml", "hooks", "overrides", "data", "docs", "schemas")


def copy_project(destination: Path) -> Path:
    """Copy what a build reads into ``destination``; return it."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(
                source, destination / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        elif source.exists():
            shutil.copy2(source, destination / name)
    return destination


def mkdocs(project: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def build(project: Path, site_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    return mkdocs(project, "build", "--strict", "--site-dir", str(site_dir or project / "site"))
