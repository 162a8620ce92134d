"""`make export` writes the guide as plain Markdown that plain MkDocs + Material builds: every
page rendered, no macro left, its assets named, no hooks and no theme overrides needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from soapguide.guide import BUNDLES, SITE_BUNDLE
from soapguide.render.pages import split_front_matter

from tests.guide_content import hidden_pages, office_pages
from tests.scenario import REPO, mkdocs


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "guide"
    result = subprocess.run(
        [sys.executable, "scripts/export_site.py", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_every_page_is_exported_rendered(export):
    docs = REPO / "docs"
    guide = [p.relative_to(docs) for p in docs.rglob("*.md")]
    own = [Path(name) for name in office_pages()]  # a fork's office pages, exported beside them
    sources = sorted([p for p in guide if p.as_posix() not in hidden_pages()] + own)
    exported = sorted(p.relative_to(export / "docs") for p in (export / "docs").rglob("*.md"))
    assert exported == sources
    for name in exported:
        page = split_front_matter((export / "docs" / name).read_text("utf-8"))
        assert "{{" not in page.body and "{%" not in page.body, f"{name}: a macro is left"
        assert page.meta.get("title"), f"{name}: its front matter was lost"


def test_pages_name_the_bundles_they_need(export):
    for path in (export / "docs").rglob("*.md"):
        page = split_front_matter(path.read_text("utf-8"))
        named = page.meta.get("assets", [])
        assert set(named) <= set(BUNDLES), f"{path.name}: unknown bundles in {named}"
        if 'id="flow-data"' in page.body:
            assert "flow" in named, f"{path.name} shows the flow but does not name its bundle"


def test_the_plain_settings_need_no_hooks_and_list_every_asset(export):
    config = yaml.safe_load((export / "mkdocs.yml").read_text("utf-8"))
    assert "hooks" not in config and "custom_dir" not in config["theme"]
    listed = {*config["extra_css"], *(s["path"] for s in config["extra_javascript"])}
    for bundle in [SITE_BUNDLE, *BUNDLES.values()]:
        assert {*bundle.css, *bundle.print_css, *bundle.js} <= listed
    assert all((export / "docs" / path).is_file() for path in listed)


def test_plain_mkdocs_builds_the_export(export, tmp_path):
    result = mkdocs(export, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    for page in (export / "docs").rglob("*.md"):
        url = page.relative_to(export / "docs").with_suffix("")
        html = tmp_path / "site" / (url.parent if url.name == "index" else url) / "index.html"
        assert html.is_file(), f"{page.name} was not built"
