"""`mkdocs build --strict` succeeds and every page in the navigation is built."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from check_content import read_config

from tests.guide_content import hidden_pages


def nav_files(nav: object) -> list[str]:
    """Markdown source paths named in an mkdocs `nav` (external links left out)."""
    if isinstance(nav, str):
        return [] if "://" in nav else [nav]
    if isinstance(nav, list):
        return [path for item in nav for path in nav_files(item)]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_files(value)]
    return []


def built_html_for(built_site: Path, source: str) -> Path:
    """Where MkDocs (use_directory_urls: true, the default) writes a page's HTML."""
    parent, _, name = source[: -len(".md")].rpartition("/")
    if name in {"index", "README"}:
        return built_site / parent / "index.html"
    return built_site / parent / name / "index.html"


@pytest.fixture(scope="module")
def mkdocs_config(repo_root: Path) -> dict:
    config = read_config(repo_root)  # the same mkdocs.yml reader as `make check`
    assert isinstance(config, dict), "mkdocs.yml is not a mapping"
    return config


def test_strict_build_makes_a_home_page(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()


def test_every_nav_page_has_a_source_file(repo_root: Path, mkdocs_config: dict) -> None:
    sources = nav_files(mkdocs_config.get("nav"))
    assert sources, "mkdocs.yml has no nav"
    docs_dir = repo_root / mkdocs_config.get("docs_dir", "docs")
    missing = [source for source in sources if not (docs_dir / source).is_file()]
    assert not missing, f"nav names files missing from {docs_dir}: {missing}"


def test_every_nav_page_is_built(built_site: Path, mkdocs_config: dict) -> None:
    assert mkdocs_config.get("use_directory_urls", True), "tests assume use_directory_urls: true"
    sources = nav_files(mkdocs_config.get("nav"))
    assert sources, "mkdocs.yml has no nav"
    hidden = hidden_pages()  # an office's hidden pages are left out of the site
    missing = [
        source
        for source in sources
        if source not in hidden and not built_html_for(built_site, source).is_file()
    ]
    assert not missing, f"nav pages with no built HTML: {missing}"


def test_every_link_within_a_page_goes_to_an_element_of_that_page(built_site: Path) -> None:
    """A copy of a card (the builder's printed card, the flow's) carries its links with it."""
    broken = {}
    for page in sorted(built_site.rglob("index.html")):
        html = page.read_text("utf-8")
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        missing = [href for href in re.findall(r'href="#([^"]+)"', html) if href not in ids]
        if missing:
            broken[page.relative_to(built_site).as_posix()] = missing
    assert not broken, broken
