"""Every CSS custom property our stylesheets use is defined somewhere: by our own stylesheets,
by the office colour stylesheet the engine writes, or by Material. A property that is defined
nowhere makes its declaration do nothing, silently (a border that never shows, a mark the
colour of its background)."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from soapguide.overlay import colour

REPO = Path(__file__).resolve().parents[1]
OURS = sorted((REPO / "docs" / "assets" / "stylesheets").glob("*.css"))
MATERIAL = sorted((Path(material.__file__).parent / "templates" / "assets").rglob("*.css"))
# var(--name) without a fallback: var(--name, fallback) is safe when --name is not defined.
USED = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)\s*\)")
DEFINED = re.compile(r"(--[A-Za-z0-9_-]+)\s*:")


def defined_in(files: list[Path]) -> set[str]:
    return {name for path in files for name in DEFINED.findall(path.read_text("utf-8"))}


DEFINED_ANYWHERE = (
    defined_in(OURS)
    | defined_in(MATERIAL)
    | set(DEFINED.findall(Path(colour.__file__).read_text("utf-8")))
)


def test_material_s_stylesheets_are_found():
    assert "--md-default-fg-color" in defined_in(MATERIAL)


@pytest.mark.parametrize("stylesheet", OURS, ids=lambda path: path.name)
def test_every_custom_property_a_stylesheet_uses_is_defined(stylesheet):
    used = set(USED.findall(stylesheet.read_text("utf-8")))
    assert sorted(used - DEFINED_ANYWHERE) == []
