"""What a first visit to each page downloads, gzipped as GitHub Pages serves it, by type, for
our site and for the floor (the same pages in plain Material; our stylesheets and scripts left
out of it, so its figure is what Material alone costs for the same content).

Each page is loaded in a fresh Chromium context (empty cache) from bench/gzip_server.py; every
request it makes until the network is quiet is counted (the search index and worker included)
at the size the server sent. Budgets (issue 11): first visit at most Material's + 8 KB; our
own CSS and JS at most 8 KB; our JS 0 bytes on a page with no interaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bench.gzip_server import gzip_size, serve_gzipped

KB = 1000
FIRST_VISIT_BUDGET = 8 * KB  # over Material's, per page
OWN_ASSETS_BUDGET = 8 * KB

# Where the build puts a page's stylesheets as one file (hooks/soapguide/render/assets.py).
COMBINED = "assets/stylesheets/combined"

_KINDS = {"document": "html", "stylesheet": "css", "script": "js"}
_FAVICON = re.compile(r'<link rel="icon" href="([^"]+)"')


@dataclass
class Weight:
    by_kind: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys([*_KINDS.values(), "other"], 0)
    )
    own_css: int = 0  # our stylesheets (files of docs/), gzip
    own_js: int = 0  # our scripts (files of docs/), gzip
    urls: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


def own_files(docs: Path, site: Path | None = None) -> set[str]:
    """Paths (relative to the site root) of the stylesheets and scripts docs/ ships, and of
    those the build makes from them in ``site`` (a page's stylesheets as one file)."""
    shipped = {
        path.relative_to(docs).as_posix()
        for path in docs.rglob("*")
        if path.suffix in {".css", ".js"} and path.is_file()
    }
    made = site / COMBINED if site is not None else None
    if made is not None and made.is_dir():
        shipped |= {path.relative_to(site).as_posix() for path in made.glob("*.css")}
    return shipped


def first_visit(browser, base: str, site: Path, path: str, own: set[str], skip_own: bool) -> Weight:
    """What one first visit to ``base + path`` downloads. Material fetches the search index
    once its script runs: the visit is over when that is done and the network is quiet."""
    weight = Weight()
    seen: list[tuple[str, str]] = []
    done: list[str] = []
    wants_index = (site / "search" / "search_index.json").is_file()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("request", lambda request: seen.append((request.url, request.resource_type)))
        page.on("requestfinished", lambda request: done.append(request.url))
        page.goto(base + path, wait_until="load")
        for _ in range(300):
            if not wants_index or any(url.endswith("search_index.json") for url in done):
                break
            page.wait_for_timeout(50)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    # The favicon: browsers ask for it on a first visit, but headless Chromium not always.
    icon = _FAVICON.search(_html(site, path))
    if icon:
        seen.append((urljoin(base + path, icon.group(1)), "other"))
    counted: set[str] = set()
    for url, kind in seen:
        if not url.startswith(base):
            continue
        relative = unquote(urlsplit(url).path).lstrip("/")
        if relative in counted or (skip_own and relative in own):
            continue
        counted.add(relative)
        file = site / relative
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            continue
        size = gzip_size(file)
        kind_name = _KINDS.get(kind, "other")
        weight.by_kind[kind_name] = weight.by_kind.get(kind_name, 0) + size
        weight.urls.append(relative)
        if relative in own and relative.endswith(".css"):
            weight.own_css += size
        elif relative in own and relative.endswith(".js"):
            weight.own_js += size
    return weight


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@dataclass(frozen=True)
class PageWeight:
    path: str
    ours: Weight
    material: Weight

    @property
    def over_material(self) -> int:
        return self.ours.total - self.material.total

    @property
    def own(self) -> int:
        return self.ours.own_css + self.ours.own_js


def measure_weights(
    browser, ours: Path, floor: Path, docs: Path, pages: list[str]
) -> list[PageWeight]:
    """Every page in ``pages`` ('' for home, 'faq/', ...) of both sites."""
    own = own_files(docs, ours)
    found = []
    with serve_gzipped(ours) as ours_base, serve_gzipped(floor) as floor_base:
        for path in pages:
            found.append(
                PageWeight(
                    path,
                    first_visit(browser, ours_base, ours, path, own, skip_own=False),
                    first_visit(browser, floor_base, floor, path, own, skip_own=True),
                )
            )
    return found
