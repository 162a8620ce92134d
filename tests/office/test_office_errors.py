"""Every office mistake gets an error an office can act on: the file and line, words that say
what is wrong and how to fix it, and never a traceback or a silent success. Most cases run the
check in-process (what `make check` prints); a few go through `mkdocs build --strict` and
`scripts/check_content.py` to prove the command-line output and that no site is left behind."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.office.cases import CASES, Case
from tests.office.support import (
    EXAMPLE,
    check_report,
    checked_project,
    fork_project,
    line_of,
    problems_in,
)
from tests.scenario import REPO, build

DOCS_CUSTOMIZE = REPO / "docs" / "customize.md"


def test_the_example_office_passes_the_check(tmp_path):
    passed, report = check_report(checked_project(tmp_path / "project"))
    assert passed, report
    assert "office/: " in report


def test_the_example_office_file_copied_alone_as_the_setup_says_passes(tmp_path):
    """docs/customize.md, step 3: an office copies only examples/office/office.yml and deletes
    the two things it names that it did not copy (its logo: line and its pages: section); the
    first build must then be green."""
    step = DOCS_CUSTOMIZE.read_text("utf-8").split("3. **Create your office file.**")[1]
    step = step.split("\n4. ")[0]
    assert "`logo: logo.svg`" in step and "`pages:` section" in step
    text = (EXAMPLE / "office.yml").read_text("utf-8")
    text = text.replace("logo: logo.svg\n", "").split("\npages:\n")[0] + "\n"
    project = checked_project(tmp_path / "project", office=None)
    (project / "office").mkdir()
    (project / "office" / "office.yml").write_text(text, "utf-8")
    passed, report = check_report(project)
    assert passed, report


def test_the_corpus_covers_every_kind_of_mistake():
    names = {case.name for case in CASES}
    assert len(names) == len(CASES) >= 25
    for kind in (
        "unknown-id-in-replace",
        "unknown-id-in-remove",
        "removed-item-still-linked-from-the-flow",
        "hidden-page-still-has-a-note",
        "colour-without-contrast",
        "missing-logo-file",
        "page-listed-but-absent",
        "unknown-key-with-did-you-mean",
    ):
        assert kind in names


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_office_mistake_is_reported_with_file_line_and_fix(case: Case, tmp_path):
    project = checked_project(tmp_path / "project")
    case.edit(project / "office")
    passed, report = check_report(project)
    assert not passed, f"{case.name}: the check passed"
    assert "Traceback" not in report
    problems = problems_in(report)
    assert problems, report
    expected_line = line_of(project / case.file, case.at)
    matching = [
        p
        for p in problems
        if p.file == case.file and all(words in p.message for words in case.says)
    ]
    assert matching, f"no error in {case.file} says {case.says}:\n{report}"
    assert matching[0].line == expected_line, report
    assert " fix: " in matching[0].message, f"no fix offered:\n{report}"


@pytest.mark.parametrize(
    "phone", ["+1 555 010 0199 extension 1234", "(555) 010-0199 ext. 12", "+44 20 7946 0958"]
)
def test_a_phone_number_as_offices_write_it_passes_the_check(phone, tmp_path):
    project = checked_project(tmp_path / "project")
    office_yml = project / "office" / "office.yml"
    text = office_yml.read_text("utf-8")
    office_yml.write_text(text.replace('"+1 555 010 0199"', f'"{phone}"', 1), "utf-8")
    passed, report = check_report(project)
    assert passed, report


def test_a_removed_item_still_needed_names_both_places(tmp_path):
    """The error stands at the removal and names the place that still needs the item."""
    case = next(c for c in CASES if c.name == "removed-item-still-linked-from-the-flow")
    project = checked_project(tmp_path / "project")
    case.edit(project / "office")
    _, report = check_report(project)
    problems = [p for p in problems_in(report) if "still needed" in p.message]
    assert problems, report
    item = case.at.strip().removeprefix("- ")
    for problem in problems:  # one for each place that needs it
        assert problem.file == "office/office.yml"
        assert problem.line == line_of(project / "office" / "office.yml", case.at)
        needing = problem.message.split("still needed: ")[1].split(": ")[0]
        file, line = needing.rsplit(":", 1)
        assert item in (project / file).read_text("utf-8").splitlines()[int(line) - 1]


def test_every_problem_comes_in_one_report(tmp_path):
    project = checked_project(tmp_path / "project")
    office = project / "office"
    for name in ("unknown-id-in-replace", "colour-without-contrast", "missing-logo-file"):
        next(c for c in CASES if c.name == name).edit(office)
    passed, report = check_report(project)
    assert not passed
    assert report.startswith("The guide's content has 3 problems to fix before the site can")


def test_a_problem_in_the_pages_is_headed_as_the_content_s_are(tmp_path):
    """The second stage (pages, menu, links) words its head line as the first does."""
    project = checked_project(tmp_path / "project")
    next(c for c in CASES if c.name == "unknown-page-to-hide").edit(project / "office")
    _, report = check_report(project)
    assert report.startswith(
        "The guide's pages have 1 problem to fix before the site can be built.\n"
    ), report


# What the build's report begins with, for the mistakes it is run on.
CLI_HEADS = {
    "unknown-id-in-replace": "The guide's content has 1 problem; nothing was built.",
    "unknown-page-to-hide": "The guide's pages have 1 problem; nothing was built.",
    # An office page's attribute list is caught before MkDocs renders the page.
    "attribute-list-with-an-event-handler": "The guide's pages have 1 problem; nothing was built.",
    "office-folder-in-capitals": "The guide's content has 1 problem; nothing was built.",
    # An office page in a guide page's place: caught before MkDocs puts it there.
    "page-with-the-name-of-the-guide-s-faq": "The guide's pages have 1 problem; nothing was built.",
    "image-from-another-site-in-an-office-page": (
        "The guide's pages have 1 problem; nothing was built."
    ),
    "office-yml-at-the-top-without-its-folder": (
        "The guide's content has 1 problem; nothing was built."
    ),
    "unclosed-double-quote": "The guide's content has 1 problem; nothing was built.",
    "logo-script-behind-a-namespace-prefix": (
        "The guide's content has 1 problem; nothing was built."
    ),
}
CLI_CASES = [c for c in CASES if c.name in CLI_HEADS]


@pytest.mark.parametrize("case", CLI_CASES, ids=lambda case: case.name)
def test_mkdocs_build_fails_with_the_message_and_writes_no_site(case: Case, tmp_path):
    project = fork_project(tmp_path / "project")
    case.edit(project / "office")
    result = build(project)
    assert result.returncode == 1
    assert CLI_HEADS[case.name] in result.stderr
    assert f"{case.file}:{line_of(project / case.file, case.at)}:" in result.stderr
    assert case.says[0] in result.stderr
    assert "fix: " in result.stderr and "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_check_script_exits_1_with_the_same_report(tmp_path):
    project = checked_project(tmp_path / "project")
    shutil.copytree(REPO / "hooks", project / "hooks")
    (project / "scripts").mkdir()
    (project / "scripts" / "check_content.py").write_bytes(
        (REPO / "scripts" / "check_content.py").read_bytes()
    )
    CLI_CASES[0].edit(project / "office")
    result = subprocess.run(
        [sys.executable, str(project / "scripts" / "check_content.py")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("The guide's content has 1 problem to fix before the site")
    assert CLI_CASES[0].says[0] in result.stderr and "Traceback" not in result.stderr
