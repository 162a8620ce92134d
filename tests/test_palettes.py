"""The dark palette changes colours and nothing else.

Every rule our stylesheets apply to the dark palette only (a selector naming Material's "slate"
scheme, or a `prefers-color-scheme` media query) sets colours: a colour token or a colour
property, to a colour. Nothing shows, hides, moves or resizes in the dark palette alone. This is
why the browser tests check every axe rule in the light palette and only the colour rules in the
dark one (tests/axe_palettes.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
OURS = sorted((REPO / "docs" / "assets" / "stylesheets").glob("*.css"))

DARK_ONLY = re.compile(r"slate|prefers-color-scheme", re.I)
COLOUR_PROPERTIES = {
    "color",
    "background-color",
    "border-color",
    "outline-color",
    "text-decoration-color",
    "fill",
    "stroke",
    "caret-color",
    "accent-color",
    "color-scheme",
}
COLOUR = re.compile(
    r"#[0-9a-f]{3,8}|(?:color-mix|oklch|oklab|rgba?|hsla?|var)\(.*\)"
    r"|transparent|currentcolor|white|black|dark|light",
    re.I | re.S,
)


def dark_only_declarations(css: str) -> list[tuple[int, str, str]]:
    """(line, property, value) of every declaration inside a block that applies to the dark
    palette only, however deeply the block is nested in @media or @supports."""
    css = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), css, flags=re.S)
    found = []
    preludes: list[str] = []  # the selector or at-rule of each open block
    start = 0
    for match in re.finditer(r"[{};]", css):
        chunk = css[start : match.start()]
        if match.group() == "{":
            preludes.append(chunk.strip())
        elif any(DARK_ONLY.search(p) for p in preludes) and ":" in chunk:
            name, value = chunk.split(":", 1)
            line = css.count("\n", 0, match.start() - len(chunk.lstrip())) + 1
            found.append((line, name.strip(), value.strip()))
        if match.group() == "}" and preludes:
            preludes.pop()
        start = match.end()
    return found


def test_the_reader_finds_the_dark_rules_it_is_meant_to_find():
    css = """
    .a { margin: 0 }
    @media screen { [data-md-color-scheme="slate"] { --ink: #fff; color: black } }
    @media (prefers-color-scheme: dark) { .b { display: none } }
    """
    assert [(n, v) for _, n, v in dark_only_declarations(css)] == [
        ("--ink", "#fff"),
        ("color", "black"),
        ("display", "none"),
    ]


@pytest.mark.parametrize("stylesheet", OURS, ids=lambda path: path.name)
def test_the_dark_palette_sets_colours_only(stylesheet):
    wrong = [
        f"{stylesheet.name}:{line}: {name}: {value}"
        for line, name, value in dark_only_declarations(stylesheet.read_text("utf-8"))
        if not (name.startswith("--") or name in COLOUR_PROPERTIES)
        or not COLOUR.fullmatch(value.removesuffix("!important").strip())
    ]
    assert not wrong, (
        "the dark palette may change colours only (the tests check it with axe's colour rules):\n"
        + "\n".join(wrong)
    )
