"""A link scheme split or disguised by characters a browser removes (``java&#9;script:``, a
tab, a newline, other controls, zero-width characters, HTML entities) is still the scheme it
spells: the text policy rejects it as an unsafe link, naming the file and line, and never as a
"broken relative link" by luck."""

from __future__ import annotations

from pathlib import Path

import pytest
from soapguide.check.checks import check_text_policy
from soapguide.check.text_policy import (
    link_scheme,
    relative_link_in,
    safe_url,
    scheme_is_hidden,
    unsafe_link_in,
)
from soapguide.read.yaml_source import load_yaml

HIDDEN = {
    "entity tab": "java&#9;script:alert(1)",
    "hex entity tab": "java&#x09;script:alert(1)",
    "named entity tab": "java&Tab;script:alert(1)",
    "entity newline": "java&#10;script:alert(1)",
    "named entity newline": "java&NewLine;script:alert(1)",
    "entity without semicolon": "java&#9script:alert(1)",
    "zero-padded entity": "java&#0000009;script:alert(1)",
    "tab": "java\tscript:alert(1)",
    "newline": "java\nscript:alert(1)",
    "carriage return": "java\rscript:alert(1)",
    "vertical tab": "java\x0bscript:alert(1)",
    "form feed": "java\x0cscript:alert(1)",
    "null": "java\x00script:alert(1)",
    "other control": "java\x01script:alert(1)",
    "delete": "java\x7fscript:alert(1)",
    "C1 control": "java\x85script:alert(1)",
    "zero-width space": "java\u200bscript:alert(1)",
    "soft hyphen": "java\u00adscript:alert(1)",
    "line separator": "java\u2028script:alert(1)",
    "leading space": "  javascript:alert(1)",
    "encoded colon": "javascript&colon;alert(1)",
    "encoded letter": "JaVa&#115;cript:alert(1)",
    "data with entity": "da&#9;ta:text/html,hi",
    "vbscript with tab": "vb\tscript:msgbox(1)",
}


FORMS = {
    "inline": "[x]({})",
    "angle-brackets": "[x](<{}>)",
    "in-a-sentence": "See [the page]({}) first.",
    "reference-tab": "[x]:\t{}",
    "reference-title": '[x]: {} "title"',
}
# A reference definition ends with its line, so no link spans a line break there.
CASES = [
    pytest.param(form, destination, id=f"{form_name}-{name}")
    for form_name, form in FORMS.items()
    for name, destination in HIDDEN.items()
    if not (form_name.startswith("reference") and any(end in destination for end in "\n\r"))
]


@pytest.mark.parametrize(("written", "destination"), CASES)
def test_a_hidden_scheme_is_an_unsafe_link_not_a_broken_relative_one(written, destination):
    text = written.format(destination)
    found = unsafe_link_in(text)
    assert found is not None, text
    assert found[0] in {"javascript", "data", "vbscript"}
    assert relative_link_in(text) is None


@pytest.mark.parametrize("destination", HIDDEN.values(), ids=HIDDEN.keys())
def test_a_hidden_scheme_never_reaches_an_href(destination):
    assert safe_url(destination) == "#"


@pytest.mark.parametrize(
    "text",
    [
        '[NRMP](https://www.nrmp.org/ "The NRMP")',
        "[write](mailto:advising@example.edu)",
        "[call](tel:+1\t555\t0100)",
        "[jump](#faq)",
        "[a](https://example.org) and (b) and c: d",
        "Use `[x](javascript:alert(1))` to show code",
        "The time is 10:30, as in java script: two words",
    ],
)
def test_safe_links_and_plain_prose_pass(text):
    assert unsafe_link_in(text) is None
    assert relative_link_in(text) is None


def test_a_plainly_written_scheme_is_not_called_hidden():
    assert link_scheme("javascript:alert(1)") == "javascript"
    assert not scheme_is_hidden("javascript:alert(1)")
    assert scheme_is_hidden("java&#9;script:alert(1)")
    assert scheme_is_hidden("java\tscript:alert(1)")


@pytest.mark.parametrize(
    ("yaml_text", "line", "column"),
    [
        ('text: "See [x](java&#9;script:alert(1))."\n', 1, 16),
        ('text: "See [x](java\\tscript:alert(1))."\n', 1, 16),
        ("text: >-\n  A long text,\n  then [x](java&#10;script:alert(1)).\n", 3, 12),
    ],
    ids=["entity", "escaped-tab", "inside-a-long-text"],
)
def test_the_error_names_file_line_column_and_the_hiding(tmp_path: Path, yaml_text, line, column):
    path = tmp_path / "faq.yml"
    path.write_text(yaml_text, encoding="utf-8")
    document, problems = load_yaml(path, "data/faq.yml")
    assert document is not None and not problems
    errors = check_text_policy(document)
    assert len(errors) == 1, errors
    error = errors[0]
    assert (error.file, error.line, error.column) == ("data/faq.yml", line, column)
    assert "a 'javascript:' link is not allowed" in error.message
    assert "hidden characters" in error.message
    assert "https://" in error.hint
