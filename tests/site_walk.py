"""One visit to every page of the built site in Chromium, recording what several tests check.

Loading a page is the slow part of a browser test, so the page-by-page checks share one walk
(the ``site_walk`` fixture in conftest.py): each page is opened once, and the walk records
- the HTTP status of the page itself;
- every request the page made (test_site_is_self_contained: none leaves this machine);
- facts about its markup as the browser sees it (tests/injection: the same page built from
  hostile content has no more scripts, no event handlers and no script links);
- axe-core's violations in the light palette (test_accessibility).

A test that needs another fact of every page adds it here instead of walking again.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe

AXE = Axe()

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


@dataclass
class PageVisit:
    path: str  # relative to the site root; "" is the home page
    url: str  # as visited
    status: int | None
    facts: dict[str, Any] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"/{self.path}"


def walk(page, base_url: str, paths: list[str]) -> dict[str, PageVisit]:
    """Visit ``base_url + path`` for each path in one tab; the visits by path.

    Each page is loaded until the network is idle (so every request it makes is recorded), its
    facts are read before axe runs (axe adds to the page), then axe runs."""
    visits: dict[str, PageVisit] = {}

    def record(request) -> None:
        if visits:
            visits[next(reversed(visits))].requests.append(request.url)

    page.context.on("request", record)
    for path in paths:
        visit = visits[path] = PageVisit(path, base_url + path, None)
        response = page.goto(base_url + path, wait_until="networkidle")
        visit.status = response.status if response is not None else None
        visit.facts = page.evaluate(PAGE_FACTS)
        visit.violations = AXE.run(page).response["violations"]
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
