"""One visit to every page of the built site in Chromium, recording what several tests check.

Loading a page is the slow part of a browser test, so the page-by-page checks share one walk
(the ``site_walk`` fixture in conftest.py): each page is opened once, and the walk records
- the HTTP status of the page itself;
- every request the page made (test_site_is_self_contained: none leaves this machine);
- facts about its markup as the browser sees it (tests/injection: the same page built from
  hostile content has no more scripts, no event handlers and no script links);
- axe-core's violations in the light palette (test_accessibility);
- what shows on screen and what prints: the page's furniture, its content, the addresses of
  its links to other sites, and how the things that belong together break across paper pages
  (test_print_stylesheet, test_print_layout).

A test that needs another fact of every page adds it here instead of walking again.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tests.axe_palettes import violations

# What the injection tests compare between a page and its hostile twin.
PAGE_FACTS = """() => ({
  scripts: document.scripts.length,
  handlers: [...document.querySelectorAll('*')].flatMap(el =>
    [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
  scriptLinks: [...document.querySelectorAll('[href],[src]')]
    .map(el => el.getAttribute('href') || el.getAttribute('src'))
    .filter(url => /^\\s*(javascript|data|vbscript):/i.test(url)),
  text: document.body.innerText,
})"""

# The page's furniture: none of it may print.
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
# The page's own content, which must print.
CONTENT = ".md-content__inner > :not(.stale-banner, .review-stamp)"
# Things that belong together on paper: each must avoid a page break inside it.
KEPT_WHOLE = [
    ".print-card",
    ".card-slot",
    ".pocket",
    ".pocket__checklist > li",
    ".checklist > li",
    ".script-card",
]

PRESENT = "selectors => selectors.filter(s => document.querySelector(s) !== null)"
SHOWN = """selectors => Object.fromEntries(selectors.map(s => [s,
  [...document.querySelectorAll(s)].filter(e => e.getClientRects().length > 0).length]))"""
EXTERNAL_LINKS = """() => [...document.querySelectorAll(".md-content a[href^='https://']")]
  .filter(a => a.getClientRects().length > 0).map(a => a.href)"""
BREAK_INSIDE = """selectors => Object.fromEntries(selectors
  .map(s => [s, [...document.querySelectorAll(s)].map(e => getComputedStyle(e).breakInside)])
  .filter(([, values]) => values.length > 0))"""


@dataclass
class PageVisit:
    path: str  # relative to the site root; "" is the home page
    url: str  # as visited
    status: int | None
    facts: dict[str, Any] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    chrome_present: list[str] = field(default_factory=list)  # CHROME selectors that match
    on_screen: dict[str, int] = field(default_factory=dict)  # selector -> elements shown
    in_print: dict[str, int] = field(default_factory=dict)  # the same, at print media
    external_links: list[str] = field(default_factory=list)  # shown in the content
    break_inside: dict[str, list[str]] = field(default_factory=dict)  # KEPT_WHOLE, in print

    @property
    def where(self) -> str:
        return f"/{self.path}"


def walk(page, base_url: str, paths: list[str]) -> dict[str, PageVisit]:
    """Visit ``base_url + path`` for each path in one tab; the visits by path.

    Each page is loaded until the network is idle (so every request it makes is recorded), its
    facts are read before axe runs (axe adds to the page), then axe runs on screen, then the
    page is looked at on screen and at print media."""
    visits: dict[str, PageVisit] = {}

    def record(request) -> None:
        if visits:
            visits[next(reversed(visits))].requests.append(request.url)

    page.context.on("request", record)
    for path in paths:
        visit = visits[path] = PageVisit(path, base_url + path, None)
        page.emulate_media(media="screen")
        response = page.goto(base_url + path, wait_until="networkidle")
        visit.status = response.status if response is not None else None
        page.wait_for_load_state("load")  # not a predicate: the CSP forbids evaluating one
        visit.facts = page.evaluate(PAGE_FACTS)
        visit.violations = violations(page)
        visit.chrome_present = page.evaluate(PRESENT, CHROME)
        visit.on_screen = page.evaluate(SHOWN, [*CHROME, CONTENT])
        visit.external_links = page.evaluate(EXTERNAL_LINKS)
        page.emulate_media(media="print")
        visit.in_print = page.evaluate(SHOWN, [*CHROME, CONTENT])
        visit.break_inside = page.evaluate(BREAK_INSIDE, KEPT_WHOLE)
    page.emulate_media(media="screen")
    return visits


def save(visits: dict[str, PageVisit], path: Path) -> None:
    """Write the visits as JSON, for the other workers of the run (``load``)."""
    path.write_text(json.dumps([asdict(visit) for visit in visits.values()]), encoding="utf-8")


def load(path: Path) -> dict[str, PageVisit]:
    return {visit["path"]: PageVisit(**visit) for visit in json.loads(path.read_text("utf-8"))}


def describe_violations(violations: list[dict[str, Any]], shown: int = 3) -> str:
    """axe's violations as lines a person can act on: rule, impact, help and a few targets."""
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        targets = [" ".join(map(str, node["target"])) for node in nodes[:shown]]
        more = f" (+{len(nodes) - shown} more)" if len(nodes) > shown else ""
        lines.append(
            f"  {violation['id']} [{violation.get('impact')}]: {violation['help']}\n"
            f"      {len(nodes)} node(s): {'; '.join(targets)}{more}"
        )
    return "\n".join(lines)
