"""Every mistake in the corpus is caught with its file, line and a plain message; none is a
traceback or a silent success. Most run in-process through the engine (fast); a few go through
a real `mkdocs build --strict` and `scripts/check_content.py` to prove the command-line output."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from soapguide.guide import load_content
from soapguide.read.errors import ContentErrors

from tests.content_errors.cases import (
    CASES,
    FIXTURE_DATA,
    HOW_LONG,
    Case,
    Replace,
    broken_copy,
    data_copy,
)
from tests.scenario import REPO, build, copy_project


def problems_for(case: Case, tmp_path) -> tuple[ContentErrors, int]:
    data, line = broken_copy(case, tmp_path)
    with pytest.raises(ContentErrors) as raised:
        load_content(data, tmp_path, REPO / "schemas")
    return raised.value, line


def test_the_corpus_has_at_least_25_distinct_cases():
    names = [case.name for case in CASES]
    assert len(names) >= 25 and len(set(names)) == len(names)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_mistake_is_reported_with_file_line_and_message(case: Case, tmp_path):
    raised, line = problems_for(case, tmp_path)
    report = raised.report()
    assert "Traceback" not in report
    assert len(raised.errors) == case.count, report
    matching = [
        error
        for error in raised.errors
        if error.file == case.expected_file and case.fragment in f"{error.message} {error.hint}"
    ]
    assert matching, f"no error in {case.expected_file} mentions {case.fragment!r}:\n{report}"
    error = matching[0]
    assert error.line == line, report
    if case.column is not None:
        assert error.column == case.column, report
    assert error.hint, f"no fix offered:\n{report}"
    assert f"{error.file}:{error.line}:{error.column}: " in report


def test_a_placeholder_error_points_at_the_placeholder_itself(tmp_path):
    data = data_copy(tmp_path)
    Replace("scripts.yml", "{applicant_name}", "{applicant_nam}").apply(data)
    line = next(
        number
        for number, text in enumerate((data / "scripts.yml").read_text("utf-8").splitlines(), 1)
        if "{applicant_nam}" in text
    )
    column = (data / "scripts.yml").read_text("utf-8").splitlines()[line - 1].index(
        "{applicant_nam}"
    ) + 1
    with pytest.raises(ContentErrors) as raised:
        load_content(data, tmp_path, REPO / "schemas")
    [error] = raised.value.errors
    assert (error.line, error.column) == (line, column)


def test_a_byte_order_mark_is_fine(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for path in FIXTURE_DATA.glob("*.yml"):
        (data / path.name).write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    content = load_content(data, tmp_path, REPO / "schemas")
    assert content["faq"]["questions"]


def test_a_quoted_text_may_run_over_several_lines(tmp_path):
    """Only a file that does not parse is searched for a quote left open: a quoted text that
    goes on over the next lines and closes there is valid YAML, and one text."""
    data = data_copy(tmp_path)
    Replace(
        "faq.yml",
        "question: How long should the call be?",
        "question: 'How long should\n      the call be?'",
    ).apply(data)
    content = load_content(data, tmp_path, REPO / "schemas")
    [how_long] = [item for item in content["faq"]["questions"] if item["id"] == "how-long"]
    assert how_long["question"] == "How long should the call be?"


def test_problems_in_several_files_come_in_one_report_sorted_by_file_and_line(tmp_path):
    data = data_copy(tmp_path)
    Replace("faq.yml", "  - id: how-long\n    question", "  - id: how-long\n\tquestion").apply(data)
    Replace("tone.yml", "\ngood:", "\ngod:").apply(data)
    Replace("scripts.yml", "{applicant_name}", "{applicant_nam}").apply(data)
    Replace("meta.yml", "\nreviewed_on: ", "\nreviewed_on: '2026-02-30'  # ").apply(data)
    with pytest.raises(ContentErrors) as raised:
        load_content(data, tmp_path, REPO / "schemas")
    places = [(error.file, error.line) for error in raised.value.errors]
    assert [file for file, _ in places] == [
        "data/faq.yml",
        "data/meta.yml",
        "data/scripts.yml",
        "data/tone.yml",
    ]
    assert places == sorted(places)
    assert raised.value.report().startswith(
        "The guide's content has 4 problems; nothing was built."
    )


def test_an_unknown_key_next_to_its_missing_twin_is_one_message(tmp_path):
    """'anwser' for 'answer' is one mistake: the did-you-mean covers the missing 'answer'."""
    data = data_copy(tmp_path)
    Replace("faq.yml", "    answer:", "    anwser:").apply(data)
    with pytest.raises(ContentErrors) as raised:
        load_content(data, tmp_path, REPO / "schemas")
    assert [error.message for error in raised.value.errors] == [
        "unknown key 'anwser' — did you mean 'answer'?"
    ]


def test_text_policy_is_checked_in_a_file_that_also_breaks_its_schema(tmp_path):
    data = data_copy(tmp_path)
    Replace("faq.yml", "    answer:", "    anwser:").apply(data)
    Replace("faq.yml", HOW_LONG, HOW_LONG + "<b>Really</b> ").apply(data)
    with pytest.raises(ContentErrors) as raised:
        load_content(data, tmp_path, REPO / "schemas")
    messages = [error.message for error in raised.value.errors]
    assert len(messages) == 2
    assert messages[0].startswith("unknown key 'anwser'")
    assert messages[1].startswith("HTML is not allowed in content")


CLI_CASES = [
    case for case in CASES if case.name in {"misspelt-key", "tab-indentation", "script-tag"}
]


def broken_project(case: Case, destination) -> tuple[Path, int]:
    """A copy of this project whose data/ is the fixture content with the case's mistake; and
    the line the error must name."""
    project = copy_project(destination)
    shutil.rmtree(project / "data")
    _, line = broken_copy(case, project)
    return project, line


@pytest.mark.parametrize("case", CLI_CASES, ids=lambda case: case.name)
def test_mkdocs_build_fails_with_the_message_and_writes_no_site(case: Case, tmp_path):
    project, line = broken_project(case, tmp_path / "project")
    result = build(project)
    assert result.returncode == 1
    assert f"{case.expected_file}:{line}:" in result.stderr
    assert case.fragment in result.stderr
    assert "fix: " in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_check_script_prints_the_same_report_and_exits_1(tmp_path):
    case = CLI_CASES[0]
    project, _ = broken_project(case, tmp_path / "project")
    (project / "scripts").mkdir()
    (project / "scripts" / "check_content.py").write_bytes(
        (REPO / "scripts" / "check_content.py").read_bytes()
    )
    result = subprocess.run(
        [sys.executable, str(project / "scripts" / "check_content.py")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(
        "The guide's content has 1 problem to fix before the site can be built.\n"
    )
    assert case.fragment in result.stderr and "Traceback" not in result.stderr
