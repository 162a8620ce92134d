"""The "Should I call?" page's states, each shown once per run in Chromium, with what several
tests check recorded (the flow's counterpart of tests/site_walk.py).

Loading the flow page is the slow part of its browser tests (about 100 KB of HTML, then the
script), and many tests look at the same states: every outcome in each phase
(test_flow_browser), every outcome and question on a phone (test_design). So the page is loaded
once per screen and colour scheme, and each state is then shown in that page the way the
browser's Back and Forward show it: the URL changes in place (``history.pushState``) and the page
hears ``popstate``, which renders from the URL exactly as a load does (flow.js: both call
``render(parse(location.search))``). Focus and scroll are then left as a load leaves them
(nothing focused, the top of the page), so what is measured is what a reader opening that URL
sees. Loading each URL is still tested where the load is the point (shared links, reload, Change
and Start over, 320 px, the first question in test_flow_browser).

The walks are made by whichever worker needs them first and shared through a file
(tests/shared_builds.py); the tests stay one per outcome or question and assert on the record.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from soapguide.flow.model import FlowPath, Step, build_flow
from soapguide.guide import load_content

from tests import shared_builds

REPO = Path(__file__).resolve().parents[1]
PAGE = "should-i-call/"
READY = "#flow.flow--js"
CONTENT = load_content(REPO / "data", REPO)
FLOW = build_flow(CONTENT.documents["flow"])
PHONE = {"width": 390, "height": 844}


# --- The flow as data: paths and the URLs that encode them -------------------------------------


def number(step: Step) -> int:
    return step.question.options.index(step.option) + 1


def query(steps: Iterable[Step]) -> str:
    steps = list(steps)
    return "?a=" + ",".join(f"{s.question.id}:{number(s)}" for s in steps) if steps else ""


def route_to(outcome_id: str, phase: str | None = None) -> FlowPath:
    """The shortest path to an outcome (in ``phase``, when given)."""
    paths = [p for p in FLOW.paths() if p.outcome.id == outcome_id]
    paths = [p for p in paths if phase is None or p.phase == phase]
    assert paths, f"no path reaches {outcome_id} ({phase})"
    return min(paths, key=lambda p: len(p.steps))


def one_path_per_outcome() -> dict[str, FlowPath]:
    """For each outcome, the first path that reaches it."""
    paths: dict[str, FlowPath] = {}
    for path in FLOW.paths():
        paths.setdefault(path.outcome.id, path)
    return paths


def one_query_per_question() -> dict[str, str]:
    """For each question, the query that opens it (the answers that lead there first)."""
    found: dict[str, str] = {}
    for path in FLOW.paths():
        for index, step in enumerate(path.steps):
            found.setdefault(step.question.id, query(path.steps[:index]))
    return found


OUTCOME_PHASES = [(o, phase) for o, phases in FLOW.outcome_phases().items() for phase in phases]


def phone_states() -> list[str]:
    """The states the phone walk shows: every question, then every outcome by its first path and
    by its shortest path in each phase that reaches it."""
    queries = list(one_query_per_question().values())
    queries += [query(p.steps) for p in one_path_per_outcome().values()]
    queries += [query(route_to(o, phase).steps) for o, phase in OUTCOME_PHASES]
    return list(dict.fromkeys(queries))


# --- Moving between states in one loaded page ---------------------------------------------------

VISIT = """q => {
  history.pushState({flow: true}, "", location.pathname + q);
  dispatchEvent(new PopStateEvent("popstate", {state: {flow: true}}));
  if (document.activeElement) document.activeElement.blur();
  scrollTo(0, 0);
  return location.search;
}"""


def open_flow(page, base: str, start: str = "") -> None:
    """Load the flow page at ``start`` and wait for its script to take over."""
    page.goto(base + PAGE + start, wait_until="load")
    page.wait_for_selector(READY)


def visit(page, state: str) -> None:
    """Show ``state`` (a query, "" for the first question) in the loaded flow page, as the
    browser's Back and Forward do, and leave focus and scroll as a load leaves them."""
    assert page.evaluate(VISIT, state) == state


