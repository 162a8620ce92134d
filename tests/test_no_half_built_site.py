"""Broken content stops `mkdocs build` before MkDocs empties the site folder: the last good
site stays as it was, and the command exits non-zero."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.scenario import build, copy_project
from tests.test_page_template_errors import snapshot


def test_a_failed_build_leaves_the_previous_site_intact(tmp_path, built_site):
    site = Path(shutil.copytree(built_site, tmp_path / "site"))  # the last good site
    before = snapshot(site)
    assert "index.html" in before

    project = copy_project(tmp_path / "project")
    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text("utf-8").replace("    answer:", "    anwser:", 1), "utf-8")
    result = build(project, site)

    assert result.returncode != 0
    assert "data/faq.yml:" in result.stderr and "did you mean 'answer'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Cleaning site directory" not in result.stderr
    assert snapshot(site) == before
