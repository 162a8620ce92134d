"""The README's sample output is what the commands print today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from check_content import check

from tests.guide_content import has_office
from tests.scenario import copy_project

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text("utf-8")
SETUP_LINES = [
    r"setup: \[1/2\] Python 3\.\d+ in \.venv",
    r"setup: \[2/2\] packages of requirements\.txt already installed",
]


def fenced_after(marker: str, language: str) -> list[str]:
    """The lines of the first ```language block after ``marker`` in the README."""
    start = README.index(marker)
    found = re.compile(rf"```{language}\n(.*?)```", re.DOTALL).search(README, start)
    assert found, f"no ```{language} block after {marker!r} in README.md"
    return found.group(1).rstrip("\n").splitlines()


@pytest.mark.skipif(
    has_office(), reason="the README shows upstream's check; a fork's adds its office"
)
def test_the_make_check_sample_is_what_make_check_prints():
    sample = fenced_after("### Checking your changes", "console")
    assert sample[0] == "$ make check"
    setup, output = sample[1:3], sample[3:]
    for line, pattern in zip(setup, SETUP_LINES, strict=True):
        assert re.fullmatch(pattern, line), line
    passed, report = check(REPO)
    assert passed, report
    assert output == report.splitlines(), (
        "README.md's `make check` sample is out of date; it should end with:\n" + report
    )


def test_the_error_sample_is_what_make_check_prints_for_that_mistake(tmp_path):
    """The sample's mistake made for real (an answer key misspelt 'anwser' in data/faq.yml):
    the same lines, up to the line and column numbers of a fork's own FAQ."""
    sample = fenced_after("A mistake prints every problem", "text")
    project = copy_project(tmp_path / "project")
    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text("utf-8").replace("    answer:", "    anwser:", 1), "utf-8")
    passed, report = check(project)
    assert not passed

    def numbers_out(lines: list[str]) -> list[str]:
        return [re.sub(r"^(data/[\w.-]+):\d+:\d+:", r"\1:L:C:", line) for line in lines]

    assert numbers_out(sample) == numbers_out(report.splitlines()), report


def test_the_readme_says_how_long_make_test_takes():
    assert re.search(r"make test .*\(about \d+ minutes\)", README), "make test's time"
