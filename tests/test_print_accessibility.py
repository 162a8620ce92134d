"""The print pages pass axe (WCAG 2.2 A and AA rules) in the dark palette too, with the Print
buttons shown. (Every page in the light palette: test_accessibility.py.)"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.print_support import POCKET_CHECKLIST, SCRIPT_CARDS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", [SCRIPT_CARDS, POCKET_CHECKLIST])
def test_print_page_in_dark_palette_has_no_axe_violations(tab, site_server, path):
    dark_page = tab(color_scheme="dark")
    dark_page.goto(site_server + path, wait_until="load")
    dark_page.locator("button.print-button").first.wait_for(state="visible")
    violations = Axe().run(dark_page).response["violations"]
    found = {v["id"]: [n["target"] for n in v["nodes"][:3]] for v in violations}
    assert not found, f"/{path}: axe violations in the dark palette: {found}"
