"""The site's search answers from the guide's pages, not from the copies they show: the flow,
the builder, the print pages' cards and the flow map's tree repeat what the pages say, and are
marked ``data-search-exclude`` (render/search_index.py). The page itself keeps every copy."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from soapguide.render.search_index import searchable

# --- the engine: the page the search indexes --------------------------------------------------


def test_a_marked_element_goes_with_everything_in_it():
    copy = "<div data-search-exclude><div><p>copy</p></div><p>more copy</p></div>"
    html = f"<p>before</p>{copy}<p>after</p>"
    assert searchable(html) == "<p>before</p><p>after</p>"


def test_elements_of_other_tags_left_unclosed_inside_do_not_matter():
    html = "<div data-search-exclude><ul><li>one<li>two</ul><p>para</div><h2 id=a>After</h2>"
    assert searchable(html) == "<h2 id=a>After</h2>"


def test_everything_else_is_kept_as_written():
    html = (
        '<h2 id="x">Title &amp; more</h2><!-- note --><p>A&#160;B<br>C<img src="i.png" alt=""/></p>'
    )
    assert searchable(html) == html


def test_a_void_element_can_be_marked_without_swallowing_the_page():
    html = '<p>a<img src="x.png" data-search-exclude>b</p><p>c</p>'
    assert searchable(html) == "<p>ab</p><p>c</p>"


def test_two_marked_elements_in_a_row():
    html = (
        "<section data-search-exclude><h2>1</h2></section><p>x</p><div data-search-exclude>2</div>"
    )
    assert searchable(html) == "<p>x</p>"


# --- the built site --------------------------------------------------------------------------


class Marked(HTMLParser):
    """Ids of the elements inside marked ones, and the h1 of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.ids_inside: set[str] = set()
        self.in_h1 = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        inside = bool(self.stack and self.stack[-1]) or "data-search-exclude" in values
        if tag not in {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col"}:
            self.stack.append(inside)
        if inside and values.get("id"):
            self.ids_inside.add(values["id"] or "")
        self.in_h1 = tag == "h1" or self.in_h1

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.in_h1:
            self.title += data


def index(built_site: Path) -> list[dict]:
    return json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]


def content(built_site: Path, page: str) -> str:
    html = (built_site / page / "index.html").read_text("utf-8")
    match = re.search(r'<article class="md-content__inner md-typeset">(.*)</article>', html, re.S)
    assert match, f"/{page}: no article"
    return match.group(1)


def test_no_section_of_a_copy_is_in_the_search_index(built_site, site_pages):
    locations = {doc["location"] for doc in index(built_site)}
    found = []
    for page in site_pages:
        marked = Marked()
        marked.feed(content(built_site, page))
        found += [f"{page}#{i}" for i in sorted(marked.ids_inside) if f"{page}#{i}" in locations]
    assert not found, f"sections of copies in the search index: {found}"


def test_every_page_is_in_the_search_index_under_its_title(built_site, site_pages):
    titles = {doc["location"]: doc["title"] for doc in index(built_site)}
    missing = []
    for page in site_pages:
        marked = Marked()
        marked.feed(content(built_site, page))
        title = marked.title.rstrip("¶").strip()  # without the heading's permalink
        if titles.get(page) != title:
            missing.append(f"/{page} ({title!r})")
    assert not missing, f"pages not found by their title: {missing}"


@pytest.mark.parametrize("attribute", ["data-search-exclude"])
def test_the_pages_keep_every_copy_they_show(built_site, site_pages, attribute):
    """The mark is for the index only: the page still shows what it marks."""
    marked_pages = [p for p in site_pages if attribute in content(built_site, p)]
    assert marked_pages, "no page marks a copy: the flow, the builder and the cards should"
    for page in marked_pages:
        whole = content(built_site, page)
        assert len(searchable(whole)) < len(whole)
