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
  (test_print_stylesheet, test_print_layout);
- which of our stylesheets it uses and which of the things our scripts act on it holds
  (test_page_assets: each page loads only the assets it uses);
- the sizes of the text it shows on a phone and on a desktop screen, the same loaded page
  resized (test_page_assets: no text on screen under 12 px);
- how wide the document is on a phone and on a desktop (test_design: no page is wider than
  the screen), and its touch targets under 44 px on a phone (test_design);
- its Content-Security-Policy as Chromium applied it: the violations reported from the first
  moment of the document, and whether Material's scripts ran under it (test_csp).

A test that needs another fact of every page adds it here instead of walking again.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from soapguide.render.assets import COMBINED, combined_parts

from tests.axe_palettes import violations

DOCS = Path(__file__).resolve().parents[1] / "docs"

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

# What each of our scripts acts on: a page without it must not load the script. A new script
# (the script builder's, say) is added here; until it is, test_page_assets names it.
SCRIPT_NEEDS = {
    "assets/javascripts/flow.js": "#flow-data",  # the flow, embedded as JSON
    "assets/javascripts/print.js": "button.print-button",  # the Print buttons
    "assets/javascripts/builder.js": "#builder-data",  # the builder's settings and scripts
}


def our_files(suffix: str) -> set[str]:
    """Our own files in docs/ that end in ``suffix``, as paths from the site root."""
    return {p.relative_to(DOCS).as_posix() for p in DOCS.rglob(f"*{suffix}")}


def combined_stylesheets(built_site: Path) -> dict[str, list[tuple[str, str]]]:
    """Each file that ships a page's stylesheets as one, with its parts (path, shipped text)."""
    folder = built_site / COMBINED
    return {
        f"{COMBINED}{file.name}": [
            (part, (built_site / part).read_text(encoding="utf-8"))
            for part in combined_parts(f"{COMBINED}{file.name}")
        ]
        for file in sorted(folder.glob("*.css"))
    }


# Whether each of our stylesheets is used: one of its rules matches an element of the page
# other than <html> and <body> (which every rule for ":root" or a colour scheme matches).
USED_STYLESHEETS = """
([ours, combined]) => {
  const root = [document.documentElement, document.body];
  const found = {};
  // A rule's selectors: split at its top-level commas, not those inside :is(...) and the like.
  function selectors(text) {
    const found = [];
    let depth = 0, start = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === "(") depth++;
      else if (text[i] === ")") depth--;
      else if (text[i] === "," && depth === 0) {
        found.push(text.slice(start, i));
        start = i + 1;
      }
    }
    return [...found, text.slice(start)];
  }
  function matches(selector) {
    // Without pseudo-elements and states (:hover, ::before, :target...); the selector lists of
    // :is(), :where(), :not() and :has() are kept, as they say which elements a rule is for.
    const plain = selector
      .replace(/::?(?!(?:is|where|not|has)\\()[a-z-]+(\\((?:[^()]|\\([^()]*\\))*\\))?/g, "")
      .trim();
    for (const candidate of [selector, plain]) {
      if (!candidate) continue;
      try {
        for (const el of document.querySelectorAll(candidate)) if (!root.includes(el)) return true;
      } catch (e) { /* a selector the engine cannot query as is */ }
    }
    return false;
  }
  function used(rules) {
    for (const rule of rules) {
      if (rule.selectorText && selectors(rule.selectorText).some(matches)) return true;
      if (rule.cssRules && used(rule.cssRules)) return true;
    }
    return false;
  }
  for (const sheet of document.styleSheets) {
    const path = sheet.href && new URL(sheet.href).pathname.replace(/^\\//, "");
    const name = path && ours.find((own) => path.endsWith(own));
    if (name) found[name] = used(sheet.cssRules);
    // A page's stylesheets shipped as one file: each part must be used, as if linked alone.
    const one = path && Object.keys(combined).find((file) => path.endsWith(file));
    for (const [part, text] of one ? combined[one] : []) {
      const alone = new CSSStyleSheet();
      alone.replaceSync(text);
      found[part] = used(alone.cssRules);
    }
  }
  return found;
}
"""

