"""MkDocs adapter for the SOAP Call Guide engine (``hooks/soapguide``). Kept thin on purpose.

- on_config: load and check every file in data/, before anything is written.
- on_pre_build: render every page template once as a check, so a broken page stops the build
  before MkDocs empties the site folder (no half-built site).
- on_page_markdown: render the page's Markdown as a Jinja template with the guide's macros.
- on_post_build: print the print pages to site/downloads/*.pdf (soapguide.printing.pdf); skipped by
  `mkdocs serve` unless SOAPGUIDE_PDFS=on, and by any command with SOAPGUIDE_PDFS=off.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from soapguide.guide import Guide, load_guide
from soapguide.printing.pdf import PdfError, build_pdfs, pdfs_wanted
from soapguide.read.errors import ContentErrors
from soapguide.render.templating import PageError

_state: dict[str, object] = {}
log = logging.getLogger("mkdocs.hooks.soapguide")


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        guide = load_guide(
            root / "data",
            root,
            markdown_extensions=config.markdown_extensions,
            markdown_configs=config.mdx_configs,
            directory_urls=config.use_directory_urls,
        )
    except ContentErrors as error:
        raise PluginError(error.report()) from None
    _state["guide"] = guide
    config.extra["review"] = guide.review.as_template_data(dt.date.today())
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    docs = Path(config.docs_dir)
    order = _reading_order(config.nav)
    paths = sorted(docs.rglob("*.md"), key=lambda p: _reading_place(p.relative_to(docs), order))
    sources = {
        path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8-sig") for path in paths
    }
    try:
        _guide().render_pages({f"docs/{name}": text for name, text in sources.items()})
    except PageError as error:
        raise PluginError(str(error)) from None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    # Material writes the description into <meta content="..."> unescaped: a quote in a page's
    # front matter would end the attribute early (and could add an event handler).
    if "description" in page.meta:
        page.meta["description"] = escape(str(page.meta["description"]))
    try:
        return _guide().render_page(markdown, f"docs/{page.file.src_uri}")
    except PageError as error:
        raise PluginError(str(error)) from None


def on_post_build(config: MkDocsConfig) -> None:
    try:
        if not pdfs_wanted(_state.get("command"), os.environ.get("SOAPGUIDE_PDFS")):
            log.info("PDF downloads skipped (mkdocs serve or SOAPGUIDE_PDFS=off; =on makes them)")
            return
        made = build_pdfs(Path(config.site_dir), _guide().content["meta"]["site_name"])
    except PdfError as error:
        raise PluginError(f"PDF downloads: {error}") from None
    log.info("PDF downloads: %s", ", ".join(result.path.name for result in made))


def _reading_order(nav: object) -> dict[str, int]:
    """Page files in the order the nav lists them (links to an item go to the first page in
    this order that shows it: the guide's own page rather than, say, a print page)."""
    order: dict[str, int] = {}

    def walk(entry: object) -> None:
        if isinstance(entry, str):
            order.setdefault(entry, len(order))
        elif isinstance(entry, dict):
            for value in entry.values():
                walk(value)
        elif isinstance(entry, list):
            for value in entry:
                walk(value)

    walk(nav)
    return order


def _reading_place(path: Path, order: dict[str, int]) -> tuple[int, str]:
    name = path.as_posix()
    return order.get(name, len(order)), name


def _guide() -> Guide:
    guide = _state["guide"]
    assert isinstance(guide, Guide)
    return guide
