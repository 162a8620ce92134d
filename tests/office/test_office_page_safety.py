"""An office's own pages (office/pages/*.md) can put nothing in the site but Markdown's own HTML:
no attribute through attr_list's '{ … }' but a class, an id or a title, and no template code
but a call of the guide's macros with plain values. And a page's front matter that MkDocs
could not read (it would show it as text on the page) is an error, in office pages and docs/.

Each attack is first shown to work without the check (Markdown with the site's extensions, or
the guide's template engine, writes it into the HTML), then shown to be reported."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from check_content import markdown_settings, read_config
from soapguide.guide import guide_for
from soapguide.overlay.page_template import template_errors
from soapguide.overlay.page_text import markdown_only
from soapguide.read.content import read_content
from soapguide.render.pages import front_matter_errors

from tests.office.support import check_report, checked_project, line_of, problems_in
from tests.scenario import REPO

PAGE = "office/pages/parking.md"
EXTENSIONS, OPTIONS = markdown_settings(read_config(REPO))


def site_markdown(text: str) -> str:
    """``text`` as HTML, by Markdown with the site's extensions and their settings."""
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=OPTIONS)


# Each: a page's lines, and the attribute (as it reaches the HTML) the last line would add.
ATTRIBUTE_LISTS = {
    "heading": ("# Where to find us { onmouseover=alert(1) }", 'onmouseover="alert(1)"'),
    "link": (
        '[safe link](https://lakeview.example.edu){ href="javascript:alert(document.cookie)" }',
        'href="javascript:alert(document.cookie)"',
    ),
    "colon form, single quotes": (
        "[a link](https://x.example){:href='javascript:alert(1)'}",
        'href="javascript:alert(1)"',
    ),
    "upper case key": ("## Hours {: ONCLICK=alert(1) }", 'ONCLICK="alert(1)"'),
    "image": ("![Map](https://x.example/map.png){ onerror=alert(1) }", 'onerror="alert(1)"'),
    "paragraph, own line": ('We are on the second floor.\n{ style="color:red" }', "style="),
    "list item, own line": ("- Room 3\n{: onclick=alert(1) }", 'onclick="alert(1)"'),
    "table cell": (
        "| Day | Hours |\n|---|---|\n| Monday { onclick=alert(1) } | 9 to 5 |",
        'onclick="alert(1)"',
    ),
    "code fence": ("```{ .text onclick=alert(1) }\nRoom 3\n```", 'onclick="alert(1)"'),
    "emphasis": ("*Room 3*{ onmouseover=alert(1) }", 'onmouseover="alert(1)"'),
    "namespaced key": ("# Map { xlink:href=javascript:alert(1) }", "xlink:href="),
    "title and a handler": ('# Map { title="a}b" onclick=alert(1) }', 'onclick="alert(1)"'),
}


@pytest.mark.parametrize("lines, attribute", ATTRIBUTE_LISTS.values(), ids=ATTRIBUTE_LISTS)
def test_an_attribute_list_may_not_add_an_attribute_other_than_class_id_or_title(
    lines: str, attribute: str
):
    assert attribute in site_markdown(lines)  # what the page would get without the check
    text = f"---\ntitle: Parking\n---\n\n{lines}\n"
    errors = markdown_only(PAGE, text)
    assert errors, lines
    error = errors[0]
    name = attribute.split("=")[0]
    written = text.split("\n")[error.line - 1]
    assert error.file == PAGE and name in written
    assert f"would add the attribute '{name}'" in error.message
    assert written[error.column - 1 :].startswith(name)  # the column points at it
    assert "class (.name), an id (#name) or a title" in error.message and error.hint