# The screens the text sizes are read at: the same loaded page, resized.
SCREENS = {"phone": (390, 844), "desktop": (1280, 900)}
# The text shown on screen by font size (px): how many text nodes, and the first few of them.
TEXT_SIZES = """
() => {
  const sizes = {};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest("script, style, [hidden]")) continue;
    if (el.getClientRects().length === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const text = node.textContent.trim().slice(0, 30);
    const where = `${el.tagName.toLowerCase()}.${el.className}`;
    const found = (sizes[parseFloat(style.fontSize)] ??= []);
    if (found.length < 5) found.push(`${where} "${text}"`);
  }
  return sizes;
}
"""

# How wide the document is (px): wider than the screen, a phone scrolls sideways. Read after two
# frames, once the page has been drawn at the new size (parts put off with content-visibility
# included).
# Read once the page has settled at its new size: the transitions a resize starts (Material's
# search box eases to its new width) are run to their end first, as a reader would see them.
PAGE_WIDTH = """() => new Promise(done => requestAnimationFrame(() => {
  document.getAnimations().forEach((a) => { try { a.finish(); } catch (endless) { /* none */ } });
  requestAnimationFrame(() => done(document.scrollingElement.scrollWidth));
}))"""

# The touch targets under 44 px on the screen, each as "<tag>.<class> <w>x<h> "<text>"". A
# target is what a finger can hit: an element that is drawn, takes pointer events and is the
# one found at its own centre (not Material's search parts while search is closed, nor the
# skip link, which sits under the page until a keyboard focuses it). Its size is its box, or
# with its label's for a radio or a checkbox (tapping the label is tapping the control). The one
# exception, as WCAG 2.5.8 allows: a link in a sentence, whose height is the line's.
SMALL_TARGETS = """
limit => {
  const TARGETS = "a[href], button, input:not([type=hidden]), select, textarea, summary, " +
                  "label[for]";
  const area = (rects) => {
    const r = rects.filter((r) => r.width && r.height);
    if (!r.length) return null;
    const left = Math.min(...r.map((b) => b.left)), right = Math.max(...r.map((b) => b.right));
    const top = Math.min(...r.map((b) => b.top)), bottom = Math.max(...r.map((b) => b.bottom));
    return {width: right - left, height: bottom - top};
  };
  const inSentence = (el) => {
    if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest(TARGETS) && /[a-z0-9]/i.test(node.textContent)) return true;
    }
    return false;
  };
  const hittable = (el) => {
    const style = getComputedStyle(el);
    if (style.visibility !== "visible" || style.pointerEvents === "none") return false;
    el.scrollIntoView({block: "center", inline: "center"});
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && (hit === el || el.contains(hit) || (el.labels && [...el.labels].some(
      (label) => label.contains(hit))));
  };
  // A label whose control is shown is not counted alone: the control is (with its label, for a
  // radio or a checkbox). Material's menu, palette and search labels have hidden controls.
  const counted = (el) => !(el.control && el.control.getClientRects().length);
  const small = [];
  for (const el of [...document.querySelectorAll(TARGETS)].filter(counted)) {
    const rects = [...el.getClientRects(), ...[...(el.labels || [])].flatMap(
      (label) => el.type === "radio" || el.type === "checkbox" ? [...label.getClientRects()] : [])];
    const size = area(rects);
    if (!size || (size.width >= limit - 0.5 && size.height >= limit - 0.5)) continue;
    if (inSentence(el) || !hittable(el)) continue;
    const text = el.textContent.trim().replace(/\\s+/g, " ").slice(0, 30);
    small.push(`${el.tagName.toLowerCase()}.${el.className} ` +
               `${Math.round(size.width)}x${Math.round(size.height)} "${text}"`);
  }
  scrollTo(0, 0);
  return small;
}
"""
MIN_TOUCH_PX = 44

