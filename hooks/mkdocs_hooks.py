"""MkDocs adapter for the SOAP Call Guide engine (``hooks/soapguide``). Kept thin on purpose.

- on_config: load and check every file in data/, before anything is written; give the site
  template the advising office's contact block and footer credit (config.extra["office"] is
  the office mapping of OFFICE_CONTRACT.md, None or absent upstream).
- on_pre_build: render every page template once as a check, so a broken page stops the build
  before MkDocs empties the site folder (no half-built site).
- on_page_markdown: render the page's Markdown as a Jinja template with the guide's macros.
- on_post_page / on_post_template: the page's Content-Security-Policy (soapguide.render.csp).
- on_post_build: print the print pages to site/downloads/*.pdf (soapguide.printing.pdf);
  skipped by `mkdocs serve` unless SOAPGUIDE_PDFS=on, and by any command with
  SOAPGUIDE_PDFS=off.

A content or page error stops every command but `mkdocs serve`, which instead writes the error
report as every page (soapguide.render.error_page): the author sees it in the browser, and the
preview's live reload brings the guide back once the file is fixed.
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
from soapguide.render import csp
from soapguide.render.error_page import error_page
from soapguide.render.templating import PageError

_state: dict[str, object] = {}
log = logging.getLogger("mkdocs.hooks.soapguide")


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.pop("problem", None)
    root = Path(config.config_file_path).parent
    try:
        guide = load_guide(
            root / "data",
            root,
            markdown_extensions=config.markdown_extensions,
            markdown_configs=config.mdx_configs,
            directory_urls=config.use_directory_urls,
            office=config.extra.get("office"),
        )
    except ContentErrors as error:
        _stop_or_show(error.report(building=not _serving()))
        config.extra["review"] = {}  # the page templates read it; the error page replaces them
        return config
    _state["guide"] = guide
    config.extra["review"] = guide.review.as_template_data(dt.date.today())
    _office_chrome(config, guide)
    return config


def _office_chrome(config: MkDocsConfig, guide: Guide) -> None:
    """The office's contact block and footer credit as HTML for overrides/partials/ (rendered
    by the engine, escaped there; Material's templates do not escape)."""
    config.extra["office_html"] = (
        {
            "contact": guide.render_macro("office_contact"),
            "credit": guide.render_macro("office_credit"),
        }
        if guide.office
        else None
    )


def on_pre_build(config: MkDocsConfig) -> None:
    if _problem():
        return
    docs = Path(config.docs_dir)
    order = _reading_order(config.nav)
    paths = sorted(docs.rglob("*.md"), key=lambda p: _reading_place(p.relative_to(docs), order))
    sources = {
        path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8-sig") for path in paths
    }
    pages = {f"docs/{name}": text for name, text in sources.items()}
    try:
        _guide().render_pages(pages, building=not _serving())
    except PageError as error:
        _stop_or_show(str(error))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    # Material writes the description into <meta content="..."> unescaped: a quote in a page's
    # front matter would end the attribute early (and could add an event handler).
    if "description" in page.meta:
        page.meta["description"] = escape(str(page.meta["description"]))
    if _problem():
        return "The guide has a problem to fix."
    try:
        return _guide().render_page(markdown, f"docs/{page.file.src_uri}")
    except PageError as error:
        raise PluginError(str(error)) from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    problem = _problem()
    if problem:
        return error_page(problem, config.site_name)
    return csp.add_policy(output, content=page.content or "", csp=_development_policy())


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    problem = _problem()
    if problem:
        return error_page(problem, config.site_name)
    return csp.add_policy(output_content, csp=_development_policy())


def on_post_build(config: MkDocsConfig) -> None:
    if _problem():
        return
    try:
        if not pdfs_wanted(_state.get("command"), os.environ.get("SOAPGUIDE_PDFS")):
            log.info("PDF downloads skipped (mkdocs serve or SOAPGUIDE_PDFS=off; =on makes them)")
            return
        made = build_pdfs(Path(config.site_dir), _guide().site_name)
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


def _serving() -> bool:
    return _state.get("command") == "serve"


def _stop_or_show(report: str) -> None:
    """Stop the build with ``report``; under `mkdocs serve`, show it as every page instead
    (logged at info level: a warning would abort a strict preview build)."""
    if not _serving():
        raise PluginError(report) from None
    _state["problem"] = report
    log.info("Every page of the preview shows this report until it is fixed:\n%s", report)


def _problem() -> str | None:
    problem = _state.get("problem")
    return problem if isinstance(problem, str) else None


def _development_policy() -> str | None:
    """The preview's policy (its live-reload script is inline); None: the site's own."""
    return csp.development_policy() if _serving() else None


def _guide() -> Guide:
    guide = _state["guide"]
    assert isinstance(guide, Guide)
    return guide
