"""One build's worth of guide: content loaded, checked and ready to render pages.

The single entry point an adapter (MkDocs today, another generator tomorrow) needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .content import Content, load_content
from .flow_templating import FLOW_FILTERS, flow_globals
from .review import ReviewStamp, review_stamp
from .templating import GuideRenderer, PageError
from .text import TextRenderer


@dataclass
class Guide:
    content: Content
    review: ReviewStamp
    renderer: GuideRenderer

    def render_page(self, source: str, page_name: str) -> str:
        return self.renderer.render_page(source, page_name)

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
    )
    return Guide(content, stamp, renderer)
