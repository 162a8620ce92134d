"""The office's brand colour: WCAG AA contrast in the light and the dark palette, the nearest
colour that passes when it does not, and the stylesheet that applies it.

The site's look derives every colour from one design token, ``--sg-brand``
(docs/assets/stylesheets/guide.css): the header and buttons (white text on it), links and
markers. Where a browser has CSS relative colours, guide.css clamps their lightness so they
always read well; where it has not, the colours are the brand colour itself (light palette) and
``color-mix`` tints of it (dark palette: 35 % of it with white for links, 45 % with black for
the header). The check here is for that second case, the one a colour can fail:

- light palette: white text on the brand colour, and the brand colour as text on the page and
  on tinted blocks;
- dark palette: its links' tint on the dark page and tinted blocks, white text on its header.

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
BLACK = "#000000"
# Backgrounds that brand-coloured text sits on, per palette (guide.css: --sg-surface and
# --sg-surface-alt), and how the dark palette mixes its colours from the brand colour there.
LIGHT_SURFACES = {"#ffffff": "the page", "#f3f3f2": "tinted blocks"}
DARK_SURFACES = {"#15171c": "the dark page", "#22252c": "tinted blocks in the dark palette"}
DARK_LINK_SHARE = 0.35  # --sg-brand-ink: color-mix(in srgb, var(--sg-brand) 35%, #fff)
DARK_HEADER_SHARE = 0.45  # --sg-header: color-mix(in srgb, var(--sg-brand) 45%, #000)


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


def mix(colour: str, other: str, share: float) -> str:
    """CSS ``color-mix(in srgb, colour share, other)``."""
    return to_hex(
        tuple(
            round(share * a + (1 - share) * b)
            for a, b in zip(parse_hex(colour), parse_hex(other), strict=True)
        )
    )


def dark_palette_link(colour: str) -> str:
    return mix(colour, WHITE, DARK_LINK_SHARE)


def dark_palette_header(colour: str) -> str:
    return mix(colour, BLACK, DARK_HEADER_SHARE)


def problems(colour: str) -> list[str]:
    """What fails WCAG AA with ``colour`` as the brand colour, in words; [] when nothing."""
    found = []
    on_white = contrast(colour, WHITE)
    if on_white < AA_TEXT:
        found.append(
            f"white text on it (the header and buttons) has a contrast of {on_white:.2f}:1"
        )
    ratio, surface = _worst(colour, LIGHT_SURFACES)
    if ratio < AA_TEXT and on_white >= AA_TEXT:
        found.append(f"links in this colour on {surface} have a contrast of {ratio:.2f}:1")
    link = dark_palette_link(colour)
    ratio, surface = _worst(link, DARK_SURFACES)
    if ratio < AA_TEXT:
        found.append(f"links ({link}) on {surface} have a contrast of {ratio:.2f}:1")
    header = dark_palette_header(colour)
    if contrast(header, WHITE) < AA_TEXT:
        found.append(
            f"white text on the dark palette's header ({header}) has a contrast of "
            f"{contrast(header, WHITE):.2f}:1"
        )
    return found


def passes(colour: str) -> bool:
    return not problems(colour)


@functools.cache
def nearest_passing(colour: str) -> str:
    """The colour of the same hue and saturation, as little darker as needed, that passes in
    both palettes (a failing brand colour is always too light: darker only gains)."""
    start = _lightness(colour)
    return _search(lambda lightness: _with_lightness(colour, lightness), start, 0.0, passes)


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

    @property
    def ok(self) -> bool:
        return not self.problems


def check_brand(colour: str) -> BrandCheck:
    colour = normalise(colour)
    found = tuple(problems(colour))
    return BrandCheck(colour, found, nearest_passing(colour) if found else None)


def brand_css(colour: str) -> str:
    """The stylesheet that applies the brand colour: the design token the site's colours
    derive from (loaded after guide.css, which sets the upstream one)."""
    brand = normalise(colour)
    link = dark_palette_link(brand)
    return (
        "/* The office's brand colour (office/office.yml: brand_colour), written by the build:\n"
        "   the design token every colour of the site derives from (guide.css). Checked for\n"
        f"   WCAG AA: white text on {brand} is {contrast(brand, WHITE):.2f}:1; links in the dark\n"
        f"   palette ({link}) are {_worst(link, DARK_SURFACES)[0]:.2f}:1 on the dark page. */\n"
        f":root {{ --sg-brand: {brand}; }}\n"
    )
