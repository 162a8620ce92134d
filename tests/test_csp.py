"""Every page carries a Content-Security-Policy that lets only the site's own scripts and the
theme's inline scripts run, and the site works under it in Chromium: no violation on any page,
Material's scripts, the search and the "Should I call?" flow all run, and a script slipped into
a page is blocked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from soapguide.render import csp

from tests.site_walk import CSP_FACTS, RECORD_CSP_VIOLATIONS, PageVisit

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        assert name not in parsed, f"{name} twice in {policy}"
        parsed[name] = sources
    return parsed


def built_html_files(built_site: Path) -> list[Path]:
    files = sorted(built_site.rglob("*.html"))
    assert files
    return files


# The policy as written into the built pages (no browser).


def test_every_html_file_has_one_policy_before_any_script(built_site: Path) -> None:
    for path in built_html_files(built_site):
        html = path.read_text(encoding="utf-8")
        found = META.findall(html)
        assert len(found) == 1, f"{path}: {len(found)} policies"
        head_end = html.index("</head>")
        first_script = html.find("<script")
        assert html.index(found[0]) < head_end, path
        assert first_script == -1 or html.index(found[0]) < first_script, path


def test_the_policy_allows_only_own_scripts_and_the_pages_inline_scripts(
    built_site: Path,
) -> None:
    for path in built_html_files(built_site):
        html = path.read_text(encoding="utf-8")
        policy = directives(META.search(html).group(1))
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'none'"]
        script_src = policy["script-src"]
        assert script_src[0] == "'self'"
        hashes = script_src[1:]
        assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", h) for h in hashes), hashes
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        inline = {csp.script_hash(text) for text in csp.inline_scripts(html)}
        assert inline, f"{path}: Material's inline scripts are gone; is this a Material page?"
        assert set(hashes) == inline, f"{path}: every inline script and nothing else is allowed"


# The engine's policy, on small documents.

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<script>theme()</script>
<script id="data" type="application/json">{"a": 1}</script>
<script src="assets/site.js"></script>
</head><body>{content}<script type="module">moduleTheme()</script></body></html>"""


def test_a_known_script_hashes_as_browsers_do() -> None:
    # The example of the CSP specification and MDN.
    assert csp.script_hash("alert('Hello, world.');") == (
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    )


def test_only_inline_javascript_needs_a_hash() -> None:
    html = PAGE.replace("{content}", "<p>Hi</p>")
    assert csp.inline_scripts(html) == ["theme()", "moduleTheme()"]


def test_an_inline_script_in_the_page_content_gets_no_hash() -> None:
    content = "<p>Hi</p><script>stolen()</script>"
    html = PAGE.replace("{content}", content)
    hashes = csp.template_script_hashes(html, content)
    assert hashes == [csp.script_hash("theme()"), csp.script_hash("moduleTheme()")]
    assert csp.script_hash("stolen()") not in csp.add_policy(html, content)


def test_the_policy_goes_right_after_meta_charset() -> None:
    html = csp.add_policy(PAGE.replace("{content}", ""))
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy")
    assert html.index("Content-Security-Policy") < html.index("<script>")


def test_a_page_is_given_one_policy_only() -> None:
    once = csp.add_policy(PAGE.replace("{content}", ""))
    with pytest.raises(ValueError, match="already has"):
        csp.add_policy(once)


# The built site in Chromium.


def open_recording(page, url: str) -> list[str]:
    """Go to ``url`` with violations recorded; returns the console's CSP messages (live)."""
    messages: list[str] = []
    page.on(
        "console",
        lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.goto(url, wait_until="load")
    return messages


def violations(page, console: list[str]) -> list[str]:
    page.wait_for_timeout(50)  # events are dispatched asynchronously
    return page.evaluate("window.__cspViolations") + console


@pytest.mark.browser
def test_no_page_violates_its_policy_in_chromium(
    site_walk: dict[str, PageVisit], page, site_server: str
) -> None:
    """Every page as the walk over the site saw it (tests/site_walk.py), and the 404 page."""
    assert site_walk, "the walk visited no page"
    seen = {visit.where: (visit.csp, visit.csp_console) for visit in site_walk.values()}
    console = open_recording(page, site_server + "404.html")
    page.wait_for_load_state("networkidle")  # as the walk loads each page
    seen["/404.html"] = (page.evaluate(CSP_FACTS), console)
    for where, (facts, console) in seen.items():
        assert facts["policies"] == 1, f"{where}: {facts['policies']} policies"
        # Material's inline scripts and its bundle ran: both set these up.
        assert facts["materialRan"], f"{where}: Material's scripts did not run"
        assert facts["searchQuery"], f"{where}: no search box"
        assert facts["violations"] + console == [], where


@pytest.mark.browser
def test_a_script_slipped_into_a_page_is_blocked(page, site_server: str) -> None:
    console = open_recording(page, site_server + "faq/")
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.__injected = true;";
                   document.body.append(s); }"""
    )
    assert page.evaluate("window.__injected") is None
    found = violations(page, console)
    assert any("script-src" in v for v in found), found


@pytest.mark.browser
def test_search_and_the_flow_work_under_the_policy(page, site_server: str) -> None:
    console = open_recording(page, site_server + "should-i-call/")
    page.wait_for_selector("#flow.flow--js")
    first_question = page.locator("#flow-heading").inner_text()
    page.locator("#flow-answer-1").check()
    page.get_by_role("button", name="Continue", exact=True).click()
    assert page.locator("#flow-heading").inner_text() != first_question
    assert "?a=" in page.url

    assert violations(page, console) == []

    page.locator("input.md-search__input").click()
    page.keyboard.type("voicemail")
    page.wait_for_selector(".md-search-result__item")
    # Material opens the first result; the search form itself is never sent (form-action).
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    assert page.url.startswith(site_server) and "should-i-call" not in page.url
    assert violations(page, console) == []
