"""During `mkdocs serve`, a content or page error shows in the browser: every page is the same
`file:line` report (the one `make check` prints), and the page reloads itself into the guide
once the file is fixed, without restarting the server. `mkdocs build` still stops on it
(tests/test_no_half_built_site.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from check_content import check

from tests.scenario import copy_project
from tests.serve_support import fetch, free_port, mkdocs_serve, wait_for

PAGES = ["", "faq/", "rules/", "should-i-call/", "print/script-cards/"]
REPORT = re.compile(r'<pre id="content-errors">(.*?)</pre>', re.DOTALL)


def break_file(path: Path, find: str, replace: str) -> str:
    """Make one edit in ``path``; return the original text (to put back: the fix)."""
    original = path.read_text("utf-8")
    assert find in original, f"{find!r} is not in {path}"
    path.write_text(original.replace(find, replace, 1), "utf-8")
    return original


def shown_report(url: str) -> str | None:
    found = REPORT.search(fetch(url) or "")
    return html.unescape(found.group(1)) if found else None


@pytest.mark.parametrize(
    ("file", "find", "replace", "place"),
    [
        ("data/faq.yml", "    answer:", "    anwser:", r"data/faq\.yml:\d+:\d+: "),
        ("docs/faq.md", "\n\n", "\n\n{{ faq_lisst() }}\n\n", r"docs/faq\.md:\d+: "),
    ],
    ids=["data-file", "page"],
)
def test_every_page_shows_the_report_until_the_file_is_fixed(tmp_path, file, find, replace, place):
    project = copy_project(tmp_path / "project")
    original = break_file(project / file, find, replace)
    passed, expected = check(project)
    assert not passed and re.search(place, expected), expected
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, port, log):
        assert wait_for(lambda: shown_report(base) is not None, 60), (
            "no error page at / \n" + log.read_text()
        )
        for path in [*PAGES, "no-such-page/"]:
            assert shown_report(base + path) == expected, path
        assert expected in log.read_text(), "the terminal shows the same report"

        (project / file).write_text(original, "utf-8")
        assert wait_for(lambda: 'class="md-content"' in (fetch(base + "faq/") or ""), 30), (
            "the guide did not come back after the fix\n" + log.read_text()
        )
        for path in PAGES:
            assert shown_report(base + path) is None, path


@pytest.mark.browser
def test_the_error_page_reloads_itself_into_the_guide_once_fixed(tmp_path, page):
    project = copy_project(tmp_path / "project")
    faq = project / "data" / "faq.yml"
    original = break_file(faq, "    answer:", "    anwser:")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with mkdocs_serve(project, port, tmp_path / "serve.log"):
        assert wait_for(lambda: shown_report(base) is not None, 60), "mkdocs serve did not start"
        page.goto(base + "faq/")
        report = page.locator("#content-errors")
        assert re.search(r"data/faq\.yml:\d+:\d+: .*anwser", report.inner_text())

        faq.write_text(original, "utf-8")
        # No navigation by the test: the page's own live reload brings the guide back.
        page.wait_for_selector(".md-content", timeout=30_000)
        assert page.locator("#content-errors").count() == 0
        assert page.url == base + "faq/"
