"""A mistake in a page template stops the build with the page and line named, and no site."""

from __future__ import annotations

from tests.scenario import build, copy_project


def add_page(project, name, text):
    (project / "docs" / name).write_text(text, encoding="utf-8")


def test_undefined_macro_fails_the_build_naming_page_line_and_a_suggestion(tmp_path):
    project = copy_project(tmp_path / "project")
    add_page(project, "broken.md", "# Broken\n\nSome text.\n\n{{ myths_tabel() }}\n")
    result = build(project)
    assert result.returncode != 0
    assert "docs/broken.md:5: 'myths_tabel' is undefined" in result.stderr
    assert "did you mean 'myths_table'" in result.stderr
    assert "Traceback" not in result.stderr


def test_undefined_variable_fails_the_build_naming_the_page(tmp_path):
    project = copy_project(tmp_path / "project")
    add_page(project, "broken.md", "# Broken\n\n{{ data.faq.questionz }}\n")
    result = build(project)
    assert result.returncode != 0
    assert "docs/broken.md:3:" in result.stderr
    assert "questionz" in result.stderr


def test_unknown_item_id_fails_the_build_with_a_suggestion(tmp_path):
    project = copy_project(tmp_path / "project")
    add_page(project, "broken.md", "# Broken\n\n{{ script_card('voicemial') }}\n")
    result = build(project)
    assert result.returncode != 0
    assert "docs/broken.md:3: no item with id 'voicemial' in data/scripts.yml" in result.stderr
    assert "did you mean 'voicemail'" in result.stderr


def test_template_syntax_error_names_page_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    add_page(project, "broken.md", "# Broken\n\ntext\n{{ faq( }}\n")
    result = build(project)
    assert result.returncode != 0
    assert "docs/broken.md:4:" in result.stderr


def test_unknown_name_with_no_close_match_lists_the_macros(tmp_path):
    project = copy_project(tmp_path / "project")
    add_page(project, "broken.md", "# Broken\n\n{{ zzzz() }}\n")
    result = build(project)
    assert "the macros are:" in result.stderr and "faq," in result.stderr


def test_every_broken_page_is_reported_in_one_run(tmp_path):
    project = copy_project(tmp_path / "project")
    add_page(project, "one.md", "# One\n\n{{ nope_one }}\n")
    add_page(project, "two.md", "# Two\n\n{{ nope_two }}\n")
    result = build(project)
    assert "docs/one.md:3:" in result.stderr and "docs/two.md:3:" in result.stderr


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    add_page(project, "broken.md", "# Broken\n\n{{ nope }}\n")
    assert build(project, site).returncode != 0
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_content_is_escaped_not_executed_by_jinja(tmp_path):
    project = copy_project(tmp_path / "project")
    faq = project / "data" / "faq.yml"
    faq.write_text(
        faq.read_text("utf-8").replace(
            "question: After SOAP, should I call every program that interviewed me?",
            'question: "Should I call {{ 7*7 }} programs?"',
        ),
        encoding="utf-8",
    )
    assert build(project).returncode == 0
    html = (project / "site" / "faq" / "index.html").read_text("utf-8")
    assert "Should I call {{ 7*7 }} programs?" in html
    assert "Should I call 49 programs?" not in html


def test_a_quote_in_a_page_description_cannot_break_out_of_its_meta_tag(tmp_path):
    project = copy_project(tmp_path / "project")
    add_page(
        project,
        "quoted.md",
        '---\ndescription: The "Should I call?" page"><script>alert(1)</script>\n---\n\n# Quoted\n',
    )
    assert build(project).returncode == 0
    html = (project / "site" / "quoted" / "index.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert 'content="The &#34;Should I call?&#34; page&#34;&gt;&lt;script&gt;' in html
