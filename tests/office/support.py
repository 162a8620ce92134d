"""Projects with an office overlay, for the overlay's tests: a copy of this project with
``examples/office`` installed as ``office/`` (as a fork would), changed by a test, then checked
in-process (what `make check` says) or built."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from check_content import check

from tests.scenario import REPO, copy_project

EXAMPLE = REPO / "examples" / "office"
# What the in-process check reads (no hooks/ or overrides/ needed).
CHECKED = ("mkdocs.yml", "data", "docs", "schemas")
# A file name may hold spaces ('office/pages/Talk to us.md').
_PLACE = re.compile(r"^(?P<file>\S[^:]*?):(?P<line>\d+)(?::(?P<column>\d+))?: (?P<message>.*)$")


def install_office(project: Path, office: Path = EXAMPLE) -> Path:
    shutil.copytree(office, project / "office")
    return project / "office"


def checked_project(destination: Path, office: Path | None = EXAMPLE) -> Path:
    """A minimal project to run the check on, with ``office`` installed as office/."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in CHECKED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    if office is not None:
        install_office(destination, office)
    return destination


def fork_project(destination: Path, office: Path = EXAMPLE) -> Path:
    """A full copy of the project (it builds) with ``office`` installed as office/."""
    project = copy_project(destination)
    install_office(project, office)
    return project


def check_report(project: Path) -> tuple[bool, str]:
    """What `make check` says about ``project``: (passed, report)."""
    return check(project)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int | None
    message: str  # the message and its fix, as printed


def problems_in(report: str) -> list[Problem]:
    """Each ``file:line[:col]: message`` of a report, with its ``fix:`` line."""
    problems: list[Problem] = []
    for line in report.splitlines():
        match = _PLACE.match(line)
        if match:
            column = match.group("column")
            problems.append(
                Problem(
                    match.group("file"),
                    int(match.group("line")),
                    int(column) if column else None,
                    match.group("message"),
                )
            )
        elif line.startswith("    fix: ") and problems:
            last = problems[-1]
            problems[-1] = Problem(last.file, last.line, last.column, f"{last.message} {line}")
    return problems


def line_of(path: Path, fragment: str) -> int:
    """The 1-based line of the first occurrence of ``fragment`` in ``path``."""
    text = path.read_text("utf-8")
    at = text.index(fragment)
    return text.count("\n", 0, at) + 1


def office_data(office: Path = EXAMPLE) -> dict:
    return yaml.safe_load((office / "office.yml").read_text("utf-8"))