@pytest.mark.parametrize(
    "lines, attribute",
    [
        ("[Book a time](https://x.example){ .md-button .md-button--primary }", 'class="md-button'),
        ("## Where to find us { #find-us }", 'id="find-us"'),
        ('[Map](https://x.example/map){ title="Opens the campus map" }', 'title="Opens the'),
        ("Say: 'Hello, I am {your name}' and wait.", "{your name}"),
        ("`{ onclick=alert(1) }` is how an attribute list looks", "{ onclick=alert(1) }"),
        ("{{ office_resources() }}", ""),
    ],
)
def test_classes_ids_titles_and_braces_in_text_or_code_are_fine(lines: str, attribute: str):
    assert attribute in site_markdown(lines)
    assert markdown_only(PAGE, f"# Parking\n\n{lines}\n") == []


# Each: a page's lines, every one of which shows a picture from another site.
IMAGES = {
    "inline": "![Our team](https://tracker.example/pixel.png)",
    "inline, alt text with brackets": "![Our [new] team](https://tracker.example/pixel.png)",
    "inline, address in angle brackets": "![Team]( <https://tracker.example/pixel.png> )",
    "reference": "![Our team][team]\n\n[team]: https://tracker.example/pixel.png",
    "reference after a space": "![Our team] [team]\n\n[team]: https://tracker.example/p.png",
    "collapsed reference": "![team][]\n\n[team]: https://tracker.example/pixel.png",
    "shortcut reference": "![Team]\n\n[team]: https://tracker.example/pixel.png",
    "relative address": "![Our office](office.jpg)",
}


@pytest.mark.parametrize("lines", IMAGES.values(), ids=IMAGES)
def test_an_office_page_may_show_no_image(lines: str):
    """A picture from another site tells that site who reads the page (the site loads nothing
    from other sites), and the build publishes no picture from office/pages/: notes may show
    none either."""
    assert "<img" in site_markdown(lines)  # what the page would get without the check
    text = f"# Parking\n\nFind us here.\n\n{lines}\n"
    errors = markdown_only(PAGE, text)
    assert len(errors) == 1, errors
    error = errors[0]
    assert (error.file, error.line, error.column) == (PAGE, 5, 1)
    assert "images are not supported in your pages" in error.message
    assert "delete the '!' to make it a link" in error.hint


@pytest.mark.parametrize(
    "lines",
    [
        "Hello ![world] and welcome.",  # no '[world]: …' anywhere: shown as written
        "Write \\![text](https://x.example) to show the '!' itself.",
        "`![logo](https://x.example/logo.png)` is how an image looks in Markdown.",
        "```\n![logo](https://x.example/logo.png)\n```",
        "Call us! [Book a time](https://x.example/book)",
    ],
)
def test_text_and_code_that_only_look_like_an_image_are_fine(lines: str):
    assert "<img" not in site_markdown(lines)
    assert markdown_only(PAGE, f"# Parking\n\n{lines}\n") == []


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    data = tmp_path_factory.mktemp("guide") / "data"
    data.mkdir()
    (data / "meta.yml").write_text(
        "site_name: Fixture Guide\ntagline: A guide made for a test.\nreviewed_on: 2026-11-25\n"
        "match_year: 2027\ncheck_rules_after: 2027-03-01\nsource_note: A note.\n",
        "utf-8",
    )
    content, errors = read_content(data, data.parent)
    assert not errors
    return guide_for(content)


# Each: template code in a page, and what it writes into the page unchecked.
TEMPLATE_CODE = {
    "raw HTML with |safe": (
        '{{ "\\x3cimg src=x onerror=alert(1)\\x3e"|safe }}',
        "<img src=x onerror=alert(1)>",
    ),
    "an attribute list written by Jinja": (
        '# Parking {{ "{ onclick=alert(1) }" }}',
        "{ onclick=alert(1) }",
    ),
    "Python's objects": ("{{ ''.__class__.__mro__[1].__subclasses__()|length > 0 }}", "True"),
    "the guide's data": ("{{ data.meta.match_year }}", "2027"),
    "a statement hiding text from the check": (
        "{% raw %}{{ onclick=alert(1) }}{% endraw %}",
        "{{ onclick=alert(1) }}",
    ),
    "a macro given text with spaces": ('{{ soap_schedule(level="3 onclick=x") }}', None),
    "a global that is not a macro": ("{{ item_href('x') }}", "#x"),
}


