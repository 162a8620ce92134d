"""Forks of the guide built with their PDFs, each once per test run: the ``renamed_fork`` and
``too_long_fork`` fixtures (conftest.py) give them to every test that reads them. A fork's build
with its PDFs takes seconds; several tests check different things of the same one."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from soapguide.read.yaml_source import load_yaml

from tests.guide_content import site_content
from tests.scenario import build, copy_project

# A site name as long as a name may be (soapguide.printing.office.LONGEST_NAME).
SITE_NAME_60 = "Riverside University School of Medicine SOAP Call Guide 2027"
REWORDED = "Record a calm voicemail greeting tonight."
LONGER = " I am still very interested, truly."


def edit_yaml(path: Path, change) -> None:
    value = yaml.safe_load(path.read_text("utf-8"))
    change(value)
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=80), "utf-8")


def with_id(items: list[dict], item_id: str) -> dict:
    return next(item for item in items if item["id"] == item_id)


def reworded_item() -> dict:
    """The checklist item the renamed fork rewords: the first one the content shows."""
    return site_content()["checklist"]["items"][0]


def make_renamed_fork(folder: Path) -> None:
    """``folder/project``: a fork that renamed the guide in data/meta.yml (no office/) to a
    60-character name and reworded a checklist item, built with its PDFs into ``site/``."""
    project = copy_project(folder / "project")
    edit_yaml(project / "data" / "meta.yml", lambda meta: meta.update(site_name=SITE_NAME_60))
    item_id = reworded_item()["id"]
    edit_yaml(
        project / "data" / "checklist.yml",
        lambda checklist: with_id(checklist["items"], item_id).update(text=REWORDED),
    )
    result = build(project, pdfs=True)
    assert result.returncode == 0, result.stderr[-4000:]


def fullest_script() -> dict:
    """The script with the most text on its card (a line's text, or its words per phase)."""

    def length(script: dict) -> int:
        return sum(len(str(v)) for line in script["lines"] for k, v in line.items() if k != "step")

    return max(site_content()["scripts"]["scripts"], key=length)


def make_too_long_fork(folder: Path) -> None:
    """``folder/result.json``: the build of a fork whose fullest card got a longer line (its
    longest), which no longer fits its paper: the exit code, stderr, the card and the line."""
    project = copy_project(folder / "project")
    scripts_file = project / "data" / "scripts.yml"
    card = fullest_script()["id"]
    where = {}

    def lengthen(scripts):
        index, script = next((i, s) for i, s in enumerate(scripts["scripts"]) if s["id"] == card)
        number, line = max(
            ((n, line) for n, line in enumerate(script["lines"]) if "text" in line),
            key=lambda pair: len(pair[1]["text"]),
        )
        line["text"] += LONGER * 12
        where["path"] = ("scripts", index, "lines", number, "text")

    edit_yaml(scripts_file, lengthen)
    document, problems = load_yaml(scripts_file, "data/scripts.yml")
    assert document is not None and not problems, problems
    result = build(project, pdfs=True)
    (folder / "result.json").write_text(
        json.dumps(
            {
                "returncode": result.returncode,
                "stderr": result.stderr,
                "card": card,
                "line": document.locate(where["path"]).line,
            }
        ),
        "utf-8",
    )
