"""Whatever line an author deletes or shifts, the result is the guide or a ContentErrors
report, never another exception (a traceback for the author). The lines are those of the
fixture content (tests/fixtures/content).

Every line of each file is tried; the lines come in parts so that parallel workers share them.
"""

from __future__ import annotations

import pytest
from soapguide.guide import load_content
from soapguide.read.errors import ContentErrors

from tests.content_errors.cases import FIXTURE_DATA, data_copy
from tests.scenario import REPO

FILES = ["faq.yml", "meta.yml"]
LINES_PER_PART = 16


def parts() -> list[tuple[str, int, int]]:
    """(file, first line index, end line index) for every part of every file."""
    found = []
    for name in FILES:
        count = len((FIXTURE_DATA / name).read_text(encoding="utf-8").splitlines())
        found += [
            (name, s, min(s + LINES_PER_PART, count)) for s in range(0, count, LINES_PER_PART)
        ]
    return found


def mutations(text: str, start: int, end: int):
    """The text with line ``i`` deleted, indented one more space, or one less, for each ``i`` in
    ``start..end-1``."""
    lines = text.splitlines(keepends=True)
    for index in range(start, end):
        line = lines[index]
        for shifted in ([], [" " + line], [line[1:]]):
            yield "".join(lines[:index] + shifted + lines[index + 1 :])


@pytest.mark.parametrize(
    ("name", "start", "end"), parts(), ids=[f"{n}:{s + 1}-{e}" for n, s, e in parts()]
)
@pytest.mark.long
def test_every_deleted_or_shifted_line_is_a_report_or_a_guide(name, start, end, tmp_path):
    data = data_copy(tmp_path)
    original = (FIXTURE_DATA / name).read_text(encoding="utf-8")
    reports = 0
    for text in mutations(original, start, end):
        (data / name).write_text(text, encoding="utf-8")
        try:
            load_content(data, tmp_path, REPO / "schemas")
        except ContentErrors as errors:
            reports += 1
            assert all(error.line >= 1 and error.hint for error in errors.errors), errors
    assert reports > end - start  # most shifts and deletions are mistakes
