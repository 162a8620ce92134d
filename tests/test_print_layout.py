"""The print pages' layout in the DOM at print media: every card and the pocket page have their
paper size, nothing inside overflows them, no text is under 8 pt, and nothing that belongs
together may be split across pages."""

from __future__ import annotations

import pytest

from tests.print_support import (
    CARD_SIZE_IN,
    CSS_PX_PER_INCH,
    POCKET_CHECKLIST,
    POCKET_SIZE_IN,
    SCRIPT_CARDS,
    cards,
    office_cards,
)
from tests.site_walk import KEPT_WHOLE

pytestmark = pytest.mark.browser

MIN_TEXT_PX = 8 * CSS_PX_PER_INCH / 72  # 8 pt

# For each box: its size, how far its content reaches past it, and each element that does.
MEASURE = """
selector => [...document.querySelectorAll(selector)].map(box => {
  const outer = box.getBoundingClientRect();
  const outside = [];
  for (const el of box.querySelectorAll("*")) {
    for (const r of el.getClientRects()) {
      if (r.width === 0 && r.height === 0) continue;
      const by = Math.max(r.bottom - outer.bottom, r.right - outer.right,
                          outer.top - r.top, outer.left - r.left);
      const what = `${el.tagName.toLowerCase()}.${el.className}`;
      if (by > 0.5) outside.push(`${what} by ${by.toFixed(1)}px`);
    }
  }
  return {id: box.id || box.className, width: outer.width, height: outer.height,
          shown: box.getClientRects().length > 0,
          scroll: box.scrollHeight - box.clientHeight, outside};
})
"""

# Every element with its own text, and its computed font size in px.
FONT_SIZES = """
selector => {
  const out = [];
  for (const box of document.querySelectorAll(selector)) {
    for (const el of box.querySelectorAll("*")) {
      const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
      const style = getComputedStyle(el);
      const hidden = el.closest(".visually-hidden") || el.getClientRects().length === 0;
      if (own && !hidden) out.push([el.tagName.toLowerCase() + "." + el.className,
                                    parseFloat(style.fontSize)]);
    }
  }
  return out;
}
"""


def open_at_print(page, url: str, paper: str | None = None):
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    if paper:
        page.evaluate("p => document.documentElement.setAttribute('data-print-paper', p)", paper)


def assert_boxes_fit(boxes, size_in):
    width, height = (side * CSS_PX_PER_INCH for side in size_in)
    shown = [box for box in boxes if box["shown"]]
    assert shown, "nothing to measure"
    for box in shown:
        assert abs(box["width"] - width) <= 1 and abs(box["height"] - height) <= 1, (
            f"{box['id']}: {box['width']:.1f} x {box['height']:.1f} px, "
            f"expected {width:.0f} x {height:.0f}"
        )
        assert box["scroll"] <= 1, f"{box['id']}: content {box['scroll']} px taller than the box"
        assert not box["outside"], f"{box['id']}: overflows: {box['outside'][:5]}"


@pytest.mark.parametrize("paper", [None, "letter", "a4", "card"])
def test_no_element_of_a_card_overflows_its_card(tab, site_server, paper):
    page = tab()
    open_at_print(page, site_server + SCRIPT_CARDS, paper)
    boxes = page.evaluate(MEASURE, ".print-card")
    assert len(boxes) == len(cards()) + office_cards()
    assert_boxes_fit(boxes, CARD_SIZE_IN)


def test_no_element_of_the_pocket_checklist_overflows_its_page(tab, site_server):
    page = tab()
    open_at_print(page, site_server + POCKET_CHECKLIST)
    boxes = page.evaluate(MEASURE, ".pocket")
    assert len(boxes) == 1
    assert_boxes_fit(boxes, POCKET_SIZE_IN)


@pytest.mark.parametrize(
    ("path", "selector"), [(POCKET_CHECKLIST, ".pocket"), (SCRIPT_CARDS, ".print-card")]
)
def test_no_printed_text_is_under_8_points(tab, site_server, path, selector):
    page = tab()
    open_at_print(page, site_server + path)
    sizes = page.evaluate(FONT_SIZES, selector)
    assert sizes, "no text found"
    small = [
        (what, f"{px * 72 / CSS_PX_PER_INCH:.1f} pt")
        for what, px in sizes
        if px < MIN_TEXT_PX - 0.01
    ]
    assert not small, f"text under 8 pt: {small[:5]}"


@pytest.mark.parametrize("selector", KEPT_WHOLE)
def test_cards_and_checklist_items_are_never_split_across_pages(site_walk, selector):
    """On every page that has them, at print media (as the walk over the site saw it)."""
    found = {
        v.where: v.break_inside[selector] for v in site_walk.values() if selector in v.break_inside
    }
    assert found, f"no page has {selector}"
    for where, values in found.items():
        assert set(values) == {"avoid"}, f"{selector} on {where}: break-inside {set(values)}"
