"""A mistake in a page template stops the build with the page and line named, and no site.

The messages are checked in-process, on the engine's renderer (what the build's ``on_pre_build``
runs over every page before MkDocs writes anything); one real ``mkdocs build`` proves that such
a mistake stops the build and leaves the previous site as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from soapguide.guide import load_content
from soapguide.render.templating import PageError

from tests.content_errors.cases import data_copy
from tests.guide_content import docs_pages, site_content, site_guide
from tests.scenario import REPO, build, copy_project


def render_error(**pages: str) -> str:
    """The error the build's first pass reports for ``pages`` (name -> Markdown) in docs/.
    (It renders every page the same way: the guide's own pages need not be rendered again.)"""
    with pytest.raises(PageError) as raised:
        site_guide().render_pages({f"docs/{name}": text for name, text in pages.items()})
    message = str(raised.value)
    assert "Traceback" not in message
    return message


def test_undefined_macro_fails_naming_page_line_and_a_suggestion():
    message = render_error(**{"broken.md": "# Broken\n\nSome text.\n\n{{ myths_tabel() }}\n"})
    assert "docs/broken.md:5: 'myths_tabel' is undefined" in message
    assert "did you mean 'myths_table'" in message


def test_undefined_variable_fails_naming_the_page():
    message = render_error(**{"broken.md": "# Broken\n\n{{ data.faq.questionz }}\n"})
    assert "docs/broken.md:3:" in message
    assert "questionz" in message


def test_unknown_item_id_fails_with_a_suggestion():
    script_id = site_content()["scripts"]["scripts"][-1]["id"]  # any script card
    typo = script_id + "x"
    message = render_error(**{"broken.md": f"# Broken\n\n{{{{ script_card('{typo}') }}}}\n"})
    assert f"docs/broken.md:3: no item with id '{typo}' in data/scripts.yml" in message
    assert f"did you mean '{script_id}'" in message


def test_template_syntax_error_names_page_and_line():
    message = render_error(**{"broken.md": "# Broken\n\ntext\n{{ faq( }}\n"})
    assert "docs/broken.md:4:" in message


def test_unknown_name_with_no_close_match_lists_the_macros():
    message = render_error(**{"broken.md": "# Broken\n\n{{ zzzz() }}\n"})
    assert "the macros are:" in message and "faq," in message


def test_every_broken_page_is_reported_in_one_run():
    message = render_error(
        **{"one.md": "# One\n\n{{ nope_one }}\n", "two.md": "# Two\n\n{{ nope_two }}\n"}
    )
    assert message.startswith("2 pages could not be rendered; nothing was built.")
    assert "docs/one.md:3:" in message and "docs/two.md:3:" in message


def test_content_is_escaped_not_executed_by_jinja(tmp_path):
    data = data_copy(tmp_path)  # the fixture content
    faq = yaml.safe_load((data / "faq.yml").read_text("utf-8"))
    faq["questions"][0]["question"] = "Should I call {{ 7*7 }} programs?"
    (data / "faq.yml").write_text(yaml.safe_dump(faq, sort_keys=False), "utf-8")
    pages = site_guide(load_content(data, tmp_path, REPO / "schemas")).render_pages(docs_pages())
    shown = [name for name, html in pages.items() if "Should I call {{ 7*7 }} programs?" in html]
    assert shown, "the question is on no page"
    assert not [name for name, html in pages.items() if "Should I call 49 programs?" in html]


# A real build


def snapshot(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path, built_site):
    site = Path(shutil.copytree(built_site, tmp_path / "site"))  # the last good site
    before = snapshot(site)
    project = copy_project(tmp_path / "project")
    (project / "docs" / "broken.md").write_text("# Broken\n\n{{ nope }}\n", "utf-8")
    result = build(project, site)
    assert result.returncode != 0
    assert "docs/broken.md:3:" in result.stderr and "nope" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(site) == before


def test_a_quote_in_a_page_description_cannot_break_out_of_its_meta_tag(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "quoted.md").write_text(
        '---\ndescription: The "Should I call?" page"><script>alert(1)</script>\n---\n\n# Quoted\n',
        "utf-8",
    )
    assert build(project).returncode == 0
    html = (project / "site" / "quoted" / "index.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert 'content="The &#34;Should I call?&#34; page&#34;&gt;&lt;script&gt;' in html
