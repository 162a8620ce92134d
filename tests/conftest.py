"""Shared fixtures, and the rules that keep the suite fast, parallel and independent of the date.

The fixtures, by what they give a test (details in each docstring):

Content and date
- ``content``: the guide's content as the build loads it (tests/guide_content.py). Tests of
  the guide check properties of it, never of data/*.yml read directly. In the same module:
  ``site_guide()`` and ``docs_pages()`` render pages in-process, as the build's first pass
  does (much faster than a build: use them for messages and markup).
- Engine tests break copies of fixture content, not of data/: ``tests/fixtures/content``,
  ``tests.content_errors.cases.data_copy``.
- ``frozen_today``: the date every test counts as today (the content's ``reviewed_on``). It is
  set as SOAPGUIDE_TODAY for every build the suite runs, and on the clock of every browser
  page the fixtures below open, so the suite passes on any real date.

Built sites (each built once per test run and shared by every xdist worker; never change them,
copy them: ``shutil.copytree``)
- ``built_site``: ``mkdocs build --strict`` of this project, without the PDF downloads and
  without a browser. ``site_pages`` lists its pages; ``site_server`` serves it on 127.0.0.1.
- ``pdf_site``: the same build with the PDF step on (needs Chromium: ``browser`` tests only).
- ``renamed_fork`` and ``too_long_fork``: two forks built with their PDFs, one renamed with a
  reworded item, one with a card too long for its paper (tests/fork_support.py).
- Your own variant: ``shared_builds.once(tmp_path_factory, "name", make)`` (as
  tests/injection does for its hostile site), and ``scenario.build`` for a one-off build in a
  test's own folder (PDFs off unless ``pdfs=True``).

Browser (Playwright driving CHROMIUM_PATH, default /usr/bin/chromium; never a download)
- ``browser``: one Chromium per worker, which reaches no host but 127.0.0.1 (``ONLY_LOCAL``).
  ``new_page(**context_options)``: a page in a fresh context, the clock on ``frozen_today``;
  ``page`` and ``dark_page`` are the two common ones. ``freeze_clock`` is importable for
  contexts a test makes itself.
- ``tab(**context_options)``: the same page, but kept for the module's next tests with the same
  options (one per worker): a test that only opens a URL and reads it, or clicks and types
  within it, saves a new context, a new renderer and a cold start. Between tests the tab's
  storage and cookies are cleared, its media emulation dropped and it goes to about:blank. A
  test that listens to page events, routes requests, installs a clock, changes permissions or
  the viewport, or reads the tab's history (Back past its own first page, ``history.length``)
  uses ``new_page``.
- ``site_walk``: every page of ``built_site`` visited once per run, with its requests, markup
  facts, axe violations, the stylesheets and script targets it uses, its text sizes at phone
  and desktop widths, its CSP reports, and what it shows on screen and in print recorded
  (tests/site_walk.py). Add the fact you need there rather than walking the site again.
- tests/flow_walk.py (``phone_walk``): the same for the states of the "Should I call?" page.

The rules (``pytest_collection_modifyitems`` and ``_no_chromium_unless_marked`` below)
- A test that uses a browser fixture (``BROWSER_FIXTURES``: ``browser``, ``page``,
  ``pdf_site``...), directly or through another fixture, is marked ``browser`` automatically. A
  fixture that needs Chromium another way (a build with ``pdfs=True``) asks for ``chromium``;
  a test that builds with ``pdfs=True`` itself is marked by hand. So ``-m "not browser"``
  (``make test-fast``) needs no browser at all.
- Every other test runs with CHROMIUM_PATH pointing nowhere, so a missing mark is a failure.

- One test that uses ``site_walk`` runs first and the others last: one worker walks the site
  at the start while the other runs other tests, and by the end the walk is there to read.
- Tests marked ``long`` (many seconds each) come next, so that none of them starts near the
  end of a run while the other worker has nothing left to do.

The walk and the built sites are made by whichever worker needs them first; a worker that needs
one while another makes it waits for it (tests/shared_builds.py). (pytest-xdist's
``--dist loadgroup`` could keep such tests on one worker, but with pytest 9.2 it silently does
not group: pytest-dev/pytest-xdist#1386.) The run uses ``--dist worksteal`` (pyproject.toml):
each worker starts on its half of the order above, and one that runs out takes half of what the
other has left, so the long tests at the front do not leave a worker idle at the end.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from soapguide.printing.pdf import (  # one Chromium set-up for build and tests
    CHROMIUM_ARGS,
    chromium_path,
)

from tests import fork_support, shared_builds
from tests import site_walk as walks
from tests.guide_content import browser_time, site_content
from tests.guide_content import frozen_today as content_reviewed_on
from tests.static_server import serve_directory

REPO_ROOT = Path(__file__).resolve().parents[1]

# Hosts that count as "this site" for the browser tests.
LOCAL_HOSTS = frozenset({"127.0.0.1"})
# Chromium finds no address for any other host (names and IP addresses alike), so a request to
# one fails at once, before it leaves the machine, and is still reported to `request`
# listeners (tests see it). Doing this at launch costs nothing per request: routing every
# request through a Python handler in each context cost about a third of each page load's CPU.
ONLY_LOCAL = "--host-resolver-rules=MAP * ~NOTFOUND, " + ", ".join(
    f"EXCLUDE {host}" for host in sorted(LOCAL_HOSTS)
)

# Fixtures that start Chromium, directly or through the build's PDF step.
BROWSER_FIXTURES = frozenset(
    {
        "chromium",
        "playwright_instance",
        "browser",
        "new_page",
        "page",
        "dark_page",
        "tab",
        "pdf_site",
        "renamed_fork",
        "too_long_fork",
        "site_walk",
    }
)
# Where tests not marked `browser` find Chromium: nowhere.
NO_CHROMIUM = "/nonexistent/chromium-not-for-tests-without-the-browser-mark"


# --- the rules ---------------------------------------------------------------------------------


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by mark
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    walkers = []
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if "site_walk" in used:
            walkers.append(item)
    # Long tests start first (after the walk's first test): begun early, none holds up the end
    # of the run while the other worker waits. The sort keeps the order otherwise.
    items.sort(key=lambda item: item.get_closest_marker("long") is None)
    if walkers:  # one walks the site at once (the one that needs least else), the rest at the end
        first = min(walkers, key=lambda item: len(item.fixturenames))
        rest = [item for item in walkers if item is not first]
        later = set(rest)
        items[:] = [first, *(item for item in items if item is not first and item not in later)]
        items.extend(rest)


@pytest.fixture(autouse=True)
def _no_chromium_unless_marked(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests not marked ``browser`` must not need Chromium: for them it is not there."""
    if request.node.get_closest_marker("browser") is None:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("CHROMIUM_PATH", NO_CHROMIUM)
            yield
    else:
        yield


