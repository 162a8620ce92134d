"""What the print tests compare against: the texts each card and the pocket page must carry,
from the content as the build loads it (tests/guide_content.py), as a reader sees them
(Markdown rendered, blanks as their labels), and small helpers to print a page to PDF in
Chromium and read it back."""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from soapguide.render.scripts import card_id, card_versions, phase_text
from soapguide.render.text import TextRenderer

from tests.guide_content import has_office, site_content

REPO = Path(__file__).resolve().parents[1]
SCRIPT_CARDS = "print/script-cards/"
POCKET_CHECKLIST = "print/pocket-checklist/"
POINTS_PER_INCH = 72
CSS_PX_PER_INCH = 96

CARD_SIZE_IN = (6, 4)
POCKET_SIZE_IN = (4.25, 5.5)
LETTER_PT = (612, 792)
A4_PT = (595.28, 841.89)

_markdown = TextRenderer(["abbr", "attr_list"])


def data(name: str):
    """One data file's content as the build loads it (``data("scripts")``)."""
    return site_content()[name]


def shown(text: str) -> str:
    """Content text as printed: Markdown rendered to plain text, blanks as their labels."""
    labels = {p["name"]: p["label"] for p in data("scripts")["placeholders"]}
    plain = html.unescape(re.sub(r"<[^>]+>", "", str(_markdown.inline(text))))
    return re.sub(r"\{([a-z_][a-z0-9_]*)\}", lambda m: labels.get(m.group(1), m.group(0)), plain)


def squash(text: str) -> str:
    """No whitespace at all: line breaks on paper fall anywhere."""
    return "".join(text.split())


@dataclass(frozen=True)
class Card:
    id: str
    title: str  # as printed: the script's title and the phase the card is for
    lines: tuple[str, ...]
    channel: str
    steps: tuple[str, ...]  # the steps the card lists: those its lines cover

    @property
    def texts(self) -> tuple[str, ...]:
        return (self.title, *self.lines)


def office_cards() -> int:
    """Cards printed after the scripts: a fork's office card (none upstream)."""
    return 1 if has_office() else 0


def cards() -> list[Card]:
    """Every printed card, in print order: one per script and phase (render.scripts)."""
    scripts, phases = data("scripts")["scripts"], data("scripts")["phases"]
    structure = data("scripts")["structure"]
    both = f"{phases['during']['label']} or {phases['after']['label'].lower()}"
    result = []
    for script, phase in card_versions(scripts):
        used = {line["step"] for line in script["lines"]}
        result.append(
            Card(
                card_id(script, phase),
                f"{script['title']} — {phases[phase]['label'] if phase else both}",
                tuple(shown(phase_text(line, phase)) for line in script["lines"]),
                script["channel"],
                tuple(shown(step["step"]) for step in structure if step["id"] in used),
            )
        )
    return result


def pocket_texts() -> list[str]:
    checklist, tone, scripts = data("checklist"), data("tone"), data("scripts")
    return [
        *(shown(item["text"]) for item in checklist["items"]),
        shown(checklist["matters_more"]),
        *(shown(rule["text"]) for rule in scripts["voicemail_rules"]),
        shown(tone["principle"]),
        *(shown(example["example"]) for example in tone["good"] + tone["bad"]),
        data("meta")["site_name"],
    ]


def voicemail_rule_texts() -> list[str]:
    return [shown(rule["text"]) for rule in data("scripts")["voicemail_rules"]]


def phrase_texts() -> list[str]:
    phrasing = data("scripts")["phrasing"]
    return [shown(p["text"]) for p in phrasing["strong"] + phrasing["weak"]]


def step_texts() -> list[str]:
    return [shown(step["step"]) for step in data("scripts")["structure"]]


@dataclass(frozen=True)
class Pdf:
    pages: list[str]
    sizes: list[tuple[float, float]]
    title: str | None


def read_pdf(source: bytes | Path) -> Pdf:
    reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)
    return Pdf(
        pages=[page.extract_text() or "" for page in reader.pages],
        sizes=[(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages],
        title=reader.metadata.title if reader.metadata else None,
    )


def print_to_pdf(page, url: str, paper: str | None = None) -> Pdf:
    """Open ``url`` at print media, set the print mode (<html data-print-paper>), print with
    the CSS page size, and read the PDF back."""
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    if paper:
        page.evaluate("p => document.documentElement.setAttribute('data-print-paper', p)", paper)
    return read_pdf(page.pdf(prefer_css_page_size=True))


def inches_to_points(size: tuple[float, float]) -> tuple[float, float]:
    return (size[0] * POINTS_PER_INCH, size[1] * POINTS_PER_INCH)


def same_size(actual: tuple[float, float], expected: tuple[float, float], tol: float = 1.0):
    return abs(actual[0] - expected[0]) <= tol and abs(actual[1] - expected[1]) <= tol


def pages_holding(pdf: Pdf, text: str) -> list[int]:
    return [i for i, page in enumerate(pdf.pages) if squash(text) in squash(page)]
