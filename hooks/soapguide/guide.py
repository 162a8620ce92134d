"""The composition root: the pipeline's stages wired into one build's worth of guide.

read (YAML with locations) → check (schemas, text policy, cross-file checks) → render (Markdown,
macros) → printing (print macros, PDFs) → flow (the decision graph). Each stage imports only
from the stages before it; this module is the one place that knows them all, and the single
entry point an adapter (MkDocs today, another generator tomorrow) needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .check.validate import validate
from .flow.checks import check_flow
from .flow.templating import FLOW_FILTERS, FLOW_TEMPLATES, flow_globals
from .printing import PRINT_TEMPLATES
from .printing.office import paper_globals
from .read.content import Content, read_content
from .read.errors import ContentErrors
from .read.schedule import SCHEDULE_FILE
from .render.review import ReviewStamp, review_stamp
from .render.schedule_text import schedule_view, soap_dates_text
from .render.scripts import PHASES, card_id, card_versions, phase_text, script_phases
from .render.templating import GuideRenderer, PageError
from .render.text import TextRenderer

# What the templates need to show a script in its phases (render.scripts).
SCRIPT_GLOBALS = {
    "PHASE_KEYS": PHASES,
    "script_phases": script_phases,
    "phase_text": phase_text,
    "card_id": card_id,
    "card_versions": card_versions,
}

# Cross-file checks owned by stages after ``check``; they run with check's own.
LATER_CHECKS = (check_flow,)


@dataclass
class Guide:
    content: Content
    review: ReviewStamp
    renderer: GuideRenderer
    site_name: str = ""  # the name in force: the office's site_name, else data/meta.yml's
    office: Mapping[str, Any] | None = None

    def render_page(self, source: str, page_name: str) -> str:
        return self.renderer.render_page(source, page_name)

    def render_macro(self, name: str) -> str:
        """One macro's HTML outside any page (the office block and credit for the site
        template)."""
        return str(self.renderer.macros[name]())

    def render_pages(self, pages: Mapping[str, str], building: bool = True) -> dict[str, str]:
        """Render every page, collecting all failures into one PageError (its head line worded
        as ContentErrors.report words it)."""
        rendered: dict[str, str] = {}
        failures: list[str] = []
        for name, source in pages.items():
            try:
                rendered[name] = self.render_page(source, name)
            except PageError as error:
                failures.append(str(error))
        if failures:
            count = len(failures)
            pages_word, them = ("page", "it") if count == 1 else ("pages", "them")
            outcome = (
                "nothing was built" if building else f"fix {them} before the site can be built"
            )
            head = f"{count} {pages_word} could not be rendered; {outcome}."
            raise PageError("\n".join([head, *failures]))
        self.renderer.collect_anchors(rendered)
        return rendered


def load_content(data_dir: Path, root: Path, schemas_dir: Path | None = None) -> Content:
    """Read ``data_dir/*.yml`` and check it against ``schemas_dir`` (default ``root/schemas``);
    raise ContentErrors listing every problem in every file."""
    content, errors = read_content(data_dir, root)
    errors += validate(content, data_dir, root, schemas_dir or root / "schemas", LATER_CHECKS)
    if errors:
        raise ContentErrors(errors)
    return content


def load_guide(
    data_dir: Path,
    root: Path,
    markdown_extensions: list[Any] | None = None,
    markdown_configs: Mapping[str, Any] | None = None,
    today: dt.date | None = None,
    directory_urls: bool = True,
    office: Mapping[str, Any] | None = None,
) -> Guide:
    """Load and check ``data_dir``; raises ContentErrors with every problem found."""
    return guide_for(
        load_content(data_dir, root),
        markdown_extensions,
        markdown_configs,
        today,
        directory_urls,
        office=office,
    )


def guide_for(
    content: Content,
    markdown_extensions: list[Any] | None = None,
    markdown_configs: Mapping[str, Any] | None = None,
    today: dt.date | None = None,
    directory_urls: bool = True,
    office: Mapping[str, Any] | None = None,
) -> Guide:
    """A guide for content that is already loaded (and, outside tests, checked). ``office``:
    the advising office's mapping (OFFICE_CONTRACT.md), None upstream."""
    site_name = office["site_name"] if office else content["meta"]["site_name"]
    schedule = (
        schedule_view(content[SCHEDULE_FILE], content["meta"]["match_year"])
        if SCHEDULE_FILE in content
        else None
    )
    stamp = review_stamp(content["meta"], soap_dates_text(schedule))
    today = today or dt.date.today()
    text = TextRenderer(markdown_extensions, markdown_configs)
    renderer = GuideRenderer(
        content,
        text,
        {
            "review": stamp.as_template_data(today),
            "schedule": schedule,
            **SCRIPT_GLOBALS,
            **flow_globals(content),
            **paper_globals(content, office, site_name),
        },
        FLOW_FILTERS,
        directory_urls=directory_urls,
        template_dirs=(PRINT_TEMPLATES, FLOW_TEMPLATES),
    )
    return Guide(content, stamp, renderer, site_name, office)
