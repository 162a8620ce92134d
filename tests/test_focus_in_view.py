"""Keyboard users always see where focus is: whatever takes focus, tabbing forwards or back, is
scrolled into view below the sticky header, not under it (WCAG 2.2, 2.4.11 Focus Not Obscured).
Run on the longest pages of the guide, whatever they hold."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
# The focused element's box against the header's (both in the viewport's coordinates).
FOCUS_AND_HEADER = """() => {
  const el = document.activeElement, header = document.querySelector(".md-header");
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect(), bar = header.getBoundingClientRect();
  return {what: el.outerHTML.slice(0, 70), top: box.top, bottom: box.bottom,
          headerBottom: bar.bottom, inContent: !!el.closest(".md-content")};
}"""


TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def longest_pages(site_pages: list[str], built_site, count: int = 2) -> list[str]:
    """The pages with the most links and controls: where a backwards walk scrolls the most."""

    def controls(url: str) -> int:
        html = (built_site / url / "index.html").read_text("utf-8")
        return html.count("<a ") + html.count("<summary")

    return sorted(site_pages, key=controls, reverse=True)[:count]


@pytest.fixture
def desktop_page(browser):
    """A desktop-sized page with the real clock: Playwright's installed clock holds up the
    timers Material's scripts use while the page scrolls, which moves it after the focus."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_tabbing_back_up_a_long_page_never_leaves_focus_under_the_header(
    desktop_page, site_server, site_pages, built_site
):
    page = desktop_page
    for url in longest_pages(site_pages, built_site):
        page.goto(site_server + url, wait_until="load")
        # At the foot of the page at once (the End key's scroll is animated, and would move
        # the page on under the first presses).
        page.evaluate("window.scrollTo({top: document.body.scrollHeight, behavior: 'instant'})")
        hidden = []
        for _ in range(60):
            page.keyboard.press("Shift+Tab")
            page.evaluate(TWO_FRAMES)  # as the reader sees it: after the page has been drawn
            seen = page.evaluate(FOCUS_AND_HEADER)
            if seen is None or not seen["inContent"]:
                continue
            if seen["top"] < seen["headerBottom"] - 1:
                hidden.append(seen)
        assert not hidden, f"/{url}: focus under the header: {hidden[:3]}"


PHONE = {"width": 390, "height": 844}
FOCUSED = """() => {
  const el = document.activeElement, box = el.getBoundingClientRect();
  return {what: el.outerHTML.slice(0, 70), inMenu: !!el.closest(".md-sidebar--primary"),
          seen: el.checkVisibility({visibilityProperty: true, opacityProperty: false})
                && box.right > 0 && box.left < innerWidth};
}"""


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_on_a_phone_the_closed_menu_takes_no_tab_stop_and_the_open_one_does(
    phone_page, site_server, site_pages
):
    page = phone_page
    page.goto(site_server + "faq/" if "faq/" in site_pages else site_server, wait_until="load")
    stops = []
    for _ in range(12):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    assert not [s for s in stops if s["inMenu"]], f"the closed menu took focus: {stops}"
    page.locator(".md-header label[for='__drawer']").click()
    page.wait_for_timeout(300)  # the drawer slides in
    page.keyboard.press("Tab")
    reached = [page.evaluate(FOCUSED)]
    for _ in range(15):
        if reached[-1]["inMenu"]:
            break
        page.keyboard.press("Tab")
        reached.append(page.evaluate(FOCUSED))
    assert reached[-1]["inMenu"] and reached[-1]["seen"], f"the open menu: {reached}"
