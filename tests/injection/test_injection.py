"""Hostile strings in every kind of text field stay inert: no script, event handler or
script URL reaches a page, in the renderer, in every rendered page, and in Chromium.

The validator rejects these strings first (see the corpus); these tests load the hostile data
without it (tests/injection/unchecked_hooks.py), to prove the rendering is safe on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import check_content
import pytest
from soapguide.guide import guide_for, load_content
from soapguide.read.errors import ContentErrors
from soapguide.render.text import TextRenderer, fill_placeholders

from tests import shared_builds
from tests.content_errors.cases import HOW_LONG, Replace, data_copy, how_long_path
from tests.guide_content import office_pages
from tests.injection.hostile import HOSTILE, Markup, hostile_data, hostile_project
from tests.injection.unchecked_hooks import unchecked_content
from tests.scenario import REPO, build
from tests.site_walk import PAGE_FACTS, PageVisit
from tests.static_server import serve_directory

DANGEROUS_TAGS = ("script", "img", "svg", "iframe", "object", "embed", "style", "form")


def assert_inert(html: str, where: str, own_html: str = "") -> None:
    """No event handler, no script URL, and no dangerous tag beyond those the page has of its
    own (``own_html``: the same page rendered from the real content, e.g. the flow's form and
    its JSON data script)."""
    markup = Markup(html)
    assert markup.event_handlers() == [], where
    assert markup.script_urls() == [], where
    own = Counter(Markup(own_html).named(*DANGEROUS_TAGS))
    extra = Counter(markup.named(*DANGEROUS_TAGS)) - own
    assert not extra, f"{where}: {dict(extra)}"


@pytest.fixture(scope="module")
def text_renderer() -> TextRenderer:
    return TextRenderer(*check_content.markdown_settings(check_content.read_config(REPO)))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_renderer_keeps_hostile_text_inert(text_renderer: TextRenderer, hostile: str):
    for render in (text_renderer.block, text_renderer.inline):
        html = str(render(hostile))
        assert_inert(html, f"{render.__name__}({hostile!r}) -> {html}")
        assert_inert(str(fill_placeholders(render(hostile), {})), hostile)


def test_jinja_in_data_is_text_not_code(text_renderer: TextRenderer):
    assert str(text_renderer.inline("{{ 7*7 }} and {% if true %}x{% endif %}")) == (
        "{{ 7*7 }} and {% if true %}x{% endif %}"
    )


def render_docs(data: Path) -> dict[str, str]:
    """Every docs/ page rendered by the engine from the data in ``data``, unchecked."""
    guide = guide_for(
        unchecked_content(data), *check_content.markdown_settings(check_content.read_config(REPO))
    )
    pages = {
        f"docs/{path.name}": path.read_text(encoding="utf-8")
        for path in sorted((REPO / "docs").glob("*.md"))
    }
    return guide.render_pages(pages)


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory) -> dict[str, str]:
    return render_docs(hostile_data(tmp_path_factory.mktemp("hostile") / "data"))


@pytest.fixture(scope="module")
def clean_pages() -> dict[str, str]:
    return render_docs(REPO / "data")


def test_every_page_rendered_from_hostile_data_is_inert(
    hostile_pages: dict[str, str], clean_pages: dict[str, str]
):
    for name, html in hostile_pages.items():
        assert_inert(html, name, clean_pages[name])


SOURCE_LINE = re.compile(r' data-src="[^"]*"')  # data-src="scripts.yml:1649" is no 7*7


def sevens_times_seven(html: str) -> int:
    return SOURCE_LINE.sub("", html).count("49")


def test_the_hostile_text_did_reach_the_pages(
    hostile_pages: dict[str, str], clean_pages: dict[str, str]
):
    """Otherwise the inertness above would prove nothing. Where they land, the hostile strings
    are text: Jinja in the data is not evaluated, an attribute escape is shown as written."""
    reached = [name for name, html in hostile_pages.items() if "{{ 7*7 }}" in html]
    assert reached, "no page shows the hostile text"
    for name in reached:
        hostile, clean = (sevens_times_seven(pages[name]) for pages in (hostile_pages, clean_pages))
        assert hostile == clean, f"{name}: 7*7 was evaluated"
    escaped = [name for name in reached if re.search(r'(&quot;|")&gt;', hostile_pages[name])]
    assert escaped, "the attribute-escape attempt is shown as text on no page"


@pytest.mark.parametrize("hostile", [h for h in HOSTILE if "{{" not in h])
def test_validator_rejects_each_hostile_string(hostile: str, tmp_path):
    data = data_copy(tmp_path)
    quoted = "'" + hostile.replace("'", "''") + "'  # "
    Replace("faq.yml", HOW_LONG, HOW_LONG + quoted).apply(data)
    with pytest.raises(ContentErrors) as raised:
        load_content(data, tmp_path, REPO / "schemas")
    assert [error.where for error in raised.value.errors] == [f"{how_long_path(data)}.question"]
    message = raised.value.errors[0].message
    assert "HTML is not allowed" in message or "link is not allowed" in message


# In Chromium: the built pages


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The site built from hostile data with the unchecked hooks, once per run."""

    def make(folder: Path) -> None:
        project = hostile_project(folder / "project")
        result = build(project, folder / "site")
        assert result.returncode == 0, result.stderr

    return shared_builds.once(tmp_path_factory, "hostile-site", make) / "site"


@pytest.fixture(scope="module")
def hostile_server(hostile_site: Path) -> Iterator[str]:
    with serve_directory(hostile_site) as base:
        yield base


@pytest.mark.long
def test_hostile_pages_in_chromium_fire_no_dialog_and_add_no_script(
    new_page, hostile_server: str, site_walk: dict[str, PageVisit]
):
    """Each page built from hostile data, against the same page built from the real content
    (as the walk over the real site saw it)."""
    dialogs: list[str] = []
    page = new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    reached = []
    office = {name.removesuffix(".md") + "/" for name in office_pages()}  # from office/, not data/
    for path, clean in site_walk.items():
        if path in office:
            continue
        page.goto(hostile_server + path, wait_until="load")
        page.mouse.move(10, 10)
        page.wait_for_timeout(100)
        hostile = page.evaluate(PAGE_FACTS)
        assert hostile["scripts"] == clean.facts["scripts"], clean.where
        assert hostile["handlers"] == [], clean.where
        assert hostile["scriptLinks"] == [], clean.where
        if "{{ 7*7 }}" in hostile["text"]:
            reached.append(path)
    assert dialogs == []
    assert reached, "the hostile text is on no page: the checks above proved nothing"
