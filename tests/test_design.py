"""The design in Chromium, as a phone user sees it (390 x 844): what must be on the first
screen, touch targets, the smallest text, the single brand token, and the one script card.

Everything is driven by data/ and the built pages, never by today's wording: the outcomes and
questions come from data/flow.yml, the scripts from data/scripts.yml.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from soapguide.flow.model import Flow, FlowPath, build_flow
from soapguide.guide import load_content

from tests import flow_walk, shared_builds
from tests import site_walk as walks
from tests.axe_palettes import COLOUR_RULES, violations

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
CONTENT = load_content(REPO / "data", REPO)
FLOW: Flow = build_flow(CONTENT.documents["flow"])
SCRIPTS = {s["id"]: s for s in CONTENT["scripts"]["scripts"]}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}
FLOW_PAGE = "should-i-call/"
MIN_SCREEN_TEXT_PX = 12
MIN_TOUCH_PX = 44


def query(path: FlowPath, upto: int | None = None) -> str:
    return flow_walk.query(path.steps[:upto])


OUTCOMES = flow_walk.one_path_per_outcome()
QUESTIONS = flow_walk.one_query_per_question()
WITH_SCRIPTS = next(p for p in FLOW.paths() if p.outcome.scripts)


def opened(tab, url: str, viewport=PHONE, scheme: str = "light"):
    """``url`` loaded in the module's kept tab for this screen and colour scheme."""
    page = tab(viewport=viewport, color_scheme=scheme)
    page.goto(url, wait_until="load")
    if FLOW_PAGE in url:
        page.wait_for_selector("#flow.flow--js")
    return page


@pytest.fixture(scope="session")
def phone_walk(request: pytest.FixtureRequest) -> dict[str, dict]:
    """Every question and outcome of the flow, shown once per run on a phone in one load of the
    page (tests/flow_walk.py)."""
    return flow_walk.phone_walk(request)


def box(page, selector: str) -> dict:
    element = page.locator(selector).first
    assert element.count(), f"nothing matches {selector}"
    found = element.bounding_box()
    assert found, f"{selector} is not shown"
    return found


# ---- The first screen on a phone -------------------------------------------------------------

HOME_ORDER = [
    ("the page title", "h1"),
    ("the rule sentence", ".rule-first .sg-warning__text"),
    ("the headline answer", ".answer-first__answer"),
    ("the Should I call? button", f".md-content a.md-button[href$='{FLOW_PAGE}']"),
]


def test_home_shows_title_rule_answer_and_button_on_the_first_phone_screen(tab, site_server):
    page = opened(tab, site_server)
    boxes = [(name, box(page, selector)) for name, selector in HOME_ORDER]
    below = [name for name, b in boxes if b["y"] + b["height"] > PHONE["height"]]
    assert not below, f"below the first {PHONE['height']} px: {below}"
    tops = [b["y"] for _, b in boxes]
    assert tops == sorted(tops), f"not in the order {[name for name, _ in HOME_ORDER]}: {tops}"


def test_the_first_phone_screen_holds_in_soap_week_with_the_check_the_rules_banner(
    browser, site_server
):
    """SOAP week is when the guide is used, and check_rules_after always falls before SOAP ends
    (data/schedule.yml), so the "check the current rules" banner is on every page then."""
    import datetime as dt

    from soapguide.read.schedule import read_schedules, schedule_for

    own = schedule_for(read_schedules(CONTENT["schedule"]), CONTENT["meta"]["match_year"])
    context = browser.new_context(viewport=PHONE)
    context.clock.set_fixed_time(own.soap_starts.at + dt.timedelta(days=1))
    try:
        page = context.new_page()
        page.goto(site_server, wait_until="load")
        assert page.locator(".stale-banner").is_visible()
        boxes = [(name, box(page, selector)) for name, selector in HOME_ORDER]
        below = [name for name, b in boxes if b["y"] + b["height"] > PHONE["height"]]
        path = OUTCOMES[next(iter(OUTCOMES))]
        page.goto(site_server + FLOW_PAGE + query(path), wait_until="load")
        page.wait_for_selector("#flow.flow--js")
        step = box(page, ".flow-result .flow-next-steps > li")
        if step["y"] + step["height"] > PHONE["height"]:
            below.append("the outcome's first next step")
    finally:
        context.close()
    assert not below, f"below the first {PHONE['height']} px in SOAP week: {below}"