@pytest.mark.parametrize("code, written", TEMPLATE_CODE.values(), ids=TEMPLATE_CODE)
def test_template_code_in_an_office_page_may_only_call_a_macro_with_plain_values(
    guide, code: str, written: str | None
):
    if written is not None:  # the template engine is not sandboxed: the check is the guard
        assert written in guide.renderer.render_page(code, PAGE)
    text = f"---\ntitle: Parking\n---\n\nWe are here.\n\n{code}\n"
    errors = template_errors(PAGE, text, guide.renderer.macros)
    assert errors, code
    assert errors[0].line == 7 and errors[0].column == code.index("{") + 1
    assert "your pages may only call the guide's macros" in errors[0].message
    assert errors[0].hint


def test_macro_calls_with_plain_values_are_fine_and_a_misspelt_one_is_named(guide):
    fine = "{{ office_resources() }}\n\n{{ soap_schedule(level=3) }} {{ rule_first(full=false) }}"
    assert template_errors(PAGE, fine, guide.renderer.macros) == []
    [error] = template_errors(PAGE, "Text {{ ofice_resources() }}", guide.renderer.macros)
    assert error.column == 6 and "did you mean 'office_resources'" in error.message


FRONT_MATTER = {
    "a colon in a text": (
        "---\ntitle: Talk to us\ndescription: Hours: 9 to 5, Room 3.\n---\n",
        3,
        "description",
        "put the whole text in quotes",
    ),
    "a colon in a title": (
        "---\ntitle: Where: to find us\n---\n",
        2,
        "title",
        "put the whole text in quotes",
    ),
    "a misspelt key": ("---\ntitle: Parking\ntitel: Parking\n---\n", 3, "titel", "'title'"),
    "no closing line": ("---\ntitle: Parking\n\n# Parking\n", 1, "", "add a line with only '---'"),
    "not key: value lines": ("---\nTitle Parking\n---\n", 2, "", "'key: value'"),
    "an unknown tag": ("---\ntitle: !Parking\n---\n", 2, "title", "in quotes"),
}


@pytest.mark.parametrize("head, line, where, fix", FRONT_MATTER.values(), ids=FRONT_MATTER)
@pytest.mark.parametrize("page", [PAGE, "docs/faq.md"])
def test_front_matter_mkdocs_would_show_as_text_is_an_error(
    page: str, head: str, line: int, where: str, fix: str
):
    text = f"{head}\n# Parking\n\nWe are here.\n"
    [error] = front_matter_errors(page, text)
    assert (error.file, error.line, error.where) == (page, line, where), error
    assert fix in error.hint, error


def test_front_matter_the_pages_use_is_fine():
    assert front_matter_errors(PAGE, "# No front matter\n\n---\n\nA rule above.\n") == []
    text = (
        '---\ntitle: "Where: to find us"\ndescription: >-\n  Hours: 9 to 5.\n'
        "hide: [toc]\nassets: [flow]\n---\n\n# Parking\n"
    )
    assert front_matter_errors(PAGE, text) == []


def test_every_page_of_the_guide_passes():
    for path in sorted((REPO / "docs").rglob("*.md")):
        assert front_matter_errors(path.name, path.read_text("utf-8-sig")) == [], path


def test_the_check_reports_a_guide_page_whose_front_matter_mkdocs_would_show(tmp_path: Path):
    """docs/ is upstream's, but a fork may edit it too: `make check` (and so the build, which
    runs the same site checks) reads every page's front matter."""
    project = checked_project(tmp_path / "project", office=None)
    page = project / "docs" / "faq.md"
    text = page.read_text("utf-8")
    head = next(line for line in text.split("\n") if line.startswith("description: "))
    page.write_text(text.replace(head, "description: Answers: the short ones.", 1), "utf-8")
    passed, report = check_report(project)
    assert not passed
    [problem] = problems_in(report)
    assert (problem.file, problem.line) == ("docs/faq.md", line_of(page, "description: "))
    assert "not valid YAML" in problem.message and "put the whole text in quotes" in problem.message
