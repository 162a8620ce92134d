"""Every item of every data file is rendered, with its text, on the page that presents it."""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from soapguide.render.text import TextRenderer

from tests.html_text import all_ids, normalise, texts_by_id

REPO = Path(__file__).resolve().parents[1]

# The page that presents each data file's items (built path relative to the site root).
HOME_PAGE = {
    "rules": "rules/index.html",
    "short_answer": "what-a-call-can-do/index.html",
    "myths": "myths/index.html",
    "criteria": "when-to-call/index.html",
    "tone": "tone/index.html",
    "scripts": "what-to-say/index.html",
    "situations": "by-situation/index.html",
    "checklist": "checklist/index.html",
    "mistakes": "mistakes/index.html",
    "faq": "faq/index.html",
    "bottom_line": "bottom-line/index.html",
    "flow": "should-i-call/index.html",
}
NO_ITEMS = {"meta"}

# Keys whose values are references or settings, shown as labels rather than as their own text.
NOT_SHOWN_AS_IS = {
    "id",
    "step",
    "audience",
    "channel",
    "url",
    "name",
    "next",
    "outcome",
    "verdict",
    "fact",
}

_markdown = TextRenderer(["abbr", "attr_list"])


@functools.cache
def data_files() -> dict[str, object]:
    return {
        p.stem: yaml.safe_load(p.read_text("utf-8")) for p in sorted((REPO / "data").glob("*.yml"))
    }


def items(value, path=()):
    """(path, item) for every mapping with an id that sits in a list."""
    if isinstance(value, dict):
        if "id" in value and path and isinstance(path[-1], int):
            yield path, value
        for key, child in value.items():
            yield from items(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from items(child, (*path, index))


def shown_texts(item, labels):
    """The texts of an item as a reader sees them: Markdown rendered, blanks as their labels."""
    for key, value in item.items():
        if key in NOT_SHOWN_AS_IS:
            continue
        if isinstance(value, str):
            html = str(_markdown.inline(value))
            text = normalise(re.sub(r"<[^>]+>", "", html))
            text = text.replace("&amp;", "&").replace("&quot;", '"').replace("&#x27;", "'")
            yield re.sub(r"\{([a-z_]+)\}", lambda m: labels.get(m.group(1), m.group(0)), text)
        elif isinstance(value, list):
            for child in value:
                if isinstance(child, dict) and "id" not in child:
                    yield from shown_texts(child, labels)


def placeholder_labels(data) -> dict[str, str]:
    return {p["name"]: p["label"] for p in data["scripts"]["placeholders"]}


def test_every_data_file_with_items_has_a_page_that_presents_it():
    for name, data in data_files().items():
        has_items = any(True for _ in items(data))
        assert name in HOME_PAGE or (name in NO_ITEMS and not has_items) or not has_items, (
            f"data/{name}.yml has items but no page in HOME_PAGE presents it"
        )


CASES = [
    (name, item)
    for name, data in data_files().items()
    if name in HOME_PAGE
    for _, item in items(data)
]


@functools.cache
def page_texts(path: Path) -> tuple[str, dict[str, str]]:
    html = path.read_text("utf-8")
    return html, texts_by_id(html)


@pytest.mark.parametrize(
    ("name", "item"), CASES, ids=[f"{name}:{item['id']}" for name, item in CASES]
)
def test_item_is_rendered_with_its_text_on_its_page(built_site, name, item):
    html, texts = page_texts(built_site / HOME_PAGE[name])
    rendered = texts.get(item["id"])
    assert rendered is not None, f"no element with id '{item['id']}' on {HOME_PAGE[name]}"
    labels = placeholder_labels(data_files())
    for text in shown_texts(item, labels):
        assert text in rendered, f"{name}:{item['id']}: {text!r} missing from {rendered!r}"
    if "url" in item:
        assert f'href="{item["url"]}"' in html


def test_no_page_has_a_duplicate_element_id(built_site, site_pages):
    for page in site_pages:
        html = (built_site / page / "index.html" if page else built_site / "index.html").read_text()
        duplicates = [i for i, n in Counter(all_ids(html)).items() if n > 1]
        assert not duplicates, f"{page or 'home'}: duplicate ids {duplicates}"


def test_script_blanks_are_shown_as_labelled_blanks_not_braces(built_site):
    html = (built_site / HOME_PAGE["scripts"]).read_text("utf-8")
    assert 'class="blank" data-placeholder="applicant_name">Your full name<' in html
    assert "{applicant_name}" not in html


def test_home_page_puts_the_contact_rule_before_the_short_answer(built_site):
    html = (built_site / "index.html").read_text("utf-8")
    assert 0 < html.index('id="rule-first-title"') < html.index('id="short-answer"')
