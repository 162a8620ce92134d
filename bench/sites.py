"""The sites the bench measures, made in bench/.work/ (git-ignored):

- ours: this project built as it is (``mkdocs build --strict``);
- the export (``make export``) and the floor: the export built by plain MkDocs + Material;
- stock: a one-page Material site with the default settings but system fonts, the anchor that
  Lighthouse measures in the same run as our pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "bench" / ".work"
ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}

STOCK_CONFIG = """\
site_name: Stock Material
theme:
  name: material
  font: false   # no Google Fonts request, as on our site
"""
STOCK_PAGE = """\
# Welcome to MkDocs

For full documentation visit [mkdocs.org](https://www.mkdocs.org).

## Commands

* `mkdocs new [dir-name]` - Create a new project.
* `mkdocs serve` - Start the live-reloading docs server.
* `mkdocs build` - Build the documentation site.
* `mkdocs -h` - Print help message and exit.

## Project layout

    mkdocs.yml    # The configuration file.
    docs/
        index.md  # The documentation homepage.
        ...       # Other markdown pages, images and other files.
"""


def run(args: list[str], cwd: Path, **env: str) -> None:
    result = subprocess.run(
        args, cwd=cwd, env={**os.environ, **ENV, **env}, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed in {cwd}:\n{result.stdout}{result.stderr}")


def build(project: Path, site: Path, pdfs: bool = False) -> Path:
    shutil.rmtree(site, ignore_errors=True)
    run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        project,
        SOAPGUIDE_PDFS="on" if pdfs else "off",
    )
    return site


def export(project: Path, out: Path) -> Path:
    """``make export`` of ``project`` (a copy of this one, or this one) into ``out``."""
    run([sys.executable, str(project / "scripts" / "export_site.py"), str(out)], project)
    return out


def stock_project(out: Path) -> Path:
    """What ``mkdocs new`` writes, with Material (and system fonts) as the theme."""
    shutil.rmtree(out, ignore_errors=True)
    (out / "docs").mkdir(parents=True)
    (out / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    (out / "docs" / "index.md").write_text(STOCK_PAGE, encoding="utf-8")
    return out


def copy_project(destination: Path) -> Path:
    """What a build and an export read, copied (to grow its content)."""
    shutil.rmtree(destination, ignore_errors=True)
    destination.mkdir(parents=True)
    for name in ("mkdocs.yml", "hooks", "overrides", "data", "docs", "schemas", "scripts"):
        source = REPO / name
        if source.is_dir():
            skip = shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, destination / name, ignore=skip)
        else:
            shutil.copy2(source, destination / name)
    return destination


def page_paths(site: Path) -> list[str]:
    """Every page of a built site as a URL path ('' for home, 'faq/', ...), 404 left out."""
    return sorted(
        "" if path.parent == site else path.parent.relative_to(site).as_posix() + "/"
        for path in site.rglob("index.html")
    )
