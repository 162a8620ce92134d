"""The overlay stage on fixture content: changes by id land where office.yml says and are located
there, hidden pages and sections leave the pages and the menu, notes go under their heading,
links to hidden things go, and the brand colour passes WCAG AA in both palettes."""

from __future__ import annotations

import itertools
import re
import struct
import textwrap
from pathlib import Path

import markdown
import pytest
from soapguide.overlay.changes import apply_changes
from soapguide.overlay.colour import (
    AA_TEXT,
    DARK_SURFACES,
    LIGHT_SURFACES,
    WHITE,
    brand_css,
    check_brand,
    contrast,
    dark_palette_header,
    dark_palette_link,
    mix,
    passes,
)
from soapguide.overlay.logo import logo_css, logo_ratio
from soapguide.overlay.office import Office
from soapguide.overlay.page_text import page_headings
from soapguide.overlay.pages import PageChanges
from soapguide.read.content import Content
from soapguide.read.yaml_source import load_yaml

FAQ = """\
questions:
  - id: first
    question: First?
    answer: One.
  - id: second
    question: Second?
    answer: Two.
  - id: third
    question: Third?
    answer: Three.
"""
FLOW = """\
outcomes:
  - id: o-call
    verdict: call
    next_steps:
      - Keep it short.
  - id: o-email
    verdict: email
    next_steps:
      - Send one email.
"""
OFFICE = """\
office:
  name: Fixture Office of Student Affairs
  short_name: Fixture OSA
site_name: Fixture Guide
replace:
  - id: second
    answer: Two, the office's way.
add:
  - after: first
    id: added-a
    question: Added A?
    answer: A.
  - after: first
    id: added-b
    question: Added B?
    answer: B.
  - before: first
    id: added-top
    question: Top?
    answer: Top.
remove:
  - third
flow_steps:
  - text: Email your advisor first.
    to: [call]
  - text: Tell us how it went.
    to: [o-email, o-call]
    position: last
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), "utf-8")
    return path


def loaded(path: Path, name: str):
    document, problems = load_yaml(path, name)
    assert document is not None and not problems, problems
    return document


@pytest.fixture
def overlaid(tmp_path):
    faq = loaded(write(tmp_path, "faq.yml", FAQ), "data/faq.yml")
    flow = loaded(write(tmp_path, "flow.yml", FLOW), "data/flow.yml")
    office_doc = loaded(write(tmp_path, "office.yml", OFFICE), "office/office.yml")
    office = Office(office_doc, tmp_path, "office")
    content, changes, errors = apply_changes(Content({"faq": faq, "flow": flow}), office, {})
    assert not errors, errors
    return content, changes, office_doc


def line_in(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_items_are_replaced_added_and_removed_in_place(overlaid):
    content, changes, _ = overlaid
    questions = content["faq"]["questions"]
    assert [q["id"] for q in questions] == ["added-top", "first", "added-a", "added-b", "second"]
    assert questions[-1]["answer"] == "Two, the office's way."
    assert questions[-1]["question"] == "Second?"  # fields not replaced are kept
    assert set(changes.removed) == {"third"} and set(changes.replaced) == {"second"}
    assert set(changes.added) == {"added-a", "added-b", "added-top"}


def test_what_the_office_wrote_is_located_in_office_yml(overlaid):
    content, _, _ = overlaid
    faq = content.documents["faq"]
    assert faq.locate(("questions", 2, "question")).line == line_in(OFFICE, "question: Added A?")
    assert faq.locate(("questions", 4, "answer")).line == line_in(OFFICE, "answer: Two, the")
    assert faq.office_path(("questions", 4, "answer")) == ("replace", 0, "answer")
    # and what it did not write stays located in the data file
    assert faq.locate(("questions", 1, "answer")).line == line_in(FAQ, "answer: One.")
    assert faq.office_path(("questions", 1, "answer")) is None


def test_flow_steps_go_first_or_last_by_verdict_or_id(overlaid):
    content, changes, _ = overlaid
    call, email = content["flow"]["outcomes"]
    assert call["next_steps"] == [
        "Email your advisor first.",
        "Keep it short.",
        "Tell us how it went.",
    ]
    assert email["next_steps"] == ["Send one email.", "Tell us how it went."]
    flow = content.documents["flow"]
    assert flow.locate(("outcomes", 0, "next_steps", 0)).line == line_in(OFFICE, "Email your")
    assert flow.locate(("outcomes", 0, "next_steps", 1)).line == line_in(FLOW, "Keep it short")
    assert changes.flow_steps["o-call"] == ("Email your advisor first.", "Tell us how it went.")


def test_the_original_content_is_left_untouched(overlaid, tmp_path):
    content, _, _ = overlaid
    original = loaded(tmp_path / "faq.yml", "data/faq.yml")
    assert [q["id"] for q in original.data["questions"]] == ["first", "second", "third"]
    assert content["faq"] is not original.data


RENAMED_FAQ = """\
questions:
  - id: how-long-should-it-be
    question: How long should it be?
    answer: Short.
