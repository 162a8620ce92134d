"""The composition root: the pipeline's stages wired into one build's worth of guide.

read (YAML with locations) → check (schemas, text policy, cross-file checks) → overlay (an
advising office's office/ folder) → render (Markdown, macros) → printing (print macros, PDFs) →
flow (the decision graph). Each stage imports only from the stages before it; this module is the
one place that knows them all, and the single entry point an adapter (MkDocs today, another
generator tomorrow) needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .check.schemas import display_path, load_schemas
from .check.validate import validate
from .flow.checks import check_flow
from .flow.templating import FLOW_FILTERS, FLOW_TEMPLATES, flow_globals
from .overlay.changes import ContentChanges, apply_changes
from .overlay.colour import brand_css
from .overlay.office import Office, read_office
from .overlay.pages import PageChanges
from .printing import PRINT_TEMPLATES
from .read.content import Content, read_content
from .read.errors import ContentErrors
from .render.review import ReviewStamp, review_stamp
from .render.templating import PAGE_ROOTS, GuideRenderer, PageError
from .render.text import TextRenderer

# Cross-file checks owned by stages after ``check``; they run with check's own.
LATER_CHECKS = (check_flow,)
OFFICE_FOLDER = "office"


@dataclass
class Guide:
    content: Content
    review: ReviewStamp
    renderer: GuideRenderer
    office: Office | None = None
    changes: ContentChanges = field(default_factory=ContentChanges)
    pages: PageChanges = field(default_factory=PageChanges)

    @property
    def site_name(self) -> str:
        """The one site name: the office's, else the guide's own (data/meta.yml)."""
        return self.office.site_name if self.office else str(self.content["meta"]["site_name"])

    @property
    def office_data(self) -> dict[str, Any] | None:
        """What templates and partials see as ``office`` (None upstream)."""
        return self.office.template_data() if self.office else None

    def brand_css(self) -> str | None:
        """The stylesheet for the office's brand colour, if it has one."""
        colour = self.office.brand_colour if self.office else None
        return brand_css(colour) if colour else None

    def render_page(self, source: str, page_name: str) -> str:
        """A page's Markdown: its macros run, then the office's changes to pages applied."""
        markdown = self.renderer.render_page(source, page_name)
        return self.pages.apply(markdown, page_uri(page_name), is_guide_page(page_name))[0]

    def render_pages(self, pages: Mapping[str, str]) -> dict[str, str]:
        """Render every page, collecting all failures into one PageError. Pages an office
        hides are rendered too, to know what they show (links to it are left out), but are
        not returned, and their failures do not count."""
        rendered: dict[str, str] = {}
        hidden_text: list[str] = []
        failures: list[str] = []
        hidden_pages = self.pages.hidden_pages
        for name, source in pages.items():
            hidden = page_uri(name) in hidden_pages
            try:
                markdown = self.renderer.render_page(source, name)
            except PageError as error:
                if not hidden:
                    failures.append(str(error))
                continue
            if hidden:
                hidden_text.append(markdown)
                continue
            rendered[name], hidden_ids = self.pages.apply(
                markdown, page_uri(name), is_guide_page(name)
            )
            hidden_text.append(" ".join(f'id="{anchor}"' for anchor in hidden_ids))
        if failures:
            count = len(failures)
            head = (
                f"{count} page{'s' if count != 1 else ''} could not be rendered; nothing was built."
            )
            raise PageError("\n".join([head, *failures]))
        self.renderer.collect_anchors(rendered, hidden_text)
        return rendered


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


def load_content(data_dir: Path, root: Path, schemas_dir: Path | None = None) -> Content:
    """Read ``data_dir/*.yml`` and check it against ``schemas_dir`` (default ``root/schemas``);
    raise ContentErrors listing every problem in every file."""
    content, errors = read_content(data_dir, root)
    errors += validate(content, data_dir, root, schemas_dir or root / "schemas", LATER_CHECKS)
    if errors:
        raise ContentErrors(errors)
    return content


def load_office(
    content: Content, root: Path, office_dir: Path | None = None, schemas_dir: Path | None = None
) -> tuple[Content, Office | None, ContentChanges]:
    """Read ``office_dir`` (default ``root/office``) and apply it to checked ``content``;
    raise ContentErrors listing every problem. Without the folder: the content unchanged."""
    schemas_dir = schemas_dir or root / "schemas"
    data_schemas, _ = load_schemas(schemas_dir, root)
    office, errors = read_office(
        office_dir or root / OFFICE_FOLDER, root, schemas_dir, data_schemas
    )
    if office is None:
        if errors:
            raise ContentErrors(errors)
        return content, None, ContentChanges()
    content, changes, more = apply_changes(
        content, office, data_schemas, display_path(schemas_dir, root), LATER_CHECKS
    )
    if errors or more:
        raise ContentErrors(errors + more)
    return content, office, changes


def load_guide(
    data_dir: Path,
    root: Path,
    markdown_extensions: list[Any] | None = None,
    markdown_configs: Mapping[str, Any] | None = None,
    today: dt.date | None = None,
    directory_urls: bool = True,
    office_dir: Path | None = None,
) -> Guide:
    """Load and check ``data_dir``, then the office overlay (``root/office`` unless
    ``office_dir`` says otherwise); raises ContentErrors with every problem found."""
    content, office, changes = load_office(load_content(data_dir, root), root, office_dir)
    return guide_for(
        content,
        markdown_extensions,
        markdown_configs,
        today,
        directory_urls,
        office=office,
        changes=changes,
        root=root,
    )


def guide_for(
    content: Content,
    markdown_extensions: list[Any] | None = None,
    markdown_configs: Mapping[str, Any] | None = None,
    today: dt.date | None = None,
    directory_urls: bool = True,
    office: Office | None = None,
    changes: ContentChanges | None = None,
    root: Path | None = None,
) -> Guide:
    """A guide for content that is already loaded (and, outside tests, checked)."""
    stamp = review_stamp(content["meta"])
    today = today or dt.date.today()
    text = TextRenderer(markdown_extensions, markdown_configs)
    changes = changes or ContentChanges()
    site_name = office.site_name if office else str(content["meta"]["site_name"])
    renderer = GuideRenderer(
        content,
        text,
        {
            "review": stamp.as_template_data(today),
            "site_name": site_name,
            "office": office.template_data() if office else None,
            **flow_globals(content),
        },
        FLOW_FILTERS,
        directory_urls=directory_urls,
        template_dirs=(PRINT_TEMPLATES, FLOW_TEMPLATES),
        removed=changes.removed,
    )
    pages = PageChanges.from_office(office, text.block, root or Path.cwd())
    return Guide(content, stamp, renderer, office, changes, pages)
