"""An advising office's fork takes an upstream update with no merge conflicts, and the merged
fork passes `make check`, builds, and shows both the update and the office's overlay.

1. This repository (its working tree, as committed files) becomes "upstream" in a temporary
   folder; a fork clones it and commits examples/office as office/, touching nothing else.
2. Upstream then commits a plausible update: a new review stamp in data/meta.yml, a new FAQ
   question, a reworded checklist item, a new see: link in the flow, a change to the home page,
   a new page in the menu and a new footer in mkdocs.yml, and a change to a hook.
3. The fork merges it ("Sync fork" on GitHub does the same merge).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.office.support import EXAMPLE, office_data
from tests.scenario import REPO, build

NEW_QUESTION = "upstream-news-question"
NEW_PAGE = "upstream-news.md"
NEW_FOOTER = "Content CC BY 4.0 · Code MIT · Reviewed every year before SOAP"


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    home = cwd.parent / "git-home"
    home.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    return subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "pull.rebase=false", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"{result.args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


NOT_SHIPPED = {".git", ".venv", "site", "office", "node_modules", "__pycache__", ".pytest_cache"}


def project_files() -> list[str]:
    """This project's files as git sees them (tracked, and new ones not ignored); outside a
    git checkout (an unpacked archive), every file but the usual build and tool folders."""
    listed = git(REPO, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
    if listed.returncode == 0:
        names = listed.stdout.split("\0")
    else:
        names = [
            path.relative_to(REPO).as_posix()
            for path in REPO.rglob("*")
            if not NOT_SHIPPED & set(path.relative_to(REPO).parts)
        ]
    return sorted(
        name
        for name in names
        if name and (REPO / name).is_file() and not name.startswith("office/")
    )


def edit(path: Path, change) -> None:
    path.write_text(change(path.read_text("utf-8")), "utf-8")


def upstream_update(upstream: Path) -> dict[str, str]:
    """Commit an upstream update; return what a reader of the merged fork must see."""
    meta = yaml.safe_load((upstream / "data" / "meta.yml").read_text("utf-8"))
    # A new review for the same Match: a later review date, still before the stale date.
    reviewed = meta["reviewed_on"] + (meta["check_rules_after"] - meta["reviewed_on"]) // 2

    def restamp(text: str) -> str:
        return re.sub(r"(?m)^reviewed_on: .*$", f"reviewed_on: {reviewed.isoformat()}", text)

    edit(upstream / "data" / "meta.yml", restamp)
    edit(
        upstream / "data" / "faq.yml",
        lambda text: text.replace(
            "questions:\n",
            f"questions:\n  - id: {NEW_QUESTION}\n"
            "    question: Does this guide change from year to year?\n"
            "    answer: >-\n"
            "      Yes. It is checked against the NRMP's rules before every SOAP.\n",
            1,
        ),
    )
    checklist = yaml.safe_load((upstream / "data" / "checklist.yml").read_text("utf-8"))
    first = checklist["items"][0]["id"]
    reworded = "Check that your voicemail greeting says your full name, clearly."

    def reword(text: str) -> str:
        lines = text.split("\n")
        start = lines.index(f"  - id: {first}")
        key = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("    text:"))
        end = key + 1
        while end < len(lines) and lines[end].startswith("      "):
            end += 1
        return "\n".join([*lines[:key], f"    text: {reworded}", *lines[end:]])

    edit(upstream / "data" / "checklist.yml", reword)
    flow = yaml.safe_load((upstream / "data" / "flow.yml").read_text("utf-8"))
    outcome = next(o for o in flow["outcomes"] if o["see"])

    def link(text: str) -> str:
        start = text.index(f"  - id: {outcome['id']}\n")
        at = text.index("    see: [", start)
        return text[:at] + f"    see: [{NEW_QUESTION}, " + text[at + len("    see: [") :]

    edit(upstream / "data" / "flow.yml", link)
    edit(
        upstream / "docs" / "index.md",
        lambda text: text.replace(
            "## Find what you need\n",
            "## Find what you need\n\n- [What is new in this year's guide](upstream-news.md)\n",
            1,
        ),
    )
    (upstream / "docs" / NEW_PAGE).write_text(
        "---\ntitle: What is new\n---\n\n# What is new this year\n\n"
        "The guide was checked again against the NRMP's rules.\n",
        "utf-8",
    )
    edit(
        upstream / "mkdocs.yml",
        lambda text: re.sub(r"(?m)^copyright: .*$", f"copyright: {NEW_FOOTER}", text).replace(
            "  - Home: index.md\n", f"  - Home: index.md\n  - What is new: {NEW_PAGE}\n", 1
        ),
    )
    edit(
        upstream / "hooks" / "mkdocs_hooks.py",
        lambda text: text.replace(
            '"""MkDocs adapter', '"""MkDocs adapter (the only module that imports MkDocs)', 1
        ),
    )
    ok(git(upstream, "add", "-A"))
    ok(git(upstream, "commit", "-q", "-m", "Upstream: new review stamp, FAQ, page, footer"))
    return {
        "reviewed": f"{reviewed:%B} {reviewed.day}, {reviewed.year}",
        "checklist": reworded,
        "outcome": outcome["id"],
    }


@pytest.fixture(scope="module")
def merged_fork(tmp_path_factory) -> tuple[Path, dict[str, str], subprocess.CompletedProcess]:
    root = tmp_path_factory.mktemp("fork-simulation")
    upstream = root / "upstream"
    for name in project_files():
        target = upstream / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    ok(git(upstream, "init", "-q"))
    ok(git(upstream, "add", "-A"))
    ok(git(upstream, "commit", "-q", "-m", "Upstream as it is today"))
    base = ok(git(upstream, "rev-parse", "HEAD")).strip()

    fork = root / "fork"
    ok(git(root, "clone", "-q", str(upstream), str(fork)))
    shutil.copytree(EXAMPLE, fork / "office")
    ok(git(fork, "add", "office"))
    ok(git(fork, "commit", "-q", "-m", "Our office"))
    touched = ok(git(fork, "diff", "--name-only", base, "HEAD")).split()

    expected = upstream_update(upstream)
    merge = git(fork, "pull", "--no-edit", "origin", "main")
    expected["touched"] = "\n".join(touched)
    return fork, expected, merge


def test_the_fork_touches_only_its_office_folder(merged_fork):
    _, expected, _ = merged_fork
    touched = expected["touched"].split("\n")
    assert touched and all(name.startswith("office/") for name in touched), touched


def test_the_upstream_update_merges_with_no_conflicts(merged_fork):
    fork, _, merge = merged_fork
    assert merge.returncode == 0, merge.stdout + merge.stderr
    assert "CONFLICT" not in merge.stdout + merge.stderr
    assert ok(git(fork, "ls-files", "--unmerged")) == ""
    assert ok(git(fork, "status", "--porcelain")) == ""


def test_the_merged_fork_passes_make_check(merged_fork):
    fork, _, _ = merged_fork
    result = subprocess.run(
        [sys.executable, "scripts/check_content.py"],
        cwd=fork,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "office/: " in result.stdout


@pytest.mark.browser
def test_the_merged_fork_builds_and_shows_the_update_and_the_office(merged_fork):
    fork, expected, _ = merged_fork
    result = build(fork, pdfs=True)
    assert result.returncode == 0, result.stderr
    site = fork / "site"
    office = office_data()
    home = (site / "index.html").read_text("utf-8")
    faq = (site / "faq" / "index.html").read_text("utf-8")
    checklist = (site / "checklist" / "index.html").read_text("utf-8")
    flow = (site / "should-i-call" / "index.html").read_text("utf-8")
    news = site / NEW_PAGE.removesuffix(".md") / "index.html"
    # upstream's update
    assert expected["reviewed"] in home
    assert f'id="{NEW_QUESTION}"' in faq
    assert expected["checklist"] in checklist
    outcome = flow[flow.index(f'id="{expected["outcome"]}"') :]
    assert f"#{NEW_QUESTION}" in outcome[: outcome.index("</section>")]
    assert news.is_file() and 'href="upstream-news/"' in home
    assert NEW_FOOTER in home
    # and the office's overlay
    assert f"<title>Should you make a thank-you call in SOAP? - {office['site_name']}" in home
    for added in office["add"]:
        assert any(f'id="{added["id"]}"' in p.read_text("utf-8") for p in site.rglob("*.html"))
    for page in (ref for ref in office["hide"] if "#" not in ref):
        assert not (site / page.removesuffix(".md")).exists()
    assert (site / "assets" / "office" / office["logo"]).is_file()
    assert (site / "downloads" / "pocket-checklist.pdf").is_file()
