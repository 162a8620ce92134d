"""`make check`: the default content passes with no problems and no warnings, fast, with the
same Markdown settings as the site build."""

from __future__ import annotations

import os
import subprocess
import sys

import check_content
from mkdocs.config import load_config

from tests.guide_content import has_office, hidden_pages
from tests.scenario import REPO


def run_check() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check_content.py")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONWARNINGS": "default"},
    )


def test_default_content_passes_with_no_warnings():
    result = run_check()
    files = len(list((REPO / "data").glob("*.yml")))
    pages = len(list((REPO / "docs").rglob("*.md"))) - len(hidden_pages())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == [f"data/: {files} files OK", f"docs/: {pages} pages OK"]
    if has_office():  # a fork's check also says its office is OK
        assert len(lines) == 3 and lines[2].startswith("office/: ") and lines[2].endswith(" OK")
    else:
        assert len(lines) == 2, lines
    assert result.stderr == ""


def test_check_uses_the_markdown_settings_mkdocs_uses():
    config = load_config(str(REPO / "mkdocs.yml"))
    names, options = check_content.markdown_settings(check_content.read_config(REPO))
    assert names == config.markdown_extensions
    assert options == config.mdx_configs


def test_make_check_runs_the_check_script_after_setup():
    result = subprocess.run(
        ["make", "--no-print-directory", "--dry-run", "check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    commands = result.stdout.splitlines()
    assert commands[0] == "bash scripts/setup.sh runtime", "the site's packages, no browser"
    assert commands[-1] == ".venv/bin/python scripts/check_content.py"
