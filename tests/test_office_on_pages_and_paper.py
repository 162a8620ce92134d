"""An advising office shows on every page and on paper: its contact block under every page,
the footer credit ("Adapted by <office> from SOAP Call Guide", CC BY 4.0), its contacts and the
credit in every PDF, and the bulk sheets of four pocket checklists. Upstream (no office), none
of it shows and the footer is as it was.

The office is the fixture of tests/office_fixture.py, handed to the engine the way the MkDocs
adapter receives one (``config.extra["office"]``, OFFICE_CONTRACT.md): the one with the longest
names the paper promises to hold, so that this file and test_paper_names.py read one build of
it with its PDFs (a build with PDFs costs seconds of CPU). An office with names of everyday
length is on paper in test_example_office.py (examples/office)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from soapguide.printing.pdf import JOBS
from soapguide.render.scripts import card_versions

from tests import office_fixture
from tests.axe_palettes import in_both_palettes
from tests.guide_content import has_office
from tests.print_support import A4_PT, LETTER_PT, data, read_pdf, same_size, squash
from tests.static_server import serve_directory

OFFICE = office_fixture.LONGEST
CREDIT = f"Adapted by {OFFICE['name']} from SOAP Call Guide"
# The repository's own site, as upstream ships it; a fork's own site carries its office.
upstream_only = pytest.mark.skipif(has_office(), reason="this fork's site has its office/")
SHEETS = {"pocket-checklists-letter.pdf": LETTER_PT, "pocket-checklists-a4.pdf": A4_PT}


@pytest.fixture(scope="session")
def office_site(tmp_path_factory: pytest.TempPathFactory, chromium: str) -> Path:
    """The guide built with an office, PDFs and all (once per run, shared by the workers and
    with test_paper_names.py: the same name, the same office)."""
    return office_fixture.built_once(tmp_path_factory, office_fixture.LONGEST_SITE, OFFICE)


def built_pages(site: Path) -> list[Path]:
    pages = [
        path
        for path in sorted(site.rglob("index.html"))
        if path.relative_to(site).parts[0] not in {"search", "assets"}
    ]
    assert len(pages) > 5, pages
    return pages


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def office_block(page_html: str) -> str | None:
    match = re.search(r'<section class="office-contact".*?</section>', page_html, re.DOTALL)
    return match.group(0) if match else None


def footer(page_html: str) -> str:
    match = re.search(r'<div class="md-copyright">.*?</div>\s*</div>', page_html, re.DOTALL)
    assert match, "no footer copyright"
    return match.group(0)


# ---- Every page --------------------------------------------------------------------------------


def test_every_page_has_the_office_contact_block(office_site):
    for path in built_pages(office_site):
        block = office_block(path.read_text("utf-8"))
        assert block, f"{path.relative_to(office_site)}: no office contact block"
        text = text_of(block)
        assert OFFICE["name"] in text
        for value in office_fixture.contact_texts(OFFICE):
            shown = value.removeprefix("https://")
            assert shown in text, f"{path.relative_to(office_site)}: {shown!r} not in {text!r}"


def test_contacts_are_links_that_work_on_a_phone(office_site):
    block = office_block((office_site / "index.html").read_text("utf-8"))
    contacts = OFFICE["contacts"]
    assert f'href="mailto:{contacts["email"]}"' in block
    assert 'href="tel:+15550100199"' in block
    assert f'href="{contacts["booking"]}"' in block


def test_every_page_footer_credits_the_upstream_guide_and_its_licence(office_site):
    for path in built_pages(office_site):
        text = footer(path.read_text("utf-8"))
        assert CREDIT in text_of(text), path
        assert 'href="https://creativecommons.org/licenses/by/4.0/"' in text
        assert "CC BY 4.0" in text_of(text)


@upstream_only
def test_upstream_pages_have_no_office_block_and_the_footer_as_before(built_site, repo_root):
    copyright_line = re.search(
        r"^copyright: (.+)$", (repo_root / "mkdocs.yml").read_text("utf-8"), re.M
    )
    assert copyright_line
    for path in built_pages(built_site):
        page_html = path.read_text("utf-8")
        assert office_block(page_html) is None, path
        text = text_of(footer(page_html))
        assert "Adapted by" not in text
        assert text == text_of(copyright_line.group(1)), text


# ---- Every PDF ---------------------------------------------------------------------------------


@pytest.mark.parametrize("job", JOBS, ids=lambda job: job.name)
def test_every_pdf_carries_the_office_contacts_and_the_credit(office_site, job):
    pdf = read_pdf(office_site / "downloads" / job.name)
    text = squash(" ".join(pdf.pages))
    for value in [OFFICE["name"], *office_fixture.contact_texts(OFFICE)]:
        shown = value.removeprefix("https://")
        assert squash(shown) in text, f"{job.name}: {shown!r} missing"
    assert squash(CREDIT) in text, f"{job.name}: no credit"
    assert squash("CC BY 4.0") in text
    assert (pdf.title or "").startswith(OFFICE["site_name"]), pdf.title


@pytest.mark.parametrize("job", JOBS, ids=lambda job: job.name)
def test_every_printed_page_says_whom_to_ask_and_how(office_site, job):
    pdf = read_pdf(office_site / "downloads" / job.name)
    phone = squash(OFFICE["contacts"]["phone"])
    for number, page in enumerate(pdf.pages, 1):
        text = squash(page)
        assert phone in text, f"{job.name} page {number}: no phone"
        assert squash(OFFICE["short_name"]) in text or squash(OFFICE["name"]) in text
        # (in capitals at the top of the pocket page)
        assert squash(OFFICE["site_name"]).casefold() in text.casefold(), f"page {number}"


def test_the_script_cards_end_with_the_office_card(office_site):
    cards = len(card_versions(data("scripts")["scripts"])) + 1  # every script card, the office's
    pdf = read_pdf(office_site / "downloads" / "script-cards-4x6.pdf")
    assert len(pdf.pages) == cards
    last = squash(pdf.pages[-1])
    for value in office_fixture.contact_texts(OFFICE):
        assert squash(value.removeprefix("https://")) in last
    letter = read_pdf(office_site / "downloads" / "script-cards-letter.pdf")
    assert len(letter.pages) == (cards + 1) // 2


@upstream_only
@pytest.mark.parametrize("name", ["script-cards-4x6.pdf", "pocket-checklist.pdf"])
def test_upstream_pdfs_have_no_office(pdf_site, name):
    text = " ".join(read_pdf(pdf_site / "downloads" / name).pages)
    assert "Adapted by" not in text and "Questions?" not in text


# ---- Four pocket checklists to a sheet ---------------------------------------------------------


def count_checklists(page_text: str) -> int:
    title = squash(data("checklist")["title"])
    return squash(page_text).count(title)


@pytest.mark.parametrize("name", list(SHEETS))
def test_a_sheet_is_one_page_of_four_checklists_with_the_office(office_site, name):
    pdf = read_pdf(office_site / "downloads" / name)
    assert len(pdf.pages) == 1, f"{name}: {len(pdf.pages)} pages"
    assert same_size(pdf.sizes[0], SHEETS[name]), pdf.sizes
    assert count_checklists(pdf.pages[0]) == 4
    text = squash(pdf.pages[0])
    assert text.count(squash(OFFICE["name"])) == 4
    assert text.count(squash(OFFICE["contacts"]["email"])) == 4
    assert text.casefold().count(squash(OFFICE["site_name"]).casefold()) == 4


@upstream_only
@pytest.mark.parametrize("name", list(SHEETS))
def test_an_upstream_sheet_carries_the_upstream_name(pdf_site, name):
    pdf = read_pdf(pdf_site / "downloads" / name)
    assert len(pdf.pages) == 1 and same_size(pdf.sizes[0], SHEETS[name])
    assert count_checklists(pdf.pages[0]) == 4
    assert squash(pdf.pages[0]).count(squash(data("meta")["site_name"])) == 4


def test_the_sheets_are_linked_beside_the_single_pocket_checklist(pdf_site):
    page = (pdf_site / "print" / "pocket-checklist" / "index.html").read_text("utf-8")
    links = re.findall(r'href="\.\./\.\./downloads/([^"]+\.pdf)"', page)
    assert {"pocket-checklist.pdf", *SHEETS} <= set(links), links


def test_the_sheet_page_shows_one_checklist_on_screen_without_repeating_ids(built_site):
    page = (built_site / "print" / "pocket-checklist-sheets" / "index.html").read_text("utf-8")
    ids = re.findall(r'\sid="([^"]+)"', page)
    repeated = {i for i in ids if ids.count(i) > 1}
    assert not repeated, repeated
    for item in data("checklist")["items"]:
        assert f'id="{item["id"]}"' not in page  # its links go to the pocket checklist page


@pytest.mark.browser
def test_the_sheet_page_and_an_office_page_have_no_axe_violations(tab, built_site, office_site):
    """In both palettes (tests/axe_palettes.py), as readers get them: Print buttons shown."""
    page = tab()
    found = {}
    for site, path in [
        (built_site, "print/pocket-checklist-sheets/"),
        (office_site, "print/pocket-checklist-sheets/"),
        (office_site, "faq/"),
    ]:
        with serve_directory(site) as base:
            page.goto(base + path, wait_until="load")
            if path != "faq/":
                page.locator("button.print-button").first.wait_for(state="visible")
            for scheme, violations in in_both_palettes(page).items():
                for v in violations:
                    found[f"{site.parent.name}/{path} ({scheme}) {v['id']}"] = [
                        n["target"] for n in v["nodes"][:3]
                    ]
    assert not found, f"axe violations: {found}"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("paper", "sheet_in"), [("letter", (8.5, 11)), ("a4", (210 / 25.4, 297 / 25.4))]
)
def test_the_sheet_tiles_four_checklists_with_cut_marks_on_the_cut_lines(
    tab, site_server, paper, sheet_in
):
    page = tab()  # a kept tab: the print media and the paper are set again on every load
    page.goto(site_server + "print/pocket-checklist-sheets/", wait_until="load")
    page.emulate_media(media="print")
    page.evaluate("p => document.documentElement.setAttribute('data-print-paper', p)", paper)
    layout = page.evaluate(
        """() => {
          const box = (el) => { const r = el.getBoundingClientRect();
            return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
          const sheet = document.querySelector('.pocket-sheet');
          return {sheet: box(sheet),
                  pockets: [...sheet.querySelectorAll('.pocket')].map(box),
                  cuts: [...sheet.querySelectorAll('.sheet-cut')].map((el) => ({
                    name: el.className, ...box(el)}))};
        }"""
    )
    sheet = layout["sheet"]
    width, height = sheet["right"] - sheet["left"], sheet["bottom"] - sheet["top"]
    assert abs(width - sheet_in[0] * 96) < 1 and abs(height - sheet_in[1] * 96) < 1
    pockets = layout["pockets"]
    assert len(pockets) == 4
    middle_x, middle_y = sheet["left"] + width / 2, sheet["top"] + height / 2

    # Four quarters, no gap: each pocket's edges are a sheet edge and a centre line.
    def quarter(low, high, start, middle, end):
        near = lambda a, b: abs(a - b) < 1  # noqa: E731
        return (near(low, start) and near(high, middle)) or (near(low, middle) and near(high, end))

    for p in pockets:
        assert quarter(p["left"], p["right"], sheet["left"], middle_x, sheet["right"]), p
        assert quarter(p["top"], p["bottom"], sheet["top"], middle_y, sheet["bottom"]), p
    corners = {(round(p["left"] - sheet["left"]), round(p["top"] - sheet["top"])) for p in pockets}
    assert len(corners) == 4
    cuts = {c["name"].split("--")[-1]: c for c in layout["cuts"]}
    assert set(cuts) == {"top", "bottom", "left", "right", "centre"}
    for name in ("top", "bottom"):
        assert abs(cuts[name]["left"] - middle_x) < 1, name  # on the vertical cut line
    for name in ("left", "right"):
        assert abs(cuts[name]["top"] - middle_y) < 1, name  # on the horizontal cut line
    centre = cuts["centre"]
    assert abs((centre["left"] + centre["right"]) / 2 - middle_x) < 1
    assert abs((centre["top"] + centre["bottom"]) / 2 - middle_y) < 1
    for cut in cuts.values():  # printed: on the sheet, not off its edge
        assert cut["left"] >= sheet["left"] - 1 and cut["right"] <= sheet["right"] + 1
        assert cut["top"] >= sheet["top"] - 1 and cut["bottom"] <= sheet["bottom"] + 1
