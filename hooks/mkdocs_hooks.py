"""MkDocs adapter for the SOAP Call Guide engine (``hooks/soapguide``). Kept thin on purpose.

- on_config: load and check every file in data/ and the office overlay (office/, when
  present), before anything is written; give the site template the advising office's contact
  block and footer credit (config.extra["office"] is the office mapping of overlay/office.py,
  None upstream), the site-wide assets, and the office's site name, logo and brand colour.
- on_pre_build: every site-wide check (soapguide.site): every page rendered (its Markdown as a
  Jinja template with the guide's macros) once, the menu, links between pages; before MkDocs
  empties the site folder, so a broken page stops the build there (no half-built site). The
  menu takes the office's changes.
- on_files: pages the office hides out; its own pages, logo and colour stylesheet in; our
  stylesheets and scripts minified (soapguide.render.minify); a page's own stylesheets, when
  it has several, also as one file (soapguide.render.assets.combined_stylesheet).
- on_page_markdown: hand MkDocs the page rendered in on_pre_build, and note the asset bundles
  it needs in ``page.meta["soapguide_assets"]`` (overrides/main.html links them).
- The review stamp counts SOAPGUIDE_TODAY (YYYY-MM-DD) as today when it is set (the tests
  freeze the date so).
- on_page_content / on_page_context: Material's search indexes each page without the copies
  it shows (soapguide.render.search_index); the page itself keeps them.
- on_post_page / on_post_template: the page's Content-Security-Policy (soapguide.render.csp).
- on_post_build: print the print pages to site/downloads/*.pdf (soapguide.printing.pdf);
  skipped by `mkdocs serve` unless SOAPGUIDE_PDFS=on, and by any command with
  SOAPGUIDE_PDFS=off.
- on_serve: `mkdocs serve` rebuilds when a file in office/ changes.

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
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from soapguide.guide import BUNDLES, OFFICE_BUNDLE, SITE_BUNDLE, Guide, load_guide
from soapguide.overlay.colour import BRAND_STYLESHEET
from soapguide.printing.pdf import JOBS, PdfError, PdfJob, build_pdfs, pdfs_wanted
from soapguide.read.errors import ContentErrors
from soapguide.render import csp
from soapguide.render.assets import (
    UnknownBundleError,
    combined_stylesheet,
    front_matter_bundles,
)
from soapguide.render.error_page import error_page
from soapguide.render.minify import minifiable, minify
from soapguide.render.review import BuildDateError, build_date
from soapguide.render.search_index import searchable
from soapguide.render.templating import PageError
from soapguide.site import OFFICE_PAGES, check_site

_state: dict[str, object] = {}
log = logging.getLogger("mkdocs.hooks.soapguide")


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.pop("problem", None)
    root = Path(config.config_file_path).parent
    today = _today()
    try:
        guide = load_guide(
            root / "data",
            root,
            markdown_extensions=config.markdown_extensions,
            markdown_configs=config.mdx_configs,
            today=today,
            directory_urls=config.use_directory_urls,
            office=config.extra.get("office"),
            pdfs=_pdfs_made(),
        )
    except ContentErrors as error:
        _stop_or_show(error.report(building=not _serving()))
        # The page templates read these; the error page replaces every page they render.
        config.extra["review"] = {}
        config.extra["soapguide_site_assets"] = {"css": [], "print_css": [], "js": []}
        return config
    _state["guide"] = guide
    _state["nav"] = config.nav
    theme_settings(config, guide, today)
    _office_chrome(config, guide)
    _office_look(config, guide)
    return config


def _pdfs_made() -> bool:
    """Whether this build makes the PDF downloads; a wrong SOAPGUIDE_PDFS is reported by the
    PDF step itself (on_post_build), so here it counts as on."""
    try:
        return pdfs_wanted(_state.get("command"), os.environ.get("SOAPGUIDE_PDFS"))
    except PdfError:
        return True


def theme_settings(config: MkDocsConfig, guide: Guide, today: dt.date) -> None:
    """What overrides/ reads from ``config.extra``: the review stamp, the site-wide assets.

    With Material's instant navigation a page swap replaces the content but not the <head>, so
    a page's own assets would never load after a swap: every bundle is then linked site-wide
    (the fork that turns it on trades a leaner first visit for faster later ones)."""
    config.extra["review"] = guide.review.as_template_data(today)
    site = [SITE_BUNDLE, *([OFFICE_BUNDLE] if guide.office else [])]
    site += BUNDLES.values() if _instant_navigation(config) else []
    config.extra["soapguide_site_assets"] = {
        kind: list(dict.fromkeys(path for bundle in site for path in getattr(bundle, kind)))
        for kind in ("css", "print_css", "js")
    }


def _instant_navigation(config: MkDocsConfig) -> bool:
    return "navigation.instant" in (config.theme.get("features") or [])


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


def _office_look(config: MkDocsConfig, guide: Guide) -> None:
    """The site name (always the guide's: one source), the office mapping for the templates,
    and the office's logo and brand colour."""
    config.site_name = guide.site_name
    config.extra["office"] = guide.office
    overlay = guide.overlay
    if overlay is None:
        return
    if overlay.logo_url:
        config.theme["logo"] = overlay.logo_url
        config.theme["favicon"] = overlay.logo_url
    if guide.brand_css() and BRAND_STYLESHEET not in config.extra_css:
        config.extra_css.append(BRAND_STYLESHEET)


def on_pre_build(config: MkDocsConfig) -> None:
    if _problem():
        return
    try:
        site = check_site(
            _guide(),
            Path(config.docs_dir),
            _state.get("nav", config.nav),
            Path(config.config_file_path),
            building=not _serving(),
        )
    except PageError as error:
        _stop_or_show(str(error))
        return
    config.nav = site.nav


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _problem():
        return files
    guide = _guide()
    for file in list(files):
        if file.src_uri in guide.page_changes.hidden_pages:
            files.remove(file)
    for page in guide.page_changes.local_pages:
        files.append(File.generated(config, page.uri, abs_src_path=str(page.file)))
    overlay = guide.overlay
    if overlay is not None and overlay.logo_file is not None and overlay.logo_url:
        files.append(File.generated(config, overlay.logo_url, abs_src_path=str(overlay.logo_file)))
    css = guide.brand_css()
    if css:
        files.append(File.generated(config, BRAND_STYLESHEET, content=css))
    _minify_own_assets(files, Path(config.docs_dir))
    _combine_page_stylesheets(files, config, guide)
    return files


def _combine_page_stylesheets(files: Files, config: MkDocsConfig, guide: Guide) -> None:
    """Each set of stylesheets a page links of its own, as one file (soapguide.render.assets,
    combined_stylesheet): the parts as shipped (minified), one after the other."""
    made: set[str] = set()
    if not _instant_navigation(config):  # otherwise every bundle is site-wide
        for rendered in guide.pages.values():
            css = rendered.assets.css
            path = combined_stylesheet(css)
            parts = [files.get_file_from_path(part) for part in css]
            if path is None or path in made or None in parts:
                continue
            content = "".join(part.content_string for part in parts if part is not None)
            files.append(File.generated(config, path, content=content))
            made.add(path)
    _state["combined"] = made


def _minify_own_assets(files: Files, docs: Path) -> None:
    """Our stylesheets and scripts in docs/ ship minified (soapguide.render.minify)."""
    for file in files:
        source = file.abs_src_path
        if source and Path(source).is_relative_to(docs) and minifiable(file.src_uri):
            file.content_string = minify(file.src_uri, file.content_string)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    # Material writes the description into <meta content="..."> unescaped: a quote in a page's
    # front matter would end the attribute early (and could add an event handler).
    if "description" in page.meta:
        page.meta["description"] = escape(str(page.meta["description"]))
    if _problem():
        return "The guide has a problem to fix."
    try:
        bundles = front_matter_bundles(page.meta.get("assets"))
        rendered = _guide().page(_page_name(page.file.src_uri), markdown, bundles)
    except (PageError, UnknownBundleError) as error:
        raise PluginError(str(error)) from None
    if not _instant_navigation(config):  # otherwise every bundle is site-wide
        assets = rendered.assets.combined()
        if assets.css and assets.css[0] not in _state.get("combined", set()):
            assets = rendered.assets  # a set no page had when the files were listed
        page.meta["soapguide_assets"] = assets.as_template_data()
    return rendered.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Material's search indexes ``page.content`` in its on_page_context, which runs before
    ours (hooks come after plugins): it is given the page without the copies marked
    data-search-exclude (soapguide.render.search_index), and on_page_context puts the whole
    page back before the page template reads it."""
    _state.setdefault("whole_pages", {})[page.file.src_uri] = html
    return searchable(html)


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    whole = _state.get("whole_pages", {}).pop(page.file.src_uri, None)
    if whole is not None:
        page.content = whole
    return context


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
        made = build_pdfs(Path(config.site_dir), _guide().site_name, _pdf_jobs())
    except PdfError as error:
        raise PluginError(f"PDF downloads: {error}") from None
    log.info("PDF downloads: %s", ", ".join(result.path.name for result in made))


def on_serve(server, config: MkDocsConfig, builder):
    office = Path(config.config_file_path).parent / "office"
    if office.is_dir():
        server.watch(str(office))
    return server


def _pdf_jobs() -> list[PdfJob]:
    """The PDF downloads, but for print pages an office hides."""
    hidden = _guide().page_changes.hidden_pages
    return [job for job in JOBS if job.page.removesuffix("/index.html") + ".md" not in hidden]


def _page_name(src_uri: str) -> str:
    """The engine's name for a page: docs/<file>, or office/pages/<file> for an office's own."""
    local = {page.uri for page in _guide().page_changes.local_pages}
    return f"{OFFICE_PAGES}{src_uri}" if src_uri in local else f"docs/{src_uri}"


def _today() -> dt.date:
    """The build's today: SOAPGUIDE_TODAY when set, else the real date."""
    try:
        return build_date(os.environ.get("SOAPGUIDE_TODAY"))
    except BuildDateError as error:
        raise PluginError(f"SOAPGUIDE_TODAY: {error}") from None


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
