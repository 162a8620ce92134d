"""The flow in variants of the site: with Material's instant navigation on, and with content that
tries to break out of the page's JSON or inject markup. Also the pieces that make that safe."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from soapguide.flow.model import build_flow
from soapguide.flow.page import embed_json, prefix_ids
from soapguide.guide import load_content

from tests.scenario import REPO, build, copy_project
from tests.static_server import serve_directory

HOSTILE_QUESTION = "Who will you speak to? </script><script>window.__pwned = 1</script>"
HOSTILE_LABEL = 'The director <img src=x onerror="window.__pwned = 2"> & co'
FLOW = build_flow(load_content(REPO / "data", REPO).documents["flow"])
# The question and answer the variant makes hostile: the last question on a path to a call.
CALL = next(p for p in FLOW.paths() if p.outcome.verdict == "call")
TARGET = CALL.steps[-1]


def query(steps) -> str:
    return "?a=" + ",".join(
        f"{s.question.id}:{s.question.options.index(s.option) + 1}" for s in steps
    )


def test_embedded_json_cannot_end_its_script_element() -> None:
    data = {"text": "</script><script>alert(1)</script> <!-- & \u2028"}
    embedded = str(embed_json(data))
    assert "<" not in embedded and ">" not in embedded and "&" not in embedded
    assert "\u2028" not in embedded
    assert json.loads(embedded) == data


def test_copied_cards_get_prefixed_ids_and_references() -> None:
    html = (
        '<article id="voicemail" aria-labelledby="voicemail-title"><h3 id="voicemail-title">'
        '<a href="#voicemail">Link to this card</a> <a href="../rules/#rule">rule</a>'
    )
    assert str(prefix_ids(html, "flow-card-")) == (
        '<article id="flow-card-voicemail" aria-labelledby="flow-card-voicemail-title">'
        '<h3 id="flow-card-voicemail-title">'
        '<a href="#flow-card-voicemail">Link to this card</a> <a href="../rules/#rule">rule</a>'
    )


@pytest.fixture(scope="module")
def variant_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This site with navigation.instant on and hostile text in the flow, served locally.
    Material's instant navigation matches links against the sitemap, whose URLs come from
    site_url (host and port): so the server starts first and the build is given its address
    (SITE_URL, as the Pages workflow gives it)."""
    project = copy_project(tmp_path_factory.mktemp("flow-variant"))
    site = project / "site"
    with serve_directory(site) as base:
        yield build_variant(project, site, base)


def build_variant(project: Path, site: Path, base: str) -> str:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    text = text.replace("  features:\n", "  features:\n    - navigation.instant\n", 1)
    config.write_text(text, "utf-8")
    flow = project / "data" / "flow.yml"
    text = flow.read_text("utf-8")
    question, label = f"text: {TARGET.question.text}\n", f"label: {TARGET.option.label}\n"
    assert question in text and label in text, "the variant's target is not written plainly"
    text = text.replace(question, f"text: '{HOSTILE_QUESTION}'\n")
    text = text.replace(label, f"label: '{HOSTILE_LABEL}'\n")
    flow.write_text(text, "utf-8")
    # The validator would reject the hostile text; build with the hooks that skip it, to prove
    # the page itself keeps such text inert (defence in depth).
    unchecked = REPO / "tests" / "injection" / "unchecked_hooks.py"
    shutil.copy2(unchecked, project / "unchecked_hooks.py")
    text = config.read_text("utf-8")
    config.write_text(text.replace("  - hooks/mkdocs_hooks.py\n", "  - unchecked_hooks.py\n"))
    result = build(project, site, SITE_URL=base)  # read by mkdocs.yml as site_url
    assert result.returncode == 0, result.stderr
    return base


@pytest.fixture
def variant_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


def heading(page) -> str:
    return page.locator("#flow-heading").inner_text()


def answer(page, label: str) -> None:
    page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Continue", exact=True).click()


@pytest.mark.browser
def test_with_instant_navigation_the_flow_runs_after_each_page_swap(variant_page, variant_site):
    page = variant_page
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(variant_site, wait_until="networkidle")  # instant navigation reads the sitemap
    page.evaluate("window.__samePage = true")
    # Home and the flow are task pages without the sidebar: go by the home page's link to the
    # flow and back by the header's logo.
    to_flow = page.locator(".md-content a[href$='should-i-call/']").first
    to_flow.click()
    page.wait_for_selector("#flow.flow--js")
    assert page.evaluate("window.__samePage") is True, "that was a full page load"
    first = CALL.steps[0]
    answer(page, first.option.label)
    assert heading(page) == CALL.steps[1].question.text
    page.locator(".md-header .md-logo").first.click()
    page.wait_for_selector("#flow", state="detached")
    to_flow.click()
    page.wait_for_selector("#flow.flow--js")
    assert page.evaluate("window.__samePage") is True
    ends = next(o for o in first.question.options if o.outcome)
    answer(page, ends.label)
    assert FLOW.outcomes[ends.outcome].title in heading(page)
    page.go_back()
    assert heading(page) == first.question.text
    assert errors == []


@pytest.mark.browser
def test_content_cannot_inject_script_or_markup(variant_page, variant_site):
    page = variant_page
    page.goto(variant_site + "should-i-call/" + query(CALL.steps[:-1]))
    page.wait_for_selector("#flow.flow--js")
    assert heading(page) == HOSTILE_QUESTION
    assert page.get_by_label(HOSTILE_LABEL, exact=True).count() == 1
    answer(page, HOSTILE_LABEL)
    assert page.locator(".flow-summary").get_by_text(HOSTILE_LABEL, exact=True).count() == 1
    assert page.locator("#flow-step img").count() == 0
    assert page.evaluate("window.__pwned") is None
