"""Print the built print pages to the PDF downloads, with headless Chromium.

The PDFs come from the same HTML and CSS a reader prints from the site (print media, the CSS
page sizes of docs/assets/stylesheets/paper-*.css), so the download and the Print button give
the same paper. Chromium rather than WeasyPrint: it renders these pages as the site's readers'
browsers do (named pages, ``:has()``, flex and grid), measured in bench/print_pdfs.py.

Before printing, every card and pocket page is checked against its paper size, exactly: content
that runs past its edge by any amount (a fork's longer script, or a longer name) stops the
build, naming the cause: the name and the file and line it is written on when a shorter name
would fit, else the longest texts of the part that overflows, with their files and lines.
After printing, the PDF must have exactly the pages expected (one per sheet, card or pocket
page): a layout that spills onto an extra page stops the build too.

Plain Python; the MkDocs adapter calls :func:`build_pdfs` after each build.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import browser_lookup
from .office import LONGEST_NAME

CHROMIUM_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
DOWNLOADS = "downloads"
SCRIPT_CARDS = "print/script-cards/index.html"
POCKET_CHECKLIST = "print/pocket-checklist/index.html"
POCKET_SHEETS = "print/pocket-checklist-sheets/index.html"
# A name of this length stands in for the real one to tell whether the name is the cause.
_SHORT_NAME = "SOAP Call Guide"


# Boxes that must hold all their content: each is one card or one pocket page on paper. For
# each box that does not, how far its content runs past an edge (CSS px, exact: layout works
# in 1/64 px), whether it fits with short names, and the texts of the part that overflows.
_OVERFLOWS = """
(shortName) => {
  function runsOver(box) {
    const outer = box.getBoundingClientRect();
    let worst = 0, culprit = null;
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let rects;
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.data.trim()) continue;
        range.selectNodeContents(node);
        rects = range.getClientRects();
      } else {
        rects = node.getClientRects();
      }
      for (const r of rects) {
        if (r.width === 0 && r.height === 0) continue;
        const by = Math.max(r.bottom - outer.bottom, r.right - outer.right,
                            outer.top - r.top, outer.left - r.left);
        if (by > worst) {
          worst = by;
          culprit = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
        }
      }
    }
    return {by: worst, culprit};
  }
  const found = [];
  for (const box of document.querySelectorAll(".print-card, .pocket")) {
    if (box.getClientRects().length === 0) continue;
    const {by, culprit} = runsOver(box);
    if (by <= 0) continue;
    const names = [...box.querySelectorAll("[data-name]")];
    const shown = names.map((el) => ({key: el.dataset.name, src: el.dataset.src,
                                      text: el.textContent}));
    let fitsWithShortNames = false;
    if (names.some((el) => el.textContent.length > shortName.length)) {
      names.forEach((el) => { el.textContent = shortName; });
      fitsWithShortNames = runsOver(box).by <= 0;
      names.forEach((el, i) => { el.textContent = shown[i].text; });
    }
    // The office's contacts (a fork's office/office.yml): does the box fit without them?
    const contactEls = [...box.querySelectorAll(
      ":is(.paper-office, .paper-office-line) [data-src]:not([data-name])")];
    const contacts = contactEls.map((el) => ({src: el.dataset.src, text: el.textContent}));
    let fitsWithShortContacts = false;
    if (contactEls.length) {
      contactEls.forEach((el) => { el.textContent = "x"; });
      fitsWithShortContacts = runsOver(box).by <= 0;
      contactEls.forEach((el, i) => { el.textContent = contacts[i].text; });
    }
    const column = culprit.getBoundingClientRect();
    const texts = [...box.querySelectorAll("[data-src]:not([data-name])")]
      .filter((el) => el.dataset.src)
      .map((el) => {
        const r = el.getBoundingClientRect();
        const line = parseFloat(getComputedStyle(el).lineHeight) || 16;
        const words = el.querySelector(".script-card__text, .pocket__text") || el;
        return {src: el.dataset.src, text: words.textContent.trim().replace(/\\s+/g, " "),
                lines: Math.max(1, Math.round(r.height / line)), height: r.height,
                overlaps: r.left < column.right && r.right > column.left};
      })
      .filter((t) => t.overlaps)
      .sort((a, b) => b.height - a.height);
    found.push({id: box.id || box.className.split(" ")[0], by, fitsWithShortNames,
                names: shown, fitsWithShortContacts, contacts, texts});
  }
  return found;
}
"""


class PdfError(Exception):
    """A PDF could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class PdfJob:
    """One download: which built page, in which print mode, under which title, and what each
    of its pages is (a CSS selector: the PDF has one page per element it matches)."""

    name: str
    page: str
    paper: str | None
    title: str
    page_per: str

    def document_title(self, site_name: str) -> str:
        return f"{site_name}: {self.title}"


