"""The page for a missing address (404.html: GitHub Pages serves it for any path the site does
not have, such as an old link or a page this copy leaves out) shows the way on: every page of
the menu, linked from the site's own address wherever the site lives."""

from __future__ import annotations

import os

import pytest
from check_content import read_config
from mkdocs.config import load_config

from tests.axe_palettes import in_both_palettes
from tests.conftest import NO_CHROMIUM, mkdocs_build
from tests.menus import menu_of, not_found_links
from tests.scenario import REPO
from tests.static_server import serve_directory


def test_it_links_every_page_of_the_menu_in_menu_order(built_site):
    assert not_found_links(built_site) == menu_of(built_site)


def test_every_page_it_links_is_built(built_site):
    for path in not_found_links(built_site):
        assert (built_site / path / "index.html").is_file(), f"/{path} is not built"


@pytest.mark.parametrize("address", ["https://office.github.io/soap-guide", None])
def test_the_site_s_address_comes_from_site_url_in_the_environment(monkeypatch, address):
    """The Pages workflow passes the site's address as SITE_URL; without it there is none, and
    MkDocs writes the error page's links from the server's root."""
    if address is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", address)
    config = load_config(str(REPO / "mkdocs.yml"))
    assert config.site_url == (address + "/" if address else None)
    # `make check` and `make export` read mkdocs.yml themselves, with the same answer.
    assert read_config(REPO)["site_url"] == address


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    """The guide built for a project site (https://<owner>.github.io/<repository>/) and served
    as GitHub Pages serves one: under /guide/, with 404.html for any missing address."""
    site = tmp_path_factory.mktemp("project-site")
    with serve_directory(site, like_pages_under="guide") as base:
        env = {"SOAPGUIDE_PDFS": "off", "CHROMIUM_PATH": NO_CHROMIUM, "SITE_URL": base}
        mkdocs_build(site, **{**env, "PATH": os.environ["PATH"]})
        yield base, site


def test_a_missing_address_on_a_project_site_shows_the_guide_s_pages(project_site, new_page):
    base, site = project_site
    page, missing = new_page(), base + "an/old/link/"
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda r: r.status >= 400 and r.url != missing and failed.append(r.url))
    response = page.goto(missing, wait_until="networkidle")
    assert response is not None and response.status == 404
    assert failed == [], f"the page's own files did not load: {failed}"
    assert page.locator("h1").count() == 1
    listed = page.locator("ul.not-found-pages a")
    assert listed.count() == len(menu_of(site)) > 0
    for href in listed.evaluate_all("links => links.map(link => link.href)"):
        assert href.startswith(base), href
        answer = page.request.get(href)
        assert answer.ok, f"{href}: {answer.status}"
    found = {scheme: [v["id"] for v in found] for scheme, found in in_both_palettes(page).items()}
    assert not any(found.values()), f"axe on the page for a missing address: {found}"
