"""Every page in print: no navigation, header, footer, search, table of contents, buttons or
palette toggle; the content stays; links to other sites print their address. The print pages
print only their cards or their pocket page."""

from __future__ import annotations

import pytest

from tests.print_support import POCKET_CHECKLIST, SCRIPT_CARDS, print_to_pdf, squash

pytestmark = pytest.mark.browser

CHROME = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-search",
    "[data-md-component='palette']",
    ".md-top",
    ".md-content__button",
    "button",
]

SHOWN = """
selectors => Object.fromEntries(selectors.map(s => [s,
  [...document.querySelectorAll(s)].filter(e => e.getClientRects().length > 0).length]))
"""
PRESENT = "selectors => selectors.filter(s => document.querySelector(s) !== null)"


@pytest.mark.parametrize("path", ["", "rules/", "what-to-say/", SCRIPT_CARDS, POCKET_CHECKLIST])
def test_print_hides_navigation_header_footer_search_toc_and_buttons(page, site_server, path):
    page.goto(site_server + path, wait_until="load")
    present = page.evaluate(PRESENT, CHROME)
    assert {".md-header", ".md-sidebar--primary", ".md-footer", "button"} <= set(present)
    on_screen = page.evaluate(SHOWN, present)
    assert on_screen[".md-header"], on_screen
    # Task pages hide the navigation on screen too (`hide: [navigation]`); the others show it.
    assert on_screen[".md-sidebar--primary"] or page.locator(".md-sidebar--primary[hidden]").count()
    page.emulate_media(media="print")
    in_print = {s: n for s, n in page.evaluate(SHOWN, present).items() if n}
    assert not in_print, f"/{path}: shown in print: {in_print}"
    article = ".md-content__inner > :not(.stale-banner, .review-stamp)"
    assert page.evaluate(SHOWN, [article])[article], f"/{path}: no content left in print"


def test_a_printed_link_to_another_site_shows_its_address(page, site_server):
    page.goto(site_server + "rules/", wait_until="load")
    urls = page.eval_on_selector_all(
        ".md-content a[href^='https://']", "links => links.map(a => a.href)"
    )
    assert urls, "the rules page has no external links to test with"
    pdf = print_to_pdf(page, site_server + "rules/")
    text = squash(" ".join(pdf.pages))
    missing = [url for url in urls if squash(url) not in text]
    assert not missing, f"addresses not printed: {missing}"


@pytest.mark.parametrize(
    ("path", "kept", "dropped"),
    [
        (
            SCRIPT_CARDS,
            ".print-cards",
            ["h1", ".pdf-downloads", ".review-stamp", ".print-card-index"],
        ),
        (POCKET_CHECKLIST, ".pocket", ["h1", ".pdf-downloads", ".review-stamp"]),
    ],
)
def test_print_pages_print_only_their_cards(page, site_server, path, kept, dropped):
    page.goto(site_server + path, wait_until="load")
    page.emulate_media(media="print")
    shown = page.evaluate(SHOWN, [kept, *dropped])
    assert shown[kept], f"{kept} not printed"
    printed = [s for s in dropped if shown[s]]
    assert not printed, f"/{path}: printed around the cards: {printed}"
