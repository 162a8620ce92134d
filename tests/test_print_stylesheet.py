"""Every page in print: no navigation, header, footer, search, table of contents, buttons or
palette toggle; the content stays; links to other sites print their address. The print pages
print only their cards or their pocket page."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.print_support import POCKET_CHECKLIST, SCRIPT_CARDS, print_to_pdf, squash
from tests.site_walk import CHROME, CONTENT, PageVisit

pytestmark = pytest.mark.browser

SHOWN = """
selectors => Object.fromEntries(selectors.map(s => [s,
  [...document.querySelectorAll(s)].filter(e => e.getClientRects().length > 0).length]))
"""


def test_print_hides_navigation_header_footer_search_toc_and_buttons(
    site_walk: dict[str, PageVisit],
):
    """Every page, as the walk over the site saw it on screen and at print media."""
    for visit in site_walk.values():
        present = set(visit.chrome_present)
        assert {".md-header", ".md-sidebar--primary", ".md-footer", "button"} <= present, (
            f"{visit.where}: {sorted(present)}"
        )
        # Task pages hide the navigation on screen too (`hide: [navigation]`): only the header
        # is sure to show on every page.
        assert visit.on_screen[".md-header"], f"{visit.where}: {visit.on_screen}"
        in_print = {s: n for s, n in visit.in_print.items() if n and s in CHROME}
        assert not in_print, f"{visit.where}: shown in print: {in_print}"
        assert visit.in_print[CONTENT], f"{visit.where}: no content left in print"


def test_a_printed_link_to_another_site_shows_its_address(page, site_server, site_walk):
    """On the first page whose content shows links to other sites."""
    visit = next((v for v in site_walk.values() if v.external_links), None)
    assert visit is not None, "no page links to another site"
    pdf = print_to_pdf(page, site_server + visit.path)
    text = squash(" ".join(pdf.pages))
    missing = [url for url in visit.external_links if squash(url) not in text]
    assert not missing, f"{visit.where}: addresses not printed: {missing}"


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


CANVAS = """() => ({
  html: getComputedStyle(document.documentElement).backgroundColor,
  scheme: getComputedStyle(document.documentElement).colorScheme,
  body: getComputedStyle(document.body).backgroundColor,
})"""


@pytest.mark.parametrize("path", [SCRIPT_CARDS, POCKET_CHECKLIST, ""])
def test_in_the_dark_palette_paper_is_white_to_its_edges(dark_page, site_server, path):
    """With the browser's "Background graphics" on, the page's canvas prints too: it is white
    and light, never the dark palette's."""
    dark_page.goto(site_server + path, wait_until="load")
    assert dark_page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    dark_page.emulate_media(media="print")
    white = "rgb(255, 255, 255)"
    assert dark_page.evaluate(CANVAS) == {"html": white, "scheme": "light", "body": white}


class _ListDepth(HTMLParser):
    """How deep lists nest in a page (a list in a list item in a list: 2)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = self.deepest = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("ul", "ol"):
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.depth -= 1


def most_nested_lists(built_site, site_pages) -> str:
    """The page whose lists nest deepest (upstream: the flow map's tree)."""

    def depth(url: str) -> int:
        html = (built_site / url / "index.html").read_text("utf-8")
        parser = _ListDepth()
        parser.feed(html[html.index("<article") : html.index("</article>")])
        return parser.deepest

    return max(site_pages, key=depth)


def test_a_long_nested_list_prints_without_near_empty_pages(
    page, site_server, site_pages, built_site
):
    """An item that holds a list may run on to the next page (the flow map's tree): kept
    whole, it pushed whole branches over and left pages with a line or two. Every page but
    the last is at least a third as full as the fullest."""
    pdf = print_to_pdf(page, site_server + most_nested_lists(built_site, site_pages))
    lines = [len(text.splitlines()) for text in pdf.pages]
    assert len(lines) > 1, "the map fits one page: nothing to check"
    thin = [n for n, count in enumerate(lines[:-1], 1) if count < max(lines) / 3]
    assert not thin, f"pages {thin} are nearly empty: lines per page {lines}"
