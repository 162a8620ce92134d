"""Broken content stops `mkdocs build` before MkDocs empties the site folder: the last good
site stays as it was, and the command exits non-zero."""

from __future__ import annotations

from pathlib import Path

from tests.scenario import build, copy_project


def snapshot(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_a_failed_build_leaves_the_previous_site_intact(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    first = build(project, site)
    assert first.returncode == 0, first.stderr
    before = snapshot(site)
    assert "index.html" in before and "faq/index.html" in before

    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text("utf-8").replace("    answer:", "    anwser:", 1), "utf-8")
    second = build(project, site)

    assert second.returncode != 0
    assert "data/faq.yml:" in second.stderr and "did you mean 'answer'?" in second.stderr
    assert "Traceback" not in second.stderr
    assert "Cleaning site directory" not in second.stderr
    assert snapshot(site) == before