"""


@pytest.mark.parametrize("key", ["replace", "remove", "add-after"])
def test_an_id_renamed_upstream_gets_its_new_name_suggested(tmp_path, key):
    """Upstream renamed 'how-long' to 'how-long-should-it-be': the office's old id is too far
    from the new one for a spelling match, yet it is the id the office meant."""
    entry = {
        "replace": "replace:\n  - id: how-long\n    answer: Ours.\n",
        "remove": "remove:\n  - how-long\n",
        "add-after": "add:\n  - after: how-long\n    id: ours\n    question: Q?\n    answer: A.\n",
    }[key]
    office_text = "office:\n  name: Fixture OSA\n  short_name: Fixture\nsite_name: Guide\n"
    faq = loaded(write(tmp_path, "faq.yml", RENAMED_FAQ), "data/faq.yml")
    document = loaded(write(tmp_path, "office.yml", office_text + entry), "office/office.yml")
    office = Office(document, tmp_path, "office")
    _, _, errors = apply_changes(Content({"faq": faq}), office, {})
    assert [(e.line, e.message, e.hint) for e in errors] == [
        (
            line_in(office_text + entry, "how-long"),
            "unknown id 'how-long': no item in data/ has it",
            "did you mean 'how-long-should-it-be'?",
        )
    ]


# --- pages ------------------------------------------------------------------------------------

PAGE = """\
---
title: A page
---

# A page

Intro with [a link to the hidden page](hidden.md) and [a shown one](shown.md).

## Keep this

Kept text.

## Hide this

<div id="item-in-hidden-section">An item.</div>

### Still hidden

More.

## After

