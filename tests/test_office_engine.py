"""The engine's side of the office (overlay/office.py), on fixture content: the globals every
template gets (``office``, ``site_name``), the contact block and credit it renders for the site
template, and that nothing an office writes can inject markup or an unsafe link."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from soapguide.guide import guide_for
from soapguide.printing.office import (
    CARD_LINE_CHARS,
    card_line,
    office_for_templates,
    tel_address,
)
from soapguide.read.content import read_content

from tests import office_fixture

META = """\
site_name: Fixture Guide
tagline: A guide made for a test.
reviewed_on: 2026-11-25
match_year: 2027
check_rules_after: 2027-03-01
source_note: A note.
"""


@pytest.fixture
def content(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "meta.yml").write_text(META, "utf-8")
    content, errors = read_content(data, tmp_path)
    assert not errors
    return content


def test_upstream_the_site_name_is_the_data_files_and_nothing_of_an_office_shows(content):
    guide = guide_for(content)
    assert guide.site_name == "Fixture Guide" and guide.office is None
    assert guide.renderer.env.globals["site_name"] == "Fixture Guide"
    assert guide.renderer.env.globals["office"] is None
    assert guide.render_macro("office_contact").strip() == ""
    assert guide.render_macro("office_credit").strip() == ""


def test_with_an_office_its_site_name_is_in_force_and_its_block_and_credit_render(content):
    office = office_fixture.TYPICAL
    guide = guide_for(content, office=office)
    assert guide.site_name == office["site_name"]
    assert guide.renderer.env.globals["site_name"] == office["site_name"]
    block = guide.render_macro("office_contact")
    assert f"Questions? Ask {office['name']}" in block
    assert 'href="mailto:soap-help@riverside.example.edu"' in block
    assert 'href="tel:+15550100199"' in block
    credit = guide.render_macro("office_credit")
    assert f"Adapted by {office['name']} from SOAP Call Guide" in credit
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in credit


def test_missing_contacts_are_left_out(content):
    office = copy.deepcopy(office_fixture.TYPICAL)
    office["contacts"] = {"email": "help@example.edu"}
    block = guide_for(content, office=office).render_macro("office_contact")
    assert "help@example.edu" in block
    assert "Phone" not in block and "Hours" not in block and "Book" not in block


def test_nothing_an_office_writes_can_inject_markup_or_an_unsafe_link(content):
    office = copy.deepcopy(office_fixture.TYPICAL)
    office["name"] = "<script>alert(1)</script> Office"
    office["contacts"] = {
        "email": 'x@example.edu" onmouseover="alert(1)',
        "phone": "<img src=x onerror=alert(1)>",
        "hours": "<b>9</b> to 5",
        "booking": "java\tscript:alert(1)",
    }
    guide = guide_for(content, office=office)
    for html in (guide.render_macro("office_contact"), guide.render_macro("office_credit")):
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert 'onmouseover="' not in html
        assert "javascript" not in html.replace("\t", "") and "script:" not in html
    assert "Book" not in guide.render_macro("office_contact")


def test_a_phone_link_keeps_only_what_a_dialler_reads():
    assert tel_address("+1 (555) 010-0199") == "tel:+15550100199"
    assert tel_address("+1 555.010.0199") == "tel:+15550100199"


def test_a_phone_links_extension_is_not_run_into_the_number():
    assert tel_address("555 0100 ext. 12") == "tel:5550100;ext=12"
    assert tel_address("+1 555 010 0199 extension 1234") == "tel:+15550100199;ext=1234"
    assert tel_address("+1 555 010 0199 x 7") == "tel:+15550100199;ext=7"


def test_each_cards_office_line_keeps_the_phone_and_adds_the_email_when_it_fits():
    office = office_for_templates(office_fixture.TYPICAL)
    assert [item["kind"] for item in office["card_line"]] == ["phone", "email"]
    longest = office_for_templates(office_fixture.LONGEST)
    assert [item["kind"] for item in longest["card_line"]] == ["phone"]
    items = office["contact_items"]
    no_phone = [item for item in items if item["kind"] != "phone"]
    assert [item["kind"] for item in card_line("OSA", no_phone)] == ["email"]
    assert card_line("OSA", []) == []
    for line in (office["card_line"], longest["card_line"]):
        text = " · ".join(["Questions? " + office["short_name"], *(i["text"] for i in line)])
        assert len(text) <= CARD_LINE_CHARS


def test_where_each_name_is_written_comes_from_the_office_else_the_data_file(content):
    upstream = guide_for(content).renderer.env.globals["name_sources"]
    assert upstream == {"site_name": "data/meta.yml:1"}
    office = guide_for(content, office=office_fixture.TYPICAL).renderer.env.globals
    assert office["name_sources"]["site_name"] == "office/office.yml:4"
    unknown = copy.deepcopy(office_fixture.TYPICAL)
    del unknown["where"]
    names = guide_for(content, office=unknown).renderer.env.globals["name_sources"]
    assert names["office_name"] == "office/office.yml (office.name)"
