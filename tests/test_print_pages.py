"""The print pages printed to PDF by Chromium (CSS page size, print media) and read back: the
pocket checklist is one 4.25 x 5.5 in page, every script card lands whole on one card, every
text is on the paper, and every page has the size the pages claim."""

from __future__ import annotations

import pytest

from tests.print_support import (
    A4_PT,
    CARD_SIZE_IN,
    LETTER_PT,
    POCKET_CHECKLIST,
    POCKET_SIZE_IN,
    SCRIPT_CARDS,
    cards,
    inches_to_points,
    office_cards,
    pages_holding,
    phrase_texts,
    pocket_texts,
    print_to_pdf,
    same_size,
    squash,
    step_texts,
    voicemail_rule_texts,
)

pytestmark = pytest.mark.browser

CARDS = cards()
CARD_PT = inches_to_points(CARD_SIZE_IN)
SHEETS = {  # print mode -> the paper each sheet must be
    "letter": LETTER_PT,
    "a4": A4_PT,
    None: LETTER_PT,  # no mode: the dialog's paper; Chromium's default is US Letter
}


def test_pocket_checklist_is_exactly_one_quarter_letter_page(tab, site_server):
    page = tab()
    pdf = print_to_pdf(page, site_server + POCKET_CHECKLIST)
    assert len(pdf.pages) == 1, f"{len(pdf.pages)} pages"
    assert same_size(pdf.sizes[0], inches_to_points(POCKET_SIZE_IN)), pdf.sizes


def test_a_card_lists_only_the_steps_its_script_covers(tab, site_server):
    """Every step a card lists has a line on the card that says it (and no other step)."""
    page = tab()
    pdf = print_to_pdf(page, site_server + SCRIPT_CARDS, paper="card")
    every = step_texts()
    for number, card in enumerate(CARDS):
        text = squash(pdf.pages[number])
        assert all(squash(step) in text for step in card.steps), card.id
        missing = [s for s in every if s not in card.steps and squash(s) in text]
        assert not missing, f"{card.id} lists steps its script does not cover: {missing}"


def test_pocket_checklist_carries_every_item_rule_and_tone_example(tab, site_server):
    page = tab()
    pdf = print_to_pdf(page, site_server + POCKET_CHECKLIST)
    page = squash(pdf.pages[0]).casefold()  # the site's name is set in capitals
    missing = [text for text in pocket_texts() if squash(text).casefold() not in page]
    assert not missing, f"not on the pocket page: {missing}"


@pytest.mark.parametrize("card", CARDS, ids=[c.id for c in CARDS])
def test_each_card_prints_alone_on_one_4x6_card_with_all_its_text(tab, site_server, card):
    page = tab()
    pdf = print_to_pdf(page, f"{site_server}{SCRIPT_CARDS}#{card.id}")
    assert len(pdf.pages) == 1, f"{card.id}: {len(pdf.pages)} pages"
    assert same_size(pdf.sizes[0], CARD_PT), pdf.sizes
    text = squash(pdf.pages[0])
    expected = [*card.texts, *card.steps, *phrase_texts()]
    if card.channel == "voicemail":
        expected += voicemail_rule_texts()
    missing = [t for t in expected if squash(t) not in text]
    assert not missing, f"{card.id}: missing {missing}"
    others = [c.title for c in CARDS if c is not card and squash(c.title) in text]
    assert not others, f"{card.id}: other cards printed with it: {others}"


def test_card_mode_prints_one_4x6_page_per_card_each_whole(tab, site_server):
    page = tab()
    pdf = print_to_pdf(page, site_server + SCRIPT_CARDS, paper="card")
    assert len(pdf.pages) == len(CARDS) + office_cards()
    assert all(same_size(size, CARD_PT) for size in pdf.sizes), pdf.sizes
    for number, card in enumerate(CARDS):
        for text in card.texts:
            assert number in pages_holding(pdf, text), f"{card.id}: {text!r} not on its page"


@pytest.mark.parametrize("paper", list(SHEETS), ids=lambda p: p or "dialog-paper")
def test_sheets_put_two_cards_on_each_page_and_each_card_whole_on_one(tab, site_server, paper):
    page = tab()
    pdf = print_to_pdf(page, site_server + SCRIPT_CARDS, paper=paper)
    assert len(pdf.pages) == (len(CARDS) + office_cards() + 1) // 2
    assert all(same_size(size, SHEETS[paper]) for size in pdf.sizes), pdf.sizes
    for card in CARDS:
        home = pages_holding(pdf, card.title)
        assert len(home) == 1, f"{card.id}: title on pages {home}"
        assert home[0] == CARDS.index(card) // 2, f"{card.id}: on page {home[0]}"
        for text in card.lines:
            assert home[0] in pages_holding(pdf, text), f"{card.id}: {text!r} not with its card"