def test_the_rule_is_one_bold_sentence_at_body_size_or_larger(tab, site_server):
    page = opened(tab, site_server)
    rule = page.evaluate(
        """() => {
          const text = document.querySelector(".rule-first .sg-warning__text strong");
          const body = document.querySelector(".md-typeset p:not(.sg-warning__text)");
          return {weight: +getComputedStyle(text).fontWeight,
                  size: parseFloat(getComputedStyle(text).fontSize),
                  body: parseFloat(getComputedStyle(body).fontSize),
                  marker: document.querySelector(".rule-first .sg-warning__icon").textContent}
        }"""
    )
    assert rule["weight"] >= 700 and rule["size"] >= rule["body"], rule
    assert rule["marker"].strip() == "!", rule


@pytest.mark.parametrize("outcome_id", list(OUTCOMES))
def test_an_outcome_shows_its_verdict_and_first_next_step_on_the_first_screen(
    phone_walk, outcome_id
):
    shown = phone_walk[query(OUTCOMES[outcome_id])]
    verdict, first_step = shown["verdict_box"], shown["first_step_box"]
    assert verdict and first_step, "the verdict or the first next step is not shown"
    assert verdict["y"] + verdict["height"] <= PHONE["height"], verdict
    assert first_step["y"] + first_step["height"] <= PHONE["height"], first_step
    assert not shown["intro_shown"], "the page intro is hidden once the flow has started"


def test_an_outcome_puts_your_answers_after_what_to_do_and_start_over_is_a_link(tab, site_server):
    page = opened(tab, site_server + FLOW_PAGE + query(WITH_SCRIPTS))
    tops = {
        name: box(page, selector)["y"]
        for name, selector in [
            ("verdict", ".flow-panel"),
            ("next steps", ".flow-next-steps"),
            ("script", ".flow-result .script-card"),
            ("your answers", ".flow-summary"),
        ]
    }
    restart = page.get_by_role("link", name="Start over")
    assert restart.count() == 1 and not page.get_by_role("button", name="Start over").count()
    assert list(tops) == sorted(tops, key=tops.get), tops


@pytest.mark.parametrize("question_id", list(QUESTIONS))
def test_a_question_says_which_it_is_and_offers_back_after_the_first(phone_walk, question_id):
    answered = QUESTIONS[question_id].count(":")
    shown = phone_walk[QUESTIONS[question_id]]
    caption = shown["caption"]
    assert shown["backs"] == (1 if answered else 0)
    if answered:  # Back sits above the question
        assert shown["back_box"]["y"] < shown["heading_box"]["y"]
    assert caption.startswith(f"Question {answered + 1} of "), caption


@pytest.mark.parametrize("question_id", list(QUESTIONS))
def test_radio_rows_are_44px_tall_and_a_click_anywhere_on_a_row_selects_it(phone_walk, question_id):
    rows = phone_walk[QUESTIONS[question_id]]["rows"]
    assert len(rows) == len(FLOW.questions[question_id].options)
    for index, shown in enumerate(rows):
        row, circle = shown["row"], shown["circle"]
        assert row["height"] >= MIN_TOUCH_PX, f"row {index + 1}: {row['height']:.0f} px"
        assert circle["width"] >= 40 - 0.5 and circle["height"] >= 40 - 0.5, circle
        for x, checked in shown["clicks"]:  # left edge, middle, right end; none checked before
            assert checked == index, f"a click at x={x:.0f} on row {index + 1} chose {checked}"


@pytest.mark.parametrize("outcome_id", list(OUTCOMES))
def test_back_start_over_and_change_are_44px_touch_targets(phone_walk, outcome_id):
    links = phone_walk[query(OUTCOMES[outcome_id])]["links"]
    assert len(links) >= 3  # Back, Start over and a Change per answer
    for link in links:
        size, name = link["box"], link["name"]
        assert size, f"{name} is not shown"
        assert size["height"] >= MIN_TOUCH_PX - 0.5, f"{name}: {size['height']:.0f} px tall"
        assert size["width"] >= MIN_TOUCH_PX - 0.5, f"{name}: {size['width']:.0f} px wide"


# ---- Every page on a phone (recorded once by the site walk: tests/site_walk.py) -------------


def test_no_page_is_wider_than_the_screen(site_walk):
    """A page wider than a phone's screen scrolls sideways; some of it (a card, a box) is cut
    off until it does. Read as the page is drawn, parts put off by content-visibility too."""
    wider = {
        visit.where: {
            screen: f"{visit.width[screen]} px on {width}"
            for screen, (width, _) in walks.SCREENS.items()
            if visit.width[screen] > width
        }
        for visit in site_walk.values()
    }
    assert not {where: found for where, found in wider.items() if found}


