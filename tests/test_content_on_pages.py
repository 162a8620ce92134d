"""Every item of the guide's content is rendered, with its text, on a page of the built site.

These are properties of whatever content there is (the content as the build loads it,
tests/guide_content.py): no test here names an item, a wording or an order.
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from pathlib import Path

import pytest
from soapguide.render.text import TextRenderer

from tests.guide_content import hidden_ids, site_content
from tests.html_text import all_ids, normalise, texts_by_id

# The guide page that presents each data file's items. Not used here (an item may be on any
# page); tests/test_flow_links.py imports it.
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
    "builder": "make-your-script/index.html",
}

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
    "pattern",
    "flags",
    "instead",
    "fact",
}

_markdown = TextRenderer(["abbr", "attr_list"])
BLANK = re.compile(r'class="blank" data-placeholder="([a-z_][a-z0-9_]*)">([^<]*)<')


def shown_texts(item, labels):
    """The texts of an item as a reader sees them: Markdown rendered, blanks as their labels."""
    for key, value in item.items():
        if key in NOT_SHOWN_AS_IS:
            continue
        if isinstance(value, str):
            rendered = str(_markdown.inline(value))
            text = normalise(re.sub(r"<[^>]+>", "", rendered))
            text = text.replace("&amp;", "&").replace("&quot;", '"').replace("&#x27;", "'")
            yield re.sub(r"\{([a-z_]+)\}", lambda m: labels.get(m.group(1), m.group(0)), text)
        elif isinstance(value, list):
            for child in value:
                if isinstance(child, dict) and "id" not in child:
                    yield from shown_texts(child, labels)


def placeholder_labels() -> dict[str, str]:
    return {p["name"]: p["label"] for p in site_content()["scripts"]["placeholders"]}


def content_items() -> list[tuple[str, dict]]:
    """(data file, item) for every item with an id in the content, but those an office hides."""
    content = site_content()
    return [
        (name, item)
        for name in content.documents
        for _, item in content.items_with_ids(name)
        if item["id"] not in hidden_ids()
    ]


CASES = content_items()


@functools.cache
def pages_by_id(built_site: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Element id -> [(page, its text, the page's HTML)] over every built page."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for html_file in sorted(built_site.rglob("index.html")):
        page = html_file.relative_to(built_site).parent.as_posix()
        html = html_file.read_text("utf-8")
        for element_id, text in texts_by_id(html).items():
            found.setdefault(element_id, []).append((page, text, html))
    return found


def test_the_content_has_items():
    assert CASES, "no item with an id in the content"


@pytest.mark.parametrize(("name", "item"), CASES, ids=[f"{n}:{item['id']}" for n, item in CASES])
def test_item_is_rendered_with_its_text_on_a_page(built_site, name, item):
    places = pages_by_id(built_site).get(item["id"], [])
    assert places, f"{name}:{item['id']}: no page has an element with this id"
    texts = list(shown_texts(item, placeholder_labels()))
    whole = [
        (page, html) for page, rendered, html in places if all(text in rendered for text in texts)
    ]
    assert whole, (
        f"{name}:{item['id']}: no page shows all of {texts!r} under its id "
        f"(pages with the id: {[page or 'home' for page, _, _ in places]})"
    )
    if "url" in item:
        assert any(f'href="{item["url"]}"' in page_html for _, page_html in whole), item["url"]


def test_no_page_has_a_duplicate_element_id(built_site, site_pages):
    for page in site_pages:
        html = (built_site / page / "index.html").read_text("utf-8")
        duplicates = [i for i, n in Counter(all_ids(html)).items() if n > 1]
        assert not duplicates, f"{page or 'home'}: duplicate ids {duplicates}"


def used_placeholders() -> list[str]:
    """The blanks that some script line uses, in the order they first appear."""
    lines = [  # a line's text, or its words for each phase
        str(words)
        for script in site_content()["scripts"]["scripts"]
        for line in script["lines"]
        for key, words in line.items()
        if key != "step"
    ]
    return list(dict.fromkeys(re.findall(r"\{([a-z_][a-z0-9_]*)\}", " ".join(lines))))


def test_script_blanks_are_shown_as_labelled_blanks_not_braces(built_site, site_pages):
    labels = placeholder_labels()
    used = used_placeholders()
    assert used, "no script line has a blank to check"
    pages = {page: (built_site / page / "index.html").read_text("utf-8") for page in site_pages}
    blanks = {
        (name, html.unescape(label))
        for text in pages.values()
        for name, label in BLANK.findall(text)
    }
    for name in used:
        assert (name, labels[name]) in blanks, f"no page shows the blank {name} as its label"
        braces = [page or "home" for page, text in pages.items() if f"{{{name}}}" in text]
        assert not braces, f"{{{name}}} shown in braces on {braces}"


def test_home_page_puts_the_contact_rule_before_the_short_answer(built_site):
    html = (built_site / "index.html").read_text("utf-8")
    assert 0 < html.index('id="rule-first-title"') < html.index('id="short-answer"')


# What tells a reader to follow up, call or send something: the checklist, the situations,
# when a call is worth it, and the channels.
CONTACT_ADVICE = ('class="checklist', 'class="situation', 'class="criteria', 'class="channel')


def test_a_page_that_advises_contact_states_the_rule_before_the_advice(built_site, site_pages):
    advising = 0
    for url in site_pages:
        html = (built_site / url / "index.html").read_text("utf-8")
        article = html[html.index("<article") :]
        starts = [article.index(mark) for mark in CONTACT_ADVICE if mark in article]
        if not starts or "/print/" in f"/{url}":
            continue
        advising += 1
        rule = article.find('class="sg-warning__text"')
        assert 0 <= rule < min(starts), f"/{url}: the rule does not come before the advice"
    assert advising, "no page gives contact advice"