_SHEET, _CARD, _POCKET = ".card-sheet", ".card-slot", ".pocket"
JOBS: tuple[PdfJob, ...] = (
    PdfJob("script-cards-letter.pdf", SCRIPT_CARDS, "letter", "Script cards, US Letter", _SHEET),
    PdfJob("script-cards-a4.pdf", SCRIPT_CARDS, "a4", "Script cards, A4", _SHEET),
    PdfJob("script-cards-4x6.pdf", SCRIPT_CARDS, "card", "Script cards, 4 x 6 in", _CARD),
    PdfJob("pocket-checklist.pdf", POCKET_CHECKLIST, None, "Pocket checklist", _POCKET),
    PdfJob(
        "pocket-checklists-letter.pdf",
        POCKET_SHEETS,
        "letter",
        "Pocket checklists, four to a US Letter sheet",
        ".pocket-sheet",
    ),
    PdfJob(
        "pocket-checklists-a4.pdf",
        POCKET_SHEETS,
        "a4",
        "Pocket checklists, four to an A4 sheet",
        ".pocket-sheet",
    ),
)


@dataclass(frozen=True)
class PdfResult:
    path: Path
    seconds: float
    size: int


def chromium_path() -> str:
    """The Chromium or Chrome to print with (browser_lookup says where it looks)."""
    return browser_lookup.chromium_path()


@contextmanager
def chromium(executable: str | None = None) -> Iterator[object]:
    """A headless Chromium (Playwright), or PdfError explaining how to get one."""
    from playwright.sync_api import Error, sync_playwright

    executable = executable or chromium_path()
    if not Path(executable).is_file():
        raise PdfError(
            f"the PDF downloads need Chromium or Chrome, and there is none at {executable}. "
            + browser_lookup.missing_message()
        )
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as error:
            raise PdfError(f"Chromium at {executable} did not start: {error}") from None
        try:
            yield browser
        finally:
            browser.close()


def render_pdf(page, site_dir: Path, job: PdfJob, site_name: str, out: Path) -> PdfResult:
    """In browser tab ``page``, open ``job.page`` from ``site_dir`` at print media (once for
    several jobs on the same page), set its print mode, check it fits, print it to ``out``."""
    source = site_dir / job.page
    if not source.is_file():
        raise PdfError(f"{job.name}: the page {job.page} was not built")
    started = time.perf_counter()
    if page.url != source.as_uri():
        page.goto(source.as_uri(), wait_until="load")
        page.emulate_media(media="print")
    page.evaluate(
        """([paper, title]) => {
             const root = document.documentElement;
             if (paper) root.setAttribute("data-print-paper", paper);
             else root.removeAttribute("data-print-paper");
             document.title = title;
           }""",
        [job.paper, job.document_title(site_name)],
    )
    too_big = page.evaluate(_OVERFLOWS, _SHORT_NAME)
    if too_big:
        raise PdfError(
            "\n".join(
                [f"{job.name}: content does not fit its paper.", *map(overflow_message, too_big)]
            )
        )
    expected = page.evaluate(
        "s => [...document.querySelectorAll(s)].filter((e) => e.getClientRects().length).length",
        job.page_per,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(out), prefer_css_page_size=True)
    pages = pdf_page_count(out)
    if pages != expected:
        out.unlink()
        raise PdfError(
            f"{job.name}: the PDF has {pages} pages where {expected} were expected (one for each "
            f"'{job.page_per}' shown on {job.page}). Something in the print layout "
            f"({_stylesheets(job.page)}) breaks a page or adds one; print the page from "
            "the browser to see where."
        )
    return PdfResult(out, time.perf_counter() - started, out.stat().st_size)


