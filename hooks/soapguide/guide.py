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
from .read.content import Content, read_content
from .read.errors import ContentErrors
from .render.review import ReviewStamp, review_stamp
from .render.templating import GuideRenderer, PageError
from .render.text import TextRenderer

# Cross-file checks owned by stages after ``check``; they run with check's own.
LATER_CHECKS = (check_flow,)


@dataclass
class Guide:
    content: Content
    review: ReviewStamp
    renderer: GuideRenderer

    def render_page(self, source: str, page_name: str) -> str:
        return self.renderer.render_page(source, page_name)

    def render_pages(self, pages: Mapping[str, str]) -> dict[str, str]:
        """Render every page, collecting all failures into one PageError."""
        rendered: dict[str, str] = {}
        failures: list[str] = []
        for name, source in pages.items():
            try:
                rendered[name] = self.render_page(source, name)
            except PageError as error:
                failures.append(str(error))
        if failures:
            count = len(failures)
            head = (
                f"{count} page{'s' if count != 1 else ''} could not be rendered; nothing was built."
            )
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
) -> Guide:
    """Load and check ``data_dir``; raises ContentErrors with every problem found."""
    return guide_for(
        load_content(data_dir, root), markdown_extensions, markdown_configs, today, directory_urls
    )


def guide_for(
    content: Content,
    markdown_extensions: list[Any] | None = None,
    markdown_configs: Mapping[str, Any] | None = None,
    today: dt.date | None = None,
    directory_urls: bool = True,
) -> Guide:
    """A guide for content that is already loaded (and, outside tests, checked)."""
    stamp = review_stamp(content["meta"])
    today = today or dt.date.today()
    text = TextRenderer(markdown_extensions, markdown_configs)
    renderer = GuideRenderer(
        content,
        text,
        {"review": stamp.as_template_data(today), **flow_globals(content)},
        FLOW_FILTERS,
        directory_urls=directory_urls,
        template_dirs=(PRINT_TEMPLATES, FLOW_TEMPLATES),
    )
    return Guide(content, stamp, renderer)
