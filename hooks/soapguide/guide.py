"""The composition root: the pipeline's stages wired into one build's worth of guide.

read (YAML with locations) → check (schemas, text policy, cross-file checks) → overlay (an
advising office's office/ folder) → render (Markdown, macros) → printing (print macros, PDFs) →
flow (the decision graph) → builder (the applicant's own script). Each stage imports only from
the stages before it; this module is the one place that knows them all, and the single entry
point an adapter (MkDocs today, another generator tomorrow) needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .builder.checks import check_builder
from .builder.templating import (
    BUILDER_BUNDLES,
    BUILDER_MACRO_BUNDLES,
    BUILDER_TEMPLATES,
    builder_globals,
)
from .check.cache import CACHE_FOLDER, CheckCache, caches_on, fingerprint
from .check.schemas import display_path, load_schemas
from .check.validate import validate
from .flow.checks import check_flow
from .flow.templating import (
    FLOW_BUNDLES,
    FLOW_FILTERS,
    FLOW_MACRO_BUNDLES,
    FLOW_TEMPLATES,
    flow_globals,
)
from .overlay.changes import ContentChanges, apply_changes
from .overlay.colour import brand_css
from .overlay.logo import logo_css, logo_ratio
from .overlay.office import Office, misplaced_office, read_office
from .overlay.pages import PageChanges
from .printing import PRINT_BUNDLES, PRINT_MACRO_BUNDLES, PRINT_TEMPLATES
from .printing.office import paper_globals
from .read.content import Content, read_content
from .read.errors import ContentErrors
from .read.schedule import SCHEDULE_FILE
from .render.assets import Bundle
from .render.pages import RenderedPage
from .render.review import ReviewStamp, review_stamp
from .render.schedule_text import schedule_view, soap_dates_text
from .render.scripts import PHASES, card_id, card_versions, phase_text, script_phases
from .render.templating import (
    CONTENT_BUNDLES,
    CONTENT_MACRO_BUNDLES,
    PAGE_ROOTS,
    GuideRenderer,
    PageError,
)
from .render.text import TextRenderer
from .render.text_store import ConvertedTexts

# What the templates need to show a script in its phases (render.scripts).
SCRIPT_GLOBALS = {
    "PHASE_KEYS": PHASES,
    "script_phases": script_phases,
    "phase_text": phase_text,
    "card_id": card_id,
    "card_versions": card_versions,
}

# Cross-file checks owned by stages after ``check``; they run with check's own.
LATER_CHECKS = (check_flow, check_builder)
OFFICE_FOLDER = "office"
# The check cache of an office/ folder (on top of data/'s own, check/cache.py).
OFFICE_CHECKED = "office-checked"
# Where a build keeps its compiled templates, with its other caches (check/cache.py).
COMPILED_FOLDER = CACHE_FOLDER / "jinja"

# The asset bundles of every stage, and which macros need which (see render/assets.py).
BUNDLES = {**CONTENT_BUNDLES, **PRINT_BUNDLES, **FLOW_BUNDLES, **BUILDER_BUNDLES}
MACRO_BUNDLES = {
    **CONTENT_MACRO_BUNDLES,
    **PRINT_MACRO_BUNDLES,
    **FLOW_MACRO_BUNDLES,
    **BUILDER_MACRO_BUNDLES,
}
# What every page loads besides the site settings' own stylesheets: how any page prints.
SITE_BUNDLE = Bundle(print_css=("assets/stylesheets/print.css",))
# Every page of a fork with an advising office (its contact block and footer credit).
OFFICE_BUNDLE = Bundle(css=("assets/stylesheets/office.css",))


@dataclass
class Guide:
    content: Content
    review: ReviewStamp
    renderer: GuideRenderer
    site_name: str = ""  # the name in force: the office's site_name, else data/meta.yml's
    # The advising office as templates see it (overlay/office.py), None upstream.
    office: Mapping[str, Any] | None = None
    # Every page of the last render_pages(), by name ("docs/faq.md").
    pages: dict[str, RenderedPage] = field(default_factory=dict)
    # Where the office comes from: office/office.yml, checked and applied (None upstream, and
    # when a test hands the engine an office mapping directly); what it changed, by id; and
    # its changes to pages (hidden pages and sections, notes, its own pages).
    overlay: Office | None = None
    changes: ContentChanges = field(default_factory=ContentChanges)
    page_changes: PageChanges = field(default_factory=PageChanges)

    def brand_css(self) -> str | None:
        """The office's own stylesheet, if it needs one: its brand colour, and the room its
        logo takes in the header before the image has loaded (no layout shift)."""
        if self.overlay is None:
            return None
        colour, logo = self.overlay.brand_colour, self.overlay.logo_file
        ratio = logo_ratio(logo) if logo is not None and logo.is_file() else None
        parts = [brand_css(colour) if colour else "", logo_css(ratio) if ratio else ""]
        return "".join(parts) or None

    def render_page(self, source: str, page_name: str) -> str:
        """One page's Markdown body (no front matter), rendered on its own."""
        return self.page(page_name, source).markdown

    def render_macro(self, name: str) -> str:
        """One macro's HTML outside any page (the office block and credit for the site
        template)."""
        return str(self.renderer.macros[name]())

    def render_pages(self, pages: Mapping[str, str], building: bool = True) -> dict[str, str]:
        """Render every page file (front matter and all; give them in reading order: a link to
        an item goes to the first page that shows it) once, then link them to each other.
        Every failure on every page is collected into one PageError (its head line worded as
        ContentErrors.report words it). Returns the rendered Markdown by name; ``self.pages``
        keeps each page with its assets."""
        rendered: dict[str, tuple[RenderedPage, dict[str, int | str]]] = {}
        failures: list[str] = []
        hidden_text: list[str] = []  # what an office hides: ids only there get no links
        hidden_pages = self.page_changes.hidden_pages
        for name, text in pages.items():
            hidden = page_uri(name) in hidden_pages
            try:
                page = self._render_once(text, name)
            except PageError as error:
                if not hidden:  # a hidden page is not built: its problems do not count
                    failures.append(str(error))
                continue
            if hidden:
                hidden_text.append(page[0].markdown)
            else:
                rendered[name] = page[:2]
                hidden_text.append(page[2])
        _raise_if_any(failures, building)
        self.renderer.collect_anchors(
            {name: page.markdown for name, (page, _) in rendered.items()}, hidden_text
        )
        for name in self.renderer.asked_about_hidden() & set(rendered):
            rendered[name] = self._render_once(pages[name], name)[:2]  # links to hidden go
        done: dict[str, RenderedPage] = {}
        for name, (page, link_lines) in rendered.items():
            try:
                done[name] = replace(page, markdown=self.renderer.resolve_links(page, link_lines))
            except PageError as error:
                failures.append(str(error))
        _raise_if_any(failures, building)
        self.pages = done
        self.renderer.text.save()
        return {name: page.markdown for name, page in done.items()}

    def page(self, name: str, body: str, bundles: Iterable[str] = ()) -> RenderedPage:
        """The page ``name`` rendered from ``body`` (its Markdown without front matter): from
        the last render_pages() when it rendered that same body, else rendered now (with the
        asset ``bundles`` its front matter names)."""
        known = self.pages.get(name)
        if known is not None and known.source == body:
            return known
        page, link_lines, _ = self._render_once(body, name, bundles, front_matter=False)
        return replace(page, markdown=self.renderer.resolve_links(page, link_lines))

    def _render_once(
        self, text: str, name: str, bundles: Iterable[str] = (), front_matter: bool = True
    ) -> tuple[RenderedPage, dict[str, int | str], str]:
        """One page rendered with the office's changes to pages applied; and the ids in the
        sections it hides, as text for collect_anchors."""
        page, link_lines = self.renderer.render_page_once(
            text, name, extra_bundles=bundles, front_matter=front_matter
        )
        markdown, hidden_ids = self.page_changes.apply(
            page.markdown, page_uri(name), is_guide_page(name)
        )
        hidden = " ".join(f'id="{anchor}"' for anchor in sorted(hidden_ids))
        return replace(page, markdown=markdown), link_lines, hidden


