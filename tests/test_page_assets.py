"""A lean first visit: each page loads only the stylesheets and scripts it uses, scripts never
block the page, print stylesheets never apply on screen, and no text on screen is under 12 px.

"Uses" is decided by the page itself, not by the build's own bookkeeping: a stylesheet is used
when one of its rules matches an element of the page (other than <html> and <body>, which every
rule for ":root" or a colour scheme matches); a script is used when the page holds what it acts
on (SCRIPT_NEEDS in tests/site_walk.py, the spec every new script of ours joins). The pages are
read in Chromium by the one walk over the site (tests/site_walk.py).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.site_walk import DOCS, SCREENS, SCRIPT_NEEDS, our_files

# Stylesheets that hold rules for paper only: linked with media="print".
PRINT_ONLY = re.compile(r"(^|/)print[^/]*\.css$")
MIN_SCREEN_PX = 12


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


@pytest.mark.browser
def test_each_page_loads_only_the_assets_it_uses(site_walk, built_site):
    """Every page, as the walk over the site saw it (tests/site_walk.py): each of our
    stylesheets it loads has a rule that matches something of the page, and each of our
    scripts it links finds what it acts on there."""
    scripts = our_files(".js")
    unknown = scripts - set(SCRIPT_NEEDS)
    assert not unknown, f"say in SCRIPT_NEEDS what these scripts act on: {sorted(unknown)}"
    unused = []
    for visit in site_walk.values():
        assert visit.stylesheets_used, f"{visit.where}: none of our stylesheets was read"
        unused += [
            f"{visit.where}: {name}" for name, used in visit.stylesheets_used.items() if not used
        ]
        for src, _ in links(built_site, visit.path).scripts:
            script = site_path(visit.path, src)
            if script in SCRIPT_NEEDS and SCRIPT_NEEDS[script] not in visit.script_targets:
                unused.append(f"{visit.where}: {script}")
    assert not unused, f"pages load assets they do not use: {unused}"


@pytest.mark.browser
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_no_text_on_screen_is_under_12px(site_walk, screen):
    """The legibility rule Lighthouse checks, on every page's content; paper sizes are for
    print only (the script cards on screen included). The walk reads the text of each page at
    the width of a phone and of a desktop screen (SCREENS)."""
    blank = [visit.where for visit in site_walk.values() if not visit.text_sizes[screen]]
    assert not blank, f"no text read on screen ({screen}) on {blank}"
    small = [
        f"{visit.where}: {size}px {found}"
        for visit in site_walk.values()
        for size, found in visit.text_sizes[screen].items()
        if float(size) < MIN_SCREEN_PX
    ]
    assert not small, f"text under {MIN_SCREEN_PX} px on screen ({screen}): {small[:10]}"