def pdf_page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def _stylesheets(page: str) -> str:
    """The stylesheets that lay out ``page`` (a built print page) on paper."""
    cards = page == SCRIPT_CARDS
    names = ("paper-card.css", "paper-sheets.css") if cards else ("paper-pocket.css",)
    return " and ".join(f"docs/assets/stylesheets/{name}" for name in names)


def overflow_message(box: dict) -> str:
    """One box that does not fit, its cause and the file and line to change, in two or three
    plain sentences (``box`` as _OVERFLOWS reports it)."""
    what = f"the card '{box['id']}'" if box["id"] != "pocket" else "the pocket checklist"
    by = box["by"]
    head = f"  {what} runs {by:.2f} px past its edge (96 px = 1 in)"
    long_names = [n for n in box["names"] if len(n["text"]) > len(_SHORT_NAME)]
    # Names up to LONGEST_NAME fit (README, "Long names"): with names within it, contacts
    # that make the box fit when shortened are what to change.
    names_promised = all(len(n["text"]) <= LONGEST_NAME for n in box["names"])
    if box.get("fitsWithShortContacts") and names_promised:
        return _contacts_message(head, box["contacts"])
    if box["fitsWithShortNames"] and long_names:
        named = {}
        for name in long_names:
            named.setdefault(name["src"], name)
        names = "; ".join(
            f"'{n['text']}' ({len(n['text'])} characters), written at {src}"
            for src, n in named.items()
        )
        return (
            f"{head} because of a name on it: {names}. With a shorter name it fits.\n"
            "    fix: shorten that name (names of up to 60 characters fit every card; a "
            "short_name is used where space is tight)"
        )
    texts = box["texts"][:3]
    if not texts:
        page = POCKET_CHECKLIST if box["id"] == "pocket" else SCRIPT_CARDS
        return f"{head}.\n    fix: see {_stylesheets(page)}"
    listed = "; ".join(
        f"{t['src']} ('{_clip(t['text'])}', {t['lines']} line{'s' if t['lines'] != 1 else ''})"
        for t in texts
    )
    return (
        f"{head}: its text is too long for it. The longest texts in the part that runs over: "
        f"{listed}.\n    fix: shorten one of these texts (the names on it are not the cause: it "
        "does not fit with a short name either)"
    )


def _contacts_message(head: str, contacts: list[dict]) -> str:
    """The office's contacts are what does not fit (names are within what the paper holds)."""
    longest = sorted(contacts, key=lambda c: len(c["text"]), reverse=True)[:2]
    listed = "; ".join(
        f"'{_clip(c['text'])}' ({len(c['text'])} characters on paper), written at {c['src']}"
        for c in longest
    )
    return (
        f"{head} because of the office's contacts on it, the longest: {listed}. Without them "
        "it fits.\n    fix: shorten the longest contact (fewer words in the hours, or a "
        "shorter booking address)"
    )


def _clip(text: str, length: int = 50) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def build_pdfs(
    site_dir: Path,
    site_name: str,
    jobs: Iterable[PdfJob] = JOBS,
    executable: str | None = None,
) -> list[PdfResult]:
    """Write every job's PDF to ``site_dir/downloads/``; return what was written."""
    jobs = list(jobs)
    with chromium(executable) as browser:
        page = browser.new_page()
        try:
            return [
                render_pdf(page, site_dir, job, site_name, site_dir / DOWNLOADS / job.name)
                for job in jobs
            ]
        finally:
            page.close()


def pdfs_wanted(command: str | None, setting: str | None) -> bool:
    """``SOAPGUIDE_PDFS`` decides (on/off); unset, every command but ``mkdocs serve`` makes them."""
    value = (setting or "").strip().lower()
    if value in {"off", "0", "no", "false"}:
        return False
    if value in {"on", "1", "yes", "true"}:
        return True
    if value:
        raise PdfError(f"SOAPGUIDE_PDFS={setting!r}: expected 'on' or 'off'")
    return command != "serve"
