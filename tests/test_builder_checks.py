"""The build checks data/builder.yml: a tone pattern outside the common syntax, one that misses
its own example or flags the guide's own wording, and any id or blank that does not exist are
each reported with file, line and a fix. Each case is one small edit to a copy of the real
data/ (anchored on ids and keys, which authors keep), loaded in-process like `make check`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from soapguide.guide import load_content
from soapguide.read.errors import ContentErrors

from tests.content_errors.cases import Replace, data_copy
from tests.scenario import REPO, build, copy_project

OFFERING = "  - id: tone-offering-anything\n"


@dataclass(frozen=True)
class Case:
    name: str
    edit: Replace
    fragment: str  # in the message or its fix
    offset: int = 0  # the error's line, counted from the edit's first line
    file: str = "data/builder.yml"
    column: int | None = None


def tone(find: str, replace: str, fragment: str, offset: int, **kw) -> Case:
    """An edit to the first tone check (tone-offering-anything); offset counts from its id."""
    return Case(
        kw.pop("name"),
        Replace("builder.yml", OFFERING + find, OFFERING + replace),
        fragment,
        offset,
        **kw,
    )


BASE = (
    "    looks_for: Offering to do anything\n    flags: do-anything\n"
    "    instead: remain-very-interested\n"
)
PATTERN = r"    pattern: \b(?:do|give|try) (?:absolutely |just )?anything\b|\bwhatever it takes\b"

CASES = [
    tone(
        BASE + PATTERN,
        BASE + r"    pattern: (?<=I )\b(?:do|give|try) (?:absolutely |just )?anything\b",
        "'(?<' is not in the syntax both Python and browsers share",
        4,
        name="lookbehind",
        column=14,
    ),
    tone(
        BASE + PATTERN,
        BASE + r"    pattern: \b(?:do|give|try (?:absolutely |just )?anything\b",
        "a '(' without its ')'",
        4,
        name="unclosed-group",
    ),
    tone(
        BASE + PATTERN,
        BASE + r"    pattern: \bdo (\w+ ?)+ anything\b",
        "a repeated group holds a repeat that has no upper bound",
        4,
        name="nested-repeat",
        column=19,
    ),
    tone(
        "    looks_for: Offering to do anything\n    flags: do-anything\n",
        "    looks_for: Offering to do anything\n    flags: do-anythin\n",
        "did you mean 'do-anything'?",
        2,
        name="unknown-flagged-item",
    ),
    tone(
        BASE,
        BASE.replace("remain-very-interested", "fees-and-deadlines"),
        "unknown id 'fees-and-deadlines'",
        3,
        name="unknown-stronger-item",
    ),
    tone(
        BASE,
        BASE.replace("do-anything", "remain-very-interested"),
        "(in data/scripts.yml) is not the right kind of item",  # a strong phrase, not a weak one
        2,
        name="flags-a-strong-phrase",
    ),
    Case(
        "misses-its-flagged-example",
        Replace(
            "builder.yml",
            "    flagged: I would do anything to train with your team.\n",
            "    flagged: I would gladly help your team.\n",
        ),
        "does not find its own 'flagged' example",
    ),
    Case(
        "finds-its-not-flagged-example",
        Replace(
            "builder.yml",
            "    not_flagged: Please let me know if there is anything else you need from me.\n",
            "    not_flagged: I would do anything for you.\n",
        ),
        "finds its 'not_flagged' example",
    ),
    Case(
        "flags-the-guides-own-script",
        Replace(
            "builder.yml",
            r"    pattern: \b(?:my|any) (?:chances?|odds)\b",
            r"    pattern: \bchance to join\b|\b(?:my|any) (?:chances?|odds)\b",
        ),
        "the pattern flags a line of the script 'program-director-call'",
    ),
    Case(
        "unknown-voicemail-rule",
        Replace("builder.yml", "    - rule: full-name\n", "    - rule: fullname\n"),
        "did you mean 'full-name'?",
    ),
    Case(
        "two-conditions",
        Replace(
            "builder.yml",
            "    - rule: callback-number\n      filled: callback_number\n",
            "    - rule: callback-number\n      filled: callback_number\n"
            "      within_time_limit: true\n",
        ),
        "expected exactly one condition",
    ),
    Case(
        "min-words-without-filled",
        Replace(
            "builder.yml",
            "    - rule: under-30-seconds\n      within_time_limit: true\n",
            "    - rule: under-30-seconds\n      within_time_limit: true\n      min_words: 2\n",
        ),
        "min_words only goes with filled",
        offset=2,
    ),
    Case(
        "unknown-checklist-blank",
        Replace("builder.yml", "      filled: aamc_id\n", "      filled: aamc\n"),
        "did you mean 'aamc_id'?",
    ),
    Case(
        "unknown-field-blank",
        Replace("builder.yml", "  - blank: callback_number\n", "  - blank: callback_numbr\n"),
        "did you mean 'callback_number'?",
    ),
    Case(
        "rate-not-a-number",
        Replace("builder.yml", "  words_per_minute: 150\n", "  words_per_minute: fast\n"),
        "a whole number",
    ),
    Case(
        "email-without-subject",
        Replace(
            "scripts.yml",
            '        text: "Subject: Thank you from',
            '        text: "Re: Thank you from',
        ),
        "has no subject line",
        offset=-1,  # the first line of the script's lines
        file="data/scripts.yml",
    ),
]


def problems_for(case: Case, tmp_path: Path) -> tuple[ContentErrors, int]:
    data = data_copy(tmp_path)
    line = case.edit.apply(data) + case.offset
    with pytest.raises(ContentErrors) as raised:
        load_content(data, tmp_path, REPO / "schemas")
    return raised.value, line


def test_the_real_builder_data_has_no_problems() -> None:
    load_content(REPO / "data", REPO)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_mistake_is_reported_at_its_line_with_a_fix(case: Case, tmp_path: Path) -> None:
    raised, line = problems_for(case, tmp_path)
    report = raised.report()
    assert len(raised.errors) == 1, report
    (error,) = raised.errors
    assert error.file == case.file, report
    assert case.fragment in f"{error.message} {error.hint}", report
    assert error.line == line, report
    if case.column is not None:
        assert error.column == case.column, report
    assert error.hint, f"no fix offered:\n{report}"


def test_a_bad_pattern_stops_the_real_build_with_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edit = Replace("builder.yml", r"\bwhatever it takes\b", r"\bwhatever it takes\b(?i)")
    line = edit.apply(project / "data")
    result = build(project)
    assert result.returncode != 0
    assert f"data/builder.yml:{line}:" in result.stderr + result.stdout
    assert "'(?i' is not in the syntax" in result.stderr + result.stdout
    assert not (project / "site" / "make-your-script").exists()
