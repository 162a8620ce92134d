"""The Print buttons: real buttons, reached and pressed with the keyboard, that print the
chosen layout (all cards, or one card alone); hidden when JavaScript is off and on paper."""

from __future__ import annotations

import pytest

from tests.print_support import (
    POCKET_CHECKLIST,
    SCRIPT_CARDS,
    cards,
    office_cards,
    read_pdf,
    squash,
)

pytestmark = pytest.mark.browser

# window.print() records the print mode it was called in instead of opening a dialog.
RECORD_PRINTS = """
window.__prints = [];
window.print = () => window.__prints.push({
  paper: document.documentElement.getAttribute("data-print-paper"),
  alone: [...document.querySelectorAll(".is-print-target .print-card")].map(c => c.id),
});
"""
VISIBLE_BUTTONS = """
() => [...document.querySelectorAll("button.print-button")]
  .filter(b => b.getClientRects().length > 0)
  .map(b => ({text: b.textContent.trim(), type: b.type}))
"""


@pytest.fixture
def recording_page(new_page):
    page = new_page()
    page.context.add_init_script(RECORD_PRINTS)
    return page


def tab_to(page, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with Tab in {limit} presses")


@pytest.mark.parametrize(
    ("path", "count"), [(SCRIPT_CARDS, 2 + len(cards()) + office_cards()), (POCKET_CHECKLIST, 1)]
)
def test_print_pages_have_real_print_buttons(recording_page, site_server, path, count):
    recording_page.goto(site_server + path, wait_until="load")
    buttons = recording_page.evaluate(VISIBLE_BUTTONS)
    assert len(buttons) == count, buttons
    assert all(b["type"] == "button" and b["text"].startswith("Print") for b in buttons), buttons


def test_print_button_is_reached_and_pressed_with_the_keyboard(recording_page, site_server):
    recording_page.goto(site_server + POCKET_CHECKLIST, wait_until="load")
    tab_to(recording_page, "button.print-button")
    recording_page.keyboard.press("Enter")
    recording_page.keyboard.press("Space")
    assert recording_page.evaluate("window.__prints.length") == 2


def test_print_all_cards_button_prints_the_sheets(recording_page, site_server):
    recording_page.goto(site_server + SCRIPT_CARDS, wait_until="load")
    tab_to(recording_page, "button[data-print-paper='sheet']")
    recording_page.keyboard.press("Enter")
    assert recording_page.evaluate("window.__prints") == [{"paper": "sheet", "alone": []}]


@pytest.mark.parametrize("position", [0, -1], ids=["first-card", "last-card"])
def test_a_cards_own_button_prints_that_card_alone_then_clears(
    recording_page, site_server, position
):
    page = recording_page
    card = cards()[position]
    page.goto(site_server + SCRIPT_CARDS, wait_until="load")
    page.focus(f"button[data-print-card='{card.id}']")
    page.keyboard.press("Enter")
    assert page.evaluate("window.__prints") == [{"paper": "card", "alone": [card.id]}]
    page.emulate_media(media="print")
    pdf = read_pdf(page.pdf(prefer_css_page_size=True))
    assert len(pdf.pages) == 1
    assert squash(card.title) in squash(pdf.pages[0])
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(
        "!document.documentElement.hasAttribute('data-print-paper') && "
        "!document.querySelector('.is-print-target')"
    ), "the print mode stayed set after printing"


def printed(page) -> list[str]:
    """The pages the browser would print now (the Print button's mode still set)."""
    page.emulate_media(media="print")
    try:
        return read_pdf(page.pdf(prefer_css_page_size=True)).pages
    finally:
        page.emulate_media(media="screen")


def test_after_a_link_to_one_card_the_buttons_still_print_what_they_say(
    recording_page, site_server
):
    """A link to a card (#id) prints that card alone with the browser's own Print; a button's
    choice outranks it: "Print all" prints every sheet, another card's button that card."""
    page, first, last = recording_page, cards()[0], cards()[-1]
    page.goto(site_server + SCRIPT_CARDS, wait_until="load")
    page.click("button[data-print-paper='sheet']")
    sheets = len(printed(page))
    assert sheets > 1
    page.goto(site_server + SCRIPT_CARDS + "#" + last.id, wait_until="load")
    assert len(printed(page)) == 1, "the card in the address no longer prints alone"
    page.click("button[data-print-paper='sheet']")
    assert len(printed(page)) == sheets
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.click(f"button[data-print-card='{first.id}']")
    alone = printed(page)
    assert len(alone) == 1 and squash(first.title) in squash(alone[0])


@pytest.mark.parametrize("path", [SCRIPT_CARDS, POCKET_CHECKLIST])
def test_print_buttons_are_hidden_when_javascript_is_off(new_page, site_server, path):
    page = new_page(java_script_enabled=False)
    page.goto(site_server + path, wait_until="load")
    assert page.locator("button.print-button").count() > 0
    assert page.evaluate(VISIBLE_BUTTONS) == []
