"""Measure the design of a built site as a phone reader meets it. Measurements, not tests.

Run from the repo root: ``.venv/bin/python bench/design_measure.py --site DIR`` (a built site;
build an older commit into another folder to compare). Prints a Markdown report:

- home at 390 x 844: where the title, the rule sentence, the short answer and the
  "Should I call?" button end (px from the top; the first screen is 844 px);
- every outcome of "Should I call?" at 390 x 844: where the verdict and the first next step end;
- the smallest text on screen (phone and desktop), outside the print pages' paper view;
- contrast of the short answer's bar and the header against their backgrounds, both palettes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "hooks"), str(ROOT / "scripts"), str(ROOT / "bench")]
from screenshots import outcome_query, path_query  # noqa: E402
from soapguide.flow.model import build_flow  # noqa: E402
from soapguide.guide import load_content  # noqa: E402
from soapguide.printing.pdf import CHROMIUM_ARGS, chromium_path  # noqa: E402

from tests.static_server import serve_directory  # noqa: E402

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}
HOME = {
    "title": "h1",
    "rule sentence": ".rule-first strong",
    "short answer": ".answer-first__answer",
    "Should I call? button": ".md-content a.md-button[href$='should-i-call/']",
}
BOTTOM = "s => { const e = document.querySelector(s); if (!e) return null;"
BOTTOM += " const r = e.getBoundingClientRect(); return Math.round(r.bottom + scrollY); }"
SMALLEST = """() => {
  let min = [1e9, ""];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".script-card--paper, .print-card, .pocket, .visually-hidden"))
      continue;
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    if (!el.getClientRects().length || getComputedStyle(el).visibility !== "visible") continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < min[0]) min = [size, el.tagName.toLowerCase() + "." + el.className];
  }
  return min;
}"""
# Contrast of two computed colours (any CSS syntax: the canvas turns them into sRGB).
CONTRAST = """([selector, fg, bgSelector, bg]) => {
  const el = document.querySelector(selector), back = document.querySelector(bgSelector);
  if (!el || !back) return null;
  const ctx = document.createElement("canvas").getContext("2d");
  const rgb = c => { ctx.fillStyle = "#000"; ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3); };
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const a = lum(getComputedStyle(el)[fg]), b = lum(getComputedStyle(back)[bg]);
  return Math.round((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) * 10) / 10;
}"""
CONTRASTS = {
    "short answer bar / page": [".answer-first", "borderLeftColor", "body", "backgroundColor"],
    "header text / header": [".md-header__topic", "color", ".md-header", "backgroundColor"],
}


def report(site: Path) -> str:
    from playwright.sync_api import sync_playwright

    flow = build_flow(load_content(ROOT / "data", ROOT).documents["flow"])
    firsts = {}
    for path in flow.paths():
        firsts.setdefault(path.outcome.id, path)
    out = ["| measure | value |", "|---|---:|"]
    with serve_directory(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=PHONE)
        page.goto(base, wait_until="load")
        for name, selector in HOME.items():
            out.append(f"| home 390×844: {name} ends at | {page.evaluate(BOTTOM, selector)} px |")
        verdicts, steps = [], []
        for outcome_id, path in firsts.items():
            page.goto(base + "should-i-call/" + path_query(path), wait_until="load")
            page.wait_for_selector("#flow.flow--js")
            verdicts.append((page.evaluate(BOTTOM, "#flow-heading"), outcome_id))
            steps.append((page.evaluate(BOTTOM, ".flow-result .flow-next-steps li"), outcome_id))
        worst = f"worst of {len(firsts)}"
        out.append(f"| outcome 390×844: verdict ends at ({worst}) | {max(verdicts)[0]} px |")
        out.append(f"| outcome 390×844: first next step ends at (worst) | {max(steps)[0]} px |")
        pages = ["", "rules/", "what-to-say/", "should-i-call/" + outcome_query(flow), "faq/"]
        for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            view = browser.new_page(viewport=viewport)
            smallest = (1e9, "")
            for path in pages:
                view.goto(base + path, wait_until="load")
                smallest = min(smallest, tuple(view.evaluate(SMALLEST)))
            size, where = smallest
            out.append(f"| smallest text on screen, {label} | {size:g} px ({where}) |")
            view.close()
        for scheme in ("light", "dark"):
            view = browser.new_page(viewport=PHONE, color_scheme=scheme)
            view.goto(base, wait_until="load")
            for name, args in CONTRASTS.items():
                out.append(f"| contrast, {scheme}: {name} | {view.evaluate(CONTRAST, args)}:1 |")
            view.close()
        browser.close()
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site")
    print(report(parser.parse_args().site))


if __name__ == "__main__":
    main()
