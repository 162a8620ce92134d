"""Long names never break paper: a site or office name of up to 60 characters fits every card and
the pocket page (the build's exact fit and page-count checks pass, and every name is printed
whole). A card that still does not fit names the real cause and the line to change: the name
(office/office.yml or data/meta.yml), the office's contacts (office/office.yml) or the text
(data/...yml)."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest
from soapguide.printing.office import LONGEST_NAME
from soapguide.render.scripts import card_versions

from tests import fork_support, office_fixture
from tests.print_support import data, read_pdf, squash
from tests.scenario import build, copy_project

REPO = Path(__file__).resolve().parents[1]
LONGEST = office_fixture.LONGEST
SITE_NAME_60 = "Riverside University School of Medicine SOAP Call Guide 2027"


def test_the_fixture_names_are_as_long_as_promised():
    assert len(SITE_NAME_60) == LONGEST_NAME
    assert max(len(LONGEST[key]) for key in office_fixture.NAMES) == LONGEST_NAME
    assert min(len(LONGEST[key]) for key in office_fixture.NAMES) >= LONGEST_NAME - 1


@pytest.fixture(scope="session")
def long_names_site(tmp_path_factory, chromium: str) -> Path:
    """The guide built with the longest names, PDFs and all (once per run; the office site of
    test_office_on_pages_and_paper.py too)."""
    return office_fixture.built_once(tmp_path_factory, office_fixture.LONGEST_SITE, LONGEST)


def pdf_pages(site: Path, name: str) -> list[str]:
    return [squash(page) for page in read_pdf(site / "downloads" / name).pages]


def test_60_character_names_fit_every_card_and_are_printed_whole(long_names_site):
    cards = card_versions(data("scripts")["scripts"])
    pages = pdf_pages(long_names_site, "script-cards-4x6.pdf")
    assert len(pages) == len(cards) + 1  # one card a page (a script's per phase), the office's
    for number, page in enumerate(pages, 1):
        assert squash(LONGEST["site_name"]) in page, f"card {number}: site name cut"
    for number, page in enumerate(pages[:-1], 1):
        assert squash(LONGEST["short_name"]) in page, f"card {number}: short name cut"
    assert squash(LONGEST["name"]) in pages[-1]


@pytest.mark.parametrize(
    "name", ["pocket-checklist.pdf", "pocket-checklists-letter.pdf", "pocket-checklists-a4.pdf"]
)
def test_60_character_names_fit_the_pocket_page(long_names_site, name):
    (page,) = pdf_pages(long_names_site, name)
    copies = 1 if name == "pocket-checklist.pdf" else 4
    assert page.count(squash(LONGEST["name"])) == copies
    assert page.casefold().count(squash(LONGEST["site_name"]).casefold()) == copies


def test_a_60_character_site_name_fits_without_an_office(renamed_fork):
    # The case: a fork that renamed the guide in data/meta.yml, with no office/.
    assert fork_support.SITE_NAME_60 == SITE_NAME_60
    for name in ("script-cards-letter.pdf", "script-cards-4x6.pdf", "pocket-checklist.pdf"):
        for page in pdf_pages(renamed_fork / "site", name):
            assert squash(SITE_NAME_60) in page


def test_a_text_too_long_for_its_card_is_named_by_file_and_line(too_long_fork):
    stderr = too_long_fork["stderr"]
    assert too_long_fork["returncode"] != 0
    assert f"the card '{too_long_fork['card']}'" in stderr
    assert "its text is too long for it" in stderr
    assert f"data/scripts.yml:{too_long_fork['line']} (" in stderr
    assert "Traceback" not in stderr


@pytest.mark.long
@pytest.mark.browser  # builds the PDFs
def test_a_name_too_long_for_the_cards_is_named_with_its_office_line(tmp_path):
    office = copy.deepcopy(LONGEST)
    office["site_name"] = "Riverside University School of Medicine " * 4 + "SOAP Call Guide"
    project = copy_project(tmp_path / "longer")
    office_fixture.install(project, office)
    result = build(project, pdfs=True)
    assert result.returncode != 0
    assert "because of a name on it" in result.stderr
    assert f"written at {office['where']['site_name']}" in result.stderr
    assert "shorten that name" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.long
@pytest.mark.browser  # builds the PDFs
def test_office_contacts_too_long_for_the_pocket_page_are_named_with_their_lines(tmp_path):
    """Names within the promised 60 characters, contacts that do not fit beside them: the error
    points at the office's contacts in office/office.yml, not at the guide's texts. The office
    also hides the script cards, so the PDF step comes to the pocket checklist without printing
    the cards first (the PDFs of a page an office hides are not made)."""
    project = copy_project(tmp_path / "long-contacts")
    shutil.copytree(REPO / "examples" / "office", project / "office")
    office_yml = project / "office" / "office.yml"
    text = office_yml.read_text("utf-8")
    contacts = {
        "name": "Riverside University School of Medicine, Student Affairs Dep",  # 60
        "email": "soap-help-desk-student-affairs@riverside-school-of-medic.edu",
        "phone": '"+1 555 010 0199 extension 1234"',
        "hours": "Monday to Friday, 8 a.m. to 6 p.m. ET; in SOAP week, every day, 7 a.m. to 9 p.m.",
        "booking": "https://riverside-school-of-medicine.example.edu/student-affairs/book-a-slot",
    }
    for key, value in contacts.items():
        text = re.sub(rf"(?m)^(  {key}: ).*$", rf"\g<1>{value}", text)
    assert "\nhide:\n" in text
    text = text.replace("\nhide:\n", "\nhide:\n  - print/script-cards.md\n", 1)
    office_yml.write_text(text, "utf-8")
    lines = text.splitlines()
    hours_line = next(n for n, line in enumerate(lines, 1) if line.startswith("  hours:"))
    result = build(project, pdfs=True)
    assert result.returncode != 0
    assert "the pocket checklist runs" in result.stderr
    assert "because of the office's contacts on it" in result.stderr
    assert f"written at office/office.yml:{hours_line}" in result.stderr
    assert "shorten the longest contact" in result.stderr
    assert "data/" not in result.stderr.split("pocket checklist runs", 1)[1].split("fix:")[0]
    assert "Traceback" not in result.stderr
