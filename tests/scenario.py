"""Scenario sites: a copy of this project in a temporary folder, changed by a test, then built.

Like mkdocs-macros-plugin's test scenarios: each test builds a tiny variant of the real site,
including variants that must fail with a given message.

Builds here skip the PDF downloads (SOAPGUIDE_PDFS=off: they need Chromium and take most of a
build's time) unless the test asks for them with ``pdfs=True``; such a test needs a browser and
is marked ``browser``. Every build counts the date the test session froze (SOAPGUIDE_TODAY, set
by conftest.py) as today.
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


def mkdocs(
    project: Path, *args: str, timeout: float = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m mkdocs *args`` in ``project``; ``env`` adds to this process's variables."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def build(
    project: Path, site_dir: Path | None = None, *, pdfs: bool = False, **env: str
) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``project`` into ``site_dir`` (default ``project/site``).

    Without ``pdfs`` the PDF step is off; ``env`` sets more variables (e.g. CHROMIUM_PATH)."""
    settings = {"SOAPGUIDE_PDFS": "on" if pdfs else "off", **env}
    site = str(site_dir or project / "site")
    return mkdocs(project, "build", "--strict", "--site-dir", site, env=settings)
