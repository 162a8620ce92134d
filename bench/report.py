"""bench/RESULTS.md: the tables of one `make bench` run, in Markdown.

The run's part of the file sits between two marker lines and is replaced by the next run; what
is outside them (hand-written readings, other benches' sections) is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bench.build_cost import BuildCost
from bench.growth import Size, linear
from bench.lighthouse_runs import CATEGORIES, Score
from bench.machine import Machine
from bench.page_weight import FIRST_VISIT_BUDGET, OWN_ASSETS_BUDGET, PageWeight
from bench.zensical_build import ZensicalResult

START = "<!-- make bench: start (this part is rewritten by every run) -->"
END = "<!-- make bench: end -->"
RATIO_BUDGET = 1.25


def table(head: Sequence[str], rows: Sequence[Sequence[object]], right: bool = True) -> str:
    align = ["---"] + [("---:" if right else "---")] * (len(head) - 1)
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def s(seconds: float) -> str:
    return f"{seconds:.2f} s"


def kb(size: int) -> str:
    return f"{size / 1000:.1f} KB"


def yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def machine_section(machine: Machine, runs: int, size: str) -> str:
    loads = "; ".join(
        f"{moment}: {one:.2f} / {five:.2f} / {fifteen:.2f}"
        for moment, (one, five, fifteen) in machine.loads
    )
    versions = ", ".join(f"{name} {version}" for name, version in machine.versions().items())
    return (
        f"Run {machine.started:%Y-%m-%d %H:%M %Z} (`make bench`, size {size}). "
        f"{machine.cpus} CPUs; Python {machine.python}; {versions}.\n\n"
        f"Load average (1 / 5 / 15 min) {loads}. The machine is shared: read wall times with "
        f"the load in mind; CPU times (user + system) move less with it.\n\n"
        f"Every figure is the median of {runs} runs unless a table says otherwise; each ratio "
        f"compares figures from this same run."
    )


def build_section(cost: BuildCost) -> str:
    ours, floor, pdfs = cost.ours, cost.floor, cost.with_pdfs
    load_w, load_c = ours.part("load_wall"), ours.part("load_cpu")
    render_w, render_c = ours.part("render_wall"), ours.part("render_cpu")
    rows = [
        [
            "load and validate data/ (with importing the engine), rebuild",
            s(load_w),
            s(load_c),
        ],
        ["render pages (renderer set-up, every page once)", s(render_w), s(render_c)],
        [
            "MkDocs and Material (the rest of the process)",
            s(ours.wall - load_w - render_w),
            s(ours.cpu - load_c - render_c),
        ],
    ]
    if pdfs.runs:
        rows.append(
            [
                f"PDFs (4 files; median of {len(pdfs.runs)} builds with them)",
                s(pdfs.part("pdfs_wall")),
                f"{s(pdfs.part('pdfs_cpu'))} in Python + Chromium's own",
            ]
        )
    rows.append(["**our build without PDFs**, rebuild", s(ours.wall), s(ours.cpu)])
    cold = cost.cold
    if cold.runs:
        rows.insert(
            1,
            [
                "load and validate data/, first build (every check, engine compiled)",
                s(cold.part("load_wall")),
                s(cold.part("load_cpu")),
            ],
        )
        rows.append(["our build without PDFs, first build", s(cold.wall), s(cold.cpu)])
    if pdfs.runs:
        rows.append(["our build with PDFs", s(pdfs.wall), s(pdfs.cpu)])
    split = table(["part", "wall", "CPU"], rows)
    ratio_rows = [
        ["ours, no PDFs, rebuild", s(ours.wall), s(ours.cpu), f"{ours.peak_mb:.0f} MB"],
        [
            "floor: exported pages, plain Material",
            s(floor.wall),
            s(floor.cpu),
            f"{floor.peak_mb:.0f} MB",
        ],
        [
            "**ours ÷ floor**",
            f"**{cost.ratio_wall:.2f}×**",
            f"**{cost.ratio_cpu:.2f}×**",
            f"{ours.peak_mb / floor.peak_mb:.2f}×",
        ],
    ]
    if cold.runs:
        ratio_rows.insert(
            1,
            ["ours, no PDFs, first build", s(cold.wall), s(cold.cpu), f"{cold.peak_mb:.0f} MB"],
        )
        ratio_rows.append(
            [
                "**ours, first build ÷ floor**",
                f"**{cost.ratio_cold_wall:.2f}×**",
                f"**{cost.ratio_cold_cpu:.2f}×**",
                f"{cold.peak_mb / floor.peak_mb:.2f}×",
            ]
        )
    if pdfs.runs:
        ratio_rows.insert(
            1,
            ["ours with PDFs", s(pdfs.wall), s(pdfs.cpu), f"{pdfs.peak_mb:.0f} MB (with Chromium)"],
        )
    verdict = (
        f"Budget: ours ≤ {RATIO_BUDGET}× the floor without PDFs: "
        f"{yes(cost.ratio_wall <= RATIO_BUDGET)} in wall time, "
        f"{yes(cost.ratio_cpu <= RATIO_BUDGET)} in CPU time, on a rebuild"
    )
    if cold.runs:
        verdict += (
            f"; on a first build, {yes(cost.ratio_cold_wall <= RATIO_BUDGET)} in wall time, "
            f"{yes(cost.ratio_cold_cpu <= RATIO_BUDGET)} in CPU time"
        )
    verdict += "."
    return (
        "### Build cost, split\n\n"
        f"Each is a whole `mkdocs build --strict` process (start-up included), {len(ours.runs)} "
        "runs of ours (a rebuild and a first build) and of the floor, in turns. The parts are "
        "timed inside our build (bench/build_probe.py); MkDocs and Material is the rest. "
        "*Rebuild*: content that passed its checks before, which skips them "
        "(hooks/soapguide/check/cache.py), its texts converted before "
        "(hooks/soapguide/render/text_store.py), and the engine's bytecode kept "
        "(PYTHONPYCACHEPREFIX, as `make` keeps it). *First build*: every check run, every text "
        "converted and every engine module compiled, as on a fresh clone in CI "
        "(SOAPGUIDE_CACHE=off).\n\n"
        f"{split}\n\n### Against the floor\n\n"
        "The floor: the same pages with our macros' output already rendered (`make export`), "
        "built by plain MkDocs + Material (no hooks, no overrides). Peak memory is the "
        "process's maximum resident set.\n\n"
        f"{table(['build', 'wall', 'CPU', 'peak memory'], ratio_rows)}\n\n{verdict}"
    )


def growth_section(sizes: Sequence[Size]) -> str:
    names = list(sizes[0].items)
    rows = [
        [
            f"{size.factor}×",
            *(size.items[name] for name in names),
            s(size.runs.wall),
            s(size.runs.cpu),
            s(size.runs.part("render_cpu")),
            f"{size.runs.peak_mb:.0f} MB",
        ]
        for size in sizes
    ]
    text = (
        "### Growth\n\n"
        "The content's lists made longer (bench/growth.py: copies with new ids; the flow grows "
        "a tree from one more answer to its first question). Builds without PDFs, every check "
        "run and every text converted (SOAPGUIDE_CACHE=off), "
        f"{len(sizes[0].runs.runs)} runs each.\n\n"
        + table(["size", *names, "wall", "CPU", "of which rendering (CPU)", "peak memory"], rows)
    )
    if len(sizes) >= 3:
        verdicts = []
        for label, cost, unit in (
            ("CPU time", lambda z: z.runs.cpu, "s"),
            ("wall time", lambda z: z.runs.wall, "s"),
            ("peak memory", lambda z: z.runs.peak_mb, "MB"),
        ):
            early, late, ok = linear(sizes, cost)
            verdicts.append(
                f"- {label}: {early:.3f} {unit} per 1× of content from {sizes[0].factor}× to "
                f"{sizes[1].factor}×, {late:.3f} {unit} from {sizes[1].factor}× to "
                f"{sizes[-1].factor}×: {'linear' if ok else '**faster than linear**'}."
            )
        text += (
            "\n\nLinear means the cost of each added 1× of content does not rise with size "
            "(the later slope at most 1.5 times the earlier):\n\n" + "\n".join(verdicts)
        )
    return text


def weight_section(weights: Sequence[PageWeight]) -> str:
    rows = []
    for w in weights:
        k = w.ours.by_kind
        over_ok = w.over_material <= FIRST_VISIT_BUDGET
        own_ok = w.own <= OWN_ASSETS_BUDGET
        rows.append(
            [
                f"/{w.path}",
                kb(k["html"]),
                kb(k["css"]),
                kb(k["js"]),
                kb(k["other"]),
                kb(w.ours.total),
                kb(w.material.total),
                ("+" if w.over_material >= 0 else "")
                + kb(w.over_material)
                + ("" if over_ok else " **over**"),
                f"{kb(w.own)}{'' if own_ok else ' **over**'}",
                f"{w.ours.own_js} B",
            ]
        )
    worst_over = max(w.over_material for w in weights)
    worst_own = max(w.own for w in weights)
    return (
        "### Page weight\n\n"
        "A first visit to each page (empty cache) in Chromium, served gzipped as GitHub Pages "
        "serves it: every file it loads until the network is quiet (Material's search index "
        "and worker included; the favicon added), at the size the server sent. *Material's* "
        "is the same page in the floor site without our stylesheets and scripts: what "
        "Material alone costs for the same content. *Ours (CSS+JS)* is our own files on "
        "the page; *our JS* is our script files (the inline review-date check is counted in "
        "the HTML).\n\n"
        + table(
            [
                "page",
                "HTML",
                "CSS",
                "JS",
                "other",
                "first visit",
                "Material's",
                "over Material's (≤ 8 KB)",
                "ours: CSS+JS (≤ 8 KB)",
                "our JS",
            ],
            rows,
        )
        + f"\n\nLargest: {kb(worst_over)} over Material's; {kb(worst_own)} of our own CSS+JS. "
        "Sizes in KB of 1000 bytes."
    )


def lighthouse_section(scores: Sequence[Score]) -> str:
    rows = [
        [
            f"**{score.label}**" if score.label.startswith("stock") else score.label,
            *(f"{score.scores[name]:.0f}" for name in CATEGORIES),
            f"{score.metrics['FCP'] / 1000:.2f} s",
            f"{score.metrics['LCP'] / 1000:.2f} s",
            f"{score.metrics['TBT']:.0f} ms",
            f"{score.metrics['CLS']:.3f}",
        ]
        for score in scores
    ]
    ours = [score for score in scores if not score.label.startswith("stock")]
    all_100 = all(all(score.scores[n] >= 100 for n in CATEGORIES) for score in ours)
    perf_100 = sum(1 for score in ours if score.scores["performance"] >= 100)
    return (
        "### Lighthouse\n\n"
        f"Lighthouse 12.2.3, mobile preset (simulated slow 4G and 4× CPU slowdown), Debian's "
        f"Chromium, each page served gzipped on 127.0.0.1 (bench/gzip_server.py); median of "
        f"{ours[0].runs if ours else 0} runs, all pages in turns, the stock Material page "
        "(`mkdocs new` with `theme: material`, system fonts) in the same turns.\n\n"
        + table(
            [
                "page",
                "performance",
                "accessibility",
                "best practices",
                "SEO",
                "FCP",
                "LCP",
                "TBT",
                "CLS",
            ],
            rows,
        )
        + f"\n\nPerformance 100 on {perf_100} of {len(ours)} pages; all four at 100 on every "
        f"page: {yes(all_100)}."
    )


def zensical_section(result: ZensicalResult, floor_wall: float, floor_cpu: float) -> str:
    d = result.differences
    examples = "; ".join(f"`{old}` → `{new}` on {page}" for page, old, new in d.link_examples)
    added = "; ".join(f"`{line}` ({count} pages)" for line, count in d.added_elements.items())
    lunr = [p for p in d.files_only_mkdocs if "/lunr/" in p]
    only_mk = [p for p in d.files_only_mkdocs if "/lunr/" not in p]
    return (
        "### The successor: Zensical\n\n"
        f"`zensical build` ({result_version()}) of the exported folder (`make export`: rendered "
        "pages and a plain mkdocs.yml, no hooks), from cold (its cache removed), "
        f"{len(result.runs.runs)} runs, against plain MkDocs + Material on the same folder "
        "(the floor above).\n\n"
        + table(
            ["build of the exported pages", "wall", "CPU", "peak memory"],
            [
                ["MkDocs + Material", s(floor_wall), s(floor_cpu), ""],
                [
                    "Zensical",
                    s(result.runs.wall),
                    s(result.runs.cpu),
                    f"{result.runs.peak_mb:.0f} MB",
                ],
                [
                    "Zensical ÷ MkDocs",
                    f"{result.runs.wall / floor_wall:.2f}×",
                    f"{result.runs.cpu / floor_cpu:.2f}×",
                    "",
                ],
            ],
        )
        + f'\n\nZensical\'s own figure ("Build finished in"): {s(result.reported)}; the rest '
        "of its wall time is starting up.\n\n"
        "What renders differently (each page's `<article>` compared line by line):\n\n"
        f"- pages missing: {', '.join(d.missing_pages) or 'none'}; extra: "
        f"{', '.join(d.extra_pages) or 'none'}.\n"
        f"- links in raw HTML rewritten: {d.rewritten_links} ({examples or 'none'}).\n"
        f"- elements added: {added or 'none'}.\n"
        f"- other changed lines: {d.other_lines}"
        + (f" (e.g. {'; '.join(d.other_examples)})" if d.other_examples else "")
        + ".\n"
        f"- files only MkDocs writes: {', '.join(only_mk) or 'none'}"
        + (f", and {len(lunr)} lunr language files" if lunr else "")
        + f".\n- files only Zensical writes: {', '.join(d.files_only_zensical) or 'none'}.\n"
        f"- what it printed: {' / '.join(d.messages) or 'nothing'}."
    )


def result_version() -> str:
    from bench.zensical_build import VERSION

    return f"zensical {VERSION}"


def write(out: Path, sections: Sequence[str]) -> None:
    body = "\n\n".join([START, "## `make bench`", *sections, END])
    if out.exists():
        text = out.read_text(encoding="utf-8")
        if START in text and END in text:
            before, rest = text.split(START, 1)
            after = rest.split(END, 1)[1]
            out.write_text(before + body + after, encoding="utf-8")
            return
        out.write_text(text.rstrip() + "\n\n" + body + "\n", encoding="utf-8")
        return
    out.write_text("# Benchmarks\n\n" + body + "\n", encoding="utf-8")
