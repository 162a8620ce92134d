"""axe-core finds no violations on any built page, in the light palette and in the dark one.

axe runs with its default rule set: WCAG 2.0/2.1/2.2 A and AA rules plus best practices
(experimental and AAA rules are off by default in axe).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE = Axe()
TARGETS_SHOWN = 3


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        targets = [" ".join(map(str, node["target"])) for node in nodes[:TARGETS_SHOWN]]
        more = f" (+{len(nodes) - TARGETS_SHOWN} more)" if len(nodes) > TARGETS_SHOWN else ""
        lines.append(
            f"  {violation['id']} [{violation.get('impact')}]: {violation['help']}\n"
            f"      {len(nodes)} node(s): {'; '.join(targets)}{more}"
        )
    return "\n".join(lines)


def axe_violations(page, url: str) -> list[dict]:
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.ok, f"{url}: {response and response.status}"
    return AXE.run(page).response["violations"]


def test_every_page_has_no_axe_violations(page, site_server: str, site_pages: list[str]) -> None:
    report = []
    for path in site_pages:
        violations = axe_violations(page, site_server + path)
        if violations:
            report.append(f"/{path}:\n{describe(violations)}")
    assert not report, "axe violations:\n" + "\n".join(report)


def test_home_page_in_dark_palette_has_no_axe_violations(dark_page, site_server: str) -> None:
    violations = axe_violations(dark_page, site_server)
    scheme = dark_page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == "slate", f"the dark palette did not apply (data-md-color-scheme={scheme!r})"
    assert not violations, "axe violations in the dark palette:\n" + describe(violations)