# --- content and date --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def content():
    """The guide's content as ``mkdocs build`` loads it (a ``soapguide`` Content)."""
    return site_content()


@pytest.fixture(scope="session", autouse=True)
def frozen_today() -> Iterator[dt.date]:
    """The date the whole run counts as today, given to every build as SOAPGUIDE_TODAY."""
    day = content_reviewed_on()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOAPGUIDE_TODAY", day.isoformat())
        yield day


# --- built sites -------------------------------------------------------------------------------


def mkdocs_build(site_dir: Path, **env: str) -> None:
    """``mkdocs build --strict`` of this project into ``site_dir``; fails showing its output."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=REPO_ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict exited {result.returncode}\n"
            f"--- stderr ---\n{result.stderr}\n--- stdout ---\n{result.stdout}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, frozen_today: dt.date) -> Path:
    """This project built once per run with ``SOAPGUIDE_PDFS=off`` and no Chromium at all."""
    return shared_builds.once(
        tmp_path_factory,
        "site",
        lambda folder: mkdocs_build(folder, SOAPGUIDE_PDFS="off", CHROMIUM_PATH=NO_CHROMIUM),
    )


@pytest.fixture(scope="session")
def pdf_site(tmp_path_factory: pytest.TempPathFactory, frozen_today: dt.date) -> Path:
    """This project built once per run with the PDF step on: ``downloads/*.pdf`` included."""
    return shared_builds.once(
        tmp_path_factory,
        "site-with-pdfs",
        lambda folder: mkdocs_build(folder, SOAPGUIDE_PDFS="on", CHROMIUM_PATH=chromium_path()),
    )


@pytest.fixture(scope="session")
def renamed_fork(tmp_path_factory: pytest.TempPathFactory, chromium: str) -> Path:
    """A fork that renamed the guide (a 60-character ``site_name`` in data/meta.yml, no office)
    and reworded a checklist item, built with its PDFs; the project folder, its site in site/
    (tests/fork_support.py)."""
    folder = shared_builds.once(tmp_path_factory, "renamed-fork", fork_support.make_renamed_fork)
    return folder / "project"


@pytest.fixture(scope="session")
def too_long_fork(tmp_path_factory: pytest.TempPathFactory, chromium: str) -> dict:
    """The failed build of a fork whose fullest script card outgrew its paper: ``returncode``,
    ``stderr``, the ``card`` and the ``line`` of data/scripts.yml (tests/fork_support.py)."""
    folder = shared_builds.once(tmp_path_factory, "too-long-fork", fork_support.make_too_long_fork)
    return json.loads((folder / "result.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 (a free port); yields the base URL ending in '/'."""
    with serve_directory(built_site) as base:
        yield base


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


# --- browser -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium binary the build's PDF step and the browser tests use. A fixture that needs
    Chromium some other way (a build with ``pdfs=True``) asks for this one: every test that
    uses that fixture is then marked ``browser``."""
    return chromium_path()


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
        browser = playwright_instance.chromium.launch(
            executable_path=path, args=[*CHROMIUM_ARGS, ONLY_LOCAL]
        )
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


def freeze_clock(context, day: dt.date, at: dt.time = dt.time(12)) -> None:
    """Start the context's clock at ``day`` (``at`` UTC); time then runs on as usual, so the
    pages' timers work. Call it before the first page loads."""
    context.clock.set_system_time(browser_time(day, at))


@pytest.fixture
def new_page(browser, frozen_today: dt.date) -> Iterator[Callable[..., object]]:
    """``new_page(**context_options)``: a page in a new browser context (Playwright's options:
    ``color_scheme``, ``viewport``, ``java_script_enabled``...), the clock on ``frozen_today``.
    Every context is closed after the test."""
    contexts = []

    def make(**context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        freeze_clock(context, frozen_today)
        return context.new_page()

    try:
        yield make
    finally:
        for context in contexts:
            context.close()


@pytest.fixture(scope="module")
def _kept_tabs(browser, frozen_today: dt.date) -> Iterator[dict[str, object]]:
    """The module's kept tabs (``tab``), by their context options; closed with the module."""
    tabs: dict[str, object] = {}
    try:
        yield tabs
    finally:
        for kept in tabs.values():
            kept.context.close()


def _tidy(tab) -> None:
    """Leave a kept tab as a new one starts: no storage, no cookies, no media emulated."""
    tab.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
    tab.context.clear_cookies()
    tab.emulate_media(media="null")
    tab.goto("about:blank")


@pytest.fixture
def tab(browser, frozen_today: dt.date, _kept_tabs: dict) -> Iterator[Callable[..., object]]:
    """``tab(**context_options)``: a page like ``new_page``'s (the clock on
    ``frozen_today``), kept for the module's next test that asks for the same options; see the
    rules for what a test may do with it."""
    used: set[str] = set()

    def get(**context_options):
        key = json.dumps(context_options, sort_keys=True)
        if key not in _kept_tabs:
            context = browser.new_context(**context_options)
            freeze_clock(context, frozen_today)
            _kept_tabs[key] = context.new_page()
        used.add(key)
        return _kept_tabs[key]

    try:
        yield get
    finally:
        for key in used:
            kept = _kept_tabs[key]
            try:
                _tidy(kept)
            except Exception:  # a tab left in a state it cannot be tidied from is replaced
                del _kept_tabs[key]
                kept.context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def dark_page(new_page):
    """A page whose browser prefers the dark colour scheme (`prefers-color-scheme: dark`)."""
    return new_page(color_scheme="dark")


@pytest.fixture(scope="session")
def site_walk(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, frozen_today: dt.date
) -> dict[str, walks.PageVisit]:
    """Every page of ``built_site`` opened once per run in Chromium (light palette), by path:
    status, URL, requests, markup facts, axe violations, what shows on screen and in print,
    the stylesheets used, the text sizes and the CSP violations (tests/site_walk.py)."""

    def make(folder: Path) -> None:  # the worker that walks starts a browser; the others read
        context = request.getfixturevalue("browser").new_context()
        try:
            freeze_clock(context, frozen_today)
            pages = request.getfixturevalue("site_pages")
            base = request.getfixturevalue("site_server")
            site = request.getfixturevalue("built_site")
            visits = walks.walk(context.new_page(), base, pages, site)
        finally:
            context.close()
        walks.save(visits, folder / "walk.json")

    return walks.load(shared_builds.once(tmp_path_factory, "site-walk", make) / "walk.json")
