"""axe in both palettes from one load of a page.

The dark palette changes colours and nothing else: our stylesheets set only colour tokens under
it (test_palettes.py holds them to that), and Material's palette does the same. So in the dark
palette only axe's colour rules can find something the light palette's run did not. A page is
loaded once, checked with every rule in the light palette, switched to dark with its own palette
toggle (as a reader does), checked with the colour rules, and switched back, so that the next
page of the tab opens in the light palette again.

axe's script is injected once per page load, not once per run: injecting it costs about as much
as a run.
"""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

AXE = Axe()

# The rules whose result depends on colours (contrast, links told apart by colour alone).
COLOUR_RULES: dict[str, Any] = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
EVERY_RULE: dict[str, Any] = {"resultTypes": ["violations"]}

# Ends the fades (CSS transitions) at once, so that axe reads the final colours. Every
# element's colour is read first: a fade starts only when an element's style is worked out, which
# the browser puts off for content out of view (content-visibility). Waiting for the fades
# instead needs animation frames, which a tab in the background may never get.
END_FADES = """() => {
  for (const element of document.querySelectorAll("*")) getComputedStyle(element).color;
  for (const fade of document.getAnimations()) if (fade instanceof CSSTransition) fade.finish();
}"""
SCHEME = {"light": "default", "dark": "slate"}
# Material's palette toggle: one radio input per palette; the label shown switches to the other.
TOGGLE_TO = {"light": "label[for='__palette_0']", "dark": "label[for='__palette_1']"}


def violations(page, options: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """axe's violations on ``page`` as it is now (every rule unless ``options`` say otherwise),
    any fade ended first: a control caught fading in (Material's "Back to top" after a scroll)
    has colours no reader sees for long."""
    page.evaluate(END_FADES)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.axe_script)
    return page.evaluate("options => axe.run(document, options)", options or EVERY_RULE)[
        "violations"
    ]


def scheme_of(page) -> str:
    """ "light" or "dark": the palette Material applied to the page."""
    applied = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    return next(name for name, value in SCHEME.items() if value == applied)


def switch_palette(page, scheme: str) -> None:
    """Switch the page to ``scheme`` ("light" or "dark") with Material's palette toggle."""
    page.locator(TOGGLE_TO[scheme]).click()
    page.locator(f"body[data-md-color-scheme='{SCHEME[scheme]}']").wait_for(state="attached")


def in_both_palettes(page) -> dict[str, list[dict[str, Any]]]:
    """axe's violations on the loaded ``page`` (opened in the light palette): every rule in the
    light palette, the colour rules in the dark one. The page is left in the light palette."""
    assert scheme_of(page) == "light", "open the page in the light palette"
    found = {"light": violations(page)}
    switch_palette(page, "dark")
    found["dark"] = violations(page, COLOUR_RULES)
    switch_palette(page, "light")
    return found
