"""axe-core finds no violations on any built page, in the light palette and in the dark one.

axe runs with its default rule set: WCAG 2.0/2.1/2.2 A and AA rules plus best practices
(experimental and AAA rules are off by default in axe). The light palette of every page comes
from the one walk over the site (tests/site_walk.py).
"""

from __future__ import annotations

import pytest

from tests.axe_palettes import violations
from tests.site_walk import PageVisit, describe_violations

pytestmark = pytest.mark.browser


def test_every_page_has_no_axe_violations(site_walk: dict[str, PageVisit]) -> None:
    assert site_walk, "the walk visited no page"
    report = []
    for visit in site_walk.values():
        assert visit.status == 200, f"{visit.where}: HTTP {visit.status}"
        if visit.violations:
            report.append(f"{visit.where}:\n{describe_violations(visit.violations)}")
    assert not report, "axe violations:\n" + "\n".join(report)


def test_home_page_in_dark_palette_has_no_axe_violations(dark_page, site_server: str) -> None:
    """Every rule, in the dark palette. Elsewhere the dark palette gets axe's colour rules only
    (tests/axe_palettes.py); this run covers what else differs there: Material's header shows
    its other palette toggle, the same on every page."""
    response = dark_page.goto(site_server, wait_until="load")
    assert response is not None and response.ok, response and response.status
    scheme = dark_page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == "slate", f"the dark palette did not apply (data-md-color-scheme={scheme!r})"
    found = violations(dark_page)
    assert not found, "axe violations in the dark palette:\n" + describe_violations(found)
