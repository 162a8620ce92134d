"""The office logo's shape, read from the file: the header keeps room for it before the image
has loaded, so the site name beside it does not jump when it arrives (no layout shift)."""

from __future__ import annotations

import re
import struct
from pathlib import Path

_NUMBER = r"([0-9]*\.?[0-9]+)"
_VIEW_BOX = re.compile(rf"viewBox\s*=\s*[\"'][^\"']*?{_NUMBER}[\s,]+{_NUMBER}\s*[\"']")
_SVG_TAG = re.compile(r"<svg\b[^>]*>")
_SIZE = re.compile(rf"\b(width|height)\s*=\s*[\"']{_NUMBER}(?:px)?[\"']")


def logo_ratio(path: Path) -> float | None:
    """Width over height of the image at ``path`` (SVG, PNG, JPEG or WebP), or None when the
    file does not say."""
    raw = path.read_bytes()
    size = _svg_size(raw) if path.suffix.lower() == ".svg" else _bitmap_size(raw)
    if size is None or size[0] <= 0 or size[1] <= 0:
        return None
    return size[0] / size[1]


def logo_css(ratio: float) -> str:
    """Material sets the header logo 1.2rem high and as wide as the image; the ratio gives it
    that width from the first paint."""
    return f".md-header__button.md-logo img {{ aspect-ratio: {ratio:.4f}; }}\n"


def _svg_size(raw: bytes) -> tuple[float, float] | None:
    text = raw.decode("utf-8", errors="replace")
    box = _VIEW_BOX.search(text)
    if box:
        return float(box.group(1)), float(box.group(2))
    tag = _SVG_TAG.search(text)
    sizes = {name: float(value) for name, value in _SIZE.findall(tag.group(0) if tag else "")}
    return (sizes["width"], sizes["height"]) if len(sizes) == 2 else None


def _bitmap_size(raw: bytes) -> tuple[int, int] | None:
    if raw.startswith(b"\x89PNG") and len(raw) >= 24:
        return struct.unpack(">II", raw[16:24])
    if raw.startswith(b"\xff\xd8"):
        return _jpeg_size(raw)
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return _webp_size(raw)
    return None


def _jpeg_size(raw: bytes) -> tuple[int, int] | None:
    """From the first start-of-frame segment (SOF0 to SOF15, but DHT, JPG and DAC)."""
    at = 2
    while at + 9 < len(raw) and raw[at] == 0xFF:
        marker, length = raw[at + 1], struct.unpack(">H", raw[at + 2 : at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", raw[at + 5 : at + 9])
            return width, height
        at += 2 + length
    return None


def _webp_size(raw: bytes) -> tuple[int, int] | None:
    chunk = raw[12:16]
    if chunk == b"VP8X" and len(raw) >= 30:
        return 1 + int.from_bytes(raw[24:27], "little"), 1 + int.from_bytes(raw[27:30], "little")
    if chunk == b"VP8L" and len(raw) >= 25:
        bits = int.from_bytes(raw[21:25], "little")
        return 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    if chunk == b"VP8 " and len(raw) >= 30:
        width, height = struct.unpack("<HH", raw[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return None
