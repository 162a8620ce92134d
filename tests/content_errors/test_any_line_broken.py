"""Whatever line an author deletes or shifts, the result is the guide or a ContentErrors
report, never another exception (a traceback for the author)."""

from __future__ import annotations

import pytest
from soapguide.guide import load_content
from soapguide.read.errors import ContentErrors

from tests.content_errors.cases import data_copy
from tests.scenario import REPO


def mutations(text: str):
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        for shifted in ([], [" " + line], [line[1:]]):
            yield "".join(lines[:index] + shifted + lines[index + 1 :])


@pytest.mark.parametrize("name", ["faq.yml", "meta.yml"])
def test_every_deleted_or_shifted_line_is_a_report_or_a_guide(name, tmp_path):
    data = data_copy(REPO, tmp_path)
    original = (REPO / "data" / name).read_text(encoding="utf-8")
    reports = 0
    for text in mutations(original):
        (data / name).write_text(text, encoding="utf-8")
        try:
            load_content(data, tmp_path, REPO / "schemas")
        except ContentErrors as errors:
            reports += 1
            assert all(error.line >= 1 and error.hint for error in errors.errors), errors
    assert reports > len(original.splitlines())  # most shifts and deletions are mistakes