def test_every_touch_target_on_every_page_is_44px_on_a_phone(site_walk):
    """Every button, link, summary and control a finger can hit, the header's included; links in
    a sentence are the one exception (WCAG 2.5.8). The flow's states are tested above."""
    small = {visit.where: found for visit in site_walk.values() if (found := visit.small_targets)}
    assert not small, f"touch targets under {MIN_TOUCH_PX} px on a phone: {small}"


# ---- The smallest text ---------------------------------------------------------------------------

# Every element with its own visible text and its font size; the paper view of the print
# pages (script cards and pocket page shown at their printed size) is allowed its small print.
SMALL_TEXT = """
limit => {
  const small = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".script-card--paper, .pocket, .visually-hidden")) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.getClientRects().length === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== "visible" || +style.opacity === 0) continue;
    const size = parseFloat(style.fontSize);
    if (size < limit) small.push(`${el.tagName.toLowerCase()}.${el.className} ${size}px`);
  }
  return small;
}
"""


@pytest.mark.long
def test_no_text_on_screen_is_smaller_than_12px(browser, site_server, site_pages):
    """On a phone and on a desktop: each page is loaded once, read at phone size, then the
    window is widened to desktop size (the media queries apply as on a load at that size)."""
    urls = [site_server + p for p in site_pages] + [site_server + FLOW_PAGE + query(WITH_SCRIPTS)]
    report = {}
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        for url in urls:
            page.set_viewport_size(PHONE)
            page.goto(url, wait_until="load")
            for name, viewport in [("phone", PHONE), ("desktop", DESKTOP)]:
                page.set_viewport_size(viewport)
                assert page.evaluate("() => innerWidth") == viewport["width"]
                small = page.evaluate(SMALL_TEXT, MIN_SCREEN_TEXT_PX)
                if small:
                    report[f"{name} {url}"] = small[:5]
    finally:
        context.close()
    assert not report, f"text under {MIN_SCREEN_TEXT_PX} px: {report}"


# ---- One brand token re-themes everything ------------------------------------------------------

# Two brand colours far apart in hue and lightness: a dark wine and a bright yellow (the hard
# case: white text on it would fail, so the derived colours must darken it).
BRANDS = ["#7a1f3d", "#ffcc00"]
THEMED = {
    "header": (".md-header", "backgroundColor"),
    "button": (".md-content .md-button--primary", "backgroundColor"),
    "rule marker": (".sg-warning__icon", "backgroundColor"),
    "card": (".script-card", "borderTopColor"),
    "card line number": (".script-card__no", "backgroundColor"),
}
BRAND_PAGES = ["", "what-to-say/", "print/script-cards/", FLOW_PAGE + query(WITH_SCRIPTS)]


def themed_colours(page) -> dict[str, str]:
    return page.evaluate(
        """themed => Object.fromEntries(Object.entries(themed).map(([name, [sel, prop]]) => {
             const el = document.querySelector(sel);
             return [name, el ? getComputedStyle(el)[prop] : null];
           }).filter(([, value]) => value !== null))""",
        THEMED,
    )


def set_brand(page, colour: str | None) -> None:
    """What an office overlay does: set the one brand property on the root element. Material
    animates some colour changes; the test reads the settled colours, so transitions are off."""
    page.add_style_tag(content="*, ::before, ::after { transition: none !important; }")
    page.evaluate(
        "c => c ? document.documentElement.style.setProperty('--sg-brand', c)"
        " : document.documentElement.style.removeProperty('--sg-brand')",
        colour,
    )


# The brand changes colours only, so the rules that judge colour are the ones to run again
# (test_accessibility runs every rule on every page with the default brand).


def walk_brands(page, base: str) -> dict[str, dict]:
    """Each of BRAND_PAGES loaded once: the themed colours with no brand set and with each of
    BRANDS, and axe's colour violations with each of BRANDS, by page."""
    record = {}
    for path in BRAND_PAGES:
        page.goto(base + path, wait_until="load")
        if FLOW_PAGE in path:
            page.wait_for_selector("#flow.flow--js")
        seen = record[path] = {"colours": {}, "violations": {}}
        for colour in [None, *BRANDS]:
            set_brand(page, colour)
            seen["colours"][str(colour)] = themed_colours(page)
            if colour:
                seen["violations"][colour] = violations(page, COLOUR_RULES)
    return record


