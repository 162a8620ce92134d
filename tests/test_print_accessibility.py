"""The print pages pass axe in the dark palette too, with the Print buttons shown. Every page
passes every rule in the light palette (test_accessibility.py); the dark palette changes colours
only, so it is checked with axe's colour rules (tests/axe_palettes.py)."""

from __future__ import annotations

import pytest

from tests.axe_palettes import COLOUR_RULES, scheme_of, violations
from tests.print_support import POCKET_CHECKLIST, SCRIPT_CARDS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", [SCRIPT_CARDS, POCKET_CHECKLIST])
def test_print_page_in_dark_palette_has_no_axe_violations(tab, site_server, path):
    dark_page = tab(color_scheme="dark")
    dark_page.goto(site_server + path, wait_until="load")
    dark_page.locator("button.print-button").first.wait_for(state="visible")
    assert scheme_of(dark_page) == "dark"
    found = {
        v["id"]: [n["target"] for n in v["nodes"][:3]] for v in violations(dark_page, COLOUR_RULES)
    }
    assert not found, f"/{path}: axe violations in the dark palette: {found}"
