"""A lean first visit: each page loads only the stylesheets and scripts it uses, scripts never
block the page, print stylesheets never apply on screen, and no text on screen is under 12 px.

"Uses" is decided by the page itself, not by the build's own bookkeeping: a stylesheet is used
when one of its rules matches an element of the page (other than <html> and <body>, which every
rule for ":root" or a colour scheme matches); a script is used when the page holds what it acts
on (SCRIPT_NEEDS below, the spec every new script of ours joins).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from soapguide.render.assets import COMBINED, combined_parts

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"

# What each of our scripts acts on: a page without it must not load the script. A new script
# (the script builder's, say) is added here; until it is, the test below names it.
SCRIPT_NEEDS = {
    "assets/javascripts/flow.js": "#flow-data",  # the flow, embedded as JSON
    "assets/javascripts/print.js": "button.print-button",  # the Print buttons
    "assets/javascripts/builder.js": "#builder-data",  # the builder's settings and scripts
}
# Stylesheets that hold rules for paper only: linked with media="print".
PRINT_ONLY = re.compile(r"(^|/)print[^/]*\.css$")
MIN_SCREEN_PX = 12


def our_files(suffix: str) -> set[str]:
    return {p.relative_to(DOCS).as_posix() for p in DOCS.rglob(f"*{suffix}")}


class AssetLinks(HTMLParser):
    """The stylesheets (with their media) and scripts a page links."""

    def __init__(self) -> None:
        super().__init__()
        self.stylesheets: list[tuple[str, str | None]] = []
        self.scripts: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "stylesheet" and values.get("href"):
            self.stylesheets.append((values["href"] or "", values.get("media")))
        if tag == "script" and values.get("src"):
            self.scripts.append((values["src"] or "", values))


def links(built_site: Path, page: str) -> AssetLinks:
    parser = AssetLinks()
    parser.feed((built_site / page / "index.html").read_text(encoding="utf-8"))
    return parser


def site_path(page: str, href: str) -> str:
    """A page's relative href as a path from the site root."""
    parts = [p for p in page.split("/") if p]
    for piece in href.split("?")[0].split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in {"", "."}:
            parts.append(piece)
    return "/".join(parts)


# --- static: what the built pages link --------------------------------------------------------


def test_our_scripts_are_deferred(built_site, site_pages):
    ours = our_files(".js")
    blocking = [
        f"/{page}: {site_path(page, src)}"
        for page in site_pages
        for src, attrs in links(built_site, page).scripts
        if site_path(page, src) in ours and "defer" not in attrs and "async" not in attrs
    ]
    assert not blocking, f"scripts of ours that block the page: {blocking}"


def test_print_stylesheets_are_linked_for_paper_only(built_site, site_pages):
    for page in site_pages:
        for href, media in links(built_site, page).stylesheets:
            path = site_path(page, href)
            if PRINT_ONLY.search(path):
                assert media == "print", f"/{page} links {path} with media={media!r}, not print"


def top_level_blocks(css: str) -> list[tuple[str, str]]:
    """(prelude, body) of each top-level rule of a stylesheet, comments removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    blocks, depth, start, prelude = [], 0, 0, ""
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude, start = css[start:index].strip(), index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append((prelude, css[start:index]))
                start = index + 1
    return blocks


@pytest.mark.parametrize("name", sorted(our_files(".css")))
def test_paper_sizes_apply_only_in_print(name):
    """@page rules and type sizes in points belong to paper: inside @media print, and a
    stylesheet for paper only has nothing outside it (so it stays paper-only wherever it is
    linked, the export's plain mkdocs.yml included)."""
    for prelude, body in top_level_blocks((DOCS / name).read_text(encoding="utf-8")):
        if re.match(r"@media\s+print\b", prelude):
            continue
        assert not PRINT_ONLY.search(name), f"{name}: '{prelude}' is outside @media print"
        assert not prelude.startswith("@page"), f"{name}: '{prelude}' is outside @media print"
        sizes = re.findall(r"font-size:\s*[0-9.]+pt", body)
        assert not sizes, f"{name}: {sizes} in '{prelude}' apply on screen"


# --- in Chromium: what each page uses ---------------------------------------------------------

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


@pytest.mark.long
@pytest.mark.browser
def test_each_page_loads_only_the_assets_it_uses(page, site_server, site_pages, built_site):
    css, scripts = sorted(our_files(".css")), our_files(".js")
    unknown = scripts - set(SCRIPT_NEEDS)
    assert not unknown, f"say in SCRIPT_NEEDS what these scripts act on: {sorted(unknown)}"
    unused, combined = [], combined_stylesheets(built_site)
    for path in site_pages:
        page.goto(site_server + path, wait_until="load")
        for name, is_used in page.evaluate(USED_STYLESHEETS, [css, combined]).items():
            if not is_used:
                unused.append(f"/{path}: {name}")
        for src, _ in links(built_site, path).scripts:
            script = site_path(path, src)
            if script in SCRIPT_NEEDS and page.locator(SCRIPT_NEEDS[script]).count() == 0:
                unused.append(f"/{path}: {script}")
    assert not unused, f"pages load assets they do not use: {unused}"


SMALL_TEXT = """
(minimum) => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest("script, style, [hidden]")) continue;
    if (el.getClientRects().length === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const size = parseFloat(style.fontSize);
    const text = node.textContent.trim().slice(0, 30);
    const where = `${el.tagName.toLowerCase()}.${el.className}`;
    if (size < minimum) small.push(`${where}: ${size}px "${text}"`);
  }
  return small;
}
"""


@pytest.mark.long
@pytest.mark.browser
@pytest.mark.parametrize("viewport", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_no_text_on_screen_is_under_12px(browser, site_server, site_pages, viewport):
    """The legibility rule Lighthouse checks, on every page's content; paper sizes are for
    print only (the script cards on screen included)."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        page = context.new_page()
        small = []
        for path in site_pages:
            page.goto(site_server + path, wait_until="load")
            small += [f"/{path}: {found}" for found in page.evaluate(SMALL_TEXT, MIN_SCREEN_PX)]
        assert not small, f"text under {MIN_SCREEN_PX} px on screen: {small[:10]}"
    finally:
        context.close()
