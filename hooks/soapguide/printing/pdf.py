"""Print the built print pages to the PDF downloads, with headless Chromium.

The PDFs come from the same HTML and CSS a reader prints from the site (print media, the CSS
page sizes of docs/assets/stylesheets/print.css), so the download and the Print button give
the same paper. Chromium rather than WeasyPrint: it renders these pages as the site's readers'
browsers do (named pages, ``:has()``, flex and grid), measured in bench/print_pdfs.py.

Before printing, every card and pocket page is checked against its paper size: content that no
longer fits (a fork's longer script, say) stops the build with the card's name, instead of
printing a card with its last lines cut off.

Plain Python; the MkDocs adapter calls :func:`build_pdfs` after each build.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

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

# Boxes that must hold all their content: each is one card or one pocket page on paper.
_OVERFLOWS = """
() => {
  const found = [];
  for (const box of document.querySelectorAll(".print-card, .pocket")) {
    if (box.getClientRects().length === 0) continue;
    const outer = box.getBoundingClientRect();
    let worst = Math.max(0, box.scrollHeight - box.clientHeight, box.scrollWidth - box.clientWidth);
    for (const el of box.querySelectorAll("*")) {
      for (const r of el.getClientRects()) {
        if (r.width === 0 && r.height === 0) continue;
        worst = Math.max(worst, r.bottom - outer.bottom, r.right - outer.right,
                         outer.top - r.top, outer.left - r.left);
      }
    }
    if (worst > 1) found.push({id: box.id || box.className, by: worst});
  }
  return found;
}
"""


class PdfError(Exception):
    """A PDF could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class PdfJob:
    """One download: which built page, in which print mode, under which title."""

    name: str
    page: str
    paper: str | None
    title: str

    def document_title(self, site_name: str) -> str:
        return f"{site_name}: {self.title}"


JOBS: tuple[PdfJob, ...] = (
    PdfJob("script-cards-letter.pdf", SCRIPT_CARDS, "letter", "Script cards, US Letter"),
    PdfJob("script-cards-a4.pdf", SCRIPT_CARDS, "a4", "Script cards, A4"),
    PdfJob("script-cards-4x6.pdf", SCRIPT_CARDS, "card", "Script cards, 4 x 6 in"),
    PdfJob("pocket-checklist.pdf", POCKET_CHECKLIST, None, "Pocket checklist"),
)


@dataclass(frozen=True)
class PdfResult:
    path: Path
    seconds: float
    size: int


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@contextmanager
def chromium(executable: str | None = None) -> Iterator[object]:
    """A headless Chromium (Playwright), or PdfError explaining how to get one."""
    from playwright.sync_api import Error, sync_playwright

    executable = executable or chromium_path()
    if not Path(executable).is_file():
        raise PdfError(
            f"the PDF downloads need Chromium, and there is none at {executable}. Run "
            "`make setup` (it installs Debian's chromium), set CHROMIUM_PATH to a Chromium or "
            "Chrome binary, or build without the PDFs with SOAPGUIDE_PDFS=off."
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
    too_big = page.evaluate(_OVERFLOWS)
    if too_big:
        where = ", ".join(f"'{box['id']}' by {box['by']:.0f} px" for box in too_big)
        raise PdfError(
            f"{job.name}: content does not fit its paper ({where}; 96 px = 1 in). "
            "Shorten that text in data/, or see docs/assets/stylesheets/print.css."
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(out), prefer_css_page_size=True)
    return PdfResult(out, time.perf_counter() - started, out.stat().st_size)


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
