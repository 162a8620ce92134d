"""The office's brand colour: WCAG AA contrast in the light and the dark palette, the nearest
colour that passes when it does not, and the CSS that applies it.

Where the colour is used (Material's palette, through the ``--sg-brand`` design token):

- light and dark palette: the header and primary buttons, white text on the brand colour;
- light palette: links and accents, brand-coloured text on the page and on tinted blocks;
- dark palette: links and accents use a lighter tint of the brand colour, derived here so that
  it passes on the dark page and its tinted blocks (a colour dark enough for white text cannot
  also be read on a dark page).

AA for normal text is 4.5:1 (WCAG 2.2, 1.4.3). The same checks run on every build.
"""

from __future__ import annotations

import colorsys
import functools
from collections.abc import Callable
from dataclasses import dataclass

AA_TEXT = 4.5
# Where a build puts the stylesheet brand_css() writes, in the site.
BRAND_STYLESHEET = "assets/stylesheets/office-brand.css"
WHITE = "#ffffff"
# Backgrounds that brand-coloured text sits on, per palette (Material 9: the page and code or
# tinted blocks; the dark palette is hsl(225, 15%, 14%) and 18%).
LIGHT_SURFACES = {"#ffffff": "the page", "#f5f5f5": "tinted blocks"}
DARK_SURFACES = {"#1e2129": "the dark page", "#272a35": "tinted blocks in the dark palette"}


def parse_hex(text: str) -> tuple[int, int, int]:
    """``#7a1f2b`` or ``#a12`` -> (r, g, b) in 0-255; ValueError otherwise."""
    value = text.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    if len(value) != 6 or any(ch not in "0123456789abcdefABCDEF" for ch in value):
        raise ValueError(f"not a #RRGGBB colour: {text!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def to_hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{max(0, min(255, channel)):02x}" for channel in rgb)


def normalise(text: str) -> str:
    """``#A12`` -> ``#aa1122``."""
    return to_hex(parse_hex(text))


def luminance(colour: str) -> float:
    """WCAG relative luminance."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(channel) for channel in parse_hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _with_lightness(colour: str, lightness: float) -> str:
    r, g, b = (channel / 255 for channel in parse_hex(colour))
    hue, _, saturation = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(hue, max(0.0, min(1.0, lightness)), saturation)
    return to_hex((round(r * 255), round(g * 255), round(b * 255)))


def _lightness(colour: str) -> float:
    r, g, b = (channel / 255 for channel in parse_hex(colour))
    return colorsys.rgb_to_hls(r, g, b)[1]


def _worst(colour: str, others: dict[str, str]) -> tuple[float, str]:
    """The lowest contrast of ``colour`` against ``others``, and what that other one is."""
    return min((contrast(colour, other), name) for other, name in others.items())


def passes_light(colour: str) -> bool:
    """White text on it, and it as text on the light page and tinted blocks, at AA."""
    return contrast(colour, WHITE) >= AA_TEXT and _worst(colour, LIGHT_SURFACES)[0] >= AA_TEXT


@functools.cache
def nearest_passing(colour: str) -> str:
    """The colour of the same hue and saturation, as little darker as needed, that passes in
    the light palette (a failing brand colour is always too light: darker only gains)."""
    start = _lightness(colour)
    return _search(lambda lightness: _with_lightness(colour, lightness), start, 0.0, passes_light)


@functools.cache
def dark_palette_tint(colour: str) -> str:
    """The brand colour, lightened only as much as needed to read on the dark palette."""
    start = _lightness(colour)
    return _search(
        lambda lightness: _with_lightness(colour, lightness),
        start,
        1.0,
        lambda candidate: _worst(candidate, DARK_SURFACES)[0] >= AA_TEXT,
    )


def _search(
    shade: Callable[[float], str], start: float, end: float, passes: Callable[[str], bool]
) -> str:
    """The shade nearest ``start`` (lightness, from ``start`` towards ``end``) that passes:
    contrast changes monotonically along the way, so a bisection finds it."""
    if passes(shade(start)):
        return shade(start)
    if not passes(shade(end)):
        return shade(end)
    failing, passing = start, end
    for _ in range(30):
        middle = (failing + passing) / 2
        if passes(shade(middle)):
            passing = middle
        else:
            failing = middle
    return shade(passing)


@dataclass(frozen=True)
class BrandCheck:
    """The brand colour's contrast in both palettes, and what fails."""

    colour: str
    problems: tuple[str, ...]
    suggestion: str | None
    dark_tint: str

    @property
    def ok(self) -> bool:
        return not self.problems


def check_brand(colour: str) -> BrandCheck:
    colour = normalise(colour)
    problems = []
    on_white = contrast(colour, WHITE)
    if on_white < AA_TEXT:
        problems.append(
            f"white text on it (the header and buttons, in the light and the dark palette) has "
            f"a contrast of {on_white:.2f}:1"
        )
    ratio, surface = _worst(colour, LIGHT_SURFACES)
    if ratio < AA_TEXT and on_white >= AA_TEXT:
        problems.append(f"links in this colour on {surface} have a contrast of {ratio:.2f}:1")
    tint = dark_palette_tint(colour)
    dark_ratio, dark_surface = _worst(tint, DARK_SURFACES)
    if dark_ratio < AA_TEXT:  # cannot happen with white available; kept as a guard
        problems.append(f"links on {dark_surface} have a contrast of {dark_ratio:.2f}:1")
    return BrandCheck(colour, tuple(problems), nearest_passing(colour) if problems else None, tint)


def brand_css(colour: str) -> str:
    """The stylesheet that applies the brand colour: the ``--sg-brand`` design tokens and, for
    Material's own components, its palette variables (light, then dark palette)."""
    brand = normalise(colour)
    tint = dark_palette_tint(brand)
    lighter = _with_lightness(brand, min(1.0, _lightness(brand) + 0.08))
    darker = _with_lightness(brand, _lightness(brand) * 0.8)
    return f"""/* The office's brand colour (office/office.yml: brand_colour), written by the build.
   Checked for WCAG AA: white text on {brand} is {contrast(brand, WHITE):.2f}:1; links in the
   dark palette use {tint} ({_worst(tint, DARK_SURFACES)[0]:.2f}:1 on the dark page). */
:root,
[data-md-color-primary] {{
  --sg-brand: {brand};
  --sg-brand-contrast: #ffffff;
  --sg-brand-link: {brand};
  --md-primary-fg-color: {brand};
  --md-primary-fg-color--light: {lighter};
  --md-primary-fg-color--dark: {darker};
  --md-primary-bg-color: #ffffff;
  --md-primary-bg-color--light: #ffffffb3;
  --md-accent-fg-color: {brand};
  --md-accent-fg-color--transparent: {brand}1a;
  --md-accent-bg-color: #ffffff;
  --md-accent-bg-color--light: #ffffffb3;
}}
[data-md-color-primary]:not([data-md-color-scheme="slate"]) {{
  --md-typeset-a-color: {brand};
}}
[data-md-color-scheme="slate"],
[data-md-color-scheme="slate"][data-md-color-primary] {{
  --sg-brand-link: {tint};
  --md-typeset-a-color: {tint};
  --md-accent-fg-color: {tint};
  --md-accent-fg-color--transparent: {tint}1a;
}}
/* Outlined buttons take the link colour, so they stay readable on the dark page. */
[data-md-color-scheme="slate"] .md-typeset .md-button:not(.md-button--primary) {{
  color: var(--sg-brand-link);
  border-color: var(--sg-brand-link);
}}
"""
