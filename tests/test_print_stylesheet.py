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


def test_print_hides_navigation_header_footer_search_toc_and_buttons(page, site_server, site_pages):
    for path in site_pages:
        page.emulate_media(media="screen")
        page.goto(site_server + path, wait_until="load")
        present = page.evaluate(PRESENT, CHROME)
        assert {".md-header", ".md-sidebar--primary", ".md-footer", "button"} <= set(present), (
            f"/{path}: {present}"
        )
        on_screen = page.evaluate(SHOWN, present)
        assert on_screen[".md-header"] and on_screen[".md-sidebar--primary"], (path, on_screen)
        page.emulate_media(media="print")
        in_print = {s: n for s, n in page.evaluate(SHOWN, present).items() if n}
        assert not in_print, f"/{path}: shown in print: {in_print}"
        article = ".md-content__inner > :not(.stale-banner, .review-stamp)"
        assert page.evaluate(SHOWN, [article])[article], f"/{path}: no content left in print"


# The addresses of the links to other sites in a page's content, as shown on screen.
EXTERNAL_LINKS = """() => [...document.querySelectorAll(".md-content a[href^='https://']")]
  .filter(a => a.getClientRects().length > 0).map(a => a.href)"""


def test_a_printed_link_to_another_site_shows_its_address(page, site_server, site_pages):
    """On the first page whose content links to another site."""
    for path in site_pages:
        page.goto(site_server + path, wait_until="load")
        if urls := page.evaluate(EXTERNAL_LINKS):
            break
    else:
        raise AssertionError("no page links to another site")
    pdf = print_to_pdf(page, site_server + path)
    text = squash(" ".join(pdf.pages))
    missing = [url for url in urls if squash(url) not in text]
    assert not missing, f"/{path}: addresses not printed: {missing}"


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
