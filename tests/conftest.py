"""Shared, session-scoped fixtures: the built site, a local server for it, and a browser.

The browser is Debian's Chromium (or whatever `CHROMIUM_PATH` names) driven by Playwright's
sync API; Playwright downloads no browser of its own here. A browser that cannot start is a
failure with a clear message, never a skip.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from soapguide.printing.pdf import (  # one Chromium set-up for build and tests
    CHROMIUM_ARGS,
    chromium_path,
)

from tests.static_server import serve_directory

REPO_ROOT = Path(__file__).resolve().parents[1]


# Hosts that count as "this site" for the browser tests.
LOCAL_HOSTS = frozenset({"127.0.0.1"})


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def built_site(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the site once per session with `mkdocs build --strict` into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=repo_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, (
        f"mkdocs build --strict exited {result.returncode}\n"
        f"--- stderr ---\n{result.stderr}\n--- stdout ---\n{result.stdout}"
    )
    return site_dir


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 (a free port); yields the base URL ending in '/'."""
    with serve_directory(built_site) as base:
        yield base


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    manager = sync_playwright()
    playwright = manager.start()
    try:
        yield playwright
    finally:
        manager.__exit__(None, None, None)


@pytest.fixture(scope="session")
def browser(playwright_instance):
    path = chromium_path()
    try:
        browser = playwright_instance.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
    except Exception as exc:  # any launch failure is a test failure, never a skip
        pytest.fail(
            f"Could not launch Chromium at {path!r} (set CHROMIUM_PATH to a Chromium or Chrome "
            f"binary, or run `make setup` to install Debian's chromium): {exc}",
            pytrace=False,
        )
    try:
        yield browser
    finally:
        browser.close()


def block_other_hosts(context) -> None:
    """Abort every request to a host other than the local server.

    The request is still reported to `request` listeners (so tests can see it); aborting only
    keeps a test from waiting on a network that does not exist here.
    """

    def handle(route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", handle)


def _page_in_new_context(browser, **context_options):
    context = browser.new_context(**context_options)
    block_other_hosts(context)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser):
    yield from _page_in_new_context(browser)


@pytest.fixture
def dark_page(browser):
    """A page whose browser prefers the dark colour scheme (`prefers-color-scheme: dark`)."""
    yield from _page_in_new_context(browser, color_scheme="dark")


def html_page_url_path(built_site: Path, html_file: Path) -> str:
    """The URL path (relative to the site root) that serves a built HTML file."""
    relative = html_file.relative_to(built_site).as_posix()
    if relative == "index.html":
        return ""
    if relative.endswith("/index.html"):
        return relative[: -len("index.html")]
    return relative


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list[str]:
    """Relative URL paths of every built HTML page, except 404.html and search/assets files."""
    pages = []
    for html_file in sorted(built_site.rglob("*.html")):
        relative = html_file.relative_to(built_site)
        if relative.as_posix() == "404.html" or relative.parts[0] in {"search", "assets"}:
            continue
        pages.append(html_page_url_path(built_site, html_file))
    assert pages, f"no HTML pages were built in {built_site}"
    return pages
