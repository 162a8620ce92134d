"""An advising office for tests of the paper and page side of issue 8, until the overlay engine
(office/office.yml) feeds the real one: the office mapping of overlay/office.py, handed to the
engine as the MkDocs adapter receives it (``config.extra["office"]``) in a copied project.

TYPICAL is an office as the README's example has it; LONGEST has every name at the longest the
paper layouts promise to hold (60 characters)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests import shared_builds
from tests.scenario import build, copy_project

TYPICAL: dict[str, Any] = {
    "name": "Riverside School of Medicine Office of Student Affairs",
    "short_name": "Riverside OSA",
    "site_name": "Riverside SOAP Call Guide",
    "logo": None,
    "contacts": {
        "email": "soap-help@riverside.example.edu",
        "phone": "+1 555 010 0199",
        "hours": "Monday to Friday, 8 a.m. to 6 p.m. ET",
        "booking": "https://riverside.example.edu/advising/book",
    },
    "where": {
        "name": "office/office.yml:2",
        "short_name": "office/office.yml:3",
        "site_name": "office/office.yml:4",
    },
}

LONGEST: dict[str, Any] = {
    **copy.deepcopy(TYPICAL),
    "name": "Riverside University School of Medicine, Student Affairs Dep",
    "short_name": "Riverside University Medicine: Student Affairs and Advising",
    "site_name": "Riverside University School of Medicine SOAP Call Guide 2027",
}

NAMES = ("name", "short_name", "site_name")
# The shared_builds name of the guide built with LONGEST, PDFs and all (built_once): every test
# file that reads that site asks for it by this name, so it is built once per run.
LONGEST_SITE = "long-names-site"


def contact_texts(office: dict[str, Any]) -> list[str]:
    return [value for value in office["contacts"].values() if value]


def install(project: Path, office: dict[str, Any]) -> None:
    """Give the copied project at ``project`` this office, the way the adapter receives one;
    its site name becomes the office's (as the overlay makes it)."""
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    lines = [
        f"site_name: {json.dumps(office['site_name'])}" if line.startswith("site_name:") else line
        for line in text.splitlines()
    ]
    text = "\n".join(lines) + "\n"
    extra = yaml.safe_dump({"office": office}, sort_keys=False, allow_unicode=True, width=1000)
    indented = "".join(f"  {line}\n" for line in extra.splitlines())
    assert "\nextra:\n" in text
    path.write_text(text.replace("\nextra:\n", "\nextra:\n" + indented, 1), encoding="utf-8")


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, office: dict[str, Any]) -> Path:
    """The guide built with ``office`` installed, PDFs and all, once per test run (shared by
    the workers); returns its site folder."""

    def make(folder: Path) -> None:
        project = copy_project(folder / "project")
        install(project, office)
        result = build(project, pdfs=True)
        assert result.returncode == 0, result.stderr[-4000:]

    return shared_builds.once(tmp_path_factory, name, make) / "project" / "site"
