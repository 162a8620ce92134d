"""The PDF downloads: made by every `mkdocs build` from the built print pages, linked from
them, with the current content and the site's name from data/meta.yml (a fork's own name).
Without a browser the build says how to get one, or builds without PDFs when told to."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from soapguide.printing.pdf import JOBS, PdfError, pdfs_wanted

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
    pocket_texts,
    read_pdf,
    same_size,
    squash,
)
from tests.scenario import copy_project

CARD_TEXTS = [text for card in cards() for text in card.texts]
# file -> (pages, page size in points, texts it must carry)
EXPECTED = {
    "script-cards-letter.pdf": ((len(cards()) + 1) // 2, LETTER_PT, CARD_TEXTS),
    "script-cards-a4.pdf": ((len(cards()) + 1) // 2, A4_PT, CARD_TEXTS),
    "script-cards-4x6.pdf": (len(cards()), inches_to_points(CARD_SIZE_IN), CARD_TEXTS),
    "pocket-checklist.pdf": (1, inches_to_points(POCKET_SIZE_IN), pocket_texts()),
    "pocket-checklists-letter.pdf": (1, LETTER_PT, pocket_texts()),
    "pocket-checklists-a4.pdf": (1, A4_PT, pocket_texts()),
}


def build(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def edit_yaml(path: Path, change) -> None:
    value = yaml.safe_load(path.read_text("utf-8"))
    change(value)
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), "utf-8")


def test_every_download_is_a_job_of_the_pdf_step():
    assert {job.name for job in JOBS} == set(EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_build_makes_each_pdf_with_its_pages_size_and_current_content(built_site, name):
    pages, size, texts = EXPECTED[name]
    pdf = read_pdf(built_site / "downloads" / name)
    assert len(pdf.pages) == pages, f"{name}: {len(pdf.pages)} pages"
    assert all(same_size(s, size) for s in pdf.sizes), f"{name}: {pdf.sizes}"
    text = squash(" ".join(pdf.pages))
    missing = [t for t in texts if squash(t) not in text]
    assert not missing, f"{name}: missing {missing}"


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_pdf_carries_the_site_name(built_site, name):
    site_name = data("meta")["site_name"]
    pdf = read_pdf(built_site / "downloads" / name)
    assert (pdf.title or "").startswith(site_name), pdf.title
    assert all(squash(site_name) in squash(page) for page in pdf.pages)


def test_print_pages_link_every_pdf_and_every_link_resolves(built_site):
    linked = set()
    for page in (SCRIPT_CARDS, POCKET_CHECKLIST, "print/pocket-checklist-sheets/"):
        html = (built_site / page / "index.html").read_text("utf-8")
        for href in re.findall(r'href="([^"]+\.pdf)"', html):
            target = (built_site / page / href).resolve()
            assert target.is_file(), f"/{page} links {href}, which was not built"
            linked.add(target.name)
    assert linked == set(EXPECTED), linked


def test_a_fork_gets_its_own_name_and_content_in_the_pdfs(tmp_path):
    project = copy_project(tmp_path / "fork")
    edit_yaml(project / "data" / "meta.yml", lambda m: m.update(site_name="Riverside SOM Advising"))

    def reword(checklist):
        checklist["items"][0]["text"] = "Record a calm voicemail greeting tonight."

    edit_yaml(project / "data" / "checklist.yml", reword)
    result = build(project)
    assert result.returncode == 0, result.stderr
    pdf = read_pdf(project / "site" / "downloads" / "pocket-checklist.pdf")
    text = squash(pdf.pages[0])
    assert squash("Riverside SOM Advising") in text
    assert (pdf.title or "").startswith("Riverside SOM Advising")
    assert squash("Record a calm voicemail greeting tonight.") in text
    assert squash(data("checklist")["items"][0]["text"]) not in text
    cards_pdf = read_pdf(project / "site" / "downloads" / "script-cards-letter.pdf")
    assert all(squash("Riverside SOM Advising") in squash(page) for page in cards_pdf.pages)


def test_a_script_too_long_for_its_card_stops_the_build_naming_the_card(tmp_path):
    project = copy_project(tmp_path / "long")

    def lengthen(scripts):
        voicemail = next(s for s in scripts["scripts"] if s["id"] == "voicemail")
        voicemail["lines"][2]["text"] += " I am still very interested, truly." * 12

    edit_yaml(project / "data" / "scripts.yml", lengthen)
    result = build(project)
    assert result.returncode != 0
    assert "content does not fit its paper" in result.stderr
    assert "'voicemail'" in result.stderr


def test_without_chromium_the_build_fails_saying_how_to_get_one(tmp_path):
    project = copy_project(tmp_path / "no-browser")
    result = build(project, CHROMIUM_PATH=str(tmp_path / "no-chromium-here"))
    assert result.returncode != 0
    assert "PDF downloads" in result.stderr and "need Chromium" in result.stderr
    assert "CHROMIUM_PATH" in result.stderr and "SOAPGUIDE_PDFS=off" in result.stderr
    assert "Traceback" not in result.stderr


def test_soapguide_pdfs_off_builds_the_site_without_them(tmp_path):
    project = copy_project(tmp_path / "off")
    result = build(project, SOAPGUIDE_PDFS="off", CHROMIUM_PATH=str(tmp_path / "none"))
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "print" / "script-cards" / "index.html").is_file()
    assert not (project / "site" / "downloads").exists()


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