# Recorded from the first moment of every document, before any of the page's own scripts.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}` +
                              ` at ${e.sourceFile}:${e.lineNumber}`);
});
"""
# The policy as Chromium applied it, and whether Material's scripts ran under it.
CSP_FACTS = """() => ({
  policies: document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]').length,
  materialRan: typeof __md_get === "function",  // set up by Material's inline scripts and bundle
  searchQuery: document.querySelectorAll("[data-md-component=search-query]").length,
  violations: window.__cspViolations,
})"""


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
    stylesheets_used: dict[str, bool] = field(default_factory=dict)  # ours (and their parts)
    script_targets: list[str] = field(default_factory=list)  # SCRIPT_NEEDS selectors that match
    text_sizes: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # SCREENS -> size
    width: dict[str, int] = field(default_factory=dict)  # SCREENS -> the document's width
    small_targets: list[str] = field(default_factory=list)  # touch targets under 44 px, phone
    csp: dict[str, Any] = field(default_factory=dict)  # CSP_FACTS
    csp_console: list[str] = field(default_factory=list)  # the console's CSP messages

    @property
    def where(self) -> str:
        return f"/{self.path}"


def walk(page, base_url: str, paths: list[str], built_site: Path) -> dict[str, PageVisit]:
    """Visit ``base_url + path`` for each path in one tab; the visits by path (``built_site``
    is the folder served at ``base_url``).

    Each page is loaded until the network is idle (so every request it makes is recorded), its
    facts, policy and stylesheets are read before axe runs (axe adds to the page), then axe runs
    on screen, then the page is looked at on screen, at print media, and on screen again at the
    widths of SCREENS."""
    visits: dict[str, PageVisit] = {}
    ours = [sorted(our_files(".css")), combined_stylesheets(built_site)]
    viewport = page.viewport_size

    def record(request) -> None:
        if visits:
            visits[next(reversed(visits))].requests.append(request.url)

    def console(message) -> None:
        if visits and "Content Security Policy" in message.text:
            visits[next(reversed(visits))].csp_console.append(message.text)

    page.context.on("request", record)
    page.on("console", console)
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    for path in paths:
        visit = visits[path] = PageVisit(path, base_url + path, None)
        page.emulate_media(media="screen")
        page.set_viewport_size(viewport)
        response = page.goto(base_url + path, wait_until="networkidle")
        visit.status = response.status if response is not None else None
        page.wait_for_load_state("load")  # not a predicate: the CSP forbids evaluating one
        visit.facts = page.evaluate(PAGE_FACTS)
        visit.csp = page.evaluate(CSP_FACTS)
        visit.stylesheets_used = page.evaluate(USED_STYLESHEETS, ours)
        visit.script_targets = page.evaluate(PRESENT, list(SCRIPT_NEEDS.values()))
        visit.violations = violations(page)
        visit.chrome_present = page.evaluate(PRESENT, CHROME)
        visit.on_screen = page.evaluate(SHOWN, [*CHROME, CONTENT])
        visit.external_links = page.evaluate(EXTERNAL_LINKS)
        page.emulate_media(media="print")
        visit.in_print = page.evaluate(SHOWN, [*CHROME, CONTENT])
        visit.break_inside = page.evaluate(BREAK_INSIDE, KEPT_WHOLE)
        page.emulate_media(media="screen")
        for screen, (width, height) in SCREENS.items():
            page.set_viewport_size({"width": width, "height": height})
            visit.text_sizes[screen] = page.evaluate(TEXT_SIZES)
            visit.width[screen] = page.evaluate(PAGE_WIDTH)
            if screen == "phone":
                visit.small_targets = page.evaluate(SMALL_TARGETS, MIN_TOUCH_PX)
    page.emulate_media(media="screen")
    page.set_viewport_size(viewport)
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