@pytest.fixture(scope="session")
def brand_walk(request: pytest.FixtureRequest):
    """``brand_walk(scheme)``: ``walk_brands`` on a desktop in that colour scheme, made once per
    run and shared by the workers (both brand tests read it)."""

    def get(scheme: str) -> dict[str, dict]:
        return shared_builds.walked_once(
            request, f"brand-walk-{scheme}", walk_brands, viewport=DESKTOP, color_scheme=scheme
        )

    return get


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_one_brand_token_rethemes_header_buttons_markers_and_cards(brand_walk, scheme):
    seen: dict[str, set[str]] = {name: set() for name in THEMED}
    for record in brand_walk(scheme).values():
        for colour, colours in record["colours"].items():
            for name, value in colours.items():
                seen[name].add(f"{colour}:{value}")
    for name, values in seen.items():
        by_brand: dict[str, set[str]] = {}
        for entry in values:
            brand, value = entry.split(":", 1)
            by_brand.setdefault(brand, set()).add(value)
        assert set(by_brand) == {"None", *BRANDS}, f"{name} not found on any page"
        colours = [frozenset(v) for v in by_brand.values()]
        assert len(set(colours)) == len(colours), f"{name} does not follow --sg-brand: {by_brand}"


@pytest.mark.long
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_any_brand_colour_keeps_axe_at_zero(brand_walk, scheme):
    """Each page is loaded once per scheme and axe runs on it once per brand colour."""
    record = brand_walk(scheme)
    assert set(record) == set(BRAND_PAGES)
    report = []
    for path, seen in record.items():
        assert set(seen["violations"]) == set(BRANDS), path
        for brand, found in seen["violations"].items():
            for v in found:
                report.append((brand, path, v["id"], [n["target"] for n in v["nodes"]]))
    assert not report, report


# ---- One script card -----------------------------------------------------------------------------

CARDS = """
() => [...document.querySelectorAll(".script-card")].filter(c => c.getClientRects().length)
  .map(card => ({
    title: card.querySelector(".script-card__title").firstChild.textContent.trim(),
    parts: [...card.querySelectorAll(":scope > *, :scope > .script-card__body > ol")]
      .map(e => e.className.split(" ")[0]),
    lines: [...card.querySelectorAll(".script-card__lines > li")].map(li => ({
      number: li.querySelector(".script-card__no").textContent.trim(),
      step: li.dataset.step,
      named: !!li.querySelector(".script-card__step"),
      text: !!li.querySelector(".script-card__text"),
    })),
    strip: !!card.querySelector(".sg-warning--strip .sg-warning__icon"),
  }))
"""
CARD_PARTS = [
    "script-card__kind",
    "script-card__title",
    "script-card__when",
    "script-card__body",
    "script-card__lines",
    "sg-warning",
]
SURFACE_EXTRAS = {"script-card__make", "paper-office-line"}
SURFACES = {
    "What to say": "what-to-say/",
    "the flow's outcome": FLOW_PAGE + query(WITH_SCRIPTS),
    "paper": "print/script-cards/",
    "the builder": "make-your-script/",
}


def test_the_script_card_is_one_component_on_every_surface(tab, site_server):
    by_title = {s["title"]: s for s in SCRIPTS.values()}
    for surface, path in SURFACES.items():
        page = opened(tab, site_server + path)
        cards = page.evaluate(CARDS)
        assert cards, f"no script card on {surface}"
        for card in cards:
            script = by_title[card["title"]]
            where = f"{surface}, {script['id']}"
            steps = [line["step"] for line in script["lines"]]
            assert [line["step"] for line in card["lines"]] == steps, where
            numbers = [line["number"] for line in card["lines"]]
            assert numbers == [str(n) for n in range(1, len(steps) + 1)], (where, numbers)
            named = [i == 0 or steps[i] != steps[i - 1] for i in range(len(steps))]
            assert [line["named"] for line in card["lines"]] == named, where
            assert all(line["text"] for line in card["lines"]) and card["strip"], where
            # The same parts in the same order; a surface may add its own after the rule strip
            # (paper: the office line; the guide's pages: a link to make your own).
            parts = card["parts"]
            assert parts[: len(CARD_PARTS)] == CARD_PARTS, f"{where} draws the card differently"
            assert set(parts[len(CARD_PARTS) :]) <= SURFACE_EXTRAS, (where, parts)
