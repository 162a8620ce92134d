"""The PDF downloads: made by every `mkdocs build` from the built print pages, linked from
them, with the current content and the site's name from data/meta.yml (a fork's own name).
Without a browser the build says how to get one, or builds without PDFs when told to.

Tests that read the PDFs use ``pdf_site`` (the shared build with the PDF step on), and tests that
build with ``pdfs=True`` are marked ``browser``: both need Chromium."""

from __future__ import annotations

import re

import pytest
from soapguide.printing.pdf import JOBS, PdfError, pdfs_wanted

from tests import fork_support
from tests.print_support import (
    A4_PT,
    CARD_SIZE_IN,
    LETTER_PT,
    POCKET_CHECKLIST,
    POCKET_SIZE_IN,
    SCRIPT_CARDS,
    cards,
    data,
    inches_to_points,
    office_cards,
    pocket_texts,
    read_pdf,
    same_size,
    shown,
    squash,
)
from tests.scenario import build, copy_project

PDFS = [
    "script-cards-letter.pdf",
    "script-cards-a4.pdf",
    "script-cards-4x6.pdf",
    "pocket-checklist.pdf",
    "pocket-checklists-letter.pdf",
    "pocket-checklists-a4.pdf",
]


def expected(name: str) -> tuple[int, tuple[float, float], list[str]]:
    """A download's page count, page size in points, and the texts it must carry."""
    card_texts = [text for card in cards() for text in card.texts]
    printed = len(cards()) + office_cards()
    sheets = (printed + 1) // 2
    return {
        "script-cards-letter.pdf": (sheets, LETTER_PT, card_texts),
        "script-cards-a4.pdf": (sheets, A4_PT, card_texts),
        "script-cards-4x6.pdf": (printed, inches_to_points(CARD_SIZE_IN), card_texts),
        "pocket-checklist.pdf": (1, inches_to_points(POCKET_SIZE_IN), pocket_texts()),
        "pocket-checklists-letter.pdf": (1, LETTER_PT, pocket_texts()),
        "pocket-checklists-a4.pdf": (1, A4_PT, pocket_texts()),
    }[name]


def test_every_download_is_a_job_of_the_pdf_step():
    assert {job.name for job in JOBS} == set(PDFS)


@pytest.mark.parametrize("name", PDFS)
def test_build_makes_each_pdf_with_its_pages_size_and_current_content(pdf_site, name):
    pages, size, texts = expected(name)
    pdf = read_pdf(pdf_site / "downloads" / name)
    assert len(pdf.pages) == pages, f"{name}: {len(pdf.pages)} pages"
    assert all(same_size(s, size) for s in pdf.sizes), f"{name}: {pdf.sizes}"
    text = squash(" ".join(pdf.pages)).casefold()  # the pocket page's name is in capitals
    missing = [t for t in texts if squash(t).casefold() not in text]
    assert not missing, f"{name}: missing {missing}"


@pytest.mark.parametrize("name", PDFS)
def test_each_pdf_carries_the_site_name(pdf_site, name):
    site_name = data("meta")["site_name"]
    pdf = read_pdf(pdf_site / "downloads" / name)
    assert (pdf.title or "").startswith(site_name), pdf.title
    name = squash(site_name).casefold()  # the pocket page sets it in capitals
    assert all(name in squash(page).casefold() for page in pdf.pages)


def test_print_pages_link_every_pdf_and_every_link_resolves(pdf_site):
    linked = set()
    for page in (SCRIPT_CARDS, POCKET_CHECKLIST, "print/pocket-checklist-sheets/"):
        html = (pdf_site / page / "index.html").read_text("utf-8")
        for href in re.findall(r'href="([^"]+\.pdf)"', html):
            target = (pdf_site / page / href).resolve()
            assert target.is_file(), f"/{page} links {href}, which was not built"
            linked.add(target.name)
    assert linked == set(PDFS), linked


def test_a_fork_gets_its_own_name_and_content_in_the_pdfs(renamed_fork):
    downloads = renamed_fork / "site" / "downloads"
    name = squash(fork_support.SITE_NAME_60)
    pdf = read_pdf(downloads / "pocket-checklist.pdf")
    text = squash(pdf.pages[0])
    assert name in text
    assert (pdf.title or "").startswith(fork_support.SITE_NAME_60)
    assert squash(fork_support.REWORDED) in text
    assert squash(shown(fork_support.reworded_item()["text"])) not in text
    cards_pdf = read_pdf(downloads / "script-cards-letter.pdf")
    assert all(name in squash(page) for page in cards_pdf.pages)


def test_a_script_too_long_for_its_card_stops_the_build_naming_the_card(too_long_fork):
    assert too_long_fork["returncode"] != 0
    assert "content does not fit its paper" in too_long_fork["stderr"]
    assert f"'{too_long_fork['card']}'" in too_long_fork["stderr"]


def test_without_chromium_the_build_fails_saying_how_to_get_one(tmp_path):
    project = copy_project(tmp_path / "no-browser")
    result = build(project, pdfs=True, CHROMIUM_PATH=str(tmp_path / "no-chromium-here"))
    assert result.returncode != 0
    assert "PDF downloads" in result.stderr and "need Chromium" in result.stderr
    assert "CHROMIUM_PATH" in result.stderr and "SOAPGUIDE_PDFS=off" in result.stderr
    assert "Traceback" not in result.stderr


def test_soapguide_pdfs_off_builds_the_site_without_them(built_site):
    """The shared site is built so: SOAPGUIDE_PDFS=off and no Chromium (tests/conftest.py)."""
    assert (built_site / SCRIPT_CARDS / "index.html").is_file()
    assert (built_site / POCKET_CHECKLIST / "index.html").is_file()
    assert not (built_site / "downloads").exists()


def test_without_the_pdfs_the_print_pages_link_none_and_say_why(built_site):
    """A preview without the PDF step (`make serve`, SOAPGUIDE_PDFS=off) links no missing
    file: where the downloads would be, one line says the published site has them."""
    for page in (SCRIPT_CARDS, POCKET_CHECKLIST, "print/pocket-checklist-sheets/"):
        html = (built_site / page / "index.html").read_text("utf-8")
        assert not re.findall(r'href="[^"]*downloads/', html), f"/{page} links a PDF"
        assert 'class="pdf-downloads pdf-downloads--none"' in html, f"/{page} says nothing"


@pytest.mark.parametrize(
    ("command", "setting", "wanted"),
    [
        ("build", None, True),
        ("gh-deploy", None, True),
        ("serve", None, False),
        ("serve", "on", True),
        ("build", "off", False),
        ("build", "OFF ", False),
    ],
)
def test_pdfs_are_made_by_build_and_skipped_by_serve_unless_asked(command, setting, wanted):
    assert pdfs_wanted(command, setting) is wanted


def test_an_unknown_soapguide_pdfs_value_is_an_error():
    with pytest.raises(PdfError, match="expected 'on' or 'off'"):
        pdfs_wanted("build", "sometimes")
