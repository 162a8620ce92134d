"""A build keeps its compiled templates (the macro files and the pages) with its other caches,
under the project (.cache/soapguide/jinja), so the next build does not compile them again;
SOAPGUIDE_CACHE=off compiles everything every time and keeps nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from soapguide.guide import COMPILED_FOLDER, load_guide

from tests.content_errors.cases import FIXTURE_DATA
from tests.scenario import REPO

PAGES = {"docs/faq.md": "# FAQ\n\n{{ faq() }}\n"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    return tmp_path


def written(project: Path) -> dict[str, int]:
    """Each compiled template kept, with when it was written."""
    return {p.name: p.stat().st_mtime_ns for p in (project / COMPILED_FOLDER).iterdir()}


def render(project: Path) -> dict[str, str]:
    return load_guide(project / "data", project).render_pages(PAGES)


def test_a_build_keeps_its_compiled_templates_under_the_project(project):
    first = render(project)
    kept = written(project)
    assert len(kept) >= 2  # the macro files and the page
    assert render(project) == first
    assert written(project) == kept  # read back, not compiled and written again


def test_a_changed_page_is_compiled_again(project):
    render(project)
    changed = {"docs/faq.md": "# Questions\n\n{{ faq() }}\n"}
    rendered = load_guide(project / "data", project).render_pages(changed)
    assert rendered["docs/faq.md"].startswith("# Questions")


def test_with_the_caches_off_nothing_is_kept(project, monkeypatch):
    monkeypatch.setenv("SOAPGUIDE_CACHE", "off")
    render(project)
    assert not (project / ".cache").exists()
