"""The tone check's patterns use only the regular-expression syntax that Python and browsers
read alike: what is in the subset compiles in Python (and, in tests/test_builder_browser.py, in
Chromium with the same results); what is out is refused with its position and a fix."""

from __future__ import annotations

import re

import pytest
from soapguide.builder.safe_regex import FLAGS, normalise, problems

# Patterns in the subset; the browser test compiles each of them in Chromium too.
ACCEPTED = [
    r"\bdo anything\b",
    r"\b(?:top|first|number one) (?:choice|pick)\b",
    r"\bi(?:'m| am) not\b",
    r"\bplease,? please\b",
    r"\bwhere (?:do |did )?i stand\b",
    r"[a-z]{2,5} [0-9]+",
    r"\d{3}-\d{4}",
    r"colou?r",
    r"[\w-]+ program",
    r"[-a-z]",
    r"[a-z-]",
    r"[^aeiou ]{4}",
    r"\(maybe\)",
    r"a\.b",
    r"x{2}y{1,}z{1,3}?",
    r"(?=\w)chance(?! to)",
    r"(a|b|c)+d",
    r"(?:ab){1,3}",
    r"\S+@\S+",
    r"\bnot\B",
    r"#1 choice",
    r"[$.^]",
]

# (pattern, where the problem is (1-based), part of the message)
REFUSED = [
    (r"(?<=my )dream", 1, "'(?<' is not in the syntax"),
    (r"(?<!not )ranked", 1, "'(?<' is not in the syntax"),
    (r"(?P<n>\w+)", 1, "'(?P' is not in the syntax"),
    (r"(?i)dream", 1, "'(?i' is not in the syntax"),
    (r"dream.", 6, "'.' means different things"),
    (r"^dream", 1, "'^' means different things"),
    (r"dream$", 6, "'$' means different things"),
    (r"(\w+) \1", 7, "'\\1' is not in the syntax"),
    (r"\Adream", 1, "'\\A' is not in the syntax"),
    (r"\p{L}+", 1, "'\\p' is not in the syntax"),
    (r"\u00e9", 1, "'\\u' is not in the syntax"),
    (r"x{,3}", 2, "a '{' that is not a repeat"),
    (r"x{3,1}", 2, "repeats fewer times than it must"),
    (r"{2}x", 1, "'{' repeats nothing"),
    (r"*x", 1, "'*' repeats nothing"),
    (r"x**", 3, "two repeats in a row"),
    (r"\b+", 3, "cannot be repeated"),
    (r"(?=x)*", 6, "cannot be repeated"),
    (r"(a+)+", 1, "a repeated group holds a repeat that has no upper bound"),
    (r"(?:\w+\s?)*$", 1, "a repeated group holds a repeat that has no upper bound"),
    (r"(dream", 7, "a '(' without its ')'"),
    (r"dream)", 6, "a ')' without its '('"),
    (r"()", 1, "an empty group"),
    (r"[]", 1, "an empty class"),
    (r"[^]", 1, "an empty class"),
    (r"[a-z", 1, "a '[' without its ']'"),
    (r"[z-a]", 2, "runs backwards"),
    (r"[\w-z]", 4, "a '-' that is neither a range"),
    (r"[a--z]", 3, "'--' inside a class"),
    (r"[a&&b]", 3, "'&&' inside a class"),
    (r"[[a]]", 2, "a '[' inside a class"),
    (r"[\b]", 2, "'\\b' is not in the syntax"),
    (r"dream}", 6, "a '}' without its '{'"),
    (r"dream]", 6, "a ']' without its '['"),
    ("dream\\", 6, "ends with a lone"),
    ("caf\u00e9", 4, "is not allowed in a pattern"),
    ("dream\n", 6, "is not allowed in a pattern"),
    ("x" * 401, 401, "longer than 400 characters"),
]


@pytest.mark.parametrize("pattern", ACCEPTED)
def test_a_pattern_in_the_common_subset_is_accepted_and_compiles(pattern: str) -> None:
    assert problems(pattern) == []
    re.compile(pattern, FLAGS)


@pytest.mark.parametrize(
    ("pattern", "position", "message"), REFUSED, ids=[r[0][:20] for r in REFUSED]
)
def test_a_pattern_outside_the_subset_is_refused_at_its_place(
    pattern: str, position: int, message: str
) -> None:
    found = problems(pattern)
    assert len(found) == 1, found
    assert message in found[0].message, found[0]
    assert found[0].position + 1 == position, found[0]


def test_every_refusal_comes_with_a_fix_except_a_plain_impossibility() -> None:
    for pattern, _, _ in REFUSED:
        (problem,) = problems(pattern)
        assert problem.fix or "fewer times" in problem.message, pattern


def test_reading_normalises_curly_quotes_and_spaces_as_the_browser_does() -> None:
    assert normalise("  I\u2019m \u201cnot\u201d\n the\tbest ") == 'I\'m "not" the best'
