"""`make check` runs every check the build runs: on content the build rejects it fails too, with
the same problems, including the menu, links between pages and the flow's see: links."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from check_content import markdown_settings, read_config
from soapguide.guide import load_guide
from soapguide.site import check_site

from tests.office.support import install_office
from tests.scenario import REPO, build, copy_project

_PROBLEM = re.compile(r"^(\S+:\d+(?::\d+)?): ", re.M)


def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    (project / "scripts").mkdir()
    shutil.copy2(REPO / "scripts" / "check_content.py", project / "scripts")
    return project


def make_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "check_content.py")],
        capture_output=True,
        text=True,
        timeout=120,
    )


def page_the_flow_links_into() -> str:
    """A page of the menu that is the only one showing an item a see: link of the flow goes
    to (deleting it breaks that link), found by rendering the guide."""
    config = read_config(REPO)
    extensions, options = markdown_settings(config)
    # upstream's guide, whatever office/ this repository has (a fork's)
    guide = load_guide(REPO / "data", REPO, extensions, options, office_dir=REPO / "no-office")
    site = check_site(guide, REPO / "docs", config["nav"], REPO / "mkdocs.yml")
    flow = yaml.safe_load((REPO / "data" / "flow.yml").read_text("utf-8"))
    anchors = guide.renderer.anchors

    def shown_once(item: str) -> bool:  # a print page may show it too (the pocket checklist)
        return sum(f'id="{item}"' in text for text in site.pages.values()) == 1

    pages = [
        anchors[i] for o in flow["outcomes"] for i in o["see"] if i in anchors and shown_once(i)
    ]
    linked_from_home = re.findall(r"\]\(([^)#]+\.md)", (REPO / "docs" / "index.md").read_text())
    return next(
        page.removeprefix("docs/")
        for page in pages
        if page.removeprefix("docs/") in linked_from_home and page != "docs/index.md"
    )


def problems(report: str) -> set[str]:
    return set(_PROBLEM.findall(report))


def test_a_deleted_page_fails_the_check_as_it_fails_the_build(tmp_path):
    page = page_the_flow_links_into()
    copy = project(tmp_path)
    (copy / "docs" / page).unlink()
    checked = make_check(copy)
    assert checked.returncode == 1
    report = checked.stderr
    assert f"the menu lists '{page}'" in report
    assert "docs/index.md:" in report and f"the link to '{page}'" in report
    assert "no page shows the item" in report
    built = build(copy)
    assert built.returncode == 1
    assert problems(report) and problems(report) == problems(built.stderr)
    assert "Traceback" not in report + built.stderr
    assert not (copy / "site").exists()


def test_a_link_to_a_missing_page_fails_both(tmp_path):
    copy = project(tmp_path)
    target = copy / "docs" / "faq.md"
    target.write_text(target.read_text("utf-8") + "\nSee [the glossary](glossary.md).\n", "utf-8")
    checked = make_check(copy)
    built = build(copy)
    assert checked.returncode == built.returncode == 1
    assert "docs/faq.md:" in checked.stderr and "'glossary.md'" in checked.stderr
    assert problems(checked.stderr) == problems(built.stderr)


@pytest.mark.parametrize("hidden", ["checklist.md", "faq.md"])
def test_an_office_that_hides_a_linked_page_passes_both(tmp_path, hidden):
    """Hiding a page takes the links to it away (menu, home page, see: links): no broken
    link is left for either the check or the build to find."""
    copy = project(tmp_path)
    office = install_office(copy)
    text = (office / "office.yml").read_text("utf-8")
    text = re.sub(r"(?m)^  - at: checklist\.md\n(    .*\n)+", "", text)  # its note would stay
    text = text.replace("    after: checklist.md\n", "")
    text = text.replace("hide:\n", f"hide:\n  - {hidden}\n")
    (office / "office.yml").write_text(text, "utf-8")
    for page in (office / "pages").glob("*.md"):  # the office's own links are its to change
        own = re.sub(rf"\[([^\]]*)\]\({re.escape(hidden)}\)", r"\1", page.read_text("utf-8"))
        page.write_text(own, "utf-8")
    checked = make_check(copy)
    assert checked.returncode == 0, checked.stderr
    built = build(copy)
    assert built.returncode == 0, built.stderr
    assert not (copy / "site" / hidden.removesuffix(".md")).exists()
    href = f'href="{hidden.removesuffix(".md")}/'
    for page in (copy / "site").rglob("*.html"):
        assert href not in page.read_text("utf-8"), page


@pytest.mark.long
@pytest.mark.browser
def test_an_office_that_hides_a_print_page_builds_without_its_pdf(tmp_path):
    copy = project(tmp_path)
    office = install_office(copy)
    hidden = "print/pocket-checklist.md"
    text = (office / "office.yml").read_text("utf-8").replace("hide:\n", f"hide:\n  - {hidden}\n")
    (office / "office.yml").write_text(text, "utf-8")
    built = build(copy, pdfs=True)
    assert built.returncode == 0, built.stderr
    downloads = {path.name for path in (copy / "site" / "downloads").iterdir()}
    assert "pocket-checklist.pdf" not in downloads and downloads
    assert not (copy / "site" / "print" / "pocket-checklist").exists()