def page_uri(page_name: str) -> str:
    """``docs/myths.md`` or ``office/pages/advising.md`` -> its name in the site."""
    for root in PAGE_ROOTS:
        if page_name.startswith(root):
            return page_name.removeprefix(root)
    return page_name


def is_guide_page(page_name: str) -> bool:
    """A page of the guide (docs/), as opposed to an office's own: links from the guide's
    pages to what an office hides are taken out; from an office's pages they are errors."""
    return page_name.startswith(PAGE_ROOTS[0])


def _raise_if_any(failures: list[str], building: bool) -> None:
    if failures:
        count = len(failures)
        pages_word, them = ("page", "it") if count == 1 else ("pages", "them")
        outcome = "nothing was built" if building else f"fix {them} before the site can be built"
        head = f"{count} {pages_word} could not be rendered; {outcome}."
        raise PageError("\n".join([head, *failures]))


def load_content(
    data_dir: Path, root: Path, schemas_dir: Path | None = None, cache: CheckCache | None = None
) -> Content:
    """Read ``data_dir/*.yml`` and check it against ``schemas_dir`` (default ``root/schemas``);
    raise ContentErrors listing every problem in every file. With a ``cache``, content that is
    byte for byte what passed before is read but not checked again (check/cache.py)."""
    schemas_dir = schemas_dir or root / "schemas"
    content, errors = read_content(data_dir, root)
    key = ""
    if cache is not None and not errors:
        key = fingerprint([*data_dir.iterdir(), *schemas_dir.iterdir()])
        if cache.passed(key):
            return content
    errors += validate(content, data_dir, root, schemas_dir, LATER_CHECKS)
    if errors:
        raise ContentErrors(errors)
    if key and cache is not None:
        cache.remember(key)
    return content


