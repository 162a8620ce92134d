"""MkDocs adapter for the SOAP Call Guide engine (``hooks/soapguide``). Kept thin on purpose.

- on_config: load and check every file in data/ and the office overlay (office/, when present),
  before anything is written; the site name, logo and brand colour come from the guide.
- on_pre_build: every site-wide check (soapguide.site: pages rendered as the build renders them,
  the menu, links between pages), so a broken page stops the build before MkDocs empties the
  site folder (no half-built site); the menu takes the office's changes.
- on_files: hidden pages out; the office's own pages, logo and colour stylesheet in.
- on_page_markdown: the page's Markdown rendered as a Jinja template with the guide's macros
  (on_pre_build's check already rendered it: that result, when the text is the same).
- on_post_build: print the print pages to site/downloads/*.pdf (soapguide.printing.pdf); skipped by
  `mkdocs serve` unless SOAPGUIDE_PDFS=on, and by any command with SOAPGUIDE_PDFS=off.
- on_serve: `mkdocs serve` rebuilds when a file in office/ changes.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from soapguide.guide import Guide, load_guide
from soapguide.printing.pdf import JOBS, PdfError, PdfJob, build_pdfs, pdfs_wanted
from soapguide.read.errors import ContentErrors
from soapguide.render.templating import PageError
from soapguide.site import OFFICE_PAGES, Site, check_site

_state: dict[str, object] = {}
log = logging.getLogger("mkdocs.hooks.soapguide")
OFFICE_CSS = "assets/stylesheets/office.css"


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
    _state["nav"] = config.nav
    config.extra["review"] = guide.review.as_template_data(dt.date.today())
    _apply_office(config, guide)
    return config


def _apply_office(config: MkDocsConfig, guide: Guide) -> None:
    """The site name (always the guide's: one source), and the office's logo and colour."""
    config.site_name = guide.site_name
    config.extra["office"] = guide.office_data
    office = guide.office
    if office is None:
        return
    if office.logo_url:
        config.theme["logo"] = office.logo_url
        config.theme["favicon"] = office.logo_url
    if guide.brand_css() and OFFICE_CSS not in config.extra_css:
        config.extra_css.append(OFFICE_CSS)


def on_pre_build(config: MkDocsConfig) -> None:
    try:
        nav = _state.get("nav", config.nav)
        site = check_site(_guide(), Path(config.docs_dir), nav, Path(config.config_file_path))
    except PageError as error:
        raise PluginError(str(error)) from None
    _state["site"] = site
    config.nav = site.nav


def on_files(files: Files, config: MkDocsConfig) -> Files:
    guide = _guide()
    for file in list(files):
        if file.src_uri in guide.pages.hidden_pages:
            files.remove(file)
    for page in guide.pages.local_pages:
        files.append(File.generated(config, page.uri, abs_src_path=str(page.file)))
    office = guide.office
    if office is not None and office.logo_file is not None and office.logo_url:
        files.append(File.generated(config, office.logo_url, abs_src_path=str(office.logo_file)))
    css = guide.brand_css()
    if css:
        files.append(File.generated(config, OFFICE_CSS, content=css))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    # Material writes the description into <meta content="..."> unescaped: a quote in a page's
    # front matter would end the attribute early (and could add an event handler).
    if "description" in page.meta:
        page.meta["description"] = escape(str(page.meta["description"]))
    name = _page_name(page.file.src_uri)
    site = _state.get("site")
    rendered = site.rendered(name, markdown) if isinstance(site, Site) else None
    if rendered is not None:
        return rendered  # on_pre_build's check rendered this very text
    try:
        return _guide().render_page(markdown, name)
    except PageError as error:
        raise PluginError(str(error)) from None


def on_post_build(config: MkDocsConfig) -> None:
    try:
        if not pdfs_wanted(_state.get("command"), os.environ.get("SOAPGUIDE_PDFS")):
            log.info("PDF downloads skipped (mkdocs serve or SOAPGUIDE_PDFS=off; =on makes them)")
            return
        made = build_pdfs(Path(config.site_dir), _guide().site_name, _pdf_jobs())
    except PdfError as error:
        raise PluginError(f"PDF downloads: {error}") from None
    log.info("PDF downloads: %s", ", ".join(result.path.name for result in made))


def on_serve(server, config: MkDocsConfig, builder):
    office = _guide().office
    if office is not None:
        server.watch(str(office.folder))
    return server


def _pdf_jobs() -> list[PdfJob]:
    """The PDF downloads, but for print pages an office hides."""
    hidden = _guide().pages.hidden_pages
    return [job for job in JOBS if job.page.removesuffix("/index.html") + ".md" not in hidden]


def _page_name(src_uri: str) -> str:
    """The engine's name for a page: docs/<file>, or office/pages/<file> for an office's own."""
    local = {page.uri for page in _guide().pages.local_pages}
    return f"{OFFICE_PAGES}{src_uri}" if src_uri in local else f"docs/{src_uri}"


def _guide() -> Guide:
    guide = _state["guide"]
    assert isinstance(guide, Guide)
    return guide