# --- What the phone walk records of each state --------------------------------------------------

STATE_FACTS = """() => {
  const box = el => {
    if (!el || el.getClientRects().length === 0) return null;
    const r = el.getBoundingClientRect();
    return {x: r.x, y: r.y, width: r.width, height: r.height};
  };
  const shown = el => { const b = box(el);
    return !!b && b.width > 0 && b.height > 0 && getComputedStyle(el).visibility === "visible"; };
  const one = s => document.querySelector(s);
  const caption = one(".flow-legend .flow-progress");
  return {
    heading: one("#flow-heading").textContent,
    answers: [...document.querySelectorAll(".flow-summary dd:not(.flow-summary__change)")]
      .map(dd => dd.textContent),
    cards: [...document.querySelectorAll(".flow-result .script-card")].map(card => ({
      title: card.querySelector(".script-card__title").textContent,
      kind: card.querySelector(".script-card__kind").textContent,
      text: card.textContent,
    })),
    verdict_box: box(one(".flow-panel #flow-heading")),
    first_step_box: box(one(".flow-result .flow-next-steps > li")),
    intro_shown: [...document.querySelectorAll(".flow-intro")].some(shown),
    links: [...document.querySelectorAll(".flow-back, .flow-restart, .flow-summary__change a")]
      .map(a => ({name: a.innerText, box: box(a)})),
    caption: caption ? caption.innerText : null,
    backs: document.querySelectorAll("#flow-form .flow-back").length,
    back_box: box(one("#flow-form .flow-back")),
    heading_box: box(one("#flow-heading")),
  };
}"""

ROW = """index => {
  const row = document.querySelectorAll(".flow-radio")[index];
  row.scrollIntoView({block: "center"});
  const r = row.getBoundingClientRect(), c = row.querySelector("input").getBoundingClientRect();
  document.querySelectorAll(".flow-radio input").forEach(i => { i.checked = false; });
  return {row: {x: r.x, y: r.y, width: r.width, height: r.height},
          circle: {width: c.width, height: c.height}};
}"""
# Which row is checked now (-1: none); then none is, so the next click must choose by itself.
CHECKED_THEN_CLEAR = """() => {
  const inputs = [...document.querySelectorAll(".flow-radio input")];
  const checked = inputs.findIndex(i => i.checked);
  inputs.forEach(i => { i.checked = false; });
  return checked;
}"""


def radio_rows(page) -> list[dict[str, Any]]:
    """Each answer row's size, its radio's size, and the row a real mouse click chose at its
    left edge, middle and right end (nothing checked before each click)."""
    rows = []
    for index in range(page.locator(".flow-radio").count()):
        row = page.evaluate(ROW, index)
        box = row["row"]
        row["clicks"] = []
        for x in (2, box["width"] / 2, box["width"] - 2):
            page.mouse.click(box["x"] + x, box["y"] + box["height"] / 2)
            row["clicks"].append([x, page.evaluate(CHECKED_THEN_CLEAR)])
        rows.append(row)
    return rows


def walk_phone(page, base: str) -> dict[str, dict[str, Any]]:
    """Every state of ``phone_states`` shown once in one load of the page, by query."""
    states: dict[str, dict[str, Any]] = {}
    open_flow(page, base)
    for state in phone_states():
        visit(page, state)
        facts = states[state] = page.evaluate(STATE_FACTS)
        facts["rows"] = radio_rows(page) if facts["caption"] is not None else []
    return states


def phone_walk(request: pytest.FixtureRequest) -> dict[str, dict[str, Any]]:
    """The phone walk of this run (390 x 844, light), made once and shared by the workers."""
    return shared_builds.walked_once(request, "flow-walk-phone", walk_phone, viewport=PHONE)