def load_office(
    content: Content,
    root: Path,
    office_dir: Path | None = None,
    schemas_dir: Path | None = None,
    cache: CheckCache | None = None,
    data_dir: Path | None = None,
) -> tuple[Content, Office | None, ContentChanges]:
    """Read ``office_dir`` (default ``root/office``) and apply it to checked ``content``;
    raise ContentErrors listing every problem. Without the folder: the content unchanged.
    With a ``cache``, an office that passed on byte-identical ``data_dir`` (default
    ``root/data``), schemas and office files is read and applied, not checked again."""
    office_dir = office_dir or root / OFFICE_FOLDER
    misplaced = misplaced_office(root, office_dir)  # never read: an error, not a silent pass
    if not office_dir.is_dir():  # upstream: nothing to read, no schemas to load
        if misplaced:
            raise ContentErrors(misplaced)
        return content, None, ContentChanges()
    schemas_dir = schemas_dir or root / "schemas"
    key = ""
    if cache is not None:
        data_files = (data_dir or root / "data").iterdir()
        office_files = (path for path in office_dir.rglob("*") if path.is_file())
        key = fingerprint([*data_files, *schemas_dir.iterdir(), *office_files])
    checked = bool(key) and cache is not None and cache.passed(key)
    data_schemas = {} if checked else load_schemas(schemas_dir, root)[0]
    office, errors = read_office(office_dir, root, schemas_dir, data_schemas, checked)
    errors += misplaced
    if office is None:
        if errors:
            raise ContentErrors(errors)
        return content, None, ContentChanges()
    content, changes, more = apply_changes(
        content, office, data_schemas, display_path(schemas_dir, root), LATER_CHECKS, checked
    )
    if errors or more:
        raise ContentErrors(errors + more)
    if key and not checked and cache is not None:
        cache.remember(key)
    return content, office, changes