- [Hidden page](hidden.md)
- [Shown page](shown.md)
- Both: [hidden](hidden.md#part) and [shown](shown.md)

[A button to the hidden page](hidden.md){ .md-button }

```
[code is left alone](hidden.md)
```
"""


def page_changes(tmp_path, office_yaml: str) -> PageChanges:
    document = loaded(write(tmp_path, "office.yml", office_yaml), "office/office.yml")
    office = Office(document, tmp_path, "office")
    return PageChanges.from_office(office, lambda text: f"<p>{text}</p>", tmp_path)


OFFICE_PAGES = """\
office: {name: Fixture Office, short_name: Fixture OSA}
site_name: Fixture Guide
hide: [hidden.md, page.md#hide-this]
notes:
  - at: page.md
    text: Under the title.
  - at: page.md#keep-this
    text: Under the heading.
"""


def test_a_hidden_section_goes_up_to_the_next_heading_of_its_level(tmp_path):
    changes = page_changes(tmp_path, OFFICE_PAGES)
    text, hidden_ids = changes.apply(PAGE, "page.md")
    assert "## Hide this" not in text and "### Still hidden" not in text and "More." not in text
    assert "## Keep this" in text and "## After" in text
    assert hidden_ids == {"item-in-hidden-section"}


def test_notes_go_under_the_title_or_their_heading(tmp_path):
    text, _ = page_changes(tmp_path, OFFICE_PAGES).apply(PAGE, "page.md")
    lines = text.split("\n")
    title = lines.index("# A page")
    assert "A note from Fixture OSA" in "\n".join(lines[title : title + 6])
    assert "Under the title." in "\n".join(lines[title : title + 6])
    keep = lines.index("## Keep this")
    assert "Under the heading." in "\n".join(lines[keep : keep + 6])
    # each note is one raw HTML block: no blank line inside it
    block = next(line for line in lines if "office-note" in line)
    assert block.startswith("<div") and "\n\n" not in text[text.index(block) : text.index("</div>")]


def test_links_to_hidden_pages_and_sections_go(tmp_path):
    text, _ = page_changes(tmp_path, OFFICE_PAGES).apply(PAGE, "page.md")
    assert "Intro with a link to the hidden page and [a shown one](shown.md)." in text
    assert "- [Hidden page](hidden.md)" not in text
    assert "- [Shown page](shown.md)" in text
    assert "- Both: hidden and [shown](shown.md)" in text
    assert "A button to the hidden page" not in text
    assert "[code is left alone](hidden.md)" in text


def test_an_office_page_keeps_its_links_for_the_check_to_report(tmp_path):
    text, _ = page_changes(tmp_path, OFFICE_PAGES).apply(PAGE, "mine.md", strip=False)
    assert "[a link to the hidden page](hidden.md)" in text


def test_without_an_office_pages_are_unchanged(tmp_path):
    changes = PageChanges.from_office(None, str, tmp_path)
    assert changes.apply(PAGE, "page.md") == (PAGE, set())
    assert changes.nav(["a.md"]) == ["a.md"]


def test_heading_anchors_are_the_ones_mkdocs_gives(tmp_path):
    page = textwrap.dedent(
        """\
        # Title

        ## Call, email, or nothing

        ## "Should I call?" – *quickly*

        ## Same

        ## Same

        ## Explicit { #my-id }

        ## With `code` and [a link](x.md)
        """
    )
    html = markdown.markdown(page, extensions=["toc", "attr_list"])
    expected = re.findall(r'<h\d id="([^"]+)"', html)
    assert [h.anchor for h in page_headings(page)] == expected


def test_the_menu_loses_hidden_pages_and_gains_local_ones(tmp_path):
    (tmp_path / "pages").mkdir()
    changes = page_changes(
        tmp_path,
        OFFICE_PAGES + "pages:\n"
        "  - {file: mine.md, title: Mine, after: a.md}\n"
        "  - {file: top.md, before: a.md}\n"
        "  - {file: last.md}\n",
    )
    nav = [
        {"Home": "index.md"},
        {"A": "a.md"},
        {"Hidden": "hidden.md"},
        {"Print": [{"Only hidden": "hidden.md"}]},
        {"Print two": ["b.md", "hidden.md"]},
    ]
    assert changes.nav(nav) == [
        {"Home": "index.md"},
        "top.md",
        {"A": "a.md"},
        {"Mine": "mine.md"},
        {"Print two": ["b.md"]},
        "last.md",
    ]
    assert nav[2] == {"Hidden": "hidden.md"}  # the configured menu is left as it was


# --- the brand colour ---------------------------------------------------------------------------

HUES = ["#7a1f2b", "#003366", "#1b5e20", "#4a148c", "#b71c1c", "#000000", "#5d4037"]
TOO_LIGHT = ["#f5c400", "#ffcc00", "#66bb6a", "#90caf9", "#ff8a80", "#ffffff", "#9e9e9e"]


def test_contrast_is_the_wcag_ratio():
    assert contrast("#000000", WHITE) == pytest.approx(21)
    assert contrast("#777777", WHITE) == pytest.approx(4.48, abs=0.01)
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast("#abc", "#aabbcc") == pytest.approx(1)


def test_mix_is_css_color_mix_in_srgb():
    assert mix("#ff0000", "#ffffff", 0.35) == "#ffa6a6"
    assert mix("#7a1f2b", "#000000", 0.45) == "#370e13"


@pytest.mark.parametrize("colour", HUES)
def test_a_dark_enough_colour_passes_in_both_palettes(colour):
    result = check_brand(colour)
    assert result.ok and result.suggestion is None
    assert contrast(colour, WHITE) >= AA_TEXT
    for surface in LIGHT_SURFACES:
        assert contrast(colour, surface) >= AA_TEXT
    for surface in DARK_SURFACES:
        assert contrast(dark_palette_link(colour), surface) >= AA_TEXT
    assert contrast(dark_palette_header(colour), WHITE) >= AA_TEXT


@pytest.mark.parametrize("colour", TOO_LIGHT)
def test_a_failing_colour_gets_the_nearest_darker_colour_that_passes(colour):
    result = check_brand(colour)
    assert not result.ok and result.suggestion
    assert passes(result.suggestion)
    # nearest: a shade a little lighter than the suggestion fails again
    r, g, b = (int(result.suggestion[i : i + 2], 16) for i in (1, 3, 5))
    lighter = "#" + "".join(f"{min(255, c + 3):02x}" for c in (r, g, b))
    assert not passes(lighter) or lighter == result.suggestion


def test_the_stylesheet_sets_only_the_design_token():
    css = brand_css("#7A1F2B")
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL).strip()
    assert rules == ":root { --sg-brand: #7a1f2b; }"


def test_the_design_token_is_what_the_site_s_colours_derive_from():
    """guide.css sets --sg-brand once and derives the palette from it, as the check assumes."""
    guide_css = (
        Path(__file__).resolve().parents[2] / "docs/assets/stylesheets/guide.css"
    ).read_text()
    assert ":root { --sg-brand:" in guide_css
    assert "color-mix(in srgb, var(--sg-brand) 35%, #fff)" in guide_css
    assert "color-mix(in srgb, var(--sg-brand) 45%, #000)" in guide_css


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(HUES[:3], 2)))
def test_contrast_is_symmetric(first, second):
    assert contrast(first, second) == pytest.approx(contrast(second, first))


# --- the logo's room in the header ------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + struct.pack(">II", width, height)


def _jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + b"\x00" * 9
    sof0 = b"\xff\xc0" + struct.pack(">HBHH", 17, 8, height, width) + b"\x00" * 10
    return b"\xff\xd8" + app0 + sof0


def _webp(width: int, height: int) -> bytes:
    canvas = (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return b"RIFF\x00\x00\x00\x00WEBPVP8X" + b"\x0a\x00\x00\x00" + b"\x00" * 4 + canvas


@pytest.mark.parametrize(
    ("name", "raw", "ratio"),
    [
        ("wide.svg", b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 60"/>', 4.0),
        ("sized.svg", b'<svg width="120" height="40"><path d="M0 0"/></svg>', 3.0),
        ("wide.png", _png(300, 100), 3.0),
        ("tall.jpg", _jpeg(50, 100), 0.5),
        ("square.webp", _webp(64, 64), 1.0),
        ("no-size.svg", b"<svg><path d='M0 0'/></svg>", None),
    ],
)
def test_the_logo_s_shape_is_read_from_its_file(tmp_path, name, raw, ratio):
    (tmp_path / name).write_bytes(raw)
    assert logo_ratio(tmp_path / name) == ratio


def test_the_header_keeps_the_logo_s_room_before_it_loads():
    assert logo_css(4.0) == ".md-header__button.md-logo img { aspect-ratio: 4.0000; }\n"
