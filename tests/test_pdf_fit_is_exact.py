"""The PDF step's fit check is exact: content that runs past a card or pocket page by any amount
(0.19 px included) stops the build, and so does a PDF with more or fewer pages than expected.
The error names the cause: the name, where a shorter name would fit, else the longest texts
of the part that runs over, each with its file and line.

Tiny print pages in a temporary folder, printed by the same Chromium step as the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from soapguide.printing.pdf import PdfError, PdfJob, render_pdf

from tests.print_support import read_pdf

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><style>
@page {{ size: 4in 3in; margin: 0; }}
body {{ margin: 0; font: 12px/16px sans-serif; }}
.pocket {{ box-sizing: border-box; width: 4in; height: 3in; overflow: visible; }}
{style}
</style></head><body>{body}</body></html>"""


@pytest.fixture(scope="module")
def tab(browser):
    """A tab of the tests' Chromium (the build's settings, conftest.py)."""
    page = browser.new_page()
    yield page
    page.close()


def print_page(tab, tmp_path: Path, body: str, style: str = "", page_per: str = ".pocket"):
    (tmp_path / "page.html").write_text(PAGE.format(style=style, body=body), "utf-8")
    job = PdfJob("test.pdf", "page.html", None, "Test", page_per)
    tab.goto("about:blank")  # a fresh load for every case
    return render_pdf(tab, tmp_path, job, "Site", tmp_path / "test.pdf")


def test_content_that_exactly_fits_prints_one_page(tab, tmp_path):
    result = print_page(
        tab, tmp_path, '<div class="pocket"><div style="height: 288px">x</div></div>'
    )
    assert len(read_pdf(result.path).pages) == 1


@pytest.mark.parametrize(
    ("over", "shown"), [(0.1875, "0.19"), (0.015625, "0.02"), (1.0, "1.00"), (25.0, "25.00")]
)
def test_any_overflow_at_all_stops_the_pdf(tab, tmp_path, over, shown):
    body = f'<div class="pocket"><div style="height: {288 + over}px">x</div></div>'
    with pytest.raises(PdfError) as raised:
        print_page(tab, tmp_path, body)
    message = str(raised.value)
    assert "test.pdf: content does not fit its paper" in message
    assert f"runs {shown} px past its edge" in message
    assert not (tmp_path / "test.pdf").exists()


def test_a_word_too_wide_for_the_page_is_an_overflow(tab, tmp_path):
    body = '<div class="pocket"><p>' + "W" * 60 + "</p></div>"
    with pytest.raises(PdfError, match="runs [0-9.]+ px past its edge"):
        print_page(tab, tmp_path, body)


def test_a_pdf_with_a_page_too_many_stops_the_build_and_is_not_kept(tab, tmp_path):
    # The box grows with its content (no overflow), so only the page count can catch it.
    style = ".pocket { height: auto; }"
    body = '<div class="pocket"><div style="height: 400px">a long page</div></div>'
    with pytest.raises(PdfError) as raised:
        print_page(tab, tmp_path, body, style)
    message = str(raised.value)
    assert "test.pdf: the PDF has 2 pages where 1 were expected" in message
    assert "'.pocket'" in message
    assert not (tmp_path / "test.pdf").exists()


def test_a_pdf_with_a_page_too_few_stops_the_build(tab, tmp_path):
    # Two boxes, each meant to be a page, that the layout puts on one page.
    style = ".pocket { height: 1in; }"
    body = '<div class="pocket">one</div><div class="pocket">two</div>'
    with pytest.raises(PdfError, match="1 pages where 2 were expected"):
        print_page(tab, tmp_path, body, style)


NAMED = """<div class="pocket" id="pocket">
<p><span data-name="site_name" data-src="office/office.yml:4">{name}</span></p>
<p data-src="data/checklist.yml:5" style="height: {first}px">first text</p>
<p data-src="data/checklist.yml:9" style="height: {second}px">second text</p>
</div>"""


def test_a_card_made_too_long_by_its_name_names_the_name_and_its_line(tab, tmp_path):
    style = "p { margin: 0; width: 100px; }"
    body = NAMED.format(name="A very long office name " * 3, first=230, second=20)
    with pytest.raises(PdfError) as raised:
        print_page(tab, tmp_path, body, style)
    message = str(raised.value)
    assert "because of a name on it" in message
    assert "written at office/office.yml:4" in message
    assert "With a shorter name it fits" in message
    assert "data/checklist.yml" not in message


def test_a_card_made_too_long_by_its_text_names_the_texts_and_their_lines(tab, tmp_path):
    style = "p { margin: 0; }"
    body = NAMED.format(name="A short name", first=300, second=20)
    with pytest.raises(PdfError) as raised:
        print_page(tab, tmp_path, body, style)
    message = str(raised.value)
    assert "its text is too long for it" in message
    first, second = message.index("data/checklist.yml:5"), message.index("data/checklist.yml:9")
    assert first < second  # the tallest text first
    assert "shorten one of these texts" in message
    assert "office/office.yml" not in message


def test_a_long_name_is_not_blamed_when_the_text_alone_overflows(tab, tmp_path):
    style = "p { margin: 0; width: 100px; }"
    body = NAMED.format(name="A very long office name " * 3, first=400, second=20)
    with pytest.raises(PdfError) as raised:
        print_page(tab, tmp_path, body, style)
    assert "its text is too long for it" in str(raised.value)
    assert "data/checklist.yml:5" in str(raised.value)