def load_guide(
    data_dir: Path,
    root: Path,
    markdown_extensions: list[Any] | None = None,
    markdown_configs: Mapping[str, Any] | None = None,
    today: dt.date | None = None,
    directory_urls: bool = True,
    office: Mapping[str, Any] | None = None,
    office_dir: Path | None = None,
    pdfs: bool = True,
) -> Guide:
    """Load and check ``data_dir``, then the office overlay (``root/office`` unless
    ``office_dir`` says otherwise); raises ContentErrors with every problem found.
    ``office``: an office mapping to use when there is no office folder (the tests of the
    office on pages and paper give one so). ``pdfs``: whether this build makes the PDF
    downloads the print pages link to."""
    checked = load_content(data_dir, root, cache=CheckCache(root))
    office_cache = CheckCache(root, name=OFFICE_CHECKED)
    content, overlay, changes = load_office(
        checked, root, office_dir, cache=office_cache, data_dir=data_dir
    )
    return guide_for(
        content,
        markdown_extensions,
        markdown_configs,
        today,
        directory_urls,
        office=office,
        overlay=overlay,
        changes=changes,
        root=root,
        pdfs=pdfs,
    )


def guide_for(
    content: Content,
    markdown_extensions: list[Any] | None = None,
    markdown_configs: Mapping[str, Any] | None = None,
    today: dt.date | None = None,
    directory_urls: bool = True,
    office: Mapping[str, Any] | None = None,
    overlay: Office | None = None,
    changes: ContentChanges | None = None,
    root: Path | None = None,
    pdfs: bool = True,
) -> Guide:
    """A guide for content that is already loaded (and, outside tests, checked). ``office``:
    the advising office's mapping (overlay/office.py), None upstream; an ``overlay`` (the
    office/ folder, checked and applied to ``content``) gives it instead. ``pdfs``: whether
    the build makes the PDF downloads (a preview without them says so where they would be)."""
    if overlay is not None:
        office = overlay.template_data()
    site_name = office["site_name"] if office else content["meta"]["site_name"]
    changes = changes or ContentChanges()
    schedule = (
        schedule_view(content[SCHEDULE_FILE], content["meta"]["match_year"])
        if SCHEDULE_FILE in content
        else None
    )
    stamp = review_stamp(content["meta"], soap_dates_text(schedule))
    today = today or dt.date.today()
    extensions, configs = list(markdown_extensions or []), dict(markdown_configs or {})
    store = ConvertedTexts.under(root, extensions, configs) if root is not None else None
    text = TextRenderer(extensions, configs, store)
    renderer = GuideRenderer(
        content,
        text,
        {
            "review": stamp.as_template_data(today),
            "schedule": schedule,
            **SCRIPT_GLOBALS,
            **flow_globals(content),
            **paper_globals(content, office, site_name),
            **builder_globals(content),
            "local_resources": list(overlay.data.get("resources") or []) if overlay else [],
            "pdfs_made": pdfs,
        },
        FLOW_FILTERS,
        directory_urls=directory_urls,
        template_dirs=(PRINT_TEMPLATES, FLOW_TEMPLATES, BUILDER_TEMPLATES),
        bundles=BUNDLES,
        macro_bundles=MACRO_BUNDLES,
        removed=changes.removed,
        compiled_dir=root / COMPILED_FOLDER if root is not None else None,
        keep_compiled=caches_on() if root is not None else True,
    )
    page_changes = PageChanges.from_office(overlay, text.block, root or Path.cwd())
    return Guide(
        content,
        stamp,
        renderer,
        site_name,
        office,
        overlay=overlay,
        changes=changes,
        page_changes=page_changes,
    )
