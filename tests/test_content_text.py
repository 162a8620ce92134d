"""Content text (a YAML field's Markdown) goes through the site's Markdown extensions, but for
those that act only on what content text never holds: raw HTML blocks and headings."""

from __future__ import annotations

import pytest
from markdown.extensions.abbr import AbbrExtension
from markdown.extensions.toc import TocExtension
from soapguide.render.text import TextRenderer, text_extensions


def test_extensions_for_raw_html_and_headings_are_left_out():
    site = ["abbr", "md_in_html", "markdown.extensions.toc", "tables", TocExtension()]
    kept = text_extensions(site)
    assert kept == ["abbr", "tables"]


def test_extension_objects_are_kept_when_they_act_on_text():
    abbr = AbbrExtension()
    assert text_extensions([abbr]) == [abbr]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Call **only** if they called you.", "Call <strong>only</strong> if they called you."),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        ("<div onclick='x()'>Hi</div>", "Hi"),
    ],
)
def test_text_converts_as_before_with_the_sites_extensions(text, html):
    renderer = TextRenderer(["md_in_html", "toc", "attr_list"], {"toc": {"permalink": True}})
    assert str(renderer.inline(text)) == html or str(renderer.block(text)) == html
