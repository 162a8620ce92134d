"""Our stylesheets and scripts ship minified: docs/assets/ keeps them readable, with the
comments that explain each rule, and a reader downloads them without (issue 11, page weight).
Minifying removes comments and spaces, nothing a browser reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from soapguide.render.assets import COMBINED, combined_parts, combined_stylesheet
from soapguide.render.minify import minifiable, minify
from test_page_assets import DOCS, our_files, top_level_blocks

OURS = sorted(p for p in our_files(".css") | our_files(".js") if minifiable(p))


def squeezed(css: str) -> list[tuple[str, str]]:
    """A stylesheet's top-level rules with every space and every block's optional last
    semicolon removed: what a browser reads the same."""

    def plain(text: str) -> str:
        return re.sub(r"\s+", "", text).replace(";}", "}").rstrip(";")

    return [(plain(prelude), plain(body)) for prelude, body in top_level_blocks(css)]


@pytest.mark.parametrize("name", OURS)
def test_the_site_ships_our_file_smaller_and_without_comments(built_site: Path, name: str):
    source = (DOCS / name).read_text(encoding="utf-8")
    shipped = (built_site / name).read_text(encoding="utf-8")
    assert len(shipped) < len(source)
    assert not re.search(r"/\*(?!!)", shipped), f"{name} ships with a comment"


@pytest.mark.parametrize("name", sorted(p for p in OURS if p.endswith(".css")))
def test_a_shipped_stylesheet_has_every_rule_of_its_source(built_site: Path, name: str):
    source = (DOCS / name).read_text(encoding="utf-8")
    shipped = (built_site / name).read_text(encoding="utf-8")
    assert squeezed(shipped) == squeezed(source)


def test_a_page_with_several_stylesheets_links_them_as_one_file_of_the_shipped_parts(
    built_site: Path,
):
    """One request, compressed together; the file is the parts as shipped, in order."""
    builder = (built_site / "make-your-script" / "index.html").read_text(encoding="utf-8")
    combined = f"{COMBINED}builder+paper-card.css"
    assert f'href="../{combined}"' in builder
    assert 'href="../assets/stylesheets/builder.css"' not in builder
    files = sorted((built_site / COMBINED).glob("*.css"))
    assert files, "no page's stylesheets were combined"
    for file in files:
        parts = combined_parts(f"{COMBINED}{file.name}")
        assert len(parts) > 1
        shipped = "".join((built_site / part).read_text(encoding="utf-8") for part in parts)
        assert file.read_text(encoding="utf-8") == shipped, file.name


def test_a_combined_stylesheet_is_named_by_its_parts_and_only_for_ours():
    css = ("assets/stylesheets/builder.css", "assets/stylesheets/paper-card.css")
    path = combined_stylesheet(css)
    assert path == f"{COMBINED}builder+paper-card.css" and combined_parts(path) == css
    assert combined_stylesheet(css[:1]) is None
    assert combined_stylesheet((*css, "office/extra.css")) is None


def test_strings_urls_and_keep_comments_survive_in_a_stylesheet():
    css = '/*! licence */\n/* a note */\na::before { content: "/* not a comment */"; }\n'
    css += 'b { background: url("x/*y*/.png") }\n'
    out = minify("assets/stylesheets/x.css", css)
    assert "/*! licence */" in out and "a note" not in out
    assert '"/* not a comment */"' in out and 'url("x/*y*/.png")' in out


def test_strings_and_regular_expressions_survive_in_a_script():
    js = '// a note\nconst re = /\\/\\*/g; /* gone */\nconst s = "/* kept */ // kept";\n'
    out = minify("assets/javascripts/x.js", js)
    assert "a note" not in out and "gone" not in out
    assert "/\\/\\*/g" in out and '"/* kept */ // kept"' in out


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("assets/stylesheets/guide.css", True),
        ("assets/javascripts/flow.js", True),
        ("assets/javascripts/bundle.min.js", False),  # already minified
        ("assets/images/logo.svg", False),
    ],
)
def test_only_unminified_stylesheets_and_scripts_are_minified(path: str, expected: bool):
    assert minifiable(path) is expected
